//! Finding the report inside a page: the headline, the publication date and the body lines,
//! leaving out navigation, bylines, disclaimers and footers.

use std::sync::OnceLock;

use regex::Regex;

/// Where the report is in a document (char ranges into the text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The headline line.
    pub title: Option<(usize, usize)>,
    /// Publication date found near the top, `YYYY-MM-DD` (or shorter).
    pub published: Option<String>,
    /// The body lines, in order.
    pub body: Vec<(usize, usize)>,
}

/// Markers of page furniture that no report sentence contains.
const STRONG_BOILERPLATE: &[&str] =
    &["免责声明", "版权所有", "ICP备", "公网安备", "本网转载", "转载请注明", "Copyright", "copyright", "All Rights"];

/// Markers of page furniture in short lines (a long line with them is still text).
const BOILERPLATE: &[&str] = &[
    "网站首页",
    "网站地图",
    "联系我们",
    "关于我们",
    "责任编辑",
    "【我要纠错】",
    "相关稿件",
    "字号：",
    "字号:",
    "打印",
    "点击排行",
    "推荐资讯",
    "推荐图文",
    "同类资讯",
    "分享到",
    "扫一扫",
    "上一篇",
    "下一篇",
    "返回顶部",
    "隐私政策",
    "使用说明",
    "联系方式",
    "主办单位",
    "承办单位：",
    "技术支持",
    "编辑：",
    "编辑:",
    "校对：",
    "审核：",
    "来源：",
    "来源:",
    "浏览次数",
    "阅读次数",
    "【打印】",
    "【关闭】",
    "关闭窗口",
    "更多>",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "首页 >",
    "首页>",
];

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(20\d\d|19\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})").expect("valid regex"))
}

/// Whether a line is page furniture.
pub fn is_boilerplate(line: &str) -> bool {
    let t = line.trim();
    // One pass over the line for all the strong markers (paragraphs are long).
    static STRONG: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(STRONG_BOILERPLATE).expect("the markers build an automaton")
    });
    if STRONG.is_match(t) {
        return true;
    }
    if t.chars().count() < 40 && BOILERPLATE.iter().any(|m| t.contains(m)) {
        return true;
    }
    // Navigation rows: several short items separated by bars.
    t.matches('|').count() >= 2
}

/// Whether a line reads as running text of a report.
fn is_content(line: &str) -> bool {
    let n = line.chars().count();
    // A slogan banner has commas but no full stop; a paragraph has a full stop or is long.
    ((n >= 30 && line.contains('。')) || (n >= 60 && line.contains('，'))) && !is_boilerplate(line)
}

/// Whether a line is a sentence: it ends with sentence punctuation and is mostly Chinese.
fn is_sentence_line(line: &str) -> bool {
    let t = line.trim();
    let han = t.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    han >= 6 && (t.ends_with('。') || t.ends_with('！') || t.ends_with('？') || t.ends_with('”'))
}

/// Whether a line could be a headline.
fn is_headline(line: &str) -> bool {
    let n = line.trim().chars().count();
    (6..=90).contains(&n)
        && !is_boilerplate(line)
        && !line.trim_end().ends_with('。')
        && line.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count() >= 5
}

/// Words that make a headline line look like the news headline rather than a slogan.
const HEADLINE_WORDS: &[&str] = &[
    "召开", "举行", "主持", "出席", "会见", "会谈", "调研", "考察", "座谈", "会议", "论坛", "大会", "开幕", "闭幕",
    "讲话", "举办", "学习", "视察", "慰问", "走访", "开工", "仪式", "成立", "活动", "率队", "检查", "签约", "揭牌",
];

/// Splits `chars` into lines and picks out the headline, date and body.
pub fn find_article(chars: &[char]) -> Article {
    let mut lines = Vec::new();
    let mut s = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            lines.push((s, i));
            s = i + 1;
        }
    }
    lines.push((s, chars.len()));
    let text: Vec<String> = lines.iter().map(|&(a, b)| chars[a..b].iter().collect()).collect();

    let first_content = text.iter().position(|l| is_content(l));
    let Some(first) = first_content else {
        // No running text: keep every non-furniture line.
        let body = lines
            .iter()
            .zip(&text)
            .filter(|(_, l)| !l.trim().is_empty() && !is_boilerplate(l))
            .map(|(r, _)| *r)
            .collect();
        return Article { title: None, published: find_date(&text, text.len()), body };
    };
    // The body ends with the last line of running text; a short closing paragraph that is
    // still a sentence (区领导某某参加会议。) belongs to it.
    let last = text
        .iter()
        .rposition(|l| is_content(l) || (is_sentence_line(l) && !is_boilerplate(l)))
        .unwrap_or(first)
        .max(first);

    // The headline: a line before the body that reads like a news headline, else the first
    // plausible line.
    let candidates: Vec<usize> = (0..first).filter(|&i| is_headline(&text[i])).collect();
    let title_line = candidates
        .iter()
        .copied()
        .find(|&i| HEADLINE_WORDS.iter().any(|w| text[i].contains(w)))
        .or_else(|| candidates.first().copied());

    let mut body: Vec<(usize, usize)> = Vec::new();
    for i in first..=last {
        let l = &text[i];
        if l.trim().is_empty() || is_boilerplate(l) {
            continue;
        }
        body.push(lines[i]);
    }
    let title = title_line.map(|i| trim_range(chars, lines[i]));
    Article { title, published: find_date(&text, first + 1), body }
}

fn trim_range(chars: &[char], (mut a, mut b): (usize, usize)) -> (usize, usize) {
    while a < b && chars[a].is_whitespace() {
        a += 1;
    }
    while b > a && chars[b - 1].is_whitespace() {
        b -= 1;
    }
    (a, b)
}

/// The first full date in the lines before the body.
fn find_date(lines: &[String], upto: usize) -> Option<String> {
    for l in lines.iter().take(upto.min(lines.len())) {
        if let Some(c) = date_re().captures(l) {
            let (y, m, d): (u32, u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn finds_headline_date_and_body_between_furniture() {
        let page = "网站首页 | 新闻 | 政务\n某市召开科技工作座谈会\n2024-02-20 来源：某市科委\n\
                    1月19日，某市科委组织召开科技工作座谈会，会议由某某主持，各区负责同志参加会议。\n\
                    免责声明：本网转载自其它媒体的文章。\n";
        let c = chars(page);
        let a = find_article(&c);
        let t = a.title.map(|(s, e)| c[s..e].iter().collect::<String>());
        assert_eq!(t.as_deref(), Some("某市召开科技工作座谈会"));
        assert_eq!(a.published.as_deref(), Some("2024-02-20"));
        assert_eq!(a.body.len(), 1);
        let b: String = c[a.body[0].0..a.body[0].1].iter().collect();
        assert!(b.starts_with("1月19日"));
    }

    #[test]
    fn furniture_lines_are_recognised() {
        for l in ["责任编辑：朱英", "网站首页  |  关于我们  |  联系方式", "粤ICP备05102027号"] {
            assert!(is_boilerplate(l), "{l}");
        }
        assert!(!is_boilerplate("会议由市长主持。"));
    }
}

//! HTML pages to article text, with a real HTML parser (html5ever, through `scraper`).
//!
//! Scripts, styles, navigation, headers, footers, sidebars, forms and hidden elements are
//! dropped. The article is the container with the most running text (text with Chinese
//! sentence punctuation counts fully, link lists hardly). The title comes from the page's
//! `ArticleTitle`/`og:title` meta tag, its first `<h1>`, or its `<title>`; the publication
//! date from a `PubDate`-like meta tag, a `<time datetime>`, or a date written above the article.
//!
//! The text handed to the extractor is [`PageText::text`]: the title as the first line, the
//! publication date (`YYYY-MM-DD`) as the second when the page gives one above the article,
//! then one line per paragraph. Offsets in the extraction record count chars in that text.
//!
//! ```
//! let page = r#"<html><head><title>某市召开座谈会_某市政府网</title>
//!   <meta name="PubDate" content="2024-02-20 09:30"><script>var x = "不要";</script></head>
//!   <body><nav><a href="/">首页</a> | <a href="/news">新闻</a></nav>
//!   <div id="content"><h1>某市召开座谈会</h1><p>会议由市长张明主持，副市长李华出席会议。</p>
//!   <p>会议强调，要抓好落实。</p></div><footer>版权所有</footer></body></html>"#;
//! let p = guanxi::text::html_to_text(page);
//! assert_eq!(p.title.as_deref(), Some("某市召开座谈会"));
//! assert_eq!(p.published.as_deref(), Some("2024-02-20"));
//! assert_eq!(p.text, "某市召开座谈会\n2024-02-20\n会议由市长张明主持，副市长李华出席会议。\n会议强调，要抓好落实。");
//! ```

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node};

use super::date::iso_date;

/// The article of an HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageText {
    /// Title line, date line (when found above the article), then the paragraphs, one per line.
    pub text: String,
    /// The page's headline, when it has one.
    pub title: Option<String>,
    /// The page's publication date, `YYYY-MM-DD` (or `YYYY-MM`), when it gives one.
    pub published: Option<String>,
}

/// Whether decoded text is an HTML page rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    // Every sign below starts with `<`: plain text is told at its first char.
    if !head.starts_with('<') {
        return false;
    }
    let head: String = head.chars().take(2048).collect();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return true;
    }
    lower.starts_with('<')
        && ["<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article"]
            .iter()
            .any(|t| lower.contains(t))
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe", "svg", "button", "select",
    "textarea", "object", "embed", "canvas", "audio", "video", "map", "head", "menu", "dialog",
];

/// Class or id words of page furniture (matched as whole words split at `-`, `_`, spaces).
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "foot",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "sidebar",
    "share",
    "copyright",
    "topbar",
    "toolbar",
    "skip",
    "dh",
    "daohang",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "header",
    "figure",
    "figcaption",
    "center",
    "address",
    "body",
    "html",
    "tbody",
    "thead",
    "caption",
    "title",
];

/// Meta names and properties that carry the publication date.
const DATE_META: &[&str] = &[
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "article:published_time",
    "og:release_date",
    "firstpublishedtime",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "date",
    "releasedate",
];

/// Meta names and properties that carry the headline.
const TITLE_META: &[&str] = &["articletitle", "og:title", "twitter:title"];

#[derive(Debug)]
struct Paragraph {
    text: String,
    owner: Option<NodeId>,
}

/// Converts a page to its article text, title and publication date.
pub fn html_to_text(html: &str) -> PageText {
    let bounded = bound_attributes(html);
    let html = bounded.as_deref().unwrap_or(html);
    let flat = flatten_deep_nesting(html);
    let doc = Html::parse_document(flat.as_deref().unwrap_or(html));
    let mut w = Walker::default();
    w.walk(&doc);
    w.finish(&doc)
}

#[derive(Default)]
struct Walker {
    paragraphs: Vec<Paragraph>,
    current: String,
    owner: Option<NodeId>,
    pending_space: bool,
    pending_newline: bool,
    /// Open elements whose content is dropped (by node id), outermost first.
    dropped: Option<NodeId>,
    in_title: bool,
    in_pre: usize,
    in_article: usize,
    in_h1: Option<String>,
    title_tag: String,
    h1s: Vec<String>,
    meta: HashMap<String, String>,
    time_datetime: Option<String>,
    /// Element id → paragraph index range it spans.
    ranges: HashMap<NodeId, (usize, usize)>,
    starts: HashMap<NodeId, usize>,
    /// Innermost open block element.
    blocks: Vec<NodeId>,
}

impl Walker {
    fn walk(&mut self, doc: &Html) {
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        let name = e.name();
                        if name == "meta" {
                            self.read_meta(e);
                        }
                        if name == "time" && self.time_datetime.is_none() {
                            self.time_datetime = e.attr("datetime").map(str::to_owned);
                        }
                        if name == "title" && self.dropped.is_some_and(|d| is_head(doc, d)) {
                            self.in_title = true;
                        }
                        if self.dropped.is_some() {
                            continue;
                        }
                        if self.is_dropped(e) {
                            self.dropped = Some(node.id());
                            continue;
                        }
                        if name == "article" || name == "main" {
                            self.in_article += 1;
                        }
                        if name == "pre" {
                            self.in_pre += 1;
                        }
                        if BLOCKS.contains(&name) {
                            self.end_paragraph();
                            self.blocks.push(node.id());
                        } else if matches!(name, "td" | "th") {
                            self.pending_space = true;
                        }
                        if name == "h1" && self.in_h1.is_none() {
                            self.in_h1 = Some(String::new());
                        }
                        self.starts.insert(node.id(), self.paragraphs.len());
                    }
                    Node::Text(t) => {
                        if self.in_title {
                            self.title_tag.push_str(t);
                        }
                        if self.dropped.is_none() {
                            if let Some(h) = self.in_h1.as_mut() {
                                h.push_str(t);
                            }
                            self.push_text(t);
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(e) = node.value() else { continue };
                    let name = e.name();
                    if name == "title" {
                        self.in_title = false;
                    }
                    if let Some(d) = self.dropped {
                        if d == node.id() {
                            self.dropped = None;
                        }
                        continue;
                    }
                    if BLOCKS.contains(&name) {
                        self.end_paragraph();
                        if self.blocks.last() == Some(&node.id()) {
                            self.blocks.pop();
                        }
                    }
                    if name == "article" || name == "main" {
                        self.in_article = self.in_article.saturating_sub(1);
                    }
                    if name == "pre" {
                        self.in_pre = self.in_pre.saturating_sub(1);
                    }
                    if name == "h1" {
                        if let Some(h) = self.in_h1.take() {
                            self.h1s.push(collapse(&h));
                        }
                    }
                    if let Some(s) = self.starts.remove(&node.id()) {
                        self.ranges.insert(node.id(), (s, self.paragraphs.len()));
                    }
                }
            }
        }
        self.end_paragraph();
    }

    fn read_meta(&mut self, e: &scraper::node::Element) {
        let key = e.attr("name").or_else(|| e.attr("property")).or_else(|| e.attr("itemprop"));
        if let (Some(k), Some(v)) = (key, e.attr("content")) {
            self.meta.entry(k.to_ascii_lowercase()).or_insert_with(|| v.trim().to_owned());
        }
    }

    fn is_dropped(&self, e: &scraper::node::Element) -> bool {
        let name = e.name();
        if DROPPED.contains(&name) || (name == "header" && self.in_article == 0) {
            return true;
        }
        if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
            return true;
        }
        if matches!(e.attr("role"), Some("navigation" | "contentinfo" | "banner" | "search")) {
            return true;
        }
        if e.attr("style").is_some_and(|s| s.replace(' ', "").to_ascii_lowercase().contains("display:none")) {
            return true;
        }
        let words = e.attr("class").into_iter().chain(e.attr("id"));
        words.flat_map(|v| v.split(|c: char| c == '-' || c == '_' || c.is_whitespace())).any(|w| {
            let w = w.to_ascii_lowercase();
            FURNITURE_WORDS.contains(&w.as_str())
        })
    }

    fn push_text(&mut self, t: &str) {
        if self.in_pre > 0 {
            for (i, line) in t.split('\n').enumerate() {
                if i > 0 {
                    self.end_paragraph();
                }
                self.push_word(line);
            }
            return;
        }
        for c in t.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = true;
                self.pending_newline |= c == '\n' || c == '\r';
            } else {
                if self.pending_space && !self.current.is_empty() {
                    let prev = self.current.chars().next_back().unwrap_or(' ');
                    // A line break between two CJK chars is no space (CSS segment breaks).
                    if !(self.pending_newline && is_wide(prev) && is_wide(c)) {
                        self.current.push(' ');
                    }
                }
                self.pending_space = false;
                self.pending_newline = false;
                if self.current.is_empty() {
                    self.owner = self.blocks.last().copied();
                }
                self.current.push(c);
            }
        }
    }

    fn push_word(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if self.current.is_empty() {
            self.owner = self.blocks.last().copied();
        }
        self.current.push_str(s);
    }

    fn end_paragraph(&mut self) {
        self.pending_space = false;
        self.pending_newline = false;
        let text = self.current.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{a0}');
        if !text.is_empty() {
            self.paragraphs.push(Paragraph { text: text.to_owned(), owner: self.owner });
        }
        self.current.clear();
        self.owner = None;
    }

    fn finish(self, doc: &Html) -> PageText {
        // Score containers by the running text under them.
        let mut score: HashMap<NodeId, f64> = HashMap::new();
        for p in &self.paragraphs {
            let n = p.text.chars().filter(|c| !c.is_whitespace()).count() as f64;
            let prose = p.text.contains(['，', '。', '；', '、']);
            let w = if prose { n } else { n * 0.25 };
            let Some(owner) = p.owner else { continue };
            let mut node = doc.tree.get(owner);
            for share in [1.0, 1.0, 0.5] {
                let Some(n) = node else { break };
                if n.value().is_element() {
                    *score.entry(n.id()).or_default() += w * share;
                }
                node = n.parent();
            }
        }
        let depth = |id: NodeId| doc.tree.get(id).map_or(0, |n| n.ancestors().count());
        let best = score
            .iter()
            .filter(|(id, _)| self.ranges.contains_key(id))
            .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| depth(*a.0).cmp(&depth(*b.0))).then_with(|| b.0.cmp(a.0)))
            .map(|(id, s)| (*id, *s));
        let (start, end) = match best {
            Some((id, s)) if s >= 20.0 => self.ranges[&id],
            _ => (0, self.paragraphs.len()),
        };

        let title = TITLE_META
            .iter()
            .find_map(|k| self.meta.get(*k).map(|v| collapse(v)).filter(|v| !v.is_empty()))
            .or_else(|| self.h1s.iter().find(|h| (2..=100).contains(&h.chars().count())).cloned())
            .or_else(|| clean_title_tag(&self.title_tag));
        let published = DATE_META
            .iter()
            .find_map(|k| self.meta.get(*k).and_then(|v| iso_date(v)))
            .or_else(|| self.time_datetime.as_deref().and_then(iso_date))
            .or_else(|| self.paragraphs[..start].iter().rev().find_map(|p| iso_date(&p.text)));

        let mut lines: Vec<&str> = Vec::new();
        if let Some(t) = &title {
            lines.push(t);
        }
        let body = &self.paragraphs[start..end];
        let date_in_body = body.iter().take(3).any(|p| iso_date(&p.text).is_some());
        if let (Some(d), false) = (&published, date_in_body) {
            lines.push(d);
        }
        for (i, p) in body.iter().enumerate() {
            if i == 0 && Some(&p.text) == title.as_ref() {
                continue;
            }
            lines.push(&p.text);
        }
        PageText { text: lines.join("\n"), title, published }
    }
}

/// The most attributes a tag keeps: the HTML tree builder checks each new attribute against
/// the tag's others, so time grows with the square of their number (a tag with 500k
/// attributes took minutes). Pages use a few dozen at most.
const MAX_ATTRIBUTES: usize = 64;

/// When a tag has more than [`MAX_ATTRIBUTES`] attributes, the page with the extra ones cut
/// (the tag keeps its first ones); `None` for ordinary pages.
fn bound_attributes(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let start = i + off;
        if b[start..].starts_with(b"<!--") {
            i = html[start + 4..].find("-->").map_or(b.len(), |e| start + 4 + e + 3);
            continue;
        }
        if !b.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        let (end, cut) = scan_attributes(b, start + 1);
        if let Some(cut) = cut {
            // Keep the tag's closing `>` (or `/>`); an unclosed tag loses the rest.
            let close = match (end.checked_sub(1).map(|e| b[e]), end.checked_sub(2).map(|e| b[e])) {
                (Some(b'>'), Some(b'/')) => end - 2,
                (Some(b'>'), _) => end - 1,
                _ => end,
            };
            cuts.push(cut..close.max(cut));
        }
        i = end.max(start + 1);
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for c in cuts {
        out.push_str(&html[last..c.start]);
        last = c.end;
    }
    out.push_str(&html[last..]);
    Some(out)
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// Reads a start tag from its name (at `from`) as the HTML tokenizer does: attribute names,
/// `=`, quoted or bare values. Returns where the tag ends (after `>`, or the end of the text)
/// and, when it has more than [`MAX_ATTRIBUTES`], where the first extra attribute starts.
fn scan_attributes(b: &[u8], from: usize) -> (usize, Option<usize>) {
    let n = b.len();
    let mut i = from;
    while i < n && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let (mut count, mut cut) = (0, None);
    loop {
        while i < n && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= n {
            return (n, cut);
        }
        if b[i] == b'>' {
            return (i + 1, cut);
        }
        count += 1;
        if count > MAX_ATTRIBUTES && cut.is_none() {
            cut = Some(i);
        }
        // The name: a leading `=` belongs to it, as in the tokenizer.
        i += 1;
        while i < n && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        while i < n && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < n && b[i] == b'=' {
            i += 1;
            while i < n && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < n && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                i = b[i + 1..].iter().position(|&c| c == q).map_or(n, |p| i + 1 + p + 1);
            } else {
                while i < n && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
            }
        }
    }
}

/// Nesting deeper than this is flattened before parsing: the HTML tree builder scans the
/// stack of open elements on many tags, so time grows with the square of the depth.
const MAX_DEPTH: usize = 512;

/// Elements that close themselves or are closed implicitly, so they do not nest.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "td", "th", "tr", "option", "dt", "dd", "!doctype",
];

/// When tags nest deeper than [`MAX_DEPTH`], the page with the tags below that depth
/// replaced (block tags by `<br>`, others by nothing); `None` for ordinary pages.
fn flatten_deep_nesting(html: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for_each_tag(html, |_, name, closing| {
        if NON_NESTING.contains(&name) {
            return;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    });
    if deepest <= MAX_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    depth = 0;
    for_each_tag(html, |range, name, closing| {
        if NON_NESTING.contains(&name) {
            return;
        }
        let level = if closing { depth } else { depth + 1 };
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
        }
        if level > MAX_DEPTH {
            out.push_str(&html[last..range.start]);
            if BLOCKS.contains(&name) {
                out.push_str("<br>");
            }
            last = range.end;
        }
    });
    out.push_str(&html[last..]);
    Some(out)
}

/// Calls `f(byte range, lowercase name, closing)` for each tag, skipping comments and the
/// content of `script` and `style`.
fn for_each_tag(html: &str, mut f: impl FnMut(std::ops::Range<usize>, &str, bool)) {
    let b = html.as_bytes();
    let mut i = 0;
    let mut name = String::new();
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + off;
        if b[start..].starts_with(b"<!--") {
            i = html[start + 4..].find("-->").map_or(b.len(), |e| start + 4 + e + 3);
            continue;
        }
        let closing = b.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'!').count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let end = b[name_start..].iter().position(|&c| c == b'>').map_or(b.len(), |e| name_start + e + 1);
        name.clear();
        name.extend(b[name_start..name_start + name_len].iter().map(|c| c.to_ascii_lowercase() as char));
        let self_closing = end >= 2 && b[end - 2] == b'/';
        if !self_closing {
            f(start..end, &name, closing);
        }
        i = end;
        if !closing && (name == "script" || name == "style") {
            let mut j = i;
            i = loop {
                match html[j..].find("</") {
                    None => break b.len(),
                    Some(e)
                        if b[j + e + 2..].len() >= name.len()
                            && b[j + e + 2..j + e + 2 + name.len()].eq_ignore_ascii_case(name.as_bytes()) =>
                    {
                        break j + e;
                    }
                    Some(e) => j += e + 2,
                }
            };
        }
    }
}

fn is_head(doc: &Html, id: NodeId) -> bool {
    doc.tree.get(id).is_some_and(|n| matches!(n.value(), Node::Element(e) if e.name() == "head"))
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page `<title>` without the site name (`某市召开座谈会_某市政府网` → `某市召开座谈会`).
fn clean_title_tag(t: &str) -> Option<String> {
    let t = collapse(t);
    let first = t.split(['_', '|', '—']).next().unwrap_or("").split(" - ").next().unwrap_or("").trim().to_owned();
    let out = if first.chars().count() >= 4 { first } else { t };
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_furniture_and_keeps_paragraphs() {
        let page = "<!DOCTYPE html><html><head><title>某市召开座谈会_某市政府网</title><style>p{}</style></head><body>\
            <div class=\"top-nav\"><a>首页</a><a>新闻</a></div>\
            <div class=\"main\"><div class=\"info\">发布时间：2024年2月20日 来源：某市科委</div>\
            <div id=\"zoom\"><p>1月19日，某市科委召开座谈会，\n会议由张明主持。</p><p>李华出席会议并讲话，强调要抓好落实。</p></div></div>\
            <div class=\"footer\">网站地图 | 联系我们</div><script>alert('x')</script></body></html>";
        let p = html_to_text(page);
        assert_eq!(p.title.as_deref(), Some("某市召开座谈会"));
        assert_eq!(p.published.as_deref(), Some("2024-02-20"));
        assert_eq!(p.text, "某市召开座谈会\n2024-02-20\n1月19日，某市科委召开座谈会，会议由张明主持。\n李华出席会议并讲话，强调要抓好落实。");
    }

    #[test]
    fn br_breaks_paragraphs_and_spaces_collapse() {
        let p = html_to_text("<body><div>第一段，有  逗号。<br>第二段，也有。</div></body>");
        assert_eq!(p.text, "第一段，有 逗号。\n第二段，也有。");
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("\u{feff}<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <div><p>文字</p></div>"));
        assert!(!looks_like_html("某市召开会议\n会议由张明主持。"));
        assert!(!looks_like_html("<某市> 召开会议"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!("{}会议由张明主持。{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let p = html_to_text(&page);
        assert!(p.text.contains("张明"));
    }

    #[test]
    fn attribute_floods_are_cut_and_fast() {
        let flood: String = (0..500_000).map(|i| format!(" a{i}=\"x>{i}\"")).collect();
        let page =
            format!("<html><body><div{flood}><p>会议由张明主持。</p></div><p id=\"k\">李华出席。</p></body></html>");
        let t = std::time::Instant::now();
        let p = html_to_text(&page);
        assert_eq!(p.text, "会议由张明主持。\n李华出席。");
        assert!(t.elapsed() < std::time::Duration::from_secs(10), "{:?}", t.elapsed());
        let ordinary = "<div class=\"a\" id='b' data-x=1 hidden><p>x</p></div>";
        assert!(bound_attributes(ordinary).is_none());
        let many: String = (0..MAX_ATTRIBUTES + 3).map(|i| format!(" a{i}")).collect();
        let cut = bound_attributes(&format!("<p{many}/>x")).unwrap();
        assert_eq!(cut.matches(" a").count(), MAX_ATTRIBUTES);
        assert!(cut.ends_with("/>x"), "{cut}");
    }

    #[test]
    fn very_deep_nesting_is_flattened_and_fast() {
        let page = format!(
            "<html><body>{}<p>会议由张明主持。</p><p>李华出席。</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let t = std::time::Instant::now();
        let p = html_to_text(&page);
        assert_eq!(p.text, "会议由张明主持。\n李华出席。");
        assert!(t.elapsed() < std::time::Duration::from_secs(10), "{:?}", t.elapsed());
        assert!(flatten_deep_nesting("<div><p>a<div>b</div></p></div><!-- <div> --><script>'<div>'</script>").is_none());
    }
}

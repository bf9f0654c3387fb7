//! Bodies no dictionary lists, named in running text (会议邀请了某地某某科技有限公司、…):
//! a name that ends in a strong body ending (…有限公司, …医院, …学会), whose left edge is found
//! soundly: punctuation, function words, a person's name or a verb end it, a region begins it.

use std::collections::BTreeSet;

use jieba_rs::Jieba;

use super::chains::LEAD_IN_CHARS;
use super::hits::Hits;
use super::orgs::{is_name_char, OrgRef, OrgResolver, OrgTable};
use crate::lexicon::{BodyKind, Lexicon, Surface};

/// Endings that make a name a body wherever it stands, longest first where one ends another.
const STRONG_ENDINGS: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团",
    "公司",
    "大学",
    "学院",
    "医院",
    "研究院",
    "研究所",
    "实验室",
    "学会",
    "协会",
    "基金会",
    "联合会",
    "商会",
    "促进会",
    "分会",
    "开发区",
    "高新区",
    "经开区",
    "园区",
    "管委会",
    "中学",
    "小学",
    "银行",
    "分行",
    "支行",
    "合作社",
    "林场",
    "中心",
    "人民调解委员会",
    "居民委员会",
    "村民委员会",
    "居委会",
    "村委会",
    "派出所",
    "服务站",
    "服务点",
    "博物馆",
    "纪念馆",
    "展示馆",
];

/// Endings that name a body only with a region or a known body in the name (某市政务服务中心;
/// not 工作中心, 数据中心).
const ANCHORED_ENDINGS: &[&str] = &["中心"];

/// Words for a group of bodies (教育部直属高校, 重点企业): a name holding one is a category.
/// (所属, 下属 start a member's name instead: [`BELONGING_WORDS`].)
const CATEGORY_WORDS: &[&str] = &[
    "直属", "相关", "有关", "重点", "骨干", "龙头", "知名", "各类", "部分", "其他", "多家", "一批", "等级", "定点",
    "公立",
];

/// Words of belonging after which a group's member body is named (所属, 下属, 旗下).
const BELONGING_WORDS: &[&str] = &["所属", "下属", "旗下"];

/// Words in a sentence that make it a credit or source line (来源：…), whose bodies do not count.
const CREDIT_MARKS: &[&str] = &["来源", "供稿", "发布者", "责任编辑", "编辑：", "审核：", "作者："];

/// Longest a body's name may reach back from its ending.
const MAX_HEAD: usize = 24;

/// Whether a jieba tag marks a word that no body name contains before its ending (a
/// preposition, conjunction, particle, adverb, pronoun, numeral, measure word or interjection).
fn is_function_tag(tag: &str) -> bool {
    ["p", "c", "u", "d", "r", "y", "e", "o", "q", "f", "x", "m"].iter().any(|t| tag.starts_with(t))
}

/// Finds the shaped bodies of one report, adds them to `orgs` and returns their mentions.
#[allow(clippy::too_many_arguments)]
pub fn shaped_bodies(
    lex: &Lexicon,
    jieba: &Jieba,
    hits: &Hits,
    resolver: &OrgResolver,
    chars: &[char],
    units: &[(usize, usize)],
    persons: &BTreeSet<String>,
    known: &[(usize, usize, String)],
    orgs: &mut OrgTable,
) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let ending_lasts: Vec<char> = STRONG_ENDINGS.iter().filter_map(|w| w.chars().last()).collect();
    for &(s, e) in units {
        let sentence: String = chars[s..e].iter().collect();
        if CREDIT_MARKS.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        let mut found: Vec<(usize, usize)> = Vec::new();
        for j in s + 2..=e {
            // Most chars end no ending: skip them before trying each ending.
            if !ending_lasts.contains(&chars[j - 1]) {
                continue;
            }
            let Some(ending) = STRONG_ENDINGS.iter().find(|w| ends_with_at(chars, j, w)) else { continue };
            let elen = ending.chars().count();
            let Some(start) = left_edge(lex, jieba, hits, chars, s, j - elen, persons) else { continue };
            if !ends_word(jieba, chars, start, j, e) || title_crosses(hits, j - elen, j) {
                continue;
            }
            // A body of a group after the word of belonging (某集团下属|某某置业有限公司): the name
            // starts after it; other category words make the words a class of bodies.
            let head: String = chars[start..j - elen].iter().collect();
            let start = match BELONGING_WORDS.iter().filter_map(|w| head.rfind(w).map(|k| k + w.len())).max() {
                Some(k) => start + head[..k].chars().count(),
                None => start,
            };
            let head: String = chars[start..j - elen].iter().collect();
            if CATEGORY_WORDS.iter().any(|w| head.contains(w))
                || !has_proper_head(lex, jieba, hits, chars, start, j - elen)
            {
                continue;
            }
            if ANCHORED_ENDINGS.contains(ending) && !anchored(hits, start, j - elen) {
                continue;
            }
            // A longer name with the same start replaces a shorter one (某某集团 → 某某集团公司).
            found.retain(|&(a, b)| !(a == start && b < j));
            found.push((start, j));
        }
        for (a, b) in found {
            // A dictionary body named here already, in full or longer.
            if known.iter().any(|&(ka, kb, _)| ka <= a && b <= kb) {
                continue;
            }
            // A dictionary body that ends the name with words before it (前往|中国科学院).
            if known.iter().any(|&(ka, kb, _)| kb == b && ka > a) {
                continue;
            }
            if out.iter().any(|&(oa, ob, _)| oa <= a && b <= ob) {
                continue;
            }
            let Some(r) = resolver.resolve(&chars[a..b], None, true) else { continue };
            if r.known || r.bare_region {
                continue;
            }
            let name = orgs.add(&r);
            out.push((a, b, name));
        }
    }
    out.extend(divisions(jieba, hits, chars, units, known, orgs));
    out
}

/// Endings of a division inside a body (某委规划处, 某厅办公室, 某局机关党委), longest first
/// where one ends another.
const DIVISION_ENDINGS: &[&str] = &["机关党委", "办公室", "中心", "处", "科", "室", "局", "司"];

/// Last chars of the bodies that have divisions: commissions, departments, bureaus, ministries.
const DIVISION_PARENTS: &[char] = &['委', '厅', '局', '部', '署'];

/// Longest name of one division, ending included.
const MAX_DIVISION: usize = 12;

/// Words that end a division's name in running text (规划处|负责同志, 综合处|等).
const DIVISION_STOPS: &[char] = &['等', '的', '及', '和', '与', '、'];

/// Divisions named right after their parent, and lists of them (某某省发展改革委办公室、规划处、
/// 综合处负责同志): each division takes the parent written before the list. `known` are the
/// dictionary bodies named in the text, with their places.
pub fn divisions(
    jieba: &Jieba,
    hits: &Hits,
    chars: &[char],
    units: &[(usize, usize)],
    known: &[(usize, usize, String)],
    orgs: &mut OrgTable,
) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for &(a, b, ref parent) in known {
        if b <= a || !DIVISION_PARENTS.contains(&chars[b - 1]) {
            continue;
        }
        // A longer known name goes on from here (省委|省政府 of a joint name).
        if known.iter().any(|&(ka, kb, _)| ka <= a && kb > b) || out.iter().any(|&(oa, ..)| oa == b) {
            continue;
        }
        let Some(&(_, e)) = units.iter().find(|&&(s, e)| s <= a && b <= e) else { continue };
        let written: String = chars[a..b].iter().collect();
        let mut spellings = vec![written.clone()];
        spellings.extend(std::iter::once(parent.clone()).chain(orgs.aliases_of(parent).iter().cloned()));
        spellings.dedup();
        let mut at = b;
        while let Some(end) = division_at(jieba, hits, chars, at, e) {
            let item: String = chars[at..end].iter().collect();
            // Named after the parent's full name (a bare level word in the written one, 县委组织部
            // 组织一科, would name the division of every county alike); the spellings are aliases.
            let name = format!("{parent}{item}");
            let mut aliases: Vec<String> = spellings.iter().map(|p| format!("{p}{item}")).collect();
            // A later item of the list is written without its parent.
            if at > b {
                aliases.push(item.clone());
            }
            aliases.retain(|a| *a != name);
            aliases.sort();
            aliases.dedup();
            let r = OrgRef {
                name,
                aliases,
                kind: Some(if item.ends_with("党委") { BodyKind::Party } else { BodyKind::Government }),
                parent: Some(parent.clone()),
                region: None,
                bare_region: false,
                known: false,
            };
            out.push((if at > b { at } else { a }, end, orgs.add(&r)));
            // The list goes on after 、 (or 及, 和 before its last item).
            if end + 1 < e && matches!(chars[end], '、' | '及' | '和') {
                at = end + 1;
            } else {
                break;
            }
        }
    }
    out
}

/// The end of the division named at `at` (规划处 of 规划处、…): Han chars up to a separator,
/// a title or a collective label, ending in a division's ending; `None` when no division
/// stands there, or another body begins (省委|省政府, 、某某省数据局).
fn division_at(jieba: &Jieba, hits: &Hits, chars: &[char], at: usize, limit: usize) -> Option<usize> {
    let starts_body = |k: usize| {
        hits.starting_at(k).any(|h| {
            matches!(h.surface, Surface::Region(_) | Surface::Body(_) | Surface::DepartmentBare(_) | Surface::Title(_))
        })
    };
    // A level word and a department (市|信访局) begin a body of the report's region.
    let level_body = |k: usize| {
        matches!(chars[k], '省' | '市' | '区' | '县' | '州')
            && hits.starting_at(k + 1).any(|h| matches!(h.surface, Surface::DepartmentSuffix))
    };
    if at >= limit || starts_body(at) || level_body(at) {
        return None;
    }
    let mut end = at;
    while end < limit && end - at < MAX_DIVISION && super::names::is_han(chars[end]) {
        if DIVISION_STOPS.contains(&chars[end])
            || (end > at
                && hits
                    .starting_at(end)
                    .any(|h| matches!(h.surface, Surface::Title(_) | Surface::Trigger(_) | Surface::MeetingWord(_))))
        {
            break;
        }
        end += 1;
    }
    let ending = DIVISION_ENDINGS.iter().find(|w| ends_with_at(chars, end, w))?;
    if end - at < 2 || end - at == ending.chars().count() && end - at < 3 {
        return None;
    }
    let item: String = chars[at..end].iter().collect();
    if CATEGORY_WORDS.iter().any(|w| item.contains(w)) {
        return None;
    }
    ends_word(jieba, chars, at, end, limit).then_some(end)
}

/// Whether `w` ends at `j`, compared from its last char so that most tries stop at once.
fn ends_with_at(chars: &[char], j: usize, w: &str) -> bool {
    let mut at = j;
    for c in w.chars().rev() {
        if at == 0 || chars[at - 1] != c {
            return false;
        }
        at -= 1;
    }
    true
}

/// The first char of the body name whose ending starts at `ending`, or `None` when no char
/// of a name stands before the ending.
fn left_edge(
    lex: &Lexicon,
    jieba: &Jieba,
    hits: &Hits,
    chars: &[char],
    floor: usize,
    ending: usize,
    persons: &BTreeSet<String>,
) -> Option<usize> {
    // Name chars back to punctuation (the brackets of 某某（江苏）有限公司 are part of it).
    let mut l = ending;
    while l > floor && ending - l < MAX_HEAD && is_name_char(chars[l - 1]) {
        l -= 1;
    }
    // After a person named there (张三和|某某公司) or a title (院长|…).
    for p in persons {
        // Compared in place: most names share no char with the head and need no copy.
        let Some(first) = p.chars().next() else { continue };
        let len = p.chars().count();
        let from = l;
        for k in from..ending.saturating_sub(len - 1).max(from) {
            if k + len <= ending && chars[k] == first && chars[k..k + len].iter().copied().eq(p.chars()) {
                l = l.max(k + len);
            }
        }
    }
    for h in hits.within(l, ending) {
        if matches!(h.surface, Surface::Title(_) | Surface::Trigger(_) | Surface::MeetingWord(_)) {
            l = l.max(h.end);
        }
    }
    // Inside brackets opened before the name (某某党校（某某学院）): the name starts after them.
    if let Some(k) = (l..ending).rev().find(|&k| chars[k] == '（') {
        if !chars[k..ending].contains(&'）') {
            l = k + 1;
        }
    }
    if l < ending && chars[l] == '）' {
        return None;
    }
    if l >= ending {
        return None;
    }
    // The words before the ending: the name starts after the last function word; a region
    // begins it; otherwise it starts after the last verb.
    let text: String = chars[l..ending].iter().collect();
    let mut words: Vec<(usize, usize, &str, &str)> = Vec::new();
    let mut pos = l;
    for t in jieba.tag(&text, false) {
        let n = t.word.chars().count();
        words.push((pos, pos + n, t.word, t.tag));
        pos += n;
    }
    let bracket = |w: &str| w == "（" || w == "）";
    let ordinal = |w: &str| w.starts_with('第');
    // A numeral, 和 or a verb right after a lone char that jieba could not join to anything is
    // part of a coined name (亲|和|源, 微|亿|智造, 源|投资), not a word of the sentence.
    let coined = |i: usize| {
        i > 0 && {
            let (a, _, w, t) = words[i - 1];
            w.chars().count() == 1 && !is_function_tag(t) && !lex.is_trigger(w) && !is_lead_in_char(chars[a])
        }
    };
    // Academic units are named after disciplines joined by 与 (某某科学与技术学院).
    let academic = super::body_shapes::academic_ending_at(chars, ending).is_some();
    let joins_disciplines = |i: usize| {
        academic
            && i > 0
            && super::body_shapes::joins_disciplines(
                (words[i - 1].2, words[i - 1].3),
                words[i].2,
                words.get(i + 1).map(|n| (n.2, n.3)),
            )
    };
    // jieba tags some chars as numerals that write no number (丝, 亿 in a brand): no boundary.
    let false_numeral = |w: &str, t: &str| {
        t.starts_with('m')
            && !w.chars().any(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十百千万亿两几多数半".contains(c))
    };
    let hard = words
        .iter()
        .enumerate()
        .rposition(|(i, &(a, _, w, t))| {
            !bracket(w)
                && !ordinal(w)
                && !false_numeral(w, t)
                && !joins_disciplines(i)
                && !(w.chars().count() == 1
                    && (t.starts_with('m') || (w == "和" && words.get(i + 1).is_some_and(|n| n.1 - n.0 == 1)))
                    && coined(i))
                && (is_function_tag(t) || lex.is_trigger(w) || (w.chars().count() == 1 && is_lead_in_char(chars[a])))
        })
        .map_or(0, |i| i + 1);
    // A township's name has two chars or more before 镇 or 乡: a lone char cut off before
    // them (五|竹镇, 和|平乡) is the name's first.
    let hard = match (hard.checked_sub(1).map(|i| words[i]), words.get(hard)) {
        (Some((a, b, _, t)), Some(&(c, ..)))
            if b - a == 1
                && c + 1 < ending
                && matches!(chars[c + 1], '镇' | '乡')
                && !is_lead_in_char(chars[a])
                && !matches!(t.chars().next(), Some('p' | 'c' | 'u' | 'r')) =>
        {
            hard - 1
        }
        _ => hard,
    };
    let rest = &words[hard..];
    let region_at = |a: usize| {
        (hits.starting_at(a).any(|h| matches!(h.surface, Surface::Region(_))) || hits.place_at(a).is_some())
            && (a == 0 || chars[a - 1] != '（')
    };
    // A verb ends the words before the name, unless a region stands before it: then the verb
    // is part of the name (某地登临科技有限公司) and the region begins it.
    let soft =
        rest.iter().enumerate().rposition(|(i, &(_, _, _, t))| t == "v" && !coined(hard + i)).map_or(0, |i| i + 1);
    if soft > 0 {
        if let Some(&(a, ..)) =
            rest[..soft].iter().find(|&&(a, _, _, t)| region_at(a) || (t == "ns" && a > 0 && chars[a - 1] != '（'))
        {
            return Some(a);
        }
    }
    let rest = &rest[soft.min(rest.len())..];
    // A region or known body after an ordinary word (深化|某省某某大学, 前往|某某研究院):
    // the word leads in, the name starts with the region.
    let lead_tag = |t: &str| matches!(t, "v" | "vn" | "vd" | "j" | "t" | "d" | "ad" | "i" | "l");
    let body_at = |a: usize| hits.starting_at(a).any(|h| matches!(h.surface, Surface::Body(_)));
    let lead = (1..rest.len()).rev().find(|&i| lead_tag(rest[i - 1].3) && (region_at(rest[i].0) || body_at(rest[i].0)));
    rest.get(lead.unwrap_or(0)).map(|&(a, ..)| a)
}

/// Single chars that end the words before a body: those before a body in a chain
/// ([`LEAD_IN_CHARS`]: 由|某某学会主办), and the links of running text (与|某某公司).
fn is_lead_in_char(c: char) -> bool {
    LEAD_IN_CHARS.contains(&c) || ['到', '与', '和', '及', '同', '对', '为', '从', '经', '暨'].contains(&c)
}

/// Whether the name `start..end` ends a word: no jieba word runs on past its end (集团军,
/// 大学生).
fn ends_word(jieba: &Jieba, chars: &[char], start: usize, end: usize, limit: usize) -> bool {
    if end >= limit {
        return true;
    }
    let from = end.saturating_sub(4).max(start);
    let text: String = chars[from..(end + 3).min(limit)].iter().collect();
    let mut pos = from;
    for w in jieba.cut(&text, false) {
        let n = w.word.chars().count();
        if pos < end && pos + n > end {
            return false;
        }
        pos += n;
    }
    true
}

/// Whether a title starts inside the ending and runs past it (某某学院|院长 is fine, 医|院长 is not).
fn title_crosses(hits: &Hits, ending: usize, end: usize) -> bool {
    (ending + 1..end).any(|k| hits.starting_at(k).any(|h| matches!(h.surface, Surface::Title(_)) && h.end > end))
}

/// Whether a region or a dictionary body begins the name `start..ending`.
fn anchored(hits: &Hits, start: usize, ending: usize) -> bool {
    hits.starting_at(start).any(|h| matches!(h.surface, Surface::Region(_) | Surface::Body(_)) && h.end <= ending)
        || hits.place_at(start).is_some_and(|end| end <= ending)
}

/// Whether the words before the ending hold a proper name (a region, a place, a brand, an
/// unknown word), not only ordinary words (人民|医院, 国家重点|实验室, 三甲|医院).
fn has_proper_head(lex: &Lexicon, jieba: &Jieba, hits: &Hits, chars: &[char], start: usize, ending: usize) -> bool {
    if ending < start + 2 {
        return false;
    }
    if (start..ending).any(|k| {
        hits.starting_at(k).any(|h| matches!(h.surface, Surface::Region(_) | Surface::Body(_)) && h.end <= ending)
            || hits.place_at(k).is_some_and(|end| end <= ending)
    }) {
        return true;
    }
    let text: String = chars[start..ending].iter().collect();
    let words = jieba.tag(&text, false);
    let proper = |t: &str| matches!(t, "ns" | "nz" | "nt" | "eng" | "nrt");
    // Unknown words fall apart into single chars: two of them in a row are a coined name.
    let singles = words
        .windows(2)
        .any(|w| w.iter().all(|t| t.word.chars().count() == 1 && !is_function_tag(t.tag) && !lex.is_trigger(t.word)));
    words.iter().any(|t| proper(t.tag)) || singles
}

//! Evidence for the report's own regions. Every mention of a region is weighed by where it
//! stands (the headline, a source line, a body or post named with it) and by the words around
//! it (`来自X`, `赴X`, `X客人`: the region is elsewhere; `X日报`, `来源：`: it publishes the
//! report). The cue words are in `dictionaries/region_cues.tsv`.
//!
//! The text's bare level words (`区委`, `市长`, `全县`, `我市`) say which tier the report is
//! written at: a report that says `区委` is a district's report, whatever city it names most.

use std::collections::{HashMap, HashSet};

use super::hits::{Hit, Hits};
use crate::lexicon::{BodyKind, CueSide, Level, Lexicon, Surface};
use crate::text::{ends_with_at, starts_with_at};

/// Weight of a mention by a region's full name.
const FULL: f32 = 2.0;
/// Weight of a mention by its short name (北京 for 北京市).
const SHORT: f32 = 1.0;
/// A county-level short form with no body after it: such forms are often words (和平, 新华).
const COUNTY_SHORT_ALONE: f32 = 0.3;
/// Factor for a mention in the headline.
const HEADLINE: f32 = 2.0;
/// Factor for a mention followed by one of the region's bodies or a post (X市委, X市长).
const WITH_BODY: f32 = 2.0;
/// Factor for a region at the start of a dictionary body that is not the region's own organ
/// (北京大学 lies in Beijing but says nothing of the report's region).
const INSIDE_BODY: f32 = 0.5;

/// Kinds of dictionary bodies that are a region's own organs.
const REGIONAL_KINDS: &[BodyKind] = &[
    BodyKind::Government,
    BodyKind::Party,
    BodyKind::Congress,
    BodyKind::Cppcc,
    BodyKind::Court,
    BodyKind::Procuratorate,
];

/// Chars that, before a level char, make a word that is not a level word (园区, 城市, 市县):
/// the level char then says nothing of the report's tier.
const NOT_LEVEL_BEFORE_QU: &[char] = &[
    '园', '社', '小', '新', '发', '景', '城', '市', '郊', '山', '灾', '辖', '片', '街', '校', '治', '保', '矿', '林',
    '牧', '湾', '营', '各', '省', '县', '地', '疫', '试', '专', '警', '军', '战', '院', '厂',
];
const NOT_LEVEL_BEFORE_SHI: &[char] = &[
    '城', '都', '超', '上', '股', '夜', '集', '门', '菜', '楼', '黑', '早', '街', '闹', '各', '省', '县', '区', '坊',
    '互',
];
const NOT_LEVEL_BEFORE_XIAN: &[char] = &['郡', '市', '各', '州', '省', '区'];

/// Which tiers the text names by bare level words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BareLevels {
    /// `区`/`县` stand for the report's own district or county (区委, 县长, 全县, 我区).
    pub county: bool,
    /// `市` stands for the report's own city (市委, 市长, 全市, 我市).
    pub city: bool,
}

/// The weighed evidence of one report.
#[derive(Debug, Clone, Default)]
pub struct RegionEvidence {
    /// Each region's own evidence (its mentions, weighed).
    pub own: HashMap<usize, f32>,
    /// Own evidence plus that of the regions inside it.
    pub total: HashMap<usize, f32>,
    /// Where each region is first named, for ties.
    pub first_seen: HashMap<usize, usize>,
    /// The tiers the text names by bare level words.
    pub bare: BareLevels,
    /// The regions named as the place of a visit (到某某市调研): visited by people from above.
    pub visited: HashSet<usize>,
}

/// Words right before a region that make it the place of a visit (到, 赴, 深入).
const VISIT_WORDS: &[&str] = &["到", "赴", "深入", "莅临", "前往"];

/// One mention with its weight before the region-wide factor.
struct Mention {
    region: usize,
    start: usize,
    end: usize,
    weight: f32,
}

impl RegionEvidence {
    /// Weighs the region mentions of `units` (headline and sentences) and of the document's
    /// source lines.
    pub fn weigh(
        lex: &Lexicon,
        hits: &Hits,
        chars: &[char],
        units: &[(usize, usize)],
        headline: Option<(usize, usize)>,
    ) -> RegionEvidence {
        let sources = source_lines(lex, chars);
        let in_source = |p: usize| sources.iter().any(|&(a, b, _)| a <= p && p < b);
        let mut mentions: Vec<Mention> = Vec::new();
        // The least factor below 1 of a region's cues, and what publisher cues add.
        let mut elsewhere: HashMap<usize, f32> = HashMap::new();
        let mut publisher: HashMap<usize, f32> = HashMap::new();
        let mut first_seen: HashMap<usize, usize> = HashMap::new();
        let mut visited: HashSet<usize> = HashSet::new();

        let mut ranges: Vec<(usize, usize, Option<f32>)> =
            units.iter().filter(|&&(s, _)| !in_source(s)).map(|&(s, e)| (s, e, None)).collect();
        ranges.extend(sources.iter().map(|&(a, b, w)| (a, b, Some(w))));
        for (s, e, line_weight) in ranges {
            let in_headline = headline.is_some_and(|(a, b)| a <= s && e <= b);
            let found = maximal_region_hits(hits, s, e);
            // The before-cue of the previous mention, for lists (前往甲县、乙县).
            let mut prev: Option<(usize, f32)> = None;
            for h in found {
                let Surface::Region(i) = h.surface else { continue };
                let region = &lex.regions[i];
                let full = h.end - h.start == region.name.chars().count();
                let county_level = matches!(region.level, Level::District | Level::County);
                let body_end = body_after(lex, hits, chars, h.end, e);
                let mut weight = if full { FULL } else { SHORT };
                if county_level && !full && body_end.is_none() {
                    weight = COUNTY_SHORT_ALONE;
                }
                if body_end.is_some() {
                    weight *= WITH_BODY;
                }
                if in_headline {
                    weight *= HEADLINE;
                }
                weight *= inside_body_factor(lex, hits, h);
                first_seen.entry(i).or_insert(h.start);
                if VISIT_WORDS.iter().any(|w| crate::text::ends_with_at(chars, h.start, s, w)) {
                    visited.insert(i);
                }

                let mut factor = cue_before(lex, chars, h.start, s);
                if factor.is_none() {
                    if let Some((prev_end, f)) = prev {
                        let between: String = chars[prev_end.min(h.start)..h.start].iter().collect();
                        if matches!(between.as_str(), "" | "、" | "和" | "及" | "与") {
                            factor = Some(f);
                        }
                    }
                }
                let after_at = |p: usize| {
                    (!hits.starting_at(p).any(|x| matches!(x.surface, Surface::Region(_))))
                        .then(|| cue_after(lex, chars, p, e))
                        .flatten()
                };
                let after = after_at(h.end).or_else(|| body_end.and_then(after_at));
                for f in [factor, after].into_iter().flatten() {
                    if f < 1.0 {
                        let slot = elsewhere.entry(i).or_insert(1.0);
                        *slot = slot.min(f);
                    } else if f > 1.0 {
                        *publisher.entry(i).or_default() += weight * f;
                    }
                }
                if let Some(w) = line_weight {
                    *publisher.entry(i).or_default() += weight * w;
                } else {
                    mentions.push(Mention { region: i, start: h.start, end: h.end, weight });
                }
                prev = factor.filter(|f| *f < 1.0).map(|f| (h.end, f));
            }
        }
        add_stem_mentions(lex, chars, units, &mut mentions);

        let mut own: HashMap<usize, f32> = HashMap::new();
        for m in &mentions {
            let f = elsewhere.get(&m.region).copied().unwrap_or(1.0);
            *own.entry(m.region).or_default() += m.weight * f;
        }
        for (&i, &w) in &publisher {
            *own.entry(i).or_default() += w;
        }
        // A region's mentions also speak for the regions it lies in.
        let mut total = own.clone();
        for (&i, &w) in &own {
            let mut cur = i;
            for _ in 0..3 {
                let Some(p) = lex.regions[cur].parent.as_deref().and_then(|p| lex.region_by_name(p)) else { break };
                *total.entry(p).or_default() += w;
                cur = p;
            }
        }
        RegionEvidence { own, total, first_seen, bare: bare_levels(hits, chars, units), visited }
    }
}

/// Region hits in `s..e` that no longer region hit contains (宝山区, not its 宝山); regions
/// sharing a name at one place are all kept.
fn maximal_region_hits(hits: &Hits, s: usize, e: usize) -> Vec<&Hit> {
    let all: Vec<&Hit> = hits.within(s, e).filter(|h| matches!(h.surface, Surface::Region(_))).collect();
    all.iter()
        .filter(|h| !all.iter().any(|o| o.start <= h.start && h.end <= o.end && (o.end - o.start) > (h.end - h.start)))
        .copied()
        .collect()
}

/// Where a body or post named right after a region ends (北京市|委, 扬州|经济技术开发区,
/// 某县|县长), if one is.
fn body_after(lex: &Lexicon, hits: &Hits, chars: &[char], at: usize, limit: usize) -> Option<usize> {
    if at >= limit {
        return None;
    }
    let dept = hits
        .starting_at(at)
        .filter(|h| h.end <= limit && matches!(h.surface, Surface::DepartmentSuffix | Surface::Title(_)))
        .map(|h| h.end)
        .max();
    if dept.is_some() {
        return dept;
    }
    // A name that ends like a body within the run of Han chars after the region, up to the
    // next region named (扬州|经济技术开发区, not 宝山区|党政代表团在江苏省委).
    let cap = limit.min(at + 14);
    let run_end = (at..cap)
        .find(|&k| {
            !super::names::is_han(chars[k]) || hits.starting_at(k).any(|h| matches!(h.surface, Surface::Region(_)))
        })
        .unwrap_or(cap);
    let run: String = chars[at..run_end].iter().collect();
    // The ending that ends first, all endings searched at once.
    lex.first_shape_ending_end(&run).map(|b| at + run[..b].chars().count())
}

/// The factor of a dictionary body that starts with the region and is not its organ, 0 for a
/// region inside a body's name, else 1.
fn inside_body_factor(lex: &Lexicon, hits: &Hits, h: &Hit) -> f32 {
    let mut factor: f32 = 1.0;
    for b in hits.within(h.start.saturating_sub(lex.max_org_len()), h.end + lex.max_org_len()) {
        let Surface::Body(k) = b.surface else { continue };
        if !(b.start <= h.start && h.end <= b.end && b.end - b.start > h.end - h.start) {
            continue;
        }
        if REGIONAL_KINDS.contains(&lex.bodies[k].kind) {
            continue;
        }
        factor = factor.min(if b.start == h.start { INSIDE_BODY } else { 0.0 });
    }
    factor
}

/// The factor of a before-cue ending at `at` (来自|X), if any.
fn cue_before(lex: &Lexicon, chars: &[char], at: usize, floor: usize) -> Option<f32> {
    lex.region_cues
        .iter()
        .filter(|c| c.side == CueSide::Before && ends_with_at(chars, at, floor, &c.word))
        .max_by_key(|c| c.word.chars().count())
        .map(|c| c.weight)
}

/// Words between a region and its delegation (某市|党政|代表团, 某省|经贸|考察团).
const DELEGATION_QUALIFIERS: &[&str] = &["党政", "经贸", "政府", "友好", "商务", "人大", "政协"];

/// The factor of an after-cue starting at `at` (X|客人), or after a delegation's qualifier
/// there (X|党政|代表团), if any.
fn cue_after(lex: &Lexicon, chars: &[char], at: usize, limit: usize) -> Option<f32> {
    let qualified =
        DELEGATION_QUALIFIERS.iter().find_map(|q| starts_with_at(chars, at, limit, q).then(|| at + q.chars().count()));
    if let Some(f) = qualified.and_then(|after| cue_after_at(lex, chars, after, limit)) {
        return Some(f);
    }
    cue_after_at(lex, chars, at, limit)
}

/// The factor of an after-cue starting right at `at`.
fn cue_after_at(lex: &Lexicon, chars: &[char], at: usize, limit: usize) -> Option<f32> {
    lex.region_cues
        .iter()
        .filter(|c| c.side == CueSide::After && starts_with_at(chars, at, limit, &c.word))
        .max_by_key(|c| c.word.chars().count())
        .map(|c| c.weight)
}

/// Lines that name the report's publisher (来源：X日报), with their factor: the line cue
/// starts the line or is followed by a colon.
fn source_lines(lex: &Lexicon, chars: &[char]) -> Vec<(usize, usize, f32)> {
    let mut out = Vec::new();
    let mut s = 0;
    for e in (0..=chars.len()).filter(|&k| k == chars.len() || chars[k] == '\n') {
        let line: String = chars[s..e].iter().collect();
        let trimmed = line.trim_start();
        // A cue followed by a colon needs a colon in the line: most lines have none.
        let has_colon = line.contains(['：', ':']);
        for c in lex.region_cues.iter().filter(|c| c.side == CueSide::Line) {
            let opens = trimmed.starts_with(c.word.as_str());
            let colon = has_colon
                && line
                    .find(c.word.as_str())
                    .is_some_and(|b| line[b + c.word.len()..].trim_start().starts_with(['：', ':']));
            if opens || colon {
                out.push((s, e, c.weight));
                break;
            }
        }
        s = e + 1;
    }
    out
}

/// Mentions of a county-level region by its name without the level char (筠连 for 筠连县),
/// counted only for regions the text also names in full: the full name says which region the
/// stem stands for.
fn add_stem_mentions(lex: &Lexicon, chars: &[char], units: &[(usize, usize)], mentions: &mut Vec<Mention>) {
    let named: Vec<usize> = {
        let mut v: Vec<usize> = mentions
            .iter()
            .filter(|m| {
                let r = &lex.regions[m.region];
                matches!(r.level, Level::District | Level::County)
                    && r.short == r.name
                    && m.end - m.start == r.name.chars().count()
            })
            .map(|m| m.region)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    for i in named {
        let name: Vec<char> = lex.regions[i].name.chars().collect();
        let Some((&level_char, stem)) = name.split_last() else { continue };
        // A stem that is also a region's name (宝山 of another 宝山区) says nothing.
        if stem.len() < 2
            || !matches!(level_char, '县' | '区' | '市' | '旗')
            || !lex.regions_named(&stem.iter().collect::<String>()).is_empty()
        {
            continue;
        }
        for &(s, e) in units {
            let mut k = s;
            while k + stem.len() <= e {
                if chars[k..k + stem.len()] == *stem && chars.get(k + stem.len()) != Some(&level_char) {
                    mentions.push(Mention { region: i, start: k, end: k + stem.len(), weight: SHORT });
                    k += stem.len();
                } else {
                    k += 1;
                }
            }
        }
    }
}

/// Which tiers bare level words name: 区委, 县长, 市政府 (a level char followed by a department
/// or a post, not ending a region's name), and 全县, 我市, 本区.
fn bare_levels(hits: &Hits, chars: &[char], units: &[(usize, usize)]) -> BareLevels {
    let mut out = BareLevels::default();
    for &(s, e) in units {
        for k in s..e {
            let c = chars[k];
            let not_before: &[char] = match c {
                '区' => NOT_LEVEL_BEFORE_QU,
                '县' => NOT_LEVEL_BEFORE_XIAN,
                '市' => NOT_LEVEL_BEFORE_SHI,
                _ => continue,
            };
            let prev = (k > s).then(|| chars[k - 1]);
            let self_word = prev.is_some_and(|p| matches!(p, '全' | '我' | '本'));
            let bare = self_word || {
                let ends_region =
                    hits.ending_at(k + 1).any(|h| matches!(h.surface, Surface::Region(_)) && h.start < k + 1);
                let followed = hits.starting_at(k + 1).any(|h| matches!(h.surface, Surface::DepartmentSuffix))
                    || hits.starting_at(k).any(|h| matches!(h.surface, Surface::Title(_)));
                followed && !ends_region && !prev.is_some_and(|p| not_before.contains(&p))
            };
            if bare {
                match c {
                    '市' => out.city = true,
                    _ => out.county = true,
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(text: &str) -> (Lexicon, RegionEvidence) {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let hits = Hits::scan(&lex, &chars);
        let first_line = chars.iter().position(|&c| c == '\n').unwrap_or(chars.len());
        let ev = RegionEvidence::weigh(&lex, &hits, &chars, &[(0, first_line), (first_line, chars.len())], None);
        (lex, ev)
    }

    fn own(lex: &Lexicon, ev: &RegionEvidence, name: &str) -> f32 {
        let i = lex.region_by_name(name).unwrap();
        ev.own.get(&i).copied().unwrap_or(0.0)
    }

    #[test]
    fn visitors_and_places_visited_weigh_little() {
        let (lex, ev) = evidence("来自泰州市的客人和赴泰州市考察的人员。杭州市委召开会议。");
        assert!(own(&lex, &ev, "泰州市") < own(&lex, &ev, "杭州市"));
    }

    #[test]
    fn a_delegation_that_comes_to_us_is_from_elsewhere() {
        // Named three times with its bodies, the visitors' city still loses to the host's one.
        let (lex, ev) =
            evidence("泰州市党政代表团一行来我市考察。泰州市委书记、泰州市委副书记率团。杭州市委书记会见。");
        assert!(own(&lex, &ev, "泰州市") < own(&lex, &ev, "杭州市"));
        let (lex, ev) = evidence("泰州市党政代表团赴外地考察。泰州市委书记、泰州市委副书记率团。杭州市委书记会见。");
        assert!(own(&lex, &ev, "泰州市") > own(&lex, &ev, "杭州市"));
    }

    #[test]
    fn the_region_a_host_meets_is_the_visitors() {
        let (lex, ev) = evidence("常州市委书记会见了泰州市委常委、泰州市副市长一行。泰州市发改委负责人参加。");
        assert!(own(&lex, &ev, "泰州市") < own(&lex, &ev, "常州市"));
    }

    #[test]
    fn a_source_line_names_the_publisher() {
        let (lex, ev) = evidence("来源：扬州市人民政府网\n泰州市、泰州市、泰州市的代表来访。");
        assert!(own(&lex, &ev, "扬州市") > own(&lex, &ev, "泰州市"));
    }

    #[test]
    fn bare_level_words_name_the_tier() {
        let (_, ev) = evidence("区委书记张三出席。");
        assert!(ev.bare.county && !ev.bare.city);
        let (_, ev) = evidence("全市城市管理工作会议召开。");
        assert!(ev.bare.city && !ev.bare.county);
        let (_, ev) = evidence("园区管委会和社区居委会开展活动。");
        assert_eq!(ev.bare, BareLevels::default());
    }
}

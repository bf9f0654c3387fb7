//! The report's own township or street (某某县青禾镇) and village (青禾镇石桥村): what their
//! bare level words name in their reports (镇党委 → 中共青禾镇委员会, 镇长 → 青禾镇人民政府,
//! 村党支部 → 石桥村党支部). Townships and villages are in no dictionary, so each is the one the
//! report names in full.

use super::hits::Hits;
use super::names::is_han;
use super::orgs::OrgRef;
use crate::lexicon::BodyKind;

/// The level words of townships and streets, longest first.
const LEVEL_WORDS: &[&str] = &["街道", "镇", "乡"];

/// The level word of villages.
const VILLAGE: &[&str] = &["村"];

/// Chars before a bare level word that make it a word for many townships (各镇, 全乡, 乡镇).
const NOT_OWN: &[char] = &['各', '全', '乡', '镇', '两', '多', '等', '每', '个', '城', '村'];

/// Chars that end a stem: a township's name holds none of them (市委和乡镇, 区的).
const NOT_IN_NAME: &[char] = &[
    '的', '和', '与', '及', '各', '全', '在', '到', '赴', '对', '把', '为', '是', '等', '乡', '镇', '村', '市', '县',
    '区',
];

/// Level chars a township's name may end its stem with (新市镇, 南县乡) when the stem is no
/// region's name (某某市|镇村干部).
const LEVEL_IN_STEM: &[char] = &['市', '县', '区'];

/// A township or street and the county or district it lies in. Township names repeat from
/// county to county, so the formal names of its bodies carry the county
/// (中共某某县青禾镇委员会, 某市某区人民政府某某街道办事处); the names without it stay aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Township {
    /// The township's own name (青禾镇, 某某街道).
    pub name: String,
    /// The county as formal names write it (某某县, 某市某区), when the report says it.
    pub county: Option<String>,
    /// The county as the text writes it before the township (某区 of 某区某某街道).
    pub written_county: Option<String>,
}

impl Township {
    /// A township of no known county.
    pub fn bare(name: &str) -> Township {
        Township { name: name.to_string(), county: None, written_county: None }
    }

    /// The township with its county, as formal names start.
    pub fn full(&self) -> String {
        format!("{}{}", self.county.as_deref().unwrap_or(""), self.name)
    }

    /// `name` (built from the full name) with aliases built from the township's own name
    /// and from the county as written, then `extra` aliases.
    fn body(&self, build: &dyn Fn(&str) -> String, short: &[String], kind: BodyKind) -> OrgRef {
        let name = build(&self.full());
        let mut aliases = vec![build(&self.name)];
        aliases.extend(self.written_county.iter().map(|w| build(&format!("{w}{}", self.name))));
        aliases.extend(short.iter().cloned());
        aliases.retain(|a| *a != name);
        aliases.sort();
        aliases.dedup();
        OrgRef::shaped(name, aliases, kind)
    }
}

/// The township a report is about: the first one named after its county or district
/// (某某县青禾镇), or else one named at the start of a unit (the headline or a sentence)
/// twice or more. Stems are two or three Han chars and no verb or function word
/// (`not_a_name`: 某某县召开|乡镇会议). `county_of` gives the formal place of the county region
/// whose name ends at a position, if one does; `report_county` that of the report's county.
pub fn own_township(
    hits: &Hits,
    chars: &[char],
    units: &[(usize, usize)],
    not_a_name: impl Fn(&str) -> bool,
    county_of: impl Fn(usize) -> Option<(String, String)>,
    report_county: Option<(String, String)>,
) -> Option<Township> {
    let township_at = |i: usize, end: usize| place_at(hits, chars, i, end, LEVEL_WORDS, &not_a_name).map(|t| (i, t));
    let with_county = |(_, name): (usize, String), county: Option<(String, String)>| {
        let (county, written_county) = county.map_or((None, None), |(f, w)| (Some(f), Some(w)));
        Township { name, county, written_county }
    };
    let after_region = first_place_after(
        units,
        |_, i, b| level_near(chars, i, b, &['街', '镇', '乡']) && region_ends_at(hits, i),
        township_at,
    );
    if let Some((i, name)) = after_region {
        let county = county_of(i).or(report_county);
        return Some(with_county((i, name), county));
    }
    let text: String = chars.iter().collect();
    units
        .iter()
        .filter_map(|&(a, b)| township_at(a, b))
        .find(|(_, t)| text.matches(t.as_str()).count() >= 2)
        .map(|t| with_county(t, report_county))
}

/// The village a report is about: the first one named right after a township or street
/// (青禾镇石桥村) or a county or district (某某县石桥村).
pub fn own_village(
    hits: &Hits,
    chars: &[char],
    units: &[(usize, usize)],
    not_a_name: impl Fn(&str) -> bool,
) -> Option<String> {
    let after_place = |a: usize, i: usize, b: usize| {
        level_near(chars, i, b, &['村'])
            && (region_ends_at(hits, i)
                || (3..=5).any(|n| {
                    i >= a + n
                        && place_at(hits, chars, i - n, i, LEVEL_WORDS, &not_a_name)
                            .is_some_and(|t| t.chars().count() == n)
                }))
    };
    first_place_after(units, after_place, |i, b| place_at(hits, chars, i, b, VILLAGE, &not_a_name))
}

/// The first place `place_at` finds at a position of a unit where `after` holds (`after` gets
/// the unit's start, the position and the unit's end).
fn first_place_after<T>(
    units: &[(usize, usize)],
    after: impl Fn(usize, usize, usize) -> bool,
    place_at: impl Fn(usize, usize) -> Option<T>,
) -> Option<T> {
    units.iter().find_map(|&(a, b)| (a..b).find_map(|i| if after(a, i, b) { place_at(i, b) } else { None }))
}

/// Whether one of `firsts` (the first chars of the level words) stands two or three chars
/// after `i`, before `end`, as it does after every place's stem: most positions have none,
/// and need no closer look.
fn level_near(chars: &[char], i: usize, end: usize, firsts: &[char]) -> bool {
    (i + 2..end.min(i + 4)).any(|k| firsts.contains(&chars[k]))
}

/// Whether a region's name ends at `i`.
fn region_ends_at(hits: &Hits, i: usize) -> bool {
    hits.ending_at(i).any(|h| matches!(h.surface, crate::lexicon::Surface::Region(_)))
}

/// A place's full name starting at `i` (before `end`): a stem of two or three Han chars and
/// one of `levels`.
fn place_at(
    hits: &Hits,
    chars: &[char],
    i: usize,
    end: usize,
    levels: &[&str],
    not_a_name: &impl Fn(&str) -> bool,
) -> Option<String> {
    for len in [2, 3] {
        let stem_end = i + len;
        if stem_end >= end {
            return None;
        }
        let stem = &chars[i..stem_end];
        let (&last, before) = stem.split_last().expect("stems hold two or three chars");
        let level_ends_stem = LEVEL_IN_STEM.contains(&last) && !region_ends_at(hits, stem_end);
        let in_name = |c: char| is_han(c) && !NOT_IN_NAME.contains(&c);
        if !before.iter().all(|&c| in_name(c)) || !(in_name(last) || level_ends_stem) {
            return None;
        }
        // The level word first: jieba is asked about the stem only where a place's name ends.
        let rest = &chars[stem_end..end];
        let Some(w) = levels.iter().find(|w| crate::text::starts_with_at(rest, 0, rest.len(), w)) else {
            continue;
        };
        let stem: String = stem.iter().collect();
        return (!not_a_name(&stem)).then(|| format!("{stem}{w}"));
    }
    None
}

/// The body that `word` names in the report of `township` (镇党委, 镇政府, 镇人大, 镇纪委, or
/// the bare 镇 before a post: the township as a governing body), when `before` (the char
/// written before the word, if any) does not make it a word for many townships.
pub fn township_body(township: &Township, word: &[char], before: Option<char>) -> Option<OrgRef> {
    if before.is_some_and(|c| NOT_OWN.contains(&c) || c.is_ascii_digit() || "一二三四五六七八九十几".contains(c))
    {
        return None;
    }
    let word: String = word.iter().collect();
    let t = &township.name;
    let level = LEVEL_WORDS.iter().chain(VILLAGE).find(|w| t.ends_with(*w))?;
    if !word.starts_with(level) {
        return None;
    }
    if let Some(village) = t.strip_suffix('村') {
        return village_body(village, &word);
    }
    let organ = &word[level.len()..];
    let street = *level == "街道";
    // The bare spelling (镇党委) is one of the body's names in this report: without it, a body
    // named only so in running text would be named nowhere. (Not the one-char organ 委: 镇委
    // is as often a clipped 镇党委和政府 in a headline.)
    let written = |mut o: OrgRef| {
        if organ.chars().count() >= 2 && !o.aliases.contains(&word) {
            o.aliases.push(word.clone());
            o.aliases.sort();
        }
        o
    };
    let body = |build: &dyn Fn(&str) -> String, short: &str, kind| township.body(build, &[format!("{t}{short}")], kind);
    Some(written(match organ {
        "党委" | "委" if !street => {
            township.body(&|p| format!("中共{p}委员会"), &[format!("{t}党委"), format!("{t}委")], BodyKind::Party)
        }
        "党工委" if street => body(&|p| format!("中共{p}工作委员会"), "党工委", BodyKind::Party),
        "纪委" => body(&|p| format!("中共{p}纪律检查委员会"), "纪委", BodyKind::Party),
        "纪工委" if street => body(&|p| format!("中共{p}纪律检查工作委员会"), "纪工委", BodyKind::Party),
        "人大主席团" if !street => body(&|p| format!("{p}人民代表大会主席团"), "人大主席团", BodyKind::Congress),
        "人大" if !street => body(&|p| format!("{p}人民代表大会"), "人大", BodyKind::Congress),
        // A street's congress work committee is the district congress's (某区人大常委会某某街道工委).
        "人大工委" if street => {
            let county = township.county.as_deref()?;
            let name = format!("{county}人民代表大会常务委员会{t}工作委员会");
            OrgRef::shaped(name, vec![format!("{t}人大工委")], BodyKind::Congress)
        }
        "武装部" | "人民武装部" => body(&|p| format!("{p}人民武装部"), "武装部", BodyKind::Party),
        "" | "政府" | "人民政府" if !street => government(township),
        "" | "办事处" | "办" if street => government(township),
        _ => return None,
    }))
}

/// The level word a township's or street's name ends with (镇, 乡, 街道).
pub fn level_word_of(township: &str) -> Option<&'static str> {
    LEVEL_WORDS.iter().copied().find(|w| township.ends_with(w))
}

/// The body a village's bare words name (村党支部, 村委会; the bare 村: its committee), `word`
/// starting with 村; `stem` is the village's name without 村.
fn village_body(stem: &str, word: &str) -> Option<OrgRef> {
    let t = format!("{stem}村");
    let committee =
        || OrgRef::shaped(format!("{t}村民委员会"), vec![format!("{t}委会"), t.clone()], BodyKind::Government);
    Some(match &word['村'.len_utf8()..] {
        organ @ ("党支部" | "党总支" | "党委") => {
            OrgRef::shaped(format!("{t}{organ}"), vec![], BodyKind::Party)
        }
        "" | "委会" | "民委员会" => committee(),
        _ => return None,
    })
}

/// The body of a township's level word followed by an organ (镇党委, 镇纪委: not the bare 镇)
/// at the start of `chars` in running text, and its length.
pub fn township_word_at(township: &Township, chars: &[char], before: Option<char>) -> Option<(usize, OrgRef)> {
    let level_word = LEVEL_WORDS.iter().chain(VILLAGE).find(|w| township.name.ends_with(*w))?;
    // Most positions of the text start no level word: no need to try its organs there.
    if !chars.iter().copied().take(level_word.chars().count()).eq(level_word.chars()) {
        return None;
    }
    let level = level_word.chars().count();
    (level + 1..=(level + 5).min(chars.len()))
        .rev()
        .find_map(|n| township_body(township, &chars[..n], before).map(|o| (n, o)))
}

/// The government of a township (某某县青禾镇人民政府), or the office of a street, an agency
/// of its district's government (某区人民政府某某街道办事处); the bare name stands for it too.
pub fn government(township: &Township) -> OrgRef {
    let t = &township.name;
    let mut places = vec![t.clone()];
    places.extend(township.county.iter().chain(&township.written_county).map(|c| format!("{c}{t}")));
    if t.ends_with("街道") {
        let mut aliases = vec![format!("{t}办"), format!("{t}办事处")];
        aliases.extend(places);
        let name = match township.county.as_deref() {
            Some(county) => format!("{county}人民政府{t}办事处"),
            None => aliases.remove(1),
        };
        aliases.sort();
        aliases.dedup();
        return OrgRef::shaped(name, aliases, BodyKind::Government);
    }
    places.push(format!("{t}政府"));
    township.body(&|p| format!("{p}人民政府"), &places, BodyKind::Government)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;

    fn township_in(text: &str) -> Option<Township> {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let hits = Hits::scan(&lex, &chars);
        let units = crate::text::sentences(&chars, 0, chars.len());
        // A county named 平江县 whose formal place is 某市平江县, for the test.
        let county_of = |end: usize| {
            (end >= 3 && chars[end - 3..end].iter().copied().eq("平江县".chars()))
                .then(|| ("某市平江县".to_string(), "平江县".to_string()))
        };
        own_township(&hits, &chars, &units, |w| w == "召开", county_of, None)
    }

    fn township_of(text: &str) -> Option<String> {
        township_in(text).map(|t| t.name)
    }

    #[test]
    fn the_townships_bodies_carry_its_county() {
        let t = township_in("近日，平江县青禾镇召开会议。").unwrap();
        assert_eq!(t.county.as_deref(), Some("某市平江县"));
        let committee = township_body(&t, &"镇党委".chars().collect::<Vec<_>>(), None).unwrap();
        assert_eq!(committee.name, "中共某市平江县青禾镇委员会");
        assert!(committee.aliases.contains(&"中共平江县青禾镇委员会".to_string()));
        assert!(committee.aliases.contains(&"青禾镇党委".to_string()));
        let g = government(&t);
        assert_eq!(g.name, "某市平江县青禾镇人民政府");
        assert!(g.aliases.contains(&"青禾镇".to_string()) && g.aliases.contains(&"平江县青禾镇".to_string()));
        // A street's office is an agency of its district's government.
        let street =
            Township { name: "青禾街道".into(), county: Some("某市某区".into()), written_county: None };
        assert_eq!(government(&street).name, "某市某区人民政府青禾街道办事处");
        assert_eq!(government(&Township::bare("青禾街道")).name, "青禾街道办事处");
        let congress = township_body(&street, &"街道人大工委".chars().collect::<Vec<_>>(), None).unwrap();
        assert_eq!(congress.name, "某市某区人民代表大会常务委员会青禾街道工作委员会");
        assert!(township_body(&Township::bare("青禾街道"), &"街道人大工委".chars().collect::<Vec<_>>(), None).is_none());
    }

    #[test]
    fn the_township_named_after_its_county_is_the_reports_own() {
        assert_eq!(township_of("近日，平江县青禾镇召开会议。镇党委书记出席。").as_deref(), Some("青禾镇"));
        assert_eq!(township_of("青禾镇召开会议。青禾镇党委书记出席。").as_deref(), Some("青禾镇"));
        assert_eq!(township_of("全县各乡镇召开会议。").as_deref(), None);
        assert_eq!(township_of("平江县召开乡镇会议。平江县召开乡镇会议。").as_deref(), None);
    }

    #[test]
    fn the_village_named_after_its_township_is_the_reports_own() {
        let lex = Lexicon::embedded().unwrap();
        let village = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let hits = Hits::scan(&lex, &chars);
            let units = crate::text::sentences(&chars, 0, chars.len());
            own_village(&hits, &chars, &units, |w| w == "召开")
        };
        assert_eq!(village("近日，青禾镇石桥村召开会议。").as_deref(), Some("石桥村"));
        assert_eq!(village("全镇各村召开会议。"), None);
    }

    #[test]
    fn bare_level_words_name_the_townships_bodies() {
        let name = |w: &str, before| {
            township_body(&Township::bare("青禾镇"), &w.chars().collect::<Vec<_>>(), before).map(|o| o.name)
        };
        assert_eq!(name("镇党委", None).as_deref(), Some("中共青禾镇委员会"));
        assert_eq!(name("镇纪委", Some('，')).as_deref(), Some("中共青禾镇纪律检查委员会"));
        assert_eq!(name("镇", None).as_deref(), Some("青禾镇人民政府"));
        assert_eq!(name("镇党委", Some('各')), None);
        assert_eq!(name("乡党委", None), None);
        let text: Vec<char> = "镇纪委书记".chars().collect();
        assert_eq!(
            township_word_at(&Township::bare("青禾镇"), &text, None).map(|(n, o)| (n, o.name)),
            Some((3, "中共青禾镇纪律检查委员会".into()))
        );
        assert!(township_word_at(&Township::bare("青禾镇"), &text[..1], None).is_none());
        let street =
            township_body(&Township::bare("青禾街道"), &"街道党工委".chars().collect::<Vec<_>>(), None).unwrap();
        assert_eq!(street.name, "中共青禾街道工作委员会");
    }
}

//! Bodies that no dictionary lists, known by the shape of their names: the party committee
//! of a unit (某某大学党委 → a post of 某某大学), the government of a township or street
//! (某某镇镇长 → 某某镇人民政府), and the regional committees of the democratic parties
//! (民盟某某省委).

use super::orgs::OrgRef;
use crate::lexicon::BodyKind;

/// Posts of a unit's party committee (某某大学党委书记) that the gold spells with 党委 in
/// the title and the unit as the body.
const UNIT_PARTY_TITLES: &[&str] = &["书记", "副书记", "常务副书记", "常委", "委员"];

/// Kinds of units whose party committee is no body apart from the unit in posts.
const UNIT_KINDS: &[BodyKind] =
    &[BodyKind::University, BodyKind::Institute, BodyKind::Enterprise, BodyKind::Association];

/// The unit of a unit's party committee (or general branch, or branch) and the post spelled
/// with the organ, when `org` is one (某某集团党委 + 书记 → 某某集团, 党委书记; the
/// branch's 书记 of 某某公司党支部 → 某某公司, 党支部书记; a government department's 党委 too:
/// 市公安局党委书记 → 党委书记 of the bureau). `unit_of` resolves the unit's name. Regions'
/// and townships' committees (某某县党委, 某某镇党委) are bodies of their own.
pub fn unit_party_post(
    org: &OrgRef,
    title: &str,
    unit_of: impl Fn(&str) -> Option<OrgRef>,
) -> Option<(String, OrgRef)> {
    if org.known || !UNIT_PARTY_TITLES.contains(&title) {
        return None;
    }
    let (unit, organ) = super::orgs::PARTY_ORGANS.iter().find_map(|o| org.name.strip_suffix(o).map(|u| (u, *o)))?;
    if unit.chars().count() < 2 && !super::orgs::is_own_unit_word(unit) {
        return None;
    }
    let found = unit_of(unit)?;
    let kind = found.kind?;
    let department = found.known && kind == BodyKind::Government && found.parent.is_some();
    if department {
        return Some((format!("{organ}{title}"), found));
    }
    if !UNIT_KINDS.contains(&kind) {
        return None;
    }
    let unit_ref = OrgRef {
        name: unit.to_string(),
        aliases: Vec::new(),
        kind: Some(kind),
        parent: None,
        region: org.region,
        bare_region: false,
        known: false,
    };
    Some((format!("{organ}{title}"), unit_ref))
}

/// Heads of a township or street (镇长, 乡长, 街道办事处主任 ...): the level word they speak of.
fn township_level_of(title: &str) -> Option<&'static str> {
    if title.ends_with("镇长") {
        Some("镇")
    } else if title.ends_with("乡长") {
        Some("乡")
    } else {
        None
    }
}

/// The township named by `place` (…镇, …乡, or its party committee or government), when
/// `title` heads its government.
pub fn township_of_title(place: &str, title: &str) -> Option<String> {
    let level = township_level_of(title)?;
    // The township's party committee in full (中共某某镇委员会) or short (某某镇党委).
    let stem = match place.strip_prefix("中共").and_then(|p| p.strip_suffix("委员会")) {
        Some(t) => t,
        None => place.strip_suffix("党委").unwrap_or(place),
    };
    let stem = stem.strip_suffix("人民政府").or_else(|| stem.strip_suffix("政府")).unwrap_or(stem);
    (stem.ends_with(level) && stem.chars().count() >= 2).then(|| stem.to_string())
}

/// The township named right before its head's title (温泉镇 + 镇长): a short name of Han
/// chars ending in the township's level word.
pub fn township_of_head(place: &[char], title: &str) -> Option<String> {
    let n = place.len();
    if !(3..=5).contains(&n) || !place.iter().all(|c| super::names::is_han(*c)) {
        return None;
    }
    let place: String = place.iter().collect();
    township_of_title(&place, title)
}

/// Whether `title` heads a township's government (镇长, 副乡长).
pub fn heads_township(title: &str) -> bool {
    township_level_of(title).is_some()
}

/// Full names of the democratic parties (bodies of the dictionary): their regional committees
/// are named party, region, committee (民盟江苏省委, 九三学社市委, 致公党某某市总支).
pub const DEMOCRATIC_PARTIES: &[&str] = &[
    "中国国民党革命委员会",
    "中国民主同盟",
    "中国民主建国会",
    "中国民主促进会",
    "中国农工民主党",
    "中国致公党",
    "九三学社",
    "台湾民主自治同盟",
];

/// The committee ending of a democratic party's regional body at the start of `chars` (after
/// the region): its length and the full spelling of the ending. A term (第八届) may come first.
pub fn party_committee_ending(chars: &[char]) -> Option<(usize, &'static str)> {
    let mut k = 0;
    if chars.first() == Some(&'第') {
        let digits = chars[1..].iter().take_while(|c| "一二三四五六七八九十".contains(**c)).count();
        if digits > 0 && chars.get(1 + digits) == Some(&'届') {
            k = 2 + digits;
        }
    }
    let rest = &chars[k..];
    let starts = |w: &str| rest.len() >= w.chars().count() && rest.iter().copied().zip(w.chars()).all(|(a, b)| a == b);
    for (w, full) in [
        ("总支部委员会", "总支部委员会"),
        ("总支部", "总支部委员会"),
        ("总支", "总支部委员会"),
        ("委员会", "委员会"),
        // 民盟某某市委会: the parties' own short spelling.
        ("委会", "委员会"),
        ("委", "委员会"),
    ] {
        if starts(w) {
            return Some((k + w.chars().count(), full));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown(name: &str) -> OrgRef {
        OrgRef {
            name: name.into(),
            aliases: vec![],
            kind: Some(BodyKind::Party),
            parent: None,
            region: None,
            bare_region: false,
            known: false,
        }
    }

    fn kind_of(s: &str) -> Option<OrgRef> {
        let kind = if s.ends_with("大学") {
            BodyKind::University
        } else if s.ends_with('镇') || s.ends_with('县') {
            BodyKind::Government
        } else if s.ends_with("公安局") {
            // A department of a government, as the dictionaries know it.
            let mut r = OrgRef::shaped(format!("某某{s}"), vec![], BodyKind::Government);
            r.known = true;
            r.parent = Some("某某人民政府".into());
            return Some(r);
        } else {
            return None;
        };
        Some(OrgRef::shaped(s.into(), vec![], kind))
    }

    #[test]
    fn unit_party_posts_go_to_the_unit() {
        let (t, u) = unit_party_post(&unknown("某某理工大学党委"), "书记", kind_of).unwrap();
        assert_eq!((t.as_str(), u.name.as_str()), ("党委书记", "某某理工大学"));
        assert!(unit_party_post(&unknown("某某镇党委"), "书记", kind_of).is_none());
        let (t, u) = unit_party_post(&unknown("市公安局党委"), "书记", kind_of).unwrap();
        assert_eq!((t.as_str(), u.name.as_str()), ("党委书记", "某某市公安局"));
        let (t, u) = unit_party_post(&unknown("某某理工大学党支部"), "书记", kind_of).unwrap();
        assert_eq!((t.as_str(), u.name.as_str()), ("党支部书记", "某某理工大学"));
        assert!(unit_party_post(&unknown("某某理工大学党委"), "校长", kind_of).is_none());
    }

    #[test]
    fn democratic_party_committees_end_in_a_committee() {
        let c = |s: &str| party_committee_ending(&s.chars().collect::<Vec<_>>());
        assert_eq!(c("委主委"), Some((1, "委员会")));
        assert_eq!(c("第八届委员会主任委员"), Some((6, "委员会")));
        assert_eq!(c("总支主委"), Some((2, "总支部委员会")));
        assert_eq!(c("主委"), None);
    }

    #[test]
    fn township_heads_hold_posts_in_the_township_government() {
        assert_eq!(township_of_title("某某镇", "镇长").as_deref(), Some("某某镇"));
        assert_eq!(township_of_title("某某镇党委", "副镇长").as_deref(), Some("某某镇"));
        assert!(township_of_title("某某县", "镇长").is_none());
        assert_eq!(township_of_title("中共某某镇委员会", "镇长").as_deref(), Some("某某镇"));
        assert!(township_of_title("某某镇", "局长").is_none());
    }
}

/// Endings of academic units, whose names join disciplines with 与 (某某科学与技术学院).
const ACADEMIC_ENDINGS: &[&str] =
    &["学院", "学系", "系", "学部", "研究院", "研究所", "研究中心", "研究室", "实验室", "教研室"];

/// The length of the academic unit's ending that starts at `at`, if one does.
pub fn academic_ending_at(chars: &[char], at: usize) -> Option<usize> {
    ACADEMIC_ENDINGS
        .iter()
        .map(|w| w.chars().count())
        .zip(ACADEMIC_ENDINGS)
        .filter(|&(n, w)| at + n <= chars.len() && chars[at..at + n].iter().copied().eq(w.chars()))
        .map(|(n, _)| n)
        .max()
}

/// Whether `link` between the words `before` and `after` (each with jieba's tag) joins two
/// disciplines inside an academic unit's name (计算机科学|与|技术学院), not two bodies
/// (某某大学|与|某某学院) or a person and a body.
pub fn joins_disciplines(before: (&str, &str), link: &str, after: Option<(&str, &str)>) -> bool {
    let noun = |t: &str| (t.starts_with('n') && !matches!(t, "nr" | "nrt" | "nrfg")) || t == "vn";
    link == "与"
        && noun(before.1)
        && !before.0.ends_with(['校', '院', '系', '所', '局', '委', '司', '部', '会', '厅', '办', '处'])
        && !["大学", "中学", "小学"].iter().any(|w| before.0.ends_with(w))
        && after.is_some_and(|(_, t)| noun(t))
}

/// The full name of a court's division written short (民一庭 → 民事审判第一庭, 刑二庭 →
/// 刑事审判第二庭, 行政庭 → 行政审判庭, 审监庭 → 审判监督庭), when `short` is one.
pub fn court_division_full(short: &str) -> Option<String> {
    let fixed = match short {
        "行政庭" => Some("行政审判庭"),
        "审监庭" => Some("审判监督庭"),
        _ => None,
    };
    if let Some(f) = fixed {
        return Some(f.to_string());
    }
    let cs: Vec<char> = short.chars().collect();
    let [field, number, '庭'] = cs[..] else { return None };
    let field = match field {
        '民' => "民事",
        '刑' => "刑事",
        '商' => "商事",
        '行' => "行政",
        _ => return None,
    };
    "一二三四五六七八九十".contains(number).then(|| format!("{field}审判第{number}庭"))
}

#[cfg(test)]
mod academic_tests {
    use super::{academic_ending_at, joins_disciplines};

    #[test]
    fn disciplines_joined_by_yu_make_one_academic_name() {
        assert!(joins_disciplines(("材料科学", "n"), "与", Some(("工程", "n"))));
        assert!(!joins_disciplines(("某某大学", "nt"), "与", Some(("物理", "n"))));
        assert!(!joins_disciplines(("学校", "n"), "与", Some(("物理", "n"))));
        assert!(!joins_disciplines(("张三", "nr"), "与", Some(("物理", "n"))));
        assert!(!joins_disciplines(("物理", "n"), "和", Some(("化学", "n"))));
        let chars: Vec<char> = "某某研究所和学院".chars().collect();
        assert_eq!(academic_ending_at(&chars, 2), Some(3));
        assert_eq!(academic_ending_at(&chars, 6), Some(2));
        assert_eq!(academic_ending_at(&chars, 0), None);
    }
}

#[cfg(test)]
mod court_division_tests {
    use super::court_division_full;

    #[test]
    fn short_court_divisions_are_spelled_in_full() {
        assert_eq!(court_division_full("民一庭").as_deref(), Some("民事审判第一庭"));
        assert_eq!(court_division_full("刑二庭").as_deref(), Some("刑事审判第二庭"));
        assert_eq!(court_division_full("行政庭").as_deref(), Some("行政审判庭"));
        assert_eq!(court_division_full("法庭"), None);
        assert_eq!(court_division_full("民乙庭"), None);
    }
}

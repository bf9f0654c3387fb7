//! A post's body as its chain writes it. A body's formal name is often built by the extractor
//! (中国人民政治协商会议某区委员会 from 某区政协); where the chain itself writes the body with its
//! own name (某区政协, 某县人民医院), that spelling is the evidence and names the body exactly,
//! so the role carries it. The record's `organizations` entry still holds every spelling.

use std::collections::BTreeMap;

use super::record::Extraction;
use crate::lexicon::{Lexicon, Surface};

/// First chars of a spelling that leans on the report for its region or unit (市委, 县商务局,
/// 院党委, 校纪委, 镇政府, 集团工会).
const RELATIVE_HEADS: &[char] =
    &['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡', '村', '院', '校', '我', '本', '该', '集', '公'];

/// Level words inside a spelling that leave its region to the report (九三学社市委).
const RELATIVE_ORGANS: &[&str] = &["省委", "市委", "县委", "区委", "州委"];

/// Shorter spellings are abbreviations (国务院, 党中央) that the formal name serves better.
const MIN_PROPER_NAME_CHARS: usize = 4;

/// Gives each role the fullest spelling of its body that its own chain writes, when that
/// spelling names the body on its own and belongs to no other body of the record.
pub fn prefer_written_spellings(lex: &Lexicon, chars: &[char], record: &mut Extraction) {
    let mut owners: BTreeMap<&str, usize> = BTreeMap::new();
    let mut entry_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, o) in record.organizations.iter().enumerate() {
        let mut spellings: Vec<&str> = std::iter::once(&o.name).chain(&o.aliases).map(String::as_str).collect();
        spellings.sort_unstable();
        spellings.dedup();
        for s in spellings {
            *owners.entry(s).or_default() += 1;
            entry_of.entry(s).or_insert(i);
        }
    }
    let mut chosen: Vec<Option<String>> = Vec::with_capacity(record.roles.len());
    for role in &record.roles {
        let pick = (|| {
            let body = role.organization.as_deref()?;
            let entry = &record.organizations[*entry_of.get(body)?];
            let span = role.evidence?;
            let chain: String = chars.get(span.start..span.end)?.iter().collect();
            if chain.contains(entry.name.as_str()) {
                return None;
            }
            std::iter::once(&entry.name)
                .chain(&entry.aliases)
                .filter(|s| {
                    names_itself(lex, s, entry.parent.is_some())
                        && owners.get(s.as_str()) == Some(&1)
                        && chain.contains(s.as_str())
                })
                .max_by_key(|s| (s.chars().count(), std::cmp::Reverse(s.as_str())))
                .cloned()
        })();
        chosen.push(pick);
    }
    for (role, pick) in record.roles.iter_mut().zip(chosen) {
        if let Some(s) = pick {
            role.organization = Some(s);
        }
    }
}

/// Whether a spelling names the body without leaning on the report or on a parent: it holds a
/// region (某区政协, 某市第一人民医院), or it is the proper name of a body that has no parent
/// (某某理工学院) and starts with no level word. Relative spellings (区政协, 院党委, 九三学社市委)
/// and parts named without their parent (教育工委, 心血管内科) lean on what the report said before.
fn names_itself(lex: &Lexicon, spelling: &str, has_parent: bool) -> bool {
    let has_region =
        || lex.scan(spelling).any(|(_, _, surfaces)| surfaces.iter().any(|s| matches!(s, Surface::Region(_))));
    let proper = || {
        !has_parent
            && spelling.chars().count() >= MIN_PROPER_NAME_CHARS
            && spelling.chars().next().is_some_and(|c| !RELATIVE_HEADS.contains(&c))
            && !RELATIVE_ORGANS.iter().any(|w| spelling.contains(w))
    };
    has_region() || proper()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::record::{Organization, Role, Span};

    fn org(name: &str, aliases: &[&str]) -> Organization {
        Organization {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: None,
            parent: None,
            mentions: Vec::new(),
        }
    }

    fn record(text: &str, orgs: Vec<Organization>, body: &str) -> (Vec<char>, Extraction) {
        let chars: Vec<char> = text.chars().collect();
        let role = Role {
            person: "林可欣".into(),
            title: "主席".into(),
            organization: Some(body.into()),
            evidence: Some(Span::new(0, chars.len())),
            title_mention: None,
        };
        let rec = Extraction {
            source: "t".into(),
            title: None,
            published: None,
            persons: Vec::new(),
            organizations: orgs,
            roles: vec![role],
            meetings: Vec::new(),
            attendance: Vec::new(),
        };
        (chars, rec)
    }

    fn body_after(text: &str, orgs: Vec<Organization>, body: &str) -> String {
        let (chars, mut rec) = record(text, orgs, body);
        prefer_written_spellings(&Lexicon::embedded().unwrap(), &chars, &mut rec);
        rec.roles[0].organization.clone().unwrap()
    }

    #[test]
    fn a_chain_that_names_the_body_itself_gives_that_spelling() {
        let cppcc = org("中国人民政治协商会议平江县委员会", &["平江县政协", "县政协"]);
        assert_eq!(body_after("平江县政协主席林可欣", vec![cppcc], "中国人民政治协商会议平江县委员会"), "平江县政协");
    }

    #[test]
    fn a_spelling_that_leans_on_the_report_keeps_the_formal_name() {
        let cppcc = org("中国人民政治协商会议平江县委员会", &["平江县政协", "县政协"]);
        assert_eq!(
            body_after("县政协主席林可欣", vec![cppcc], "中国人民政治协商会议平江县委员会"),
            "中国人民政治协商会议平江县委员会"
        );
    }

    #[test]
    fn a_spelling_of_two_bodies_names_neither() {
        let a = org("中国人民政治协商会议平江县委员会", &["平江县政协"]);
        let b = org("平江县政协机关", &["平江县政协"]);
        assert_eq!(
            body_after("平江县政协主席林可欣", vec![a, b], "中国人民政治协商会议平江县委员会"),
            "中国人民政治协商会议平江县委员会"
        );
    }

    #[test]
    fn a_part_named_without_its_parent_keeps_the_formal_name() {
        let mut part = org("中共平江县委员会教育工作委员会", &["平江县委教育工委", "教育工委"]);
        part.parent = Some("中共平江县委员会".into());
        assert_eq!(
            body_after("教育工委书记林可欣", vec![part], "中共平江县委员会教育工作委员会"),
            "中共平江县委员会教育工作委员会"
        );
    }

    #[test]
    fn the_formal_name_written_in_the_chain_stays() {
        let gov = org("平江县人民政府", &["平江县政府"]);
        assert_eq!(body_after("平江县人民政府区长林可欣", vec![gov], "平江县人民政府"), "平江县人民政府");
    }
}

//! A post's body as its chain writes it. A body's formal name is often built by the extractor
//! (中国人民政治协商会议某区委员会 from 某区政协); where the chain itself writes the body with its
//! own name (某区政协, 某县人民医院), that spelling is the evidence and names the body exactly,
//! so the role carries it. The record's `organizations` entry still holds every spelling.

use std::collections::BTreeMap;

use super::record::Extraction;

/// First chars of a spelling that leans on the report's context for its region or unit
/// (市委, 县商务局, 区政协, 院党委, 校纪委, 镇政府): such a spelling does not name the body on its
/// own, and the formal name is the one to give.
const RELATIVE_HEADS: &[char] =
    &['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡', '村', '院', '校', '我', '本', '该'];

/// Spellings shorter than this are abbreviations (国务院, 党中央) that the formal name serves
/// better.
const MIN_OWN_NAME_CHARS: usize = 4;

/// Gives each role the fullest spelling of its body that its own chain writes, when that
/// spelling names the body on its own and belongs to no other body of the record.
pub fn prefer_written_spellings(chars: &[char], record: &mut Extraction) {
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
                .filter(|s| names_itself(s) && owners.get(s.as_str()) == Some(&1) && chain.contains(s.as_str()))
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

/// Whether a spelling carries its own region or name rather than leaning on the report's.
fn names_itself(spelling: &str) -> bool {
    let mut it = spelling.chars();
    it.next().is_some_and(|c| !RELATIVE_HEADS.contains(&c)) && spelling.chars().count() >= MIN_OWN_NAME_CHARS
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
        prefer_written_spellings(&chars, &mut rec);
        rec.roles[0].organization.clone().unwrap()
    }

    #[test]
    fn a_chain_that_names_the_body_itself_gives_that_spelling() {
        let cppcc = org("中国人民政治协商会议青石区委员会", &["青石区政协", "区政协"]);
        assert_eq!(body_after("青石区政协主席林可欣", vec![cppcc], "中国人民政治协商会议青石区委员会"), "青石区政协");
    }

    #[test]
    fn a_spelling_that_leans_on_the_report_keeps_the_formal_name() {
        let cppcc = org("中国人民政治协商会议青石区委员会", &["青石区政协", "区政协"]);
        assert_eq!(
            body_after("区政协主席林可欣", vec![cppcc], "中国人民政治协商会议青石区委员会"),
            "中国人民政治协商会议青石区委员会"
        );
    }

    #[test]
    fn a_spelling_of_two_bodies_names_neither() {
        let a = org("中国人民政治协商会议青石区委员会", &["青石区政协"]);
        let b = org("青石区政协机关", &["青石区政协"]);
        assert_eq!(
            body_after("青石区政协主席林可欣", vec![a, b], "中国人民政治协商会议青石区委员会"),
            "中国人民政治协商会议青石区委员会"
        );
    }

    #[test]
    fn the_formal_name_written_in_the_chain_stays() {
        let gov = org("青石区人民政府", &["青石区政府"]);
        assert_eq!(body_after("青石区人民政府区长林可欣", vec![gov], "青石区人民政府"), "青石区人民政府");
    }
}

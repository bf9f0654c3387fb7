//! Posts of foreign states. A title written after a country (格鲁吉亚总理, 某国议会副议长) is a
//! post of that country's government or parliament: never of 国务院 or another Chinese body,
//! and the person is filed under no Chinese region.

use super::orgs::OrgRef;
use crate::lexicon::{BodyKind, Country, CountryKind, Lexicon, Title};

/// Titles of heads of state and of government and of ministers: posts of the government.
const GOVERNMENT_TITLES: &[&str] = &[
    "总统",
    "副总统",
    "总理",
    "副总理",
    "第一副总理",
    "首相",
    "副首相",
    "国王",
    "女王",
    "王储",
    "总督",
    "国务卿",
    "部长",
    "副部长",
];

/// Titles of members and officers of a parliament.
const PARLIAMENT_TITLES: &[&str] = &["议长", "副议长", "议员", "参议员", "众议员", "第一副议长"];

/// The body of a post whose title follows `body_text` when that text is a foreign country's
/// name (or ends with one, after words that are no part of it). Returns where the country
/// starts in `body_text` and the body. `中国驻某国大使` is a Chinese post: a country right after
/// 驻 is where the post is held, not whose it is.
pub fn foreign_body(lex: &Lexicon, body_text: &[char], title: &Title) -> Option<(usize, OrgRef)> {
    let (at, country) = (0..body_text.len()).find_map(|k| {
        let (len, c) = lex.country_prefix(&body_text[k..])?;
        (k + len == body_text.len() && c.kind != CountryKind::SelfState && (k == 0 || body_text[k - 1] != '驻'))
            .then_some((k, c))
    })?;
    let t = title.title.as_str();
    let (name, aliases) = if GOVERNMENT_TITLES.contains(&t) {
        (format!("{}政府", country.name), government_aliases(country))
    } else if PARLIAMENT_TITLES.contains(&t) {
        (format!("{}议会", country.short), vec![format!("{}议会", country.name)])
    } else {
        return None;
    };
    let aliases = aliases.into_iter().filter(|a| *a != name).collect();
    Some((
        at,
        OrgRef {
            name,
            aliases,
            kind: Some(BodyKind::Government),
            parent: None,
            region: None,
            bare_region: false,
            known: true,
        },
    ))
}

fn government_aliases(c: &Country) -> Vec<String> {
    // The country's own names are not aliases: a country named as a country is no body.
    vec![format!("{}政府", c.short)]
}

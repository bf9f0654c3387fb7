//! Development zones and parks (某某经济技术开发区, 某某高新区, 某某工业园区): governed by a
//! management committee (管委会) under a party working committee (党工委). A zone goes by its
//! full name, its short name and its committee's name; reports write all three.

use super::orgs::OrgRef;
use crate::lexicon::BodyKind;

/// Zone endings, longest first, with the short ending writers use for the full one.
const ZONE_ENDINGS: &[(&str, Option<&str>)] = &[
    ("高新技术产业开发区", None),
    ("经济技术开发区", None),
    ("经济开发区", None),
    ("工业园区", None),
    ("产业园区", None),
    ("高新区", Some("高新技术产业开发区")),
    ("经开区", Some("经济技术开发区")),
    ("开发区", None),
    ("园区", None),
    ("新区", None),
];

/// Names of a zone's management committee written after the zone.
const COMMITTEES: &[&str] = &["管理委员会", "管委会"];

/// The short endings of a full ending (经济技术开发区 → 经开区).
fn short_of(full: &str) -> Option<&'static str> {
    ZONE_ENDINGS.iter().find(|(_, f)| *f == Some(full)).map(|(s, _)| *s)
}

/// Whether `name` is a zone's name (full or short).
pub fn is_zone(name: &str) -> bool {
    zone_parts(name).is_some()
}

/// Whether `name` is a bare zone ending, maybe with its committee (工业园区, 经开区管委会,
/// 高新区党工委): the zone of a region named by its level word before it (县工业园区).
pub fn is_bare_ending(name: &str) -> bool {
    let zone = COMMITTEES.iter().chain(&["党工委"]).find_map(|c| name.strip_suffix(c)).unwrap_or(name);
    ZONE_ENDINGS.iter().any(|(e, _)| *e == zone)
}

/// The stem and the full ending of a zone's name (盐湖|经济技术开发区 for 盐湖经开区).
fn zone_parts(name: &str) -> Option<(&str, &'static str)> {
    ZONE_ENDINGS.iter().find_map(|(ending, full)| {
        let stem = name.strip_suffix(ending)?;
        (stem.chars().count() >= 2).then_some((stem, full.unwrap_or(ending)))
    })
}

/// The zone, or its management committee or party working committee, named by `name`:
/// 某某经开区 → 某某经济技术开发区 (its short name and committee's names as aliases);
/// 某某经开区管委会 → the zone; 某某经开区党工委 → 中共某某经济技术开发区工作委员会.
pub fn zone_ref(name: &str) -> Option<OrgRef> {
    if let Some(zone) = name.strip_suffix("党工委") {
        let z = zone_body(zone)?;
        let mut aliases: Vec<String> = std::iter::once(&z.name)
            .chain(z.aliases.iter())
            .filter(|a| is_zone(a))
            .map(|a| format!("{a}党工委"))
            .collect();
        aliases.dedup();
        return Some(OrgRef::shaped(format!("中共{}工作委员会", z.name), aliases, BodyKind::Party));
    }
    if let Some(zone) = COMMITTEES.iter().find_map(|c| name.strip_suffix(c)) {
        return zone_body(zone);
    }
    zone_body(name)
}

/// The zone named `name`, full or short, with its other names as aliases.
fn zone_body(name: &str) -> Option<OrgRef> {
    let (stem, full_ending) = zone_parts(name)?;
    let full = format!("{stem}{full_ending}");
    let mut names = vec![full.clone()];
    if let Some(short) = short_of(full_ending) {
        names.push(format!("{stem}{short}"));
    }
    let mut aliases: Vec<String> = names[1..].to_vec();
    for n in &names {
        for c in COMMITTEES {
            aliases.push(format!("{n}{c}"));
        }
    }
    Some(OrgRef::shaped(full, aliases, BodyKind::Government))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_go_by_full_and_short_names_and_their_committees() {
        let z = zone_ref("青禾经开区").unwrap();
        assert_eq!(z.name, "青禾经济技术开发区");
        assert!(z.aliases.contains(&"青禾经开区".to_string()));
        assert!(z.aliases.contains(&"青禾经开区管委会".to_string()));
        assert_eq!(zone_ref("青禾高新区管委会").unwrap().name, "青禾高新技术产业开发区");
        let p = zone_ref("青禾经开区党工委").unwrap();
        assert_eq!(p.name, "中共青禾经济技术开发区工作委员会");
        assert!(p.aliases.contains(&"青禾经开区党工委".to_string()));
        assert_eq!(zone_ref("青禾工业园区").unwrap().name, "青禾工业园区");
        assert!(zone_ref("开发区").is_none());
        assert!(is_bare_ending("工业园区") && is_bare_ending("经开区管委会") && is_bare_ending("高新区党工委"));
        assert!(!is_bare_ending("青禾工业园区") && !is_bare_ending("管委会"));
        assert!(zone_ref("青禾大学").is_none());
    }
}

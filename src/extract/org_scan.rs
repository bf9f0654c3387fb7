//! Bodies the dictionaries know, named anywhere in the report (with their regions carried
//! along a title chain), and bodies listed before a group word (甲、乙等民营企业).

use std::collections::BTreeSet;

use super::attendance::NameSpan;
use super::hits::Hits;
use super::names;
use super::orgs::{OrgRef, OrgTable};
use super::scope::DocScope;
use super::Extractor;
use crate::lexicon::{BodyKind, Surface};

impl Extractor {
    /// Every body the dictionaries know, named anywhere in the report.
    pub(super) fn scan_orgs(
        &self,
        cx: &DocScope,
        names: &[NameSpan],
        orgs: &mut OrgTable,
    ) -> Vec<(usize, usize, String)> {
        let (chars, hits, resolver, units) = (cx.chars, cx.hits, cx.resolver, cx.units);
        let mut mentions = Vec::new();
        for &(s, e) in units {
            let mut i = s;
            // The last regional body named and where it ends: a department named without its
            // region in the same title chain is that region's (扬州市委常委、政法委书记).
            let mut last: Option<(usize, usize)> = None;
            while i < e {
                // A body a title chain read apart (纪委 after 院党委: the hospital's).
                if let Some((end, name)) = orgs.claimed_at(i) {
                    mentions.push((i, end, name));
                    i = end;
                    continue;
                }
                // A township's organ by its level word (镇党委, 镇纪委) in a township's report.
                if let Some((len, r)) = resolver.township_word_at(&chars[i..e], i.checked_sub(1).map(|b| chars[b])) {
                    let name = orgs.add(&r);
                    mentions.push((i, i + len, name));
                    i += len;
                    continue;
                }
                let starts_org = hits
                    .starting_at(i)
                    .any(|h| matches!(h.surface, Surface::Body(_) | Surface::Region(_) | Surface::DepartmentBare(_)))
                    || (matches!(chars[i], '省' | '市' | '区' | '县' | '州')
                        && hits.starting_at(i + 1).any(|h| matches!(h.surface, Surface::DepartmentSuffix)));
                // A department written without its region in a list after a regional body.
                let starts_org = starts_org
                    || (last.is_some_and(|(end, _)| same_chain(chars, names, end, i))
                        && hits.starting_at(i).any(|h| matches!(h.surface, Surface::DepartmentSuffix)));
                let inside_name = {
                    let k = names.partition_point(|n| n.start <= i);
                    k > 0 && names[k - 1].end > i
                };
                if !starts_org || inside_name {
                    i += 1;
                    continue;
                }
                let carried = last.filter(|&(end, _)| same_chain(chars, names, end, i)).map(|(_, r)| r);
                let found = resolver.longest_at(&chars[i..e], carried);
                if let Some((len, r)) = &found {
                    last = r.region.filter(|_| !r.bare_region).map(|region| (i + len, region));
                }
                match found {
                    Some((len, r)) if !r.bare_region && len >= 2 => {
                        if self.short_alias_inside_word(chars, i, i + len, s)
                            || is_party_members(&r, chars, i + len, e)
                            || is_generic_org(&r, chars, i + len, e)
                            || r.kind == Some(BodyKind::State)
                            || self.runs_into_category(chars, i, i + len, e)
                            || is_media_credit(chars, i + len, e)
                            || is_whole_tier(chars, i, s)
                            || is_office_building(chars, i + len, e)
                        {
                            i += len;
                            continue;
                        }
                        // A joint name (省委省政府) names each of its bodies.
                        let mut from = i;
                        for (end, joint) in resolver.joint_bodies(&chars[i..i + len], carried) {
                            let name = orgs.add(&joint);
                            mentions.push((from, i + end, name));
                            from = i + end;
                        }
                        let name = orgs.add(&r);
                        mentions.push((i, i + len, name));
                        i += len;
                    }
                    Some((len, r)) => {
                        // A place named among bodies, or with its officials (北京市、湖北省负责同志
                        // 作交流发言): the region's government.
                        if let Some(region) = r.region.filter(|_| self.region_acts_as_body(chars, hits, i, i + len, e))
                        {
                            let gov = resolver.government_of(region);
                            let name = orgs.add(&gov);
                            mentions.push((i, i + len, name));
                        }
                        i += len.max(1)
                    }
                    None => i += 1,
                }
            }
        }
        mentions
    }

    /// Whether a two-char abbreviation of a dictionary body at `start..end` is only part of
    /// ordinary words (人民|建立 holds 民建, 西北大学 holds 北大): no word begins or ends with it.
    fn short_alias_inside_word(&self, chars: &[char], start: usize, end: usize, floor: usize) -> bool {
        if end - start != 2 {
            return false;
        }
        let surface: String = chars[start..end].iter().collect();
        self.lexicon.body_index_of(&surface).is_some()
            && !self.word_starts_at(chars, start, floor)
            && !self.word_starts_at(chars, end, floor)
    }

    /// Whether the region named at `start..end` stands for a governing body: it is listed with
    /// `、` among dictionary bodies, or the list it closes is followed by words for officials
    /// (北京市、湖北省、某某大学负责同志作交流发言).
    fn region_acts_as_body(&self, chars: &[char], hits: &Hits, start: usize, end: usize, limit: usize) -> bool {
        let officials = |k: usize| {
            let after: String = chars[k..(k + 6).min(limit)].iter().collect();
            ["负责同志", "主要负责同志", "有关负责同志", "负责人", "党委和政府", "党委政府"]
                .iter()
                .any(|w| after.starts_with(w))
        };
        if officials(end) {
            return true;
        }
        // The items of the 、-list around the region: short runs of Han chars between 、.
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut k = start;
        while k > 1 && chars[k - 1] == '、' && items.len() < 12 {
            let mut a = k - 1;
            while a > 0 && names::is_han(chars[a - 1]) && k - 1 - a < 10 {
                a -= 1;
            }
            if a > 0 && names::is_han(chars[a - 1]) {
                break;
            }
            items.push((a, k - 1));
            k = a;
        }
        let mut k = end;
        while k < limit && chars[k] == '、' && items.len() < 24 {
            let b = (k + 1..(k + 12).min(limit)).find(|&j| !names::is_han(chars[j])).unwrap_or(limit);
            items.push((k + 1, b));
            k = b;
        }
        // A dictionary body that is a whole item (not a place: 福建、上海、北京 are places).
        let body_item =
            |&(a, b): &(usize, usize)| hits.starting_at(a).any(|h| matches!(h.surface, Surface::Body(_)) && h.end == b);
        let list_end = items.iter().map(|x| x.1).max().unwrap_or(end).max(end);
        !items.is_empty() && (items.iter().any(body_item) || officials(list_end))
    }
}

impl Extractor {
    /// Whether a category word (委办局, 有关部门) overlaps the end of the body name at
    /// `start..end`: then the name is part of the category, not a body.
    fn runs_into_category(&self, chars: &[char], start: usize, end: usize, limit: usize) -> bool {
        let window: String = chars[start..(end + 4).min(limit)].iter().collect();
        let name_len = end - start;
        self.lexicon.org_shapes.iter().filter(|(_, k)| *k == BodyKind::Category).any(|(w, _)| {
            window.find(w.as_str()).is_some_and(|b| {
                let at = window[..b].chars().count();
                at < name_len && at + w.chars().count() > name_len
            })
        })
    }
}

/// Whether `end..at` is the rest of one post in a title chain and its separator (常委、): a
/// few Han chars naming no person, then `、` or `，`.
fn same_chain(chars: &[char], names: &[NameSpan], end: usize, at: usize) -> bool {
    if at <= end || at - end > 8 || !matches!(chars[at - 1], '、' | '，') {
        return false;
    }
    chars[end..at - 1].iter().all(|c| names::is_han(*c)) && !names.iter().any(|n| n.start < at && n.end > end)
}

/// Whether a body name ending at `end` is a news agency's credit (新华社北京3日电, 央视网消息).
fn is_media_credit(chars: &[char], end: usize, limit: usize) -> bool {
    let rest: String = chars[end..(end + 12).min(limit)].iter().collect();
    if ["网消息", "消息", "记者", "讯", "客户端", "网讯"].iter().any(|w| rest.starts_with(w)) {
        return true;
    }
    // 新华社北京12月3日电
    rest.find("日电").is_some_and(|i| rest[..i].chars().all(|c| names::is_han(c) || c.is_ascii_digit() || c == '月'))
}

/// Words for groups of bodies that close a list of them (甲科技、乙食品等民营企业).
const BODY_GROUPS: &[(&str, BodyKind)] = &[
    ("企业", BodyKind::Enterprise),
    ("公司", BodyKind::Enterprise),
    ("银行", BodyKind::Enterprise),
    ("集团", BodyKind::Enterprise),
    ("高校", BodyKind::University),
    ("大学", BodyKind::University),
    ("院校", BodyKind::University),
    ("科研院所", BodyKind::Institute),
    ("机构", BodyKind::Institute),
    ("协会", BodyKind::Association),
    ("商会", BodyKind::Association),
];

/// Bodies named in a list closed by 等 and a group word within a few chars (甲、乙、丙等民营企业):
/// each item is a body of that kind, however unknown its name.
pub(super) fn listed_bodies(
    chars: &[char],
    units: &[(usize, usize)],
    persons: &BTreeSet<String>,
    orgs: &mut OrgTable,
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for &(s, e) in units {
        for i in s + 1..e {
            if chars[i] != '等' {
                continue;
            }
            let after: String = chars[i + 1..(i + 10).min(e)].iter().collect();
            let Some(&(_, kind)) =
                BODY_GROUPS.iter().filter(|(w, _)| after.contains(w)).min_by_key(|(w, _)| after.find(w))
            else {
                continue;
            };
            // The items, walking back from 等 over 、.
            let mut items = Vec::new();
            let mut end = i;
            loop {
                let mut a = end;
                while a > s && (names::is_han(chars[a - 1]) || chars[a - 1].is_ascii_alphanumeric()) && end - a < 12 {
                    a -= 1;
                }
                let ok_start = a == s || matches!(chars[a - 1], '、' | '，' | '：' | '“' | '（' | ' ');
                if end - a < 2 || !ok_start {
                    break;
                }
                items.push((a, end));
                if a > s && chars[a - 1] == '、' {
                    end = a - 1;
                } else {
                    break;
                }
            }
            if items.len() < 2 {
                continue;
            }
            for (a, b) in items {
                let name: String = chars[a..b].iter().collect();
                // A list of persons (市县领导吴岚、方晓东等企业负责人) is no list of bodies.
                if persons.iter().any(|p| name.contains(p.as_str())) {
                    continue;
                }
                let r = OrgRef {
                    name: name.clone(),
                    aliases: vec![],
                    kind: Some(kind),
                    parent: None,
                    region: None,
                    bare_region: false,
                    known: false,
                };
                out.push((a, b, orgs.add(&r)));
            }
        }
    }
    out
}

/// Whether a party's name at `..end` is followed by 人 or 员: its members (中国共产党人,
/// 共产党员), not the party.
fn is_party_members(r: &OrgRef, chars: &[char], end: usize, limit: usize) -> bool {
    r.kind == Some(BodyKind::Party) && r.name.ends_with('党') && end < limit && matches!(chars[end], '人' | '员')
}

/// A short form followed by words that make it a category (市委办局), not a body.
fn is_generic_org(r: &OrgRef, chars: &[char], end: usize, limit: usize) -> bool {
    if r.region.is_some() || end >= limit {
        return false;
    }
    r.name.chars().count() <= 2 && names::is_han(chars[end])
}

/// Whether the level word at `start` follows 全 (全市法院, 全省检察机关): every body of that
/// kind in the region, not the region's own one.
fn is_whole_tier(chars: &[char], start: usize, floor: usize) -> bool {
    start > floor && chars[start - 1] == '全' && matches!(chars[start], '省' | '市' | '县' | '区' | '州')
}

/// Whether a short name ending in 办 (市委办, 县府办) runs on into 办公 (市委办公楼, 县政府办公大院):
/// the words name a building, not the office.
fn is_office_building(chars: &[char], end: usize, limit: usize) -> bool {
    end < limit && chars[end - 1] == '办' && chars[end] == '公'
}

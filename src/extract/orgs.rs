//! Naming bodies: dictionary bodies, region + department compositions (北京市委, 市科委),
//! and unknown bodies recognised by their shape (…管委会).

use std::collections::{BTreeMap, BTreeSet};

use super::body_shapes;
use super::context::RegionContext;
use super::hits::{self, Hits};
use super::township::Township;
use crate::extract::record::Organization;
use crate::lexicon::{BodyKind, Level, Lexicon, Surface};

/// A body as named at one place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgRef {
    /// Canonical name.
    pub name: String,
    /// Other names: the usual abbreviations and the spelling the text used.
    pub aliases: Vec<String>,
    /// Kind of body, when known.
    pub kind: Option<BodyKind>,
    /// The body it belongs to.
    pub parent: Option<String>,
    /// The region the body belongs to, when it is a regional body.
    pub region: Option<usize>,
    /// True when the text names a region only (海淀区), not one of its bodies.
    pub bare_region: bool,
    /// True when the dictionaries know the body; false for a name taken by its shape.
    pub known: bool,
}

impl OrgRef {
    /// A body no dictionary lists, known by the shape of its name, in no region.
    pub fn shaped(name: String, aliases: Vec<String>, kind: BodyKind) -> OrgRef {
        OrgRef { name, aliases, kind: Some(kind), parent: None, region: None, bare_region: false, known: false }
    }
}

/// One step of parsing a body name.
#[derive(Debug, Clone)]
enum Unit {
    Body(usize),
    Region(usize),
    Department {
        dept: usize,
        region: Option<usize>,
    },
    /// A democratic party's committee of a region (民盟江苏省委).
    PartyBranch {
        party: usize,
        region: usize,
        ending: &'static str,
    },
}

/// Bare level words that stand for the report's own region before a department (市科委).
const LEVEL_WORDS: &[&str] = &["自治区", "省", "市", "区", "县", "州", "盟", "旗"];

/// Resolves body names against the dictionaries and the report's regions.
pub struct OrgResolver<'a> {
    lex: &'a Lexicon,
    ctx: RegionContext,
    /// The report's own township or street, when it names one ([`super::township`]).
    township: Option<Township>,
    /// The report's own village, when it names one.
    village: Option<Township>,
}

impl<'a> OrgResolver<'a> {
    /// A resolver for one report.
    pub fn new(lex: &'a Lexicon, ctx: RegionContext) -> Self {
        OrgResolver { lex, ctx, township: None, village: None }
    }

    /// The resolver with the report's own township, whose bodies its bare level words name.
    pub fn with_township(mut self, township: Option<Township>, village: Option<String>) -> Self {
        self.township = township;
        self.village = village.map(|v| Township::bare(&v));
        self
    }

    /// The formal place of the county-level region whose name ends at `end` of `chars`, with
    /// its name as written; else `None`.
    pub fn county_ending_at(&self, hits: &Hits, chars: &[char], end: usize) -> Option<(String, String)> {
        // The longest name ending there (安吉县, not 吉县).
        let longest = hits
            .ending_at(end)
            .filter(|h| matches!(h.surface, Surface::Region(_)))
            .min_by_key(|h| (h.start, !matches!(h.surface, Surface::Region(r) if self.is_county(r))))?;
        let Surface::Region(r) = longest.surface else { return None };
        self.is_county(r).then(|| (formal_place(self.lex, r), chars[longest.start..longest.end].iter().collect()))
    }

    fn is_county(&self, region: usize) -> bool {
        matches!(self.lex.regions[region].level, Level::District | Level::County)
    }

    /// The name of a zone written with the bare level word of the report's region (县工业园区
    /// in a county's report → 某某县工业园区; 市经开区 → 某某经开区).
    fn zone_of_own_region(&self, surface: &str) -> Option<String> {
        let level = surface.chars().next()?;
        let rest = &surface[level.len_utf8()..];
        if !super::zones::is_bare_ending(rest) {
            return None;
        }
        let region = match level {
            '县' | '区' => self.ctx.county,
            '市' => self.ctx.city,
            '省' => self.ctx.province,
            _ => None,
        }?;
        let r = &self.lex.regions[region];
        // A county's zone keeps the county's level (某某县工业园区); a city's goes by its stem.
        let place = if matches!(level, '县' | '区') { &r.name } else { &r.short };
        (r.name.ends_with(level)).then(|| format!("{place}{rest}"))
    }

    /// The name of a unit written with the bare level word of the report's township (乡农业服务
    /// 中心 → 某县某某乡农业服务中心), and its other names (某某乡农业服务中心, as written).
    fn township_unit(&self, surface: &str) -> Option<(String, Vec<String>)> {
        let t = self.township.as_ref()?;
        let rest = surface.strip_prefix(super::township::level_word_of(&t.name)?)?;
        // The unit's own name after the level word: no level char, more than an organ's two.
        let first = rest.chars().next()?;
        if rest.chars().count() < 3 || "省市县区乡镇村街".contains(first) {
            return None;
        }
        let mut aliases = vec![format!("{}{rest}", t.name), surface.to_string()];
        let full = format!("{}{rest}", t.full());
        aliases.retain(|a| *a != full);
        aliases.dedup();
        Some((full, aliases))
    }

    /// The formal place of the report's county, with its name.
    pub fn report_county(&self) -> Option<(String, String)> {
        let r = self.ctx.county?;
        Some((formal_place(self.lex, r), self.lex.regions[r].name.clone()))
    }

    /// The report's own township and village, for a word starting with `c` (村 → the village).
    fn own_place(&self, c: Option<&char>) -> Option<&Township> {
        if c == Some(&'村') {
            self.village.as_ref()
        } else {
            self.township.as_ref()
        }
    }

    /// The body a township's bare level word names (镇党委, 镇长's 镇), in a report of one
    /// township; `before` is the char written before the word.
    pub fn township_body(&self, chars: &[char], before: Option<char>) -> Option<OrgRef> {
        // A street's office written bare in a chain (街道党工委副书记、办事处主任).
        if let Some(t) = self.township.as_ref().filter(|t| t.name.ends_with("街道")) {
            if chars.iter().copied().eq("办事处".chars()) && !before.is_some_and(is_name_char) {
                return Some(super::township::government(t));
            }
        }
        super::township::township_body(self.own_place(chars.first())?, chars, before)
    }

    /// The body a township's level word and organ name at the start of `chars` in running text
    /// (镇党委召开会议), and its length.
    pub fn township_word_at(&self, chars: &[char], before: Option<char>) -> Option<(usize, OrgRef)> {
        super::township::township_word_at(self.own_place(chars.first())?, chars, before)
    }

    /// The township's organ `organ` (纪委, 武装部) written bare after the township's party
    /// committee in a chain (镇党委委员、纪委书记 → the township's 纪委, not the county's).
    pub fn township_organ(&self, carried: &OrgRef, organ: &str) -> Option<OrgRef> {
        let t = self.township.as_ref()?;
        let level = super::township::level_word_of(&t.name)?;
        let body = |w: &str| super::township::township_body(t, &w.chars().collect::<Vec<_>>(), None);
        let committee = ["党委", "党工委"].iter().find_map(|c| body(&format!("{level}{c}")));
        if committee.is_none_or(|c| c.name != carried.name) {
            return None;
        }
        body(&format!("{level}{organ}")).filter(|o| o.name != carried.name)
    }

    /// The government of the report's township, for a head of township named without a body.
    pub fn township_government(&self, title: &str) -> Option<OrgRef> {
        let t = self.township.as_ref()?;
        body_shapes::township_of_title(&t.name, title)?;
        Some(super::township::government(t))
    }

    /// The government of the township that `place` names (某某镇, 中共某某镇委员会), for a head
    /// of township: the report's own one in full when it is that one.
    pub fn government_of_township(&self, place: &str, title: &str) -> Option<OrgRef> {
        let stem = body_shapes::township_of_title(place, title)?;
        Some(self.government_of_named(&stem))
    }

    /// The government of the township named `stem` (某某镇), the report's own one in full.
    pub fn government_of_named(&self, stem: &str) -> OrgRef {
        match &self.township {
            Some(t) if t.name == stem || t.full() == stem => super::township::government(t),
            _ => super::township::government(&Township::bare(stem)),
        }
    }

    /// The report's region context.
    pub fn context(&self) -> RegionContext {
        self.ctx
    }

    /// Resolves `chars` as one body name from the dictionaries alone: every char must belong
    /// to a dictionary body, region or department.
    pub fn resolve_dictionary(&self, chars: &[char], carried: Option<usize>) -> Option<OrgRef> {
        let (units, used) = self.parse_units(chars, carried);
        if used != chars.len() || units.is_empty() {
            return None;
        }
        let surface: String = chars.iter().collect();
        let mut r = self.unit_ref(&units, &surface);
        if !r.aliases.contains(&surface) && r.name != surface {
            r.aliases.push(surface);
        }
        Some(r)
    }

    /// Resolves `chars` as one body name. `carried` is the region of the body named just
    /// before in the same title chain (教育工委 after 北京市委). With `allow_shape`, text that
    /// the dictionaries do not cover is still taken as a body when it ends like one.
    pub fn resolve(&self, chars: &[char], carried: Option<usize>, allow_shape: bool) -> Option<OrgRef> {
        let surface: String = chars.iter().collect();
        let (units, used) = self.parse_units(chars, carried);
        if used == chars.len() && !units.is_empty() {
            return self.resolve_dictionary(chars, carried);
        }
        // A government department's party committee (市公安局党委): named after the department.
        if let Some((stem, organ)) = PARTY_ORGANS.iter().find_map(|o| {
            chars.len().checked_sub(o.chars().count()).filter(|_| surface.ends_with(o)).map(|n| (&chars[..n], *o))
        }) {
            if let Some(dept) = self
                .resolve_dictionary(stem, carried)
                .filter(|d| d.known && !d.bare_region && d.kind == Some(BodyKind::Government) && d.parent.is_some())
            {
                return Some(OrgRef {
                    name: format!("{}{organ}", dept.name),
                    aliases: vec![surface],
                    kind: Some(BodyKind::Party),
                    parent: Some(dept.name),
                    region: dept.region,
                    bare_region: false,
                    known: false,
                });
            }
        }
        if !allow_shape && !self.has_org_shape(&surface) {
            return None;
        }
        if chars.len() < 2 || !chars.iter().all(|c| is_name_char(*c)) || chars[0] == '·' {
            return None;
        }
        // A bare ending (公司, 有限公司) names no body.
        if self.lex.org_shapes.iter().any(|(s, _)| *s == surface) {
            return None;
        }
        let parent = (!units.is_empty()).then(|| self.unit_ref(&units, "").name);
        let region = units.iter().rev().find_map(|u| match u {
            Unit::Region(r) => Some(*r),
            Unit::Department { region, .. } => *region,
            Unit::PartyBranch { region, .. } => Some(*region),
            Unit::Body(_) => None,
        });
        // A development zone, its committee or its party working committee (某某经开区管委会);
        // one named by the level word of the report's region is that region's (县工业园区).
        let zone_name = self.zone_of_own_region(&surface).unwrap_or_else(|| surface.clone());
        if let Some(mut zone) = super::zones::zone_ref(&zone_name) {
            zone.region = region;
            if zone.name != surface && !zone.aliases.contains(&surface) {
                zone.aliases.push(surface);
            }
            return Some(zone);
        }
        let kind =
            self.lex.org_shapes.iter().filter(|(s, _)| surface.ends_with(s.as_str())).max_by_key(|(s, _)| s.len());
        // A unit of the report's township named with its bare level word (乡农业服务中心).
        let (surface, aliases) = match self.township_unit(&surface) {
            Some((full, aliases)) => (full, aliases),
            None => (surface, Vec::new()),
        };
        Some(OrgRef {
            name: surface,
            aliases,
            kind: kind.map(|(_, k)| *k),
            parent,
            region,
            bare_region: false,
            known: false,
        })
    }

    /// The longest dictionary body name starting at `chars[0]`: its length and resolution.
    /// A region alone is returned too (flagged `bare_region`).
    /// `carried` is the region of the body named just before in the same title chain.
    pub fn longest_at(&self, chars: &[char], carried: Option<usize>) -> Option<(usize, OrgRef)> {
        let (units, ends, used) = self.parse_units_with_ends(chars, carried);
        if units.is_empty() {
            return None;
        }
        let surface: String = chars[..used].iter().collect();
        let mut r = self.unit_ref(&units, &surface);
        // In a joint name (省委省政府) the last body is spelled by its own part only.
        let from = self.joint_splits(&units).last().map_or(0, |&k| ends[k]);
        let own: String = chars[from..used].iter().collect();
        if !r.aliases.contains(&own) && r.name != own {
            r.aliases.push(own);
        }
        Some((used, r))
    }

    /// The government of a region (for 区长 of 海淀区).
    pub fn government_of(&self, region: usize) -> OrgRef {
        let lex = self.lex;
        let dept = lex
            .departments_after_region("人民政府")
            .iter()
            .copied()
            .find(|&d| lex.departments[d].exists_at(lex.regions[region].level));
        match dept {
            Some(d) => {
                // The bare place stands for its government too (海淀区副区长).
                let mut r = self.department_ref(d, Some(region), "");
                r.aliases.push(lex.regions[region].name.clone());
                r
            }
            None => {
                let name = format!("{}人民政府", lex.regions[region].name);
                OrgRef {
                    name,
                    aliases: vec![],
                    kind: Some(BodyKind::Government),
                    parent: None,
                    region: Some(region),
                    bare_region: false,
                    known: true,
                }
            }
        }
    }

    /// The government of a region named only through its party committee's name, when the
    /// region is not in the dictionaries (青禾县委 → 青禾县人民政府).
    pub fn government_by_shape(&self, party_committee: &str) -> Option<OrgRef> {
        let place = party_committee.strip_suffix("党委").or_else(|| party_committee.strip_suffix('委'))?;
        let last = place.chars().last()?;
        if !matches!(last, '省' | '市' | '县' | '区' | '州' | '旗' | '盟') || place.chars().count() < 2 {
            return None;
        }
        Some(OrgRef {
            name: format!("{place}人民政府"),
            aliases: vec![format!("{place}政府"), place.to_string()],
            kind: Some(BodyKind::Government),
            parent: None,
            region: None,
            bare_region: false,
            known: false,
        })
    }

    /// A unit named by its bare kind word in a title chain (医院党委书记, 集团总会计师): the
    /// report's own unit of that kind, resolved against the report's bodies later
    /// ([`OrgTable::merge_short_forms`]) or dropped ([`OrgTable::drop_own_units`]).
    pub fn own_unit(&self, chars: &[char]) -> Option<OrgRef> {
        let surface: String = chars.iter().collect();
        // An organ of the unit (集团工会, 院纪委) is the unit's, named in full later.
        let unit = UNIT_ORGANS.iter().find_map(|o| surface.strip_suffix(o)).filter(|u| !u.is_empty());
        let kind = match unit {
            Some(u) => own_unit_kind(self.lex, u).map(|_| organ_kind(&surface)),
            None => own_unit_kind(self.lex, &surface),
        }?;
        Some(OrgRef {
            name: surface,
            aliases: Vec::new(),
            kind: Some(kind),
            parent: None,
            region: None,
            bare_region: false,
            known: false,
        })
    }

    /// The report's own unit that a head title written without a body heads (院长 of the
    /// hospital or court the report names first), resolved like [`Self::own_unit`].
    pub fn own_unit_of_head(&self, title: &str) -> Option<OrgRef> {
        let word: Vec<char> = unit_of_head(title)?.chars().collect();
        self.own_unit(&word)
    }

    /// Whether `s` ends like the name of a body.
    pub fn has_org_shape(&self, s: &str) -> bool {
        self.lex.org_shapes.iter().any(|(suffix, _)| s.ends_with(suffix.as_str()))
    }

    fn parse_units(&self, chars: &[char], carried: Option<usize>) -> (Vec<Unit>, usize) {
        let (units, _, used) = self.parse_units_with_ends(chars, carried);
        (units, used)
    }

    /// The bodies of a joint name that stand apart from the body it ends with (省委省政府:
    /// the party committee and the government; not 市委教育工委, where the second belongs to
    /// the first): each one's length from the start of `chars` and its resolution.
    pub fn joint_bodies(&self, chars: &[char], carried: Option<usize>) -> Vec<(usize, OrgRef)> {
        let (units, ends, _) = self.parse_units_with_ends(chars, carried);
        let mut out = Vec::new();
        for k in self.joint_splits(&units) {
            let mut this = self.unit_ref(&units[..=k], "");
            let start = if k == 0 { 0 } else { ends[k - 1] };
            let surface: String = chars[start..ends[k]].iter().collect();
            if this.name != surface && !this.aliases.contains(&surface) {
                this.aliases.push(surface);
            }
            out.push((ends[k], this));
        }
        out
    }

    /// The units of a joint name that close a body standing apart from the next one.
    fn joint_splits(&self, units: &[Unit]) -> Vec<usize> {
        (0..units.len().saturating_sub(1))
            .filter(|&k| {
                if matches!(units[k], Unit::Region(_)) || matches!(units[k + 1], Unit::Region(_)) {
                    return false;
                }
                let this = self.unit_ref(&units[..=k], "");
                let next = self.unit_ref(&units[..=k + 1], "");
                next.parent.as_deref() != Some(this.name.as_str()) && this.kind != Some(BodyKind::State)
            })
            .collect()
    }

    fn parse_units_with_ends(&self, chars: &[char], carried: Option<usize>) -> (Vec<Unit>, Vec<usize>, usize) {
        let lex = self.lex;
        let mut ends: Vec<usize> = Vec::new();
        let mut units: Vec<Unit> = Vec::new();
        let mut pos = 0;
        let mut buf = String::new();
        while pos < chars.len() {
            let rest = &chars[pos..];
            // 某院和县委: after a body, 和 and a level word join another body; it is not the
            // county 和县 continuing this name.
            if pos > 0
                && rest.len() > 1
                && hits::CONJUNCTIONS.contains(&rest[0])
                && hits::LEVEL_CHARS.contains(&rest[1])
            {
                break;
            }
            let last_region = units.iter().rev().find_map(|u| match u {
                Unit::Region(r) => Some(*r),
                Unit::Department { region, .. } => *region,
                Unit::PartyBranch { region, .. } => Some(*region),
                Unit::Body(_) => None,
            });
            // Candidates: (length, unit); the longest wins.
            let mut best: Option<(usize, Unit)> = None;
            let mut consider = |len: usize, unit: Unit| {
                if best.as_ref().is_none_or(|(l, _)| len > *l) {
                    best = Some((len, unit));
                }
            };
            // "中共" before a regional party body; a term (第十四届) before a congress or CPPCC.
            let session = session_len(rest);
            let skip = if rest.starts_with(&['中', '共']) && rest.len() > 2 { 2 } else { session };
            // A body from the dictionary.
            buf.clear();
            for (i, c) in rest[session..].iter().take(lex.max_org_len()).enumerate() {
                buf.push(*c);
                let i = i + session;
                if let Some(b) = lex.body_index_of(&buf) {
                    consider(i + 1, Unit::Body(b));
                }
                if let Some(d) = lex.bare_department(&buf) {
                    let from_chain = carried.and_then(|c| self.carried_region_for(c, d));
                    consider(
                        i + 1,
                        Unit::Department { dept: d, region: last_region.or(from_chain).or(self.default_region_for(d)) },
                    );
                }
                // No longer name starts so: stop looking up.
                if !lex.org_continues(&buf) {
                    break;
                }
            }
            // A region, maybe followed by one of its departments.
            if let Some((rlen, regions)) = lex.region_prefix(&rest[skip..]) {
                let region = self.pick_region(regions);
                let session = session_len(&rest[skip + rlen..]);
                let after = &rest[skip + rlen + session..];
                match self
                    .department_suffix(after, lex.regions[region].level)
                    .filter(|&(_, d)| session == 0 || has_terms(lex, d))
                {
                    Some((dlen, dept)) => {
                        consider(skip + rlen + session + dlen, Unit::Department { dept, region: Some(region) })
                    }
                    None if skip == 0 => consider(rlen, Unit::Region(region)),
                    None => {}
                }
            }
            // A bare level word standing for the report's region, then a department.
            for w in LEVEL_WORDS {
                let wl = w.chars().count();
                if rest.len() > wl + skip && rest[skip..].iter().take(wl).copied().eq(w.chars()) {
                    // In a chain, the level word speaks of the region named before it or of
                    // a region that one lies in (扬州市委常委、市政府副市长 → 扬州市政府).
                    let region = carried
                        .and_then(|c| self.ancestor_answering(c, w))
                        .or_else(|| self.ctx.resolve_level_word(lex, w));
                    let level = region.map(|r| lex.regions[r].level);
                    if let Some((dlen, dept)) = self.department_suffix_any(&rest[skip + wl..], level) {
                        consider(skip + wl + dlen, Unit::Department { dept, region });
                    }
                }
            }
            // A department written without its region right after a body of the region that
            // carries it (某市发改委、教育局: the city's 教育局).
            if let (Some(region), true) = (carried, units.is_empty()) {
                if let Some((dlen, dept)) = self.department_suffix(rest, lex.regions[region].level) {
                    consider(dlen, Unit::Department { dept, region: Some(region) });
                }
            }
            // A department written with words before its region (团市委, 共青团某县委).
            for (before, after, dept) in lex.prefixed_departments() {
                let Some(rest2) = strip_chars(rest, before) else { continue };
                let (rlen, region) = if let Some((rlen, regions)) = lex.region_prefix(rest2) {
                    (rlen, Some(self.pick_region(regions)))
                } else if let Some(w) = LEVEL_WORDS.iter().find(|w| strip_chars(rest2, w).is_some()) {
                    let region = carried
                        .and_then(|c| self.ancestor_answering(c, w))
                        .or_else(|| self.ctx.resolve_level_word(lex, w));
                    (w.chars().count(), region)
                } else {
                    continue;
                };
                // A term may stand between (政协某县第十届委员会), for congresses and CPPCCs.
                let term = if has_terms(lex, *dept) { session_len(&rest2[rlen..]) } else { 0 };
                if strip_chars(&rest2[rlen + term..], after).is_some() {
                    let used = before.chars().count() + rlen + term + after.chars().count();
                    consider(used, Unit::Department { dept: *dept, region });
                }
            }
            match best {
                Some((len, Unit::Body(party)))
                    if body_shapes::DEMOCRATIC_PARTIES.contains(&lex.bodies[party].name.as_str()) =>
                {
                    // A democratic party, then a region and 委: the party's committee there.
                    match self.party_branch(&rest[len..]) {
                        Some((extra, region, ending)) => {
                            units.push(Unit::PartyBranch { party, region, ending });
                            pos += len + extra;
                        }
                        None => {
                            units.push(Unit::Body(party));
                            pos += len;
                        }
                    }
                }
                Some((len, unit)) => {
                    units.push(unit);
                    pos += len;
                }
                None => break,
            }
            ends.push(pos);
        }
        (units, ends, pos)
    }

    /// The region and committee ending after a democratic party's name (江苏省委, 市委,
    /// 某某市总支): their length, the region, and the ending's full spelling.
    fn party_branch(&self, after: &[char]) -> Option<(usize, usize, &'static str)> {
        let lex = self.lex;
        if let Some((rlen, regions)) = lex.region_prefix(after) {
            let region = self.pick_region(regions);
            if let Some((elen, ending)) = body_shapes::party_committee_ending(&after[rlen..]) {
                return Some((rlen + elen, region, ending));
            }
        }
        for w in LEVEL_WORDS {
            let wl = w.chars().count();
            if after.len() > wl && after.iter().take(wl).copied().eq(w.chars()) {
                let region = self.ctx.resolve_level_word(lex, w)?;
                let (elen, ending) = body_shapes::party_committee_ending(&after[wl..])?;
                return Some((wl + elen, region, ending));
            }
        }
        None
    }

    /// The region itself or the first region it lies in that has department `dept`
    /// (教育工委 after a district's committee belongs to the district's city).
    fn carried_region_for(&self, region: usize, dept: usize) -> Option<usize> {
        let lex = self.lex;
        self.self_and_ancestors(region).into_iter().find(|&r| lex.departments[dept].exists_at(lex.regions[r].level))
    }

    /// The region itself or the first region it lies in that a bare level word names.
    fn ancestor_answering(&self, region: usize, word: &str) -> Option<usize> {
        let lex = self.lex;
        self.self_and_ancestors(region)
            .into_iter()
            .find(|&r| lex.regions[r].level.answers_to(word) || lex.regions[r].name.ends_with(word))
    }

    fn self_and_ancestors(&self, region: usize) -> Vec<usize> {
        let lex = self.lex;
        let mut out = vec![region];
        let mut cur = region;
        for _ in 0..3 {
            let Some(p) = lex.regions[cur].parent.as_deref().and_then(|p| lex.region_by_name(p)) else { break };
            out.push(p);
            cur = p;
        }
        out
    }

    /// The region a bare department alias belongs to when no region is written.
    fn default_region_for(&self, dept: usize) -> Option<usize> {
        let d = &self.lex.departments[dept];
        [self.ctx.county, self.ctx.city, self.ctx.province]
            .into_iter()
            .flatten()
            .find(|&r| d.exists_at(self.lex.regions[r].level))
    }

    /// Among regions sharing a name, the one inside the report's context.
    fn pick_region(&self, regions: &[usize]) -> usize {
        let lex = self.lex;
        for outer in [self.ctx.county, self.ctx.city, self.ctx.province].into_iter().flatten() {
            if let Some(&r) = regions.iter().find(|&&r| lex.region_within(r, outer) || lex.region_within(outer, r)) {
                return r;
            }
        }
        // Prefer the higher tier: 吉林 is the province before the city.
        *regions.iter().min_by_key(|&&r| (tier(lex.regions[r].level), r)).expect("region lists are never empty")
    }

    /// The longest department suffix at the start of `chars` that a region of `level` has.
    fn department_suffix(&self, chars: &[char], level: Level) -> Option<(usize, usize)> {
        self.department_suffix_any(chars, Some(level))
    }

    fn department_suffix_any(&self, chars: &[char], level: Option<Level>) -> Option<(usize, usize)> {
        let lex = self.lex;
        let mut buf = String::new();
        let mut best = None;
        for (i, c) in chars.iter().take(lex.max_org_len()).enumerate() {
            buf.push(*c);
            let depts = lex.departments_after_region(&buf);
            let fit = depts.iter().copied().find(|&d| level.is_none_or(|l| lex.departments[d].exists_at(l)));
            if let Some(d) = fit.or_else(|| depts.first().copied()) {
                best = Some((i + 1, d));
            }
            if !lex.dept_suffix_continues(&buf) {
                break;
            }
        }
        best
    }

    fn unit_ref(&self, units: &[Unit], surface: &str) -> OrgRef {
        let last = units.last().expect("callers pass at least one unit");
        match last {
            Unit::Body(b) => {
                let body = &self.lex.bodies[*b];
                OrgRef {
                    name: body.name.clone(),
                    aliases: body.aliases.clone(),
                    kind: Some(body.kind),
                    parent: body.parent.clone(),
                    region: None,
                    bare_region: false,
                    known: true,
                }
            }
            Unit::Region(r) => {
                let reg = &self.lex.regions[*r];
                let mut aliases = vec![];
                if reg.short != reg.name {
                    aliases.push(reg.short.clone());
                }
                OrgRef {
                    name: reg.name.clone(),
                    aliases,
                    kind: Some(BodyKind::Government),
                    parent: None,
                    region: Some(*r),
                    bare_region: true,
                    known: true,
                }
            }
            Unit::Department { dept, region } => self.department_ref(*dept, *region, surface),
            Unit::PartyBranch { party, region, ending } => {
                let party = &self.lex.bodies[*party];
                let reg = &self.lex.regions[*region];
                // 民盟江苏省委, 民盟江苏省委员会: each short name of the party with the region.
                let short = if *ending == "委员会" { "委" } else { "总支" };
                let mut aliases = Vec::new();
                for a in party.aliases.iter().chain(std::iter::once(&party.name)) {
                    for e in [short, ending] {
                        let n = format!("{a}{}{e}", reg.name);
                        if !aliases.contains(&n) {
                            aliases.push(n);
                        }
                    }
                }
                let name = format!("{}{}{ending}", party.name, reg.name);
                aliases.retain(|a| *a != name);
                OrgRef {
                    name,
                    aliases,
                    kind: Some(party.kind),
                    parent: Some(party.name.clone()),
                    region: Some(*region),
                    bare_region: false,
                    known: true,
                }
            }
        }
    }

    fn department_ref(&self, dept: usize, region: Option<usize>, surface: &str) -> OrgRef {
        let lex = self.lex;
        let d = &lex.departments[dept];
        let Some(r) = region else {
            // No region known: keep the text's own spelling.
            return OrgRef {
                name: if surface.is_empty() { d.name.replace("{}", "") } else { surface.to_string() },
                aliases: vec![],
                kind: Some(d.kind),
                parent: None,
                region: None,
                bare_region: false,
                known: true,
            };
        };
        let reg = &lex.regions[r];
        let fill = |t: &str, with: &str| t.replace("{}", with);
        let mut aliases = Vec::new();
        for a in &d.aliases {
            let s = fill(a, &reg.name);
            if !aliases.contains(&s) {
                aliases.push(s);
            }
        }
        let place = formal_place(lex, r);
        let name = fill(&d.name, &place);
        if place != reg.name {
            aliases.insert(0, fill(&d.name, &reg.name));
        }
        aliases.retain(|a| *a != name);
        OrgRef {
            name,
            aliases,
            kind: Some(d.kind),
            parent: d.parent.as_deref().map(|p| fill(p, &reg.name)),
            region: Some(r),
            bare_region: false,
            known: true,
        }
    }
}

/// The place as a body's formal name writes it: a city's district, or a province's 地区, with
/// the region it lies in (某市某区人民政府, 中共某市某区委员会), since such names repeat from one
/// city to another; other regions by their own name.
pub(super) fn formal_place(lex: &Lexicon, region: usize) -> String {
    let reg = &lex.regions[region];
    let with_parent = reg.level == Level::District || (reg.level == Level::Prefecture && reg.name.ends_with("地区"));
    match reg.parent.as_deref() {
        Some(parent) if with_parent && !reg.name.starts_with(parent) => format!("{parent}{}", reg.name),
        _ => reg.name.clone(),
    }
}

fn tier(l: Level) -> u8 {
    if l.is_provincial() {
        0
    } else if matches!(l, Level::City | Level::Prefecture) {
        1
    } else {
        2
    }
}

/// `chars` after the words `w`, when it starts with them.
fn strip_chars<'c>(chars: &'c [char], w: &str) -> Option<&'c [char]> {
    // Char by char, without counting `w` first: most calls fail at the first char.
    let mut n = 0;
    for c in w.chars() {
        if chars.get(n) != Some(&c) {
            return None;
        }
        n += 1;
    }
    Some(&chars[n..])
}

/// Whether department `d` has terms of office: only congresses and CPPCC committees do
/// (某省第十四届人大常委会, 政协某县第十届委员会).
fn has_terms(lex: &Lexicon, d: usize) -> bool {
    matches!(lex.departments[d].kind, BodyKind::Congress | BodyKind::Cppcc)
}

/// The length of a term of office written inside a body's name (湖南省第十四届人大常委会,
/// 十四届全国人大): 第, numerals, 届; 0 when `chars` starts with none.
fn session_len(chars: &[char]) -> usize {
    let from = usize::from(chars.first() == Some(&'第'));
    let digits =
        chars[from..].iter().take_while(|c| "一二三四五六七八九十".contains(**c) || c.is_ascii_digit()).count();
    if digits > 0 && chars.get(from + digits) == Some(&'届') && chars.len() > from + digits + 1 {
        from + digits + 1
    } else {
        0
    }
}

/// Kinds of units that a report names by their bare kind word once it has named them in full
/// (某某医院 … 医院党委).
const OWN_UNIT_KINDS: &[BodyKind] = &[
    BodyKind::University,
    BodyKind::Institute,
    BodyKind::Enterprise,
    BodyKind::Association,
    BodyKind::Court,
    BodyKind::Procuratorate,
];

/// Single chars and kind words by which a unit's own report names it before its organs and
/// posts (院党组书记, 校党委书记, 局党组成员, 管委会主任), with the kind they suggest.
const OWN_UNIT_WORDS: &[(&str, BodyKind)] = &[
    ("院", BodyKind::Institute),
    ("校", BodyKind::University),
    ("所", BodyKind::Institute),
    ("局", BodyKind::Government),
    ("厅", BodyKind::Government),
    ("委", BodyKind::Government),
    ("部", BodyKind::Government),
    ("办", BodyKind::Government),
    // A development zone's report names its party working committee by its kind word.
    ("党工委", BodyKind::Party),
];

/// Kind words by which a development zone's report names the zone itself (管委会主任).
const ZONE_WORDS: &[&str] = &["管委会", "经开区", "高新区", "开发区", "园区"];

/// The kind of `word` when it is a bare ending of a unit's name (医院, 集团, 大学, 法院) or
/// one of the single chars that stand for the report's own unit (院, 校, 局).
fn own_unit_kind(lex: &Lexicon, word: &str) -> Option<BodyKind> {
    if let Some((_, k)) = OWN_UNIT_WORDS.iter().find(|(c, _)| *c == word) {
        return Some(*k);
    }
    if ZONE_WORDS.contains(&word) {
        return Some(BodyKind::Government);
    }
    if word.chars().count() < 2 {
        return None;
    }
    lex.org_shapes.iter().find(|(s, k)| s == word && OWN_UNIT_KINDS.contains(k)).map(|(_, k)| *k)
}

/// Whether `word` is a single char or kind word standing for the report's own unit (院, 校, 管委会).
pub fn is_own_unit_word(word: &str) -> bool {
    OWN_UNIT_WORDS.iter().any(|(c, _)| *c == word) || ZONE_WORDS.contains(&word)
}

/// Heads of a unit by the kind word of the unit they head (院长 → 院): a head written without a
/// body in a unit's report heads the report's own unit of that kind.
const UNIT_HEADS: &[(&str, &str)] = &[
    ("院长", "院"),
    ("校长", "校"),
    ("所长", "所"),
    ("董事长", "公司"),
    ("总经理", "公司"),
    ("总会计师", "公司"),
    ("总经济师", "公司"),
    // 副经理, 安全总监: posts only an enterprise has.
    ("经理", "公司"),
    ("总监", "公司"),
    ("检察长", "检察院"),
];

/// The kind word of the unit a head title (院长, 副校长, 总经理) speaks of.
pub fn unit_of_head(title: &str) -> Option<&'static str> {
    UNIT_HEADS.iter().find(|(h, _)| title.ends_with(h)).map(|(_, u)| *u)
}

/// Endings of a unit's internal divisions (执行局, 护理部, 科技处, 民事审判庭, 审判委员会).
const UNIT_PART_ENDINGS: &[&str] = &["科", "处", "部", "室", "中心", "局", "庭", "审判委员会"];

/// Whether `name`, named bare, is an internal division of a unit: a short name with a
/// division's ending and no place or unit in it.
fn is_unit_part(name: &str) -> bool {
    // A union or youth league named bare (工会主席) is the unit's, and so is a 纪委 the
    // chain read as the unit's.
    if BARE_UNIT_ORGANS.contains(&name) || name == UNIT_DISCIPLINE_COMMITTEE {
        return true;
    }
    // A department of the unit's party committee (党委组织部, 党委办公室).
    if let Some(dept) = name.strip_prefix("党委") {
        return dept.chars().count() >= 2 && is_unit_part(dept);
    }
    let n = name.chars().count();
    (2..=8).contains(&n)
        && UNIT_PART_ENDINGS.iter().any(|e| name.ends_with(e))
        && !name.chars().any(|c| "省市县区州镇乡村".contains(c))
        && !["医院", "大学", "学院", "公司", "集团", "法院", "检察院", "党委", "党组"].iter().any(|u| name.contains(u))
}

/// Kind words by which a unit's report names the unit before its divisions (集团安全环保部,
/// 公司办公室, 医院护理部).
const UNIT_KIND_WORDS: &[&str] = &["集团", "公司", "医院", "学校", "学院", "大学", "法院", "检察院"];

/// Kind words of bodies that writers abbreviate by keeping chars of each word (某某城建集团).
const ABBREVIATED_KINDS: &[&str] = &["集团", "公司", "大学", "学院", "医院", "银行"];

/// Legal forms written after an enterprise's name (某某集团有限公司).
const LEGAL_FORMS: &[&str] = &["有限公司", "股份有限公司", "有限责任公司", "股份公司", "公司"];

/// Whether `full` is the name of a unit that its kind word `word` can stand for: it ends with
/// the word, maybe followed by a legal form (集团 for 某某集团有限公司).
fn names_unit(full: &str, word: &str) -> bool {
    // 校 and 学校 stand for a school of any kind (某某大学, 某某学院, 某某中学, 某某党校).
    if word == "校" || word == "学校" {
        return ["大学", "学院", "学校", "中学", "小学", "党校"].iter().any(|k| full.ends_with(k));
    }
    // A zone's kind words stand for the zone (管委会 → 某某经济技术开发区) or its party
    // working committee (党工委 → 中共某某经济技术开发区工作委员会).
    if word == "党工委" {
        return full.ends_with("党工委")
            || full.strip_prefix("中共").and_then(|f| f.strip_suffix("工作委员会")).is_some_and(super::zones::is_zone);
    }
    if ZONE_WORDS.contains(&word) {
        return super::zones::is_zone(full);
    }
    // 院 stands for a court, hospital, academy or institute, never for the State Council.
    if word == "院" && full.ends_with("国务院") {
        return false;
    }
    full.ends_with(word) || LEGAL_FORMS.iter().any(|f| full.strip_suffix(f).is_some_and(|rest| rest.ends_with(word)))
}

/// A unit's party committees, general branches and branches: their posts are spelled with the
/// organ and held in the unit (党委书记 of 某某大学, 党支部书记 of 某某公司).
pub const PARTY_ORGANS: &[&str] = &["党委", "党总支", "党支部"];

/// Officers an association elects (会长, 秘书长, 理事长 ...).
const ASSOCIATION_POSTS: &[&str] = &[
    "会长",
    "副会长",
    "常务副会长",
    "执行会长",
    "名誉会长",
    "秘书长",
    "副秘书长",
    "理事长",
    "副理事长",
    "常务理事",
    "理事",
    "监事长",
    "监事",
];

/// Whether `title` is an officer's post of an association (会长, 秘书长).
pub fn is_association_post(title: &str) -> bool {
    ASSOCIATION_POSTS.contains(&title)
}

/// Whether `title` is a judge's or prosecutor's rank (二级高级法官, 四级检察官): in a court's
/// or procuratorate's report, written bare, it is held in that court or procuratorate.
pub fn is_judicial_rank(title: &str) -> bool {
    title.ends_with("法官") || title.ends_with("检察官")
}

/// Whether `title` is a post of a unit's party organ or party group (党委副书记, 党组成员).
pub fn is_unit_party_post(title: &str) -> bool {
    PARTY_ORGANS.iter().chain(&["党组"]).any(|o| title.starts_with(o))
}

/// Organs of a unit that its posts may name (医院党委, 公司党组).
const UNIT_ORGANS: &[&str] = &["党委", "党组", "党工委", "党支部", "党总支", "纪委", "工会", "团委"];

/// A unit's organs that its reports write bare, without the unit (工会主席, 团委书记, 党校校长).
pub const BARE_UNIT_ORGANS: &[&str] = &["工会", "团委", "党校"];

/// A unit's discipline committee written bare after a bare post of the unit's party committee
/// (党委委员、纪委书记 in a hospital's report): the unit's, named in full once the report's unit is
/// known, else no body.
pub const UNIT_DISCIPLINE_COMMITTEE: &str = "纪委";

/// A community's or village's committee of its residents, written bare after the party
/// committee of the community or village (某某社区党委书记、居委会主任).
pub const RESIDENTS_COMMITTEES: &[&str] = &["居委会", "居民委员会", "村委会", "村民委员会"];

/// Whether `name` is a unit's organ (某某集团工会, 院纪委, 团委), not the unit.
pub fn is_unit_organ(name: &str) -> bool {
    UNIT_ORGANS.iter().any(|o| name.ends_with(o))
}

/// The kind of a unit's organ: a trade union is an association, the others party bodies.
pub fn organ_kind(name: &str) -> BodyKind {
    if name.ends_with("工会") {
        BodyKind::Association
    } else if name.ends_with("党校") {
        BodyKind::University
    } else {
        BodyKind::Party
    }
}

/// The organ `organ` (纪委, 工会) of the unit whose organ or self `carried` is, when `organ`
/// is one of a unit's organs and `carried` a unit's party organ (院党委, 某某集团党委):
/// 院党委副书记、纪委书记 → 院纪委.
pub fn organ_of_same_unit(carried: &OrgRef, organ: &str) -> Option<OrgRef> {
    // A zone's administrative committee after its party working committee (某某高新区党工委
    // 书记、管委会主任 → 某某高新区, whose committee it is).
    if organ == "管委会" {
        let formal = carried.name.strip_prefix("中共").and_then(|n| n.strip_suffix("工作委员会"));
        let zone = formal.or_else(|| carried.name.strip_suffix("党工委")).filter(|z| z.chars().count() >= 2)?;
        // The zone and its committee are one body, as the dictionary's zones are.
        let short = carried.aliases.iter().filter_map(|a| a.strip_suffix("党工委")).map(|z| format!("{z}管委会"));
        let mut aliases: Vec<String> =
            [format!("{zone}管委会"), format!("{zone}管理委员会")].into_iter().chain(short).collect();
        aliases.sort();
        aliases.dedup();
        return Some(OrgRef::shaped(zone.to_string(), aliases, BodyKind::Government));
    }
    // A community's or village's residents' committee after its party committee (某某社区党委
    // 书记、居委会主任 → 某某社区居委会).
    if RESIDENTS_COMMITTEES.contains(&organ) {
        let unit = UNIT_ORGANS.iter().find_map(|o| carried.name.strip_suffix(o))?;
        let place = unit.strip_prefix("中共").unwrap_or(unit);
        if place.chars().count() >= 3 && (place.ends_with("社区") || place.ends_with('村')) {
            return Some(OrgRef::shaped(format!("{place}{organ}"), Vec::new(), BodyKind::Government));
        }
        return None;
    }
    if !UNIT_ORGANS[1..].contains(&organ) || carried.region.is_some() && carried.known {
        return None;
    }
    let unit = UNIT_ORGANS.iter().find_map(|o| carried.name.strip_suffix(o)).filter(|u| !u.is_empty())?;
    Some(OrgRef::shaped(format!("{unit}{organ}"), Vec::new(), organ_kind(organ)))
}

/// Chars that may stand in a body's name.
pub fn is_name_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_ascii_alphanumeric() || matches!(c, '（' | '）' | '·')
}

/// The organizations of one record, merged by canonical name.
#[derive(Debug, Default)]
pub struct OrgTable {
    by_name: BTreeMap<String, Organization>,
    order: Vec<String>,
    /// Names taken by their shape, not from the dictionaries.
    unknown: std::collections::BTreeSet<String>,
    /// Places a title chain read as a body other than the dictionaries' (纪委 after 院党委):
    /// start → (end, name).
    claimed: BTreeMap<usize, (usize, String)>,
}

impl OrgTable {
    /// Adds (or merges) a body; returns its canonical name.
    pub fn add(&mut self, r: &OrgRef) -> String {
        if !r.known && !self.by_name.contains_key(&r.name) {
            self.unknown.insert(r.name.clone());
        }
        let entry = self.by_name.entry(r.name.clone()).or_insert_with(|| {
            self.order.push(r.name.clone());
            Organization {
                name: r.name.clone(),
                aliases: vec![],
                kind: r.kind.map(|k| k.as_str().to_string()),
                parent: r.parent.clone(),
                mentions: Vec::new(),
            }
        });
        for a in &r.aliases {
            if *a != entry.name && !entry.aliases.contains(a) {
                entry.aliases.push(a.clone());
            }
        }
        if entry.kind.is_none() {
            entry.kind = r.kind.map(|k| k.as_str().to_string());
        }
        if entry.parent.is_none() {
            entry.parent = r.parent.clone();
        }
        r.name.clone()
    }

    /// Records that `start..end` names the body `name`, whatever the dictionaries say of it.
    pub fn claim(&mut self, start: usize, end: usize, name: String) {
        self.claimed.insert(start, (end, name));
    }

    /// The end and name of the body claimed at `start` ([`Self::claim`]).
    pub fn claimed_at(&self, start: usize) -> Option<(usize, String)> {
        self.claimed.get(&start).cloned()
    }

    /// Drops the bare kind words of units ([`OrgResolver::own_unit`]) that no body of the
    /// report resolved, and their organs (医院党委): a post in 医院 with no hospital named has
    /// no body. Returns them.
    pub fn drop_own_units(&mut self, lex: &Lexicon) -> BTreeSet<String> {
        let bare = |n: &str| {
            n == UNIT_DISCIPLINE_COMMITTEE
                || own_unit_kind(lex, n).is_some()
                || UNIT_ORGANS.iter().any(|o| n.strip_suffix(o).is_some_and(|u| own_unit_kind(lex, u).is_some()))
        };
        let dropped: BTreeSet<String> = self.unknown.iter().filter(|n| bare(n)).cloned().collect();
        for n in &dropped {
            self.by_name.remove(n);
            self.unknown.remove(n);
        }
        self.order.retain(|n| !dropped.contains(n));
        dropped
    }

    /// The aliases of the body named `name`, when it is in the table.
    pub fn aliases_of(&self, name: &str) -> &[String] {
        self.by_name.get(name).map_or(&[], |o| o.aliases.as_slice())
    }

    /// Resolves short forms in context: a body taken by its shape whose name is the tail of
    /// another body's name or alias in the same report is that body (财政厅 after 青海省财政厅,
    /// 财经委 after 全国人大财经委). Returns the renames (short form → canonical name).
    pub fn merge_short_forms(&mut self, lex: &Lexicon, text: &str) -> BTreeMap<String, String> {
        let mut renames = BTreeMap::new();
        for short in self.unknown.clone() {
            let target = if own_unit_kind(lex, &short).is_some() {
                // A unit's kind word (医院 after 某某医院): the unit of that kind named first.
                self.own_unit_target(&short, text)
            } else {
                self.order
                    .iter()
                    // A dictionary body, or (for a short form of three chars or more) a longer
                    // name taken by its shape (某司 after 某部某司).
                    .filter(|n| **n != short && (!self.unknown.contains(*n) || short.chars().count() >= 3))
                    .find(|n| {
                        let o = &self.by_name[*n];
                        // (Also before the legal form: 某某集团 for 某省某某集团有限公司.)
                        let stem = |a: &'_ str| -> String {
                            LEGAL_FORMS.iter().find_map(|f| a.strip_suffix(f)).unwrap_or(a).to_string()
                        };
                        std::iter::once(&o.name)
                            .chain(o.aliases.iter())
                            .any(|a| a.ends_with(short.as_str()) || stem(a).ends_with(short.as_str()))
                    })
                    .cloned()
            };
            // An organ of a unit named by its kind word (医院党委 after 某某医院): that unit's organ.
            let target = target.or_else(|| self.organ_of_named_unit(lex, &short, text));
            let target = target.or_else(|| self.abbreviated(&short));
            if let Some(t) = target {
                self.rename(&short, &t, None);
                renames.insert(short, t);
            }
        }
        renames
    }

    /// The body `short` abbreviates by keeping some chars of each word (某江城建集团 for 某江城市
    /// 建设投资集团有限公司): the same first two chars and kind word, and every char of `short`
    /// in the longer name in order. Only one such body may be named.
    fn abbreviated(&self, short: &str) -> Option<String> {
        let s: Vec<char> = short.chars().collect();
        if s.len() < 4 {
            return None;
        }
        let kind: String = s[s.len() - 2..].iter().collect();
        if !ABBREVIATED_KINDS.contains(&kind.as_str()) {
            return None;
        }
        // The chars of `short` in `full` in order, with the words left out in two places or
        // more: a name with one word left out (某省科学院 in 某省社会科学院) is another body.
        let spells_out = |full: &str| {
            let stem = LEGAL_FORMS.iter().find_map(|f| full.strip_suffix(f)).unwrap_or(full);
            let f: Vec<char> = stem.chars().collect();
            if f.len() <= s.len() || f[..2] != s[..2] || !stem.ends_with(kind.as_str()) {
                return false;
            }
            let (mut at, mut gaps) = (0, 0);
            for c in &s {
                let Some(k) = f[at..].iter().position(|x| x == c) else { return false };
                gaps += usize::from(k > 0);
                at += k + 1;
            }
            gaps >= 2 && at == f.len()
        };
        let mut found = self.order.iter().filter(|n| **n != short && spells_out(n));
        let target = found.next()?;
        found.next().is_none().then(|| target.clone())
    }

    /// Files the body `short` under `target` (made, with `parent`, when the table lacks it),
    /// its names kept as aliases.
    fn rename(&mut self, short: &str, target: &str, parent: Option<&str>) {
        if let Some(o) = self.by_name.remove(short) {
            self.order.retain(|n| n != short);
            if !self.by_name.contains_key(target) {
                self.order.push(target.to_string());
                self.by_name.insert(
                    target.to_string(),
                    Organization {
                        name: target.to_string(),
                        aliases: vec![],
                        kind: o.kind.clone(),
                        parent: parent.map(str::to_string),
                        mentions: Vec::new(),
                    },
                );
            }
            let entry = self.by_name.get_mut(target).expect("targets are in the table");
            for a in std::iter::once(o.name).chain(o.aliases) {
                if a != entry.name && !entry.aliases.contains(&a) {
                    entry.aliases.push(a);
                }
            }
        }
        self.unknown.remove(short);
    }

    /// Files the internal divisions a unit's report names bare (执行局, 护理部, 科技处) under
    /// `owner`, the unit the report is about ([`Self::lead_unit`]). Returns the renames.
    /// `is_school` tells the schools of a university named bare (马克思主义学院), which are
    /// its parts too when the unit is a university.
    pub fn compose_unit_parts(&mut self, owner: &str, is_school: impl Fn(&str) -> bool) -> BTreeMap<String, String> {
        let mut renames = BTreeMap::new();
        let university = self.kind_of(owner) == Some(BodyKind::University);
        for part in self.unknown.clone() {
            // A division after the unit's kind word (集团安全环保部) is a division too.
            let after_kind = UNIT_KIND_WORDS.iter().find_map(|w| part.strip_prefix(w)).is_some_and(is_unit_part);
            // A department of the unit's party committee after the unit's kind char (校党委组织部).
            let party_department = ["校", "院", "所"]
                .iter()
                .find_map(|w| part.strip_prefix(w))
                .is_some_and(|d| d.starts_with("党委") && is_unit_part(d));
            let after_kind = after_kind || party_department;
            let school = university && is_school(&part);
            if (is_unit_part(&part) || after_kind || school) && !owner.contains(part.as_str()) {
                // The unit's own kind char before the division (院执行局, 校办) is the unit.
                let division = OWN_UNIT_WORDS
                    .iter()
                    .map(|(w, _)| *w)
                    .chain(UNIT_KIND_WORDS.iter().copied())
                    .find_map(|w| part.strip_prefix(w))
                    .filter(|d| d.chars().count() >= 2 && is_unit_part(d))
                    .unwrap_or(&part);
                let spelled = body_shapes::court_division_full(division);
                let full = format!("{owner}{}", spelled.as_deref().unwrap_or(division));
                self.rename(&part, &full, Some(owner));
                if spelled.is_some() {
                    let entry = self.by_name.get_mut(&full).expect("renamed just now");
                    entry.aliases.push(format!("{owner}{part}"));
                }
                renames.insert(part, full);
            }
        }
        renames
    }

    /// The kind of the body named `name`, if the table holds it with a kind.
    pub fn kind_of(&self, name: &str) -> Option<BodyKind> {
        self.by_name.get(name)?.kind.as_deref().and_then(BodyKind::parse)
    }

    /// The unit a report is about: of the units (universities, institutes, enterprises,
    /// associations, courts, procuratorates) named in `lead` (the headline and first
    /// sentence), the one named first.
    pub fn lead_unit(&self, lex: &Lexicon, lead: &str) -> Option<String> {
        self.order
            .iter()
            .filter(|n| {
                let kind = self.by_name[*n].kind.as_deref().and_then(BodyKind::parse);
                kind.is_some_and(|k| OWN_UNIT_KINDS.contains(&k))
                    && !self.unknown_organ(n)
                    && !is_unit_part(n)
                    && own_unit_kind(lex, n).is_none()
            })
            .filter_map(|n| {
                let o = &self.by_name[n];
                std::iter::once(&o.name)
                    .chain(o.aliases.iter())
                    .filter(|a| a.chars().count() >= 4)
                    .filter_map(|a| lead.find(a.as_str()))
                    .min()
                    .map(|at| (at, n))
            })
            .min()
            .map(|(_, n)| n.clone())
    }

    /// The full name of `short` when it is an organ of a unit named by its kind word and the
    /// report names such a unit in full (医院党委 → 某某医院党委).
    fn organ_of_named_unit(&self, lex: &Lexicon, short: &str, text: &str) -> Option<String> {
        let (stem, organ) = UNIT_ORGANS.iter().find_map(|o| short.strip_suffix(o).map(|s| (s, *o)))?;
        own_unit_kind(lex, stem)?;
        Some(format!("{}{organ}", self.own_unit_target(stem, text)?))
    }

    /// The unit that its kind word `word` stands for: of the bodies whose name ends with it,
    /// the one the text names first (a court's report names the court before the others).
    fn own_unit_target(&self, word: &str, text: &str) -> Option<String> {
        let first_seen = |o: &Organization| {
            std::iter::once(&o.name).chain(o.aliases.iter()).filter_map(|a| text.find(a.as_str())).min()
        };
        self.order
            .iter()
            .filter(|n| n.as_str() != word && !self.unknown_organ(n))
            .filter(|n| {
                let o = &self.by_name[*n];
                std::iter::once(&o.name).chain(o.aliases.iter()).any(|a| a != word && names_unit(a, word))
            })
            .enumerate()
            .min_by_key(|(k, n)| (first_seen(&self.by_name[*n]).unwrap_or(usize::MAX), *k))
            .map(|(_, n)| n.clone())
    }

    /// Whether `name` is itself an organ short form still unresolved.
    fn unknown_organ(&self, name: &str) -> bool {
        self.unknown.contains(name) && UNIT_ORGANS.iter().any(|o| name.ends_with(o))
    }

    /// The organizations in order of first mention, aliases sorted.
    pub fn into_vec(mut self) -> Vec<Organization> {
        self.order
            .iter()
            .filter_map(|n| self.by_name.remove(n))
            .map(|mut o| {
                o.aliases.sort();
                o
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::hits::Hits;

    fn resolver_for<'a>(lex: &'a Lexicon, text: &str) -> OrgResolver<'a> {
        let chars: Vec<char> = text.chars().collect();
        let hits = Hits::scan(lex, &chars);
        OrgResolver::new(lex, RegionContext::infer(lex, &hits, &chars, &[(0, chars.len())], None))
    }

    fn resolve(text_context: &str, org: &str) -> Option<OrgRef> {
        let lex = Lexicon::embedded().unwrap();
        let r = resolver_for(&lex, text_context);
        let chars: Vec<char> = org.chars().collect();
        r.resolve(&chars, None, true)
    }

    #[test]
    fn composes_and_resolves_bodies() {
        let cases = [
            ("北京市召开会议", "北京市委", "中共北京市委员会"),
            ("北京市召开会议", "市科委", "北京市科学技术委员会"),
            ("北京市召开会议", "市政府", "北京市人民政府"),
            ("北京市召开会议", "国家发展改革委", "国家发展和改革委员会"),
            ("北京市召开会议", "中关村管委会", "中关村管委会"),
            ("北京市召开会议", "中共中央政治局", "中共中央政治局"),
            // A term of office inside the name is no part of the body.
            ("湖南省召开会议", "湖南省第十四届人大常委会", "湖南省人民代表大会常务委员会"),
            ("北京市召开会议", "十四届全国人大常委会", "全国人民代表大会常务委员会"),
            // A CPPCC's formal name with its term (政协某县第十届委员会).
            ("平江县召开会议", "政协平江县第十届委员会", "中国人民政治协商会议平江县委员会"),
        ];
        for (ctx, org, want) in cases {
            let got = resolve(ctx, org).map(|r| r.name);
            assert_eq!(got.as_deref(), Some(want), "{org}");
        }
    }

    #[test]
    fn the_last_body_of_a_joint_name_is_spelled_by_its_own_part() {
        let lex = Lexicon::embedded().unwrap();
        let r = resolver_for(&lex, "贵州省召开会议");
        let chars: Vec<char> = "贵州省委省政府".chars().collect();
        let (len, gov) = r.longest_at(&chars, None).unwrap();
        assert_eq!((len, gov.name.as_str()), (7, "贵州省人民政府"));
        assert!(gov.aliases.contains(&"省政府".to_string()));
        assert!(!gov.aliases.contains(&"贵州省委省政府".to_string()));
        let joint = r.joint_bodies(&chars, None);
        assert_eq!(joint.len(), 1);
        assert_eq!(joint[0].1.name, "中共贵州省委员会");
    }

    #[test]
    fn plain_words_are_not_bodies_without_shape() {
        let lex = Lexicon::embedded().unwrap();
        let r = resolver_for(&lex, "北京市");
        let chars: Vec<char> = "会议精神".chars().collect();
        assert!(r.resolve(&chars, None, false).is_none());
    }
}

//! The regions a report is about, used to resolve 省/市/区/县 prefixes (市科委 → 北京市科委).

use super::hits::Hits;
use super::region_evidence::RegionEvidence;
use crate::lexicon::{Level, Lexicon};

/// Least evidence for a region to be the report's own (one short mention).
const MIN_EVIDENCE: f32 = 1.0;
/// Least evidence for a county below the report's tier (one full mention).
const FULL_MENTION: f32 = 2.0;

/// The report's own regions, one per tier, chosen by weighing the text's evidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RegionContext {
    /// Province, municipality, autonomous region or SAR.
    pub province: Option<usize>,
    /// City (a municipality counts as its own city).
    pub city: Option<usize>,
    /// District or county.
    pub county: Option<usize>,
    /// The county is named as a place visited (市长到某某市调研): a bare 市 is not the
    /// county-level city then, but the city above it.
    pub county_visited: bool,
}

impl RegionContext {
    /// Infers the context from the region mentions in `ranges` of the document (headline and
    /// sentences), weighed by [`RegionEvidence`]. The tier the text names by bare level words
    /// (区委, 市长) is chosen first and the tiers above it follow from the dictionary, so a
    /// district report that names another city many times still lies in its own city.
    pub fn infer(
        lex: &Lexicon,
        hits: &Hits,
        chars: &[char],
        ranges: &[(usize, usize)],
        headline: Option<(usize, usize)>,
    ) -> RegionContext {
        let ev = RegionEvidence::weigh(lex, hits, chars, ranges, headline);
        let mut ctx = Self::tiers(lex, &ev);
        ctx.county_visited = ctx.county.is_some_and(|c| ev.visited.contains(&c));
        ctx
    }

    /// The province, city and county that the evidence `ev` speaks for.
    fn tiers(lex: &Lexicon, ev: &RegionEvidence) -> RegionContext {
        let best = |pred: &dyn Fn(usize) -> bool, min: f32| {
            ev.total
                .iter()
                .filter(|(&i, &w)| w >= min && pred(i))
                .max_by(|a, b| {
                    a.1.total_cmp(b.1).then_with(|| {
                        // Earlier first mention wins a tie; then the lower index, for determinism.
                        let fa = ev.first_seen.get(a.0).copied().unwrap_or(usize::MAX);
                        let fb = ev.first_seen.get(b.0).copied().unwrap_or(usize::MAX);
                        fb.cmp(&fa).then(b.0.cmp(a.0))
                    })
                })
                .map(|(&i, _)| i)
        };
        let level = |i: usize| lex.regions[i].level;
        let is_county = |i: usize| matches!(level(i), Level::District | Level::County);
        let is_city = |i: usize| matches!(level(i), Level::City | Level::Prefecture | Level::Municipality);
        let parent = |i: usize| lex.regions[i].parent.as_deref().and_then(|p| lex.region_by_name(p));
        let weight = |i: Option<usize>| i.and_then(|i| ev.total.get(&i).copied()).unwrap_or(0.0);
        let city_first = best(&is_city, MIN_EVIDENCE);

        // A county-tier report: its county, then the county's city and province.
        if ev.bare.county {
            if let Some(county) = best(&is_county, MIN_EVIDENCE) {
                let up = parent(county);
                // Unless a city outside it outweighs the county's own city by far.
                let outweighed = city_first.is_some_and(|c| {
                    up.is_none_or(|u| !lex.region_within(c, u) && !lex.region_within(u, c))
                        && weight(Some(c)) > 2.0 * weight(up).max(weight(Some(county)))
                });
                if !outweighed {
                    return Self::from_lowest(lex, county);
                }
            }
        }
        // A city-tier report: its city, then the province; a county only when well named.
        if ev.bare.city {
            if let Some(city) = city_first {
                let mut ctx = Self::from_lowest(lex, city);
                ctx.county = best(&|i| is_county(i) && lex.region_within(i, city), FULL_MENTION);
                return ctx;
            }
        }
        let province = best(&|i| level(i).is_provincial(), MIN_EVIDENCE);
        let city = best(&|i| matches!(level(i), Level::City | Level::Prefecture), MIN_EVIDENCE)
            .filter(|&c| province.is_none_or(|p| lex.region_within(c, p)))
            .or_else(|| province.filter(|&p| lex.regions[p].level == Level::Municipality));
        let county = best(&|i| is_county(i) && city.is_none_or(|c| lex.region_within(i, c)), FULL_MENTION);
        RegionContext { province, city, county, county_visited: false }
    }

    /// The context of a report written at `lowest`'s tier: it and the regions it lies in.
    fn from_lowest(lex: &Lexicon, lowest: usize) -> RegionContext {
        let mut ctx = RegionContext::default();
        let mut cur = Some(lowest);
        for _ in 0..4 {
            let Some(i) = cur else { break };
            match lex.regions[i].level {
                Level::District | Level::County => ctx.county = ctx.county.or(Some(i)),
                Level::City | Level::Prefecture => ctx.city = ctx.city.or(Some(i)),
                Level::Municipality => {
                    ctx.city = ctx.city.or(Some(i));
                    ctx.province = ctx.province.or(Some(i));
                }
                Level::Province | Level::AutonomousRegion | Level::Sar => ctx.province = ctx.province.or(Some(i)),
            }
            cur = lex.regions[i].parent.as_deref().and_then(|p| lex.region_by_name(p));
        }
        ctx
    }

    /// The region a bare level word (省, 市, 区, 县, 自治区 ...) stands for here.
    pub fn resolve_level_word(&self, lex: &Lexicon, word: &str) -> Option<usize> {
        // A county-level city answers to 市 too (张家港市委 in a 张家港 report), unless it is
        // the place visited.
        [self.county, self.city, self.province].into_iter().flatten().find(|&r| {
            let by_name = lex.regions[r].name.ends_with(word) && !(Some(r) == self.county && self.county_visited);
            lex.regions[r].level.answers_to(word) || by_name
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_district_report_knows_its_city() {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = "北京市海淀区召开会议。海淀区副区长出席。".chars().collect();
        let hits = Hits::scan(&lex, &chars);
        let ctx = RegionContext::infer(&lex, &hits, &chars, &[(0, chars.len())], None);
        let name = |r: Option<usize>| r.map(|i| lex.regions[i].name.clone());
        assert_eq!(name(ctx.city).as_deref(), Some("北京市"));
        assert_eq!(name(ctx.county).as_deref(), Some("海淀区"));
        assert_eq!(name(ctx.resolve_level_word(&lex, "市")).as_deref(), Some("北京市"));
        assert_eq!(name(ctx.resolve_level_word(&lex, "区")).as_deref(), Some("海淀区"));
    }

    fn context_of(text: &str) -> (Lexicon, RegionContext) {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let hits = Hits::scan(&lex, &chars);
        let units = crate::text::sentences(&chars, 0, chars.len());
        let ctx = RegionContext::infer(&lex, &hits, &chars, &units, None);
        (lex, ctx)
    }

    fn named(lex: &Lexicon, r: Option<usize>) -> Option<String> {
        r.map(|i| lex.regions[i].name.clone())
    }

    #[test]
    fn a_district_delegation_abroad_keeps_its_own_city() {
        let (lex, ctx) = context_of(
            "区委书记张三率海淀区代表团赴泰州市考察。在泰州市，泰州市委书记李四会见代表团。\
             泰州市副市长王五陪同考察了泰州市的企业。区长赵六出席。",
        );
        assert_eq!(named(&lex, ctx.county).as_deref(), Some("海淀区"));
        assert_eq!(named(&lex, ctx.city).as_deref(), Some("北京市"));
    }

    #[test]
    fn a_county_level_city_visited_is_not_the_bare_city() {
        let (lex, ctx) = context_of("市委副书记、市长张三到晋江市调研。晋江市委书记李四陪同。");
        assert!(ctx.county_visited);
        assert_eq!(named(&lex, ctx.resolve_level_word(&lex, "市")).as_deref(), Some("泉州市"));
        // In its own report the county-level city is the bare 市.
        let (lex, ctx) = context_of("晋江市召开大会。市委书记李四讲话，市长张三主持。");
        assert!(!ctx.county_visited);
        assert_eq!(named(&lex, ctx.resolve_level_word(&lex, "市")).as_deref(), Some("晋江市"));
    }

    #[test]
    fn people_back_from_another_city_do_not_make_it_the_report_city() {
        let (lex, ctx) = context_of(
            "市委书记张三到玄武区检查防控工作，了解武汉返乡人员、武汉来宁人员和武汉回宁人数。\
             市长李四要求做好武汉来客服务。",
        );
        assert_eq!(named(&lex, ctx.city).as_deref(), Some("南京市"));
    }
}

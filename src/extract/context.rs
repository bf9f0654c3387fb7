//! The regions a report is about, used to resolve 省/市/区/县 prefixes (市科委 → 北京市科委).

use std::collections::HashMap;

use super::hits::Hits;
use crate::lexicon::{Level, Lexicon, Surface};

/// The report's own regions, one per tier, chosen by how often the text names them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RegionContext {
    /// Province, municipality, autonomous region or SAR.
    pub province: Option<usize>,
    /// City (a municipality counts as its own city).
    pub city: Option<usize>,
    /// District or county.
    pub county: Option<usize>,
}

impl RegionContext {
    /// Infers the context from the region names in `ranges` of the document.
    pub fn infer(lex: &Lexicon, hits: &Hits, ranges: &[(usize, usize)]) -> RegionContext {
        let mut score: HashMap<usize, usize> = HashMap::new();
        let mut first_seen: HashMap<usize, usize> = HashMap::new();
        for &(s, e) in ranges {
            for h in hits.within(s, e) {
                if let Surface::Region(i) = h.surface {
                    let full = h.end - h.start == lex.regions[i].name.chars().count();
                    *score.entry(i).or_default() += if full { 2 } else { 1 };
                    first_seen.entry(i).or_insert(h.start);
                }
            }
        }
        // A region's mentions also speak for the regions it lies in.
        let mut total: HashMap<usize, usize> = score.clone();
        for (&i, &n) in &score {
            let mut cur = i;
            for _ in 0..3 {
                let Some(p) = lex.regions[cur].parent.as_deref().and_then(|p| lex.region_by_name(p)) else { break };
                *total.entry(p).or_default() += n;
                cur = p;
            }
        }
        let best = |pred: &dyn Fn(Level) -> bool| {
            total
                .iter()
                .filter(|(&i, _)| pred(lex.regions[i].level))
                .max_by(|a, b| {
                    a.1.cmp(b.1).then_with(|| {
                        // Earlier first mention wins a tie; then the lower index, for determinism.
                        let fa = first_seen.get(a.0).copied().unwrap_or(usize::MAX);
                        let fb = first_seen.get(b.0).copied().unwrap_or(usize::MAX);
                        fb.cmp(&fa).then(b.0.cmp(a.0))
                    })
                })
                .map(|(&i, _)| i)
        };
        let province = best(&Level::is_provincial);
        let city = best(&|l| matches!(l, Level::City | Level::Prefecture))
            .filter(|&c| province.is_none() || lex.region_within(c, province.unwrap()))
            .or_else(|| province.filter(|&p| lex.regions[p].level == Level::Municipality));
        let county = best(&|l| matches!(l, Level::District | Level::County))
            .filter(|&c| city.is_none() || lex.region_within(c, city.unwrap()));
        RegionContext { province, city, county }
    }

    /// The region a bare level word (省, 市, 区, 县, 自治区 ...) stands for here.
    pub fn resolve_level_word(&self, lex: &Lexicon, word: &str) -> Option<usize> {
        // A county-level city answers to 市 too (张家港市委 in a 张家港 report).
        [self.county, self.city, self.province]
            .into_iter()
            .flatten()
            .find(|&r| lex.regions[r].level.answers_to(word) || lex.regions[r].name.ends_with(word))
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
        let ctx = RegionContext::infer(&lex, &hits, &[(0, chars.len())]);
        let name = |r: Option<usize>| r.map(|i| lex.regions[i].name.clone());
        assert_eq!(name(ctx.city).as_deref(), Some("北京市"));
        assert_eq!(name(ctx.county).as_deref(), Some("海淀区"));
        assert_eq!(name(ctx.resolve_level_word(&lex, "市")).as_deref(), Some("北京市"));
        assert_eq!(name(ctx.resolve_level_word(&lex, "区")).as_deref(), Some("海淀区"));
    }
}

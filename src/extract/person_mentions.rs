//! Every place each person of the record is named.

use std::collections::{BTreeMap, BTreeSet};

use super::record::Span;

/// Every occurrence of the known names in the units, longest name first at each place.
///
/// A report names a few dozen persons at most: names grouped by their first char and tried
/// longest first at each char find the leftmost-longest occurrences without building an
/// automaton for every document.
pub(super) fn find_mentions(
    chars: &[char],
    units: &[(usize, usize)],
    names: &BTreeSet<String>,
) -> BTreeMap<String, Vec<Span>> {
    let mut out: BTreeMap<String, Vec<Span>> = BTreeMap::new();
    // (first char, name's chars, name), sorted by first char, then longest first.
    let mut by_first: Vec<(char, Vec<char>, &String)> = names
        .iter()
        .filter_map(|n| {
            let cs: Vec<char> = n.chars().collect();
            Some((*cs.first()?, cs, n))
        })
        .collect();
    by_first.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())).then(a.2.cmp(b.2)));
    if by_first.is_empty() {
        return out;
    }
    for &(s, e) in units {
        let mut i = s;
        while i < e {
            let from = by_first.partition_point(|(c, _, _)| *c < chars[i]);
            let found = by_first[from..]
                .iter()
                .take_while(|(c, _, _)| *c == chars[i])
                .find(|(_, cs, _)| i + cs.len() <= e && chars[i..i + cs.len()] == cs[..]);
            match found {
                Some((_, cs, name)) => {
                    out.entry((*name).clone()).or_default().push(Span::new(i, i + cs.len()));
                    i += cs.len();
                }
                None => i += 1,
            }
        }
    }
    out
}

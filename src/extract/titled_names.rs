//! Round 1 of finding persons: names after title chains (市委常委、政法委书记张三), each with
//! the posts of its chain.

use super::hits::Hit;
use super::orgs::OrgTable;
use super::people::PersonTable;
use super::record::Span;
use super::scope::DocScope;
use super::Extractor;
use crate::lexicon::Surface;

impl Extractor {
    /// Names after title chains in one sentence.
    pub(super) fn chains_in(
        &self,
        cx: &DocScope,
        (s, e): (usize, usize),
        people: &mut PersonTable,
        orgs: &mut OrgTable,
    ) {
        let (chars, hits, finder, parser) = (cx.chars, cx.hits, cx.finder, cx.parser);
        let titles: Vec<&Hit> = hits.within(s, e).filter(|h| matches!(h.surface, Surface::Title(_))).collect();
        // A title end inside a longer title (副主任|委员) is no place for a name.
        let mut ends: Vec<usize> =
            titles.iter().map(|h| h.end).filter(|&p| !titles.iter().any(|t| t.start < p && p < t.end)).collect();
        ends.sort_unstable();
        ends.dedup();
        let mut covered_until = s;
        // The chain before the last group of names, and where that group ends.
        let mut prev: Option<(usize, super::chains::Chain)> = None;
        for p in ends {
            if p < covered_until {
                continue;
            }
            let known = people.names();
            let at = after_note(chars, p, e);
            let Some(name_end) = finder.titled_name_at(at, e, known).or_else(|| self.he_name_at(cx, at, e)) else {
                continue;
            };
            // The title and what follows make one word (理事国, 主席台), or the title is the
            // end of another word (办事处|长): no name here.
            if let Some(t) = titles.iter().filter(|t| t.end == p).max_by_key(|t| t.end - t.start) {
                let word: String = chars[t.start..=p].iter().collect();
                if self.jieba.has_word(&word) || self.title_starts_inside_body_word(chars, t.start, s) {
                    continue;
                }
            }
            // The next item of a list of chains and names speaks of the region of the item
            // before (某市委书记张三，市委副书记、市长李四).
            let Some(mut chain) = parser.chain_before(p, s, known, None) else { continue };
            let list_body = prev.as_ref().and_then(|(prev_end, prev_chain)| {
                let next_item = chain.start == prev_end + 1 && matches!(chars[*prev_end], '，' | '、' | ',');
                next_item
                    .then(|| prev_chain.roles.iter().find_map(|r| r.org.as_ref().filter(|o| o.region.is_some())))?
            });
            if list_body.is_some() {
                chain = parser.chain_before(p, s, known, list_body).unwrap_or(chain);
            }
            let name: String = chars[at..name_end].iter().collect();
            // An adjective between a title and punctuation is a name (院长严谨、).
            let closed = chars.get(name_end).is_some_and(|c| matches!(c, '、' | '，' | ','));
            let adjective_name = closed && self.is_adjective(&name);
            if self.is_credit(chars, p, s)
                || (!known.contains(&name) && self.is_ordinary_word(&name) && !adjective_name)
                || (!known.contains(&name) && self.starts_with_function_word(&name))
            {
                continue;
            }
            // A list of chains and names (某某医院党委书记张三、院长李四，副院长王五): bodyless
            // posts are held in the body of the item before.
            if let Some((prev_end, prev_chain)) = &prev {
                if chain.start == prev_end + 1 && matches!(chars[*prev_end], '、' | '，' | ',') {
                    parser.inherit(&mut chain, prev_chain);
                } else {
                    // Further on in the sentence, a deputy's posts (党组成员、副主任).
                    parser.inherit_related(&mut chain, prev_chain);
                }
            }
            for o in &chain.orgs {
                orgs.add(o);
            }
            for (a, b, o) in &chain.read_apart {
                let name = orgs.add(o);
                orgs.claim(*a, *b, name);
            }
            let mut group = vec![(at, name_end)];
            // A list of names sharing the chain: 副总理钱明远、许文斌.
            let mut end = name_end;
            while end + 1 < e && chars[end] == '、' {
                // Transliterated names share the chain too: with a middle dot, or closed by
                // the list's punctuation (副主任某某、尕藏某某、某某).
                let dotted = |x: &usize| {
                    chars[end + 1..*x].contains(&'·') || chars.get(*x).is_some_and(|c| matches!(c, '、' | '，' | '。'))
                };
                let Some(next_end) = finder
                    .chinese_name_at(end + 1, e, known)
                    .or_else(|| finder.foreign_name_at(end + 1, e).filter(dotted))
                else {
                    break;
                };
                if next_end < e && hits.starting_at(next_end).any(|h| matches!(h.surface, Surface::Title(_))) {
                    break;
                }
                let n: String = chars[end + 1..next_end].iter().collect();
                if self.is_common_word(&n) {
                    break;
                }
                group.push((end + 1, next_end));
                end = next_end;
            }
            covered_until = end;
            prev = Some((end, chain.clone()));
            for (a, b) in group {
                let person: String = chars[a..b].iter().collect();
                people.add(&person);
                if chain.collective {
                    continue;
                }
                for r in &chain.roles {
                    let org = r.org.as_ref().map(|o| orgs.add(o));
                    people.add_role(&person, &r.title, org, Span::new(chain.start, b));
                }
            }
        }
    }
}

/// Longest note in brackets between a title and its holder's name.
const MAX_NOTE: usize = 6;

/// Where the name after a title at `p` starts: after a short note in brackets written between
/// them (副县长（挂职）某某, 副主任（正处级）某某), or at `p`.
fn after_note(chars: &[char], p: usize, e: usize) -> usize {
    if chars.get(p) != Some(&'（') {
        return p;
    }
    let close = (p + 2..(p + 2 + MAX_NOTE).min(e)).find(|&k| chars[k] == '）');
    match close {
        Some(k) if chars[p + 1..k].iter().all(|&c| super::names::is_han(c)) && k + 1 < e => k + 1,
        _ => p,
    }
}

impl Extractor {
    /// A name of the surname 和 right after a title (一级巡视员和某某出席): three chars, the last two
    /// no word of their own and not a name starting with a surname, then punctuation or a verb
    /// of taking part; a conjunction there would join the title to nothing (局长和专家 joins a word,
    /// 局长和李四 a name).
    fn he_name_at(&self, cx: &DocScope, at: usize, e: usize) -> Option<usize> {
        let chars = cx.chars;
        let end = at + 3;
        if end > e || chars[at] != '和' || !chars[at + 1..end].iter().all(|&c| super::names::is_han(c)) {
            return None;
        }
        let given: String = chars[at + 1..end].iter().collect();
        let closed = end == e
            || matches!(chars[end], '，' | '、' | '。' | '；' | ',')
            || cx.hits.starting_at(end).any(|h| matches!(h.surface, Surface::Trigger(_)));
        let given_is_word = self.jieba.has_word(&given) || cx.hits.starting_at(at + 1).next().is_some();
        (closed && !given_is_word && !self.lexicon.is_single_surname(chars[at + 1])).then_some(end)
    }
}

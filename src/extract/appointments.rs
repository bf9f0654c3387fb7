//! Round 3 of finding persons: posts given or taken away by name, where the post is written
//! after the person (任命张三为某某局局长, 免去李四的某某局局长职务, 王五当选会长,
//! 选举赵六为主任). Congress standing committees' sessions and associations' general
//! meetings list their appointments so; no title chain stands before these names.

use std::collections::BTreeSet;

use super::names::is_han;
use super::orgs::OrgTable;
use super::people::PersonTable;
use super::record::Span;
use super::scope::DocScope;
use super::Extractor;
use crate::text::starts_with_at;

/// Verbs that give or take a post, with the word between the person and the post
/// (任命|某某|为|post, 免去|某某|的|post|职务).
const GIVING: &[(&str, &str)] =
    &[("任命", "为"), ("选举", "为"), ("聘任", "为"), ("增补", "为"), ("补选", "为"), ("推选", "为"), ("免去", "的")];

/// The verb after a person (or a list of persons) that gives the post written after it.
const ELECTED: &[&str] = &["当选为", "当选"];

/// Words that end a post written after its holder (…局长职务, …局长，).
const POST_ENDS: &[char] = &['，', '。', '；', '、', ','];

/// Longest post written after its holder.
const MAX_POST: usize = 30;

impl Extractor {
    /// Posts given or taken by name in one sentence.
    pub(super) fn appointments_in(
        &self,
        cx: &DocScope,
        (s, e): (usize, usize),
        people: &mut PersonTable,
        orgs: &mut OrgTable,
    ) {
        let chars = cx.chars;
        for k in s..e {
            for (verb, link) in GIVING {
                if !starts_with_at(chars, k, chars.len(), verb) {
                    continue;
                }
                let names_from = k + verb.chars().count();
                let (names, after) =
                    self.listed_names(chars, names_from, e, |j| starts_with_at(chars, j, chars.len(), link));
                if names.is_empty() {
                    continue;
                }
                let post_start = after + link.chars().count();
                self.give_post(cx, &names, post_start, e, people, orgs);
            }
            for word in ELECTED {
                if !starts_with_at(chars, k, chars.len(), word) {
                    continue;
                }
                let known = people.names();
                let lex = &self.lexicon;
                let is_surname = |c: char| lex.is_single_surname(c) && !lex.is_function_surname(c);
                let names = names_ending_at(chars, k, s, known, is_surname);
                if !names.is_empty() {
                    self.give_post(cx, &names, k + word.chars().count(), e, people, orgs);
                }
                break;
            }
        }
    }

    /// Names written from `from` (甲, or 甲、乙), each followed by 同志 or not, up to where
    /// `is_link` holds; the names and where the link starts.
    fn listed_names(
        &self,
        chars: &[char],
        from: usize,
        e: usize,
        is_link: impl Fn(usize) -> bool,
    ) -> (Vec<(usize, usize)>, usize) {
        let mut names = Vec::new();
        let mut at = from;
        loop {
            let closed = |j: usize| is_link(j) || chars[j] == '、' || starts_with_at(chars, j, chars.len(), "同志");
            let chinese = |j: usize| {
                chars[at..j].iter().all(|&c| is_han(c)) && self.starts_with_surname(chars, at, j) && closed(j)
            };
            // A minority or foreign name: transliteration chars, or a middle dot (某某·某某).
            let transliterated = |j: usize| {
                let run = &chars[at..j];
                run.iter().all(|&c| c == '·' || (is_han(c) && self.lexicon.is_transliteration(c)))
                    && run[0] != '·'
                    && run[run.len() - 1] != '·'
                    && closed(j)
            };
            let end = (2..=4).map(|n| at + n).find(|&j| j < e && chinese(j));
            let Some(end) = end.or_else(|| (2..=12).map(|n| at + n).find(|&j| j < e && transliterated(j))) else {
                return (Vec::new(), at);
            };
            names.push((at, end));
            let end = if starts_with_at(chars, end, chars.len(), "同志") { end + 2 } else { end };
            if end < e && is_link(end) {
                return (names, end);
            }
            if end < e && chars[end] == '、' {
                at = end + 1;
                continue;
            }
            return (Vec::new(), at);
        }
    }

    /// Whether a name of `a..b` can start with a surname there (a compound one for three or
    /// four chars).
    fn starts_with_surname(&self, chars: &[char], a: usize, b: usize) -> bool {
        let lex = &self.lexicon;
        let compound = b >= a + 3 && lex.is_compound_surname(&chars[a..a + 2].iter().collect::<String>());
        compound || (b <= a + 3 && lex.is_single_surname(chars[a]) && !lex.is_function_surname(chars[a]))
    }

    /// Gives each of `names` the posts of the chain written from `start` to the next end.
    fn give_post(
        &self,
        cx: &DocScope,
        names: &[(usize, usize)],
        start: usize,
        e: usize,
        people: &mut PersonTable,
        orgs: &mut OrgTable,
    ) {
        let chars = cx.chars;
        let limit = (start + MAX_POST).min(e);
        let mut end = (start..limit).find(|&j| POST_ENDS.contains(&chars[j]) || !is_han(chars[j])).unwrap_or(limit);
        // 免去某某的某某局局长职务: the post ends before 职务; 增补某某为委员的决定: before 的.
        if let Some(j) = (start..end)
            .find(|&j| starts_with_at(chars, j, chars.len(), "职务") || starts_with_at(chars, j, chars.len(), "的"))
        {
            end = j;
        }
        if end <= start {
            return;
        }
        let known = people.names().clone();
        let Some(chain) = cx.parser.chain_before(end, start, &known, None) else { return };
        if chain.start != start || chain.collective {
            return;
        }
        for o in &chain.orgs {
            orgs.add(o);
        }
        for &(a, b) in names {
            let person: String = chars[a..b].iter().collect();
            people.add(&person);
            for r in &chain.roles {
                let org = r.org.as_ref().map(|o| orgs.add(o));
                people.add_role(&person, &r.title, org, Span::new(a, end));
            }
        }
    }
}

/// Known names (or a list of them, 甲、乙等八人) that end right before `k`, not before `floor`.
/// An unknown name counts only as an item of a list, between the list's marks; `is_surname`
/// says which chars start a name.
fn names_ending_at(
    chars: &[char],
    k: usize,
    floor: usize,
    known: &BTreeSet<String>,
    is_surname: impl Fn(char) -> bool,
) -> Vec<(usize, usize)> {
    // 甲、乙等8人|当选: the count is skipped.
    let mut end = k;
    let mut counted = false;
    if let Some(d) = (floor..k).rev().take(5).find(|&j| chars[j] == '等') {
        if chars[d + 1..k].iter().all(|&c| c.is_ascii_digit() || "一二三四五六七八九十余名人位".contains(c))
        {
            end = d;
            counted = true;
        }
    }
    let mut names: Vec<(usize, usize)> = Vec::new();
    loop {
        let known_len = known
            .iter()
            .map(|n| n.chars().collect::<Vec<char>>())
            .filter(|n| end >= floor + n.len() && chars[end - n.len()..end] == n[..])
            .map(|n| n.len())
            .max();
        let listed = counted || !names.is_empty();
        let listed_len = || {
            [3, 2].into_iter().find(|&n| {
                listed
                    && end > floor + n
                    && chars[end - n..end].iter().all(|&c| is_han(c))
                    && is_surname(chars[end - n])
                    && matches!(chars[end - n - 1], '、' | '，' | '。' | '；')
            })
        };
        let Some(len) = known_len.or_else(listed_len) else { break };
        let start = end - len;
        names.push((start, end));
        if start > floor && chars[start - 1] == '、' {
            end = start - 1;
        } else {
            break;
        }
    }
    names
}

//! Persons who are only mentioned: named before a word of address (胡某某同志, 张某先生) or
//! inside a stock phrase (某某新时代…思想, 某某纪念馆). They are persons of the report
//! whatever follows; they get no attendance from these words.

use super::attendance::attendee_list_opener;
use super::hits::Hits;
use super::names::{is_han, NameFinder};
use super::people::PersonTable;
use super::Extractor;
use crate::lexicon::{Act, Surface};
use crate::text::starts_with_at;

/// Words of address that follow a full name (纪念张三丰同志, 李明华先生).
const ADDRESS_WORDS: &[&str] = &["同志", "先生", "女士", "老师"];

/// Words that make a name the owner of a thing named after them (某某纪念馆, 某某故居).
const NAMED_AFTER: &[&str] = &["纪念馆", "纪念堂", "纪念碑", "故居", "旧居", "铜像", "塑像", "雕像"];

/// Heads of stock phrases built on a leader's name (某某新时代中国特色社会主义思想, 某某经济思想).
const DOCTRINE_WORDS: &[&str] = &["思想", "理论"];

/// At most this many chars stand between a name and the doctrine word (生态文明, 党建).
const DOCTRINE_GAP: usize = 4;

impl Extractor {
    /// Names before words of address and inside stock phrases, in the sentence `s..e`.
    pub(super) fn mentioned_names_in(
        &self,
        chars: &[char],
        finder: &NameFinder,
        (s, e): (usize, usize),
        people: &mut PersonTable,
    ) {
        // Compared char by char, so that most tries stop at the first char.
        let starts_with = |k: usize, w: &str| {
            let mut at = k;
            w.chars().all(|c| {
                let same = at < e && chars[at] == c;
                at += 1;
                same
            })
        };
        // The words' first chars: most positions start none of the words and need no try.
        let firsts: Vec<char> = ADDRESS_WORDS
            .iter()
            .chain(NAMED_AFTER)
            .chain(DOCTRINE_WORDS)
            .chain(&["新时代"])
            .filter_map(|w| w.chars().next())
            .collect();
        for k in s + 2..e {
            if !firsts.contains(&chars[k]) {
                continue;
            }
            let mut ends: Vec<usize> = Vec::new();
            if ADDRESS_WORDS.iter().chain(NAMED_AFTER).any(|w| starts_with(k, w)) || starts_with(k, "新时代") {
                ends.push(k);
            }
            if DOCTRINE_WORDS.iter().any(|w| starts_with(k, w)) {
                // The words between the name and the doctrine word are ordinary words (生态文明),
                // never an -ism (马克思主义思想 names no one).
                for gap in 1..=DOCTRINE_GAP.min(k - s) {
                    let mid: String = chars[k - gap..k].iter().collect();
                    if mid.contains("主义") || !chars[k - gap..k].iter().all(|&c| is_han(c)) {
                        break;
                    }
                    if self.all_ordinary_words(&mid) {
                        ends.push(k - gap);
                    }
                }
                ends.push(k);
            }
            for end in ends {
                if let Some(name) = self.mentioned_name_ending_at(chars, finder, end, s, people) {
                    people.add(&name);
                    break;
                }
            }
        }
    }

    /// The name that ends at `end` where no name end is needed (a word of address follows):
    /// its start is a word boundary by punctuation, a word before it or jieba's cut.
    fn mentioned_name_ending_at(
        &self,
        chars: &[char],
        finder: &NameFinder,
        end: usize,
        floor: usize,
        people: &PersonTable,
    ) -> Option<String> {
        let known = people.names();
        let loose = |st: usize| self.word_ends_before(chars, st, floor) || self.word_starts_at(chars, st, floor);
        let start = finder.name_ending_at(end, floor, known, &loose)?;
        let name: String = chars[start..end].iter().collect();
        if known.contains(&name) {
            return Some(name);
        }
        // Only a name jieba does not cut inside into ordinary words (生态|文 is no name).
        let head: String = chars[start..start + 2].iter().collect();
        let split = end - start > 2 && self.is_ordinary_word(&head);
        (!split && !self.word_not_full_name(&name) && self.acceptable_bare_name(chars, &name, start, floor, known))
            .then_some(name)
    }

    /// Whether `w` is a two-char word of jieba's dictionary that is not a full name: words it
    /// tags as given names (文明, 光辉, 卓越 are tagged `nr`) are far more often the word when
    /// nothing but a weak cue marks a name. Full names are tagged `nrfg`; three-char `nr`
    /// words are names.
    pub(super) fn word_not_full_name(&self, w: &str) -> bool {
        let tags = self.jieba.tag(w, false);
        w.chars().count() == 2 && tags.len() == 1 && self.jieba.has_word(w) && tags[0].tag != "nrfg"
    }

    /// Whether jieba cuts `w` into dictionary words of two chars or more (生态|文明, not 明).
    fn all_ordinary_words(&self, w: &str) -> bool {
        self.jieba.tag(w, false).iter().all(|t| t.word.chars().count() >= 2 && self.jieba.has_word(t.word))
    }

    /// Whether jieba's cut keeps `start..end` apart from its neighbours (a title as a word of
    /// its own: 总书记|关于, not 书记处 or 省|长江).
    pub(super) fn stands_as_word(&self, chars: &[char], start: usize, end: usize, floor: usize) -> bool {
        self.word_starts_at(chars, start, floor) && self.word_starts_at(chars, end, floor)
    }

    /// Whether a name that is no ordinary word follows at `p` (a title chain's name).
    pub(super) fn name_follows(
        &self,
        chars: &[char],
        finder: &NameFinder,
        p: usize,
        limit: usize,
        known: &std::collections::BTreeSet<String>,
    ) -> bool {
        finder.name_at(p, limit, known).is_some_and(|end| {
            let name: String = chars[p..end].iter().collect();
            known.contains(&name) || !(self.is_ordinary_word(&name) || self.starts_with_function_word(&name))
        })
    }
}

/// Separators inside a list of names (甲、乙和丙).
const LIST_LINKS: &[&str] = &["、", "和", "与", "及", "以及"];

/// Words that may close a list of names before its verb (甲、乙等人).
const LIST_CLOSERS: &[&str] = &["等同志", "同志", "等人", "等", "一行"];

impl Extractor {
    /// Names that open a clause whose verb says they took part (张三在某地调研时强调，李四就
    /// 下一步工作作出部署, 王五代表市政府作报告), and the names of a closing attendee list
    /// (出席会议的还有甲、乙和丙): subjects and list members need no title or verb right after.
    pub(super) fn subject_names_in(
        &self,
        chars: &[char],
        hits: &Hits,
        finder: &NameFinder,
        (s, e): (usize, usize),
        people: &mut PersonTable,
    ) {
        let lex = &self.lexicon;
        let clause_end =
            |from: usize| (from..e).find(|&k| matches!(chars[k], '，' | '。' | '；' | '：' | '？' | '！')).unwrap_or(e);
        let mut starts: Vec<(usize, bool)> = vec![(s, false)];
        for k in s..e {
            if matches!(chars[k], '，' | '；' | '：' | '。') {
                starts.push((k + 1, false));
            }
            // After 还有 / 有： of an attending clause the list needs no verb of its own.
            if let Some(end) = attendee_list_opener(lex, hits, chars, s, k) {
                starts.push((end, true));
                if end < e && chars[end] == '：' {
                    starts.push((end + 1, true));
                }
            }
        }
        for (c, listed) in starts {
            let ce = clause_end(c);
            if c >= ce {
                continue;
            }
            let known = people.names();
            // The names of the list, over its links.
            let mut items: Vec<(usize, usize)> = Vec::new();
            let mut cur = c;
            while let Some(end) = finder.chinese_name_at(cur, ce, known) {
                items.push((cur, end));
                let link = LIST_LINKS.iter().find(|w| starts_with_at(chars, end, ce, w));
                match link {
                    Some(w) if end + w.chars().count() < ce => cur = end + w.chars().count(),
                    _ => break,
                }
            }
            let Some(&(_, last)) = items.last() else { continue };
            let mut after = last;
            if let Some(w) = LIST_CLOSERS.iter().find(|w| starts_with_at(chars, after, ce, w)) {
                after += w.chars().count();
            }
            let ok = if listed {
                after >= ce || matches!(chars[after], '，' | '。' | '；')
            } else {
                // The verb of the clause says the subject took part.
                (after >= ce || lex.after_name_starts(&chars[after..ce]))
                    && hits.within(after, ce).any(|h| {
                        matches!(h.surface, Surface::Trigger(t) if !matches!(lex.triggers[t].act, Act::Absent | Act::Organized))
                    })
            };
            if !ok {
                continue;
            }
            let names: Vec<String> = items.iter().map(|&(a, b)| chars[a..b].iter().collect()).collect();
            // A list's opener ends a word (…的县领导有|某某): its first name starts there, however
            // jieba cuts the chars around it.
            let floor = |a: usize| if listed && a == c { c } else { s };
            let accepted = items.iter().zip(&names).all(|(&(a, _), n)| {
                known.contains(n)
                    || (self.acceptable_bare_name(chars, n, a, floor(a), known) && !self.word_not_full_name(n))
            });
            if accepted {
                for n in &names {
                    people.add(n);
                }
            }
        }
    }
}

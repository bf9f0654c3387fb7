//! Person-name candidates: where a name can start and where it ends, judged by surname,
//! length and what stands after it.

use std::collections::BTreeSet;

use super::hits::Hits;
use crate::lexicon::{Lexicon, Surface};
use crate::text::with_str;

/// Chars that end a two-char name rather than continue a three-char one (李明|在, 王斌|和).
const WEAK_THIRD: &[char] = &[
    '在', '和', '与', '及', '等', '同', '向', '对', '为', '也', '还', '就', '从', '将', '被', '以', '说', '率', '是',
    '的', '到', '于', '出', '主', '指', '强', '表', '作', '会', '参', '代', '分', '先', '一', '陪', '讲', '致', '发',
    '介', '宣', '来', '带', '看', '调', '考', '视', '走', '听', '则', '又', '再', '首', '随', '亲', '深', '前', '抵',
    '共', '认', '提', '要', '希', '回', '已',
];

/// Chars that never end a given name: function words and level words (祝贺并, 向市).
const NOT_LAST: &[char] = &[
    '及', '和', '与', '并', '了', '的', '在', '等', '又', '或', '之', '也', '就', '都', '而', '被', '把', '向', '对',
    '从', '给', '让', '使', '市', '省', '县', '区', '乡', '村', '们', '者', '着', '过', '吗', '呢',
];

/// Words of the territorial system that are no given name (县级领导包|乡镇).
const NOT_GIVEN: &[&str] = &["乡镇", "村组", "社区", "街道", "片区"];

/// Function-word surnames that join two items of a list (负责人和专家，): never a name's start,
/// even after a title.
const CONJUNCTION_SURNAMES: &[char] = &['和', '及', '与', '同'];

/// Finds names in one document.
pub struct NameFinder<'a> {
    lex: &'a Lexicon,
    chars: &'a [char],
    hits: &'a Hits,
}

/// Whether `c` is a CJK ideograph.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

impl<'a> NameFinder<'a> {
    /// A finder over `chars` with its dictionary hits.
    pub fn new(lex: &'a Lexicon, chars: &'a [char], hits: &'a Hits) -> Self {
        NameFinder { lex, chars, hits }
    }

    /// Whether a name may end at `j` (before `limit`): punctuation, a word that follows names,
    /// a trigger, a title or the end.
    pub fn ends_name(&self, j: usize, limit: usize) -> bool {
        if j >= limit {
            return true;
        }
        let c = self.chars[j];
        if !is_han(c) {
            return c != '·';
        }
        if self.lex.after_name_starts(&self.chars[j..limit]) {
            return true;
        }
        self.hits.starting_at(j).any(|h| matches!(h.surface, Surface::Trigger(_) | Surface::Title(_)))
    }

    /// Whether a dictionary word of two chars or more, of a kind `kind` accepts, starts at `k`.
    fn long_word_at(&self, k: usize, kind: impl Fn(&Surface) -> bool) -> bool {
        self.hits.starting_at(k).any(|h| h.end - h.start >= 2 && kind(&h.surface))
    }

    /// Whether a dictionary word (title, body, region, trigger) starts at `i`, so no name can.
    fn word_starts_at(&self, i: usize) -> bool {
        self.long_word_at(i, |s| {
            matches!(
                s,
                Surface::Title(_)
                    | Surface::Body(_)
                    | Surface::Region(_)
                    | Surface::Trigger(_)
                    | Surface::DepartmentBare(_)
            )
        })
    }

    /// Whether a dictionary word starts inside `i+1..end`: then `i..end` is no name
    /// (李明主|持, 区负责|同志). Regions may: given names hold place words.
    fn word_inside(&self, i: usize, end: usize) -> bool {
        (i + 1..end).any(|k| {
            self.long_word_at(k, |s| {
                matches!(
                    s,
                    Surface::Title(_)
                        | Surface::Trigger(_)
                        | Surface::MeetingWord(_)
                        | Surface::Body(_)
                        | Surface::DepartmentBare(_)
                )
            })
        })
    }

    /// Whether the two chars at `i` are a county's or district's name without its level char
    /// (某某|县 written 某某): a place the text names (总书记|某某|重要讲话), unless a strong end
    /// after them makes them a person.
    fn is_county_stem(&self, i: usize) -> bool {
        let stem: String = self.chars[i..i + 2].iter().collect();
        ["县", "区"].iter().any(|l| self.lex.region_by_name(&format!("{stem}{l}")).is_some())
    }

    /// Whether the place's short name at `i` (康平, of 康平县) is a person's name: right after a
    /// title and right before punctuation (局长康平，), where a place is never written.
    fn person_spelled_like_place(&self, i: usize, limit: usize) -> bool {
        let after_title = self.hits.ending_at(i).any(|h| matches!(h.surface, Surface::Title(_)));
        let long = || self.hits.starting_at(i).filter(|h| h.end - h.start >= 2);
        after_title
            && long().next().is_some()
            && long().all(|h| h.end == i + 2 && matches!(h.surface, Surface::Region(_)))
            && !"省市县区州旗盟镇乡村".contains(self.chars[i + 1])
            && (i + 2 >= limit || matches!(self.chars[i + 2], '，' | '、' | '。' | '；'))
    }

    /// Whether a name surely ends at `j`: a strong end that is no trigger naming no act of a
    /// person (某地|重要讲话精神).
    fn person_ends(&self, j: usize, limit: usize) -> bool {
        let absent = self.hits.starting_at(j).any(
            |h| matches!(h.surface, Surface::Trigger(t) if self.lex.triggers[t].act == crate::lexicon::Act::Absent),
        );
        self.strong_end(j, limit) && !absent
    }

    /// Whether `s` is a word that stands around names (同志, 等人), not a name.
    fn is_context_word(&self, s: &str) -> bool {
        self.lex.is_after_name(s) || self.lex.is_before_name(s)
    }

    /// The end of a Chinese name (surname + one or two chars) starting at `i`, if one fits
    /// before `limit`. `known` names are preferred when they fit.
    /// A surname that is also a common function word (和, 向) starts no name here: after a
    /// title too it is far more often the word (负责同志和专家, 主席和布洛夫总统).
    pub fn chinese_name_at(&self, i: usize, limit: usize, known: &BTreeSet<String>) -> Option<usize> {
        let chars = self.chars;
        if i >= limit || !is_han(chars[i]) || (self.word_starts_at(i) && !self.person_spelled_like_place(i, limit)) {
            return None;
        }
        // A number is never followed by a name (200余人).
        if i > 0 && (chars[i - 1].is_ascii_digit() || matches!(chars[i - 1], '十' | '百' | '千' | '万')) {
            return None;
        }
        // A known name wins.
        for len in [4, 3, 2] {
            if i + len <= limit && with_str(&chars[i..i + len], |s| known.contains(s)) && self.ends_name(i + len, limit)
            {
                return Some(i + len);
            }
        }
        let compound = i + 2 <= limit && with_str(&chars[i..i + 2], |s| self.lex.is_compound_surname(s));
        let lens: &[usize] = if compound {
            &[3, 4]
        } else if self.lex.is_single_surname(chars[i]) {
            &[2, 3]
        } else {
            return None;
        };
        let fits = |len: usize| {
            i + len <= limit
                && chars[i..i + len].iter().all(|&c| is_han(c))
                && !NOT_LAST.contains(&chars[i + len - 1])
                && !NOT_GIVEN.iter().any(|w| chars[i + 1..i + len].iter().copied().eq(w.chars()))
                && self.ends_name(i + len, limit)
                && !self.word_inside(i, i + len)
                && !with_str(&chars[i..i + len], |s| self.is_context_word(s))
                && !(len == 2 && self.is_county_stem(i) && !self.person_ends(i + 2, limit))
        };
        let (short, long) = (lens[0], lens[1]);
        // 和 ends a given name (某景和) where punctuation or a trigger verb follows it: a
        // conjunction there would join nothing (某春和|出席, 某景和，).
        let joins_nothing = |j: usize| {
            matches!(chars[j], '，' | '、' | '。' | '；' | ',')
                || self.hits.starting_at(j).any(|h| matches!(h.surface, Surface::Trigger(_)))
        };
        let he_closed = i + long < limit
            && chars[i + long - 1] == '和'
            && joins_nothing(i + long)
            && chars[i..i + long].iter().all(|&c| is_han(c))
            && !self.word_inside(i, i + long);
        let fits_short = fits(short);
        if he_closed && fits_short {
            return Some(i + long);
        }
        match (fits_short, fits(long)) {
            (true, true) => {
                if WEAK_THIRD.contains(&chars[i + short]) {
                    Some(i + short)
                } else {
                    Some(i + long)
                }
            }
            (true, false) => Some(i + short),
            (false, true) => Some(i + long),
            (false, false) => None,
        }
    }

    /// The end of any name starting at `i`: a Chinese name, or (after a title, where a name
    /// is expected) a foreign or minority name: up to twelve chars, all of them
    /// transliteration characters, or with a middle dot (阿依古丽·某某).
    pub fn name_at(&self, i: usize, limit: usize, known: &BTreeSet<String>) -> Option<usize> {
        if let Some(e) = self.chinese_name_at(i, limit, known) {
            return Some(e);
        }
        self.foreign_name_at(i, limit)
    }

    /// The end of a name right after a title: [`NameFinder::name_at`], or a name of two or
    /// three chars whose surname is also a function word (向, 从) when punctuation follows it:
    /// the word 向 never stands between a title and a comma with one or two chars (书记向某某，).
    pub fn titled_name_at(&self, i: usize, limit: usize, known: &BTreeSet<String>) -> Option<usize> {
        if let Some(e) = self.name_at(i, limit, known) {
            return Some(e);
        }
        let chars = self.chars;
        // Three chars or two (秘书长向某，).
        [i + 3, i + 2].into_iter().find(|&end| {
            let closed = end < limit && matches!(chars[end], '，' | '、' | '。' | '；' | ',');
            closed
                && self.lex.is_function_surname(chars[i])
                && !CONJUNCTION_SURNAMES.contains(&chars[i])
                && chars[i + 1..end].iter().all(|&c| is_han(c) && !NOT_LAST.contains(&c))
                && !self.word_starts_at(i + 1)
                && !self.word_inside(i, end)
        })
    }

    /// A foreign or minority name starting at `i` (see [`NameFinder::name_at`]).
    pub fn foreign_name_at(&self, i: usize, limit: usize) -> Option<usize> {
        let chars = self.chars;
        if i >= limit || !is_han(chars[i]) || self.word_starts_at(i) {
            return None;
        }
        // Transliterated names end at the first place a name can end. Names with a middle
        // dot end where a verb, a title, punctuation or a courtesy word follows, not inside
        // the word after them (艾力·买买提|出席, not 艾力·买买|提出).
        let mut j = i;
        let mut dotted_weak = None;
        while j < limit && j - i < 14 && (is_han(chars[j]) || (chars[j] == '·' && j > i)) {
            j += 1;
            if j - i < 2 || chars[j - 1] == '·' || !self.ends_name(j, limit) || self.word_inside(i, j) {
                continue;
            }
            let run = &chars[i..j];
            if run.contains(&'·') {
                if self.strong_end(j, limit) {
                    // Past a weak end, only transliteration chars continue the name
                    // (艾力·买买|提, not 某某·买买提|作).
                    if let Some(w) =
                        dotted_weak.filter(|&w| !chars[w..j].iter().all(|&c| self.lex.is_transliteration(c)))
                    {
                        return Some(w);
                    }
                    return Some(j);
                }
                dotted_weak.get_or_insert(j);
            } else if run.iter().all(|&c| self.lex.is_transliteration(c)) {
                return Some(j);
            }
        }
        dotted_weak
    }

    /// Whether what follows `j` ends a name for certain: punctuation, a trigger, a title, or a
    /// courtesy word.
    fn strong_end(&self, j: usize, limit: usize) -> bool {
        if j >= limit || !is_han(self.chars[j]) {
            return true;
        }
        let next2: String = self.chars[j..(j + 2).min(limit)].iter().collect();
        matches!(next2.as_str(), "先生" | "女士" | "同志" | "一行" | "等人")
            || self.hits.starting_at(j).any(|h| matches!(h.surface, Surface::Trigger(_) | Surface::Title(_)))
    }

    /// The start of a Chinese name that ends at `end` (a name before a title or a verb), if a
    /// boundary stands before it. `known` names are preferred.
    pub fn name_ending_at(
        &self,
        end: usize,
        floor: usize,
        known: &BTreeSet<String>,
        extra_boundary: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let chars = self.chars;
        for len in [4, 3, 2] {
            if end >= floor + len {
                let s: String = chars[end - len..end].iter().collect();
                if known.contains(&s) {
                    return Some(end - len);
                }
            }
        }
        for len in [3, 2, 4] {
            if end < floor + len {
                continue;
            }
            let start = end - len;
            if !self.boundary_before(start, floor) && !extra_boundary(start) {
                continue;
            }
            if self.chinese_name_at(start, end, known) == Some(end) {
                return Some(start);
            }
        }
        None
    }

    /// Whether a name may start at `i`: sentence start, punctuation, or a word that stands
    /// before names or links them (和, 与, 由).
    pub fn boundary_before(&self, i: usize, floor: usize) -> bool {
        if i <= floor {
            return true;
        }
        let c = self.chars[i - 1];
        if !is_han(c) {
            return true;
        }
        if matches!(c, '和' | '与' | '及' | '由' | '同' | '请' | '见') {
            return true;
        }
        // Right after a body's name (市公安局|张某表示).
        if matches!(c, '局' | '厅' | '委' | '部' | '办' | '院' | '处' | '所' | '校' | '司') {
            return true;
        }
        if self.lex.before_name_ends(&self.chars[floor..i]) {
            return true;
        }
        self.hits.ending_at(i).any(|h| matches!(h.surface, Surface::Trigger(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<String> {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let hits = Hits::scan(&lex, &chars);
        let f = NameFinder::new(&lex, &chars, &hits);
        f.chinese_name_at(0, chars.len(), &BTreeSet::new()).map(|e| chars[..e].iter().collect())
    }

    #[test]
    fn name_length_is_judged_by_what_follows() {
        let cases = [
            ("张春燕主持会议", Some("张春燕")),
            ("刘成栋、", Some("刘成栋")),
            ("周海涛出席座谈会", Some("周海涛")),
            ("武涛，", Some("武涛")),
            ("张强在主持学习时强调", Some("张强")),
            ("会议精神", None),
        ];
        for (text, want) in cases {
            assert_eq!(name(text).as_deref(), want, "{text}");
        }
    }
}

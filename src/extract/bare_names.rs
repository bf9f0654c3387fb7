//! Round 2 of finding persons: names before a title (张三委员长) or a trigger (李四出席), and
//! lists of names, in sentences where no title chain names them.

use std::collections::BTreeSet;

use super::names::NameFinder;
use super::orgs::OrgTable;
use super::people::PersonTable;
use super::record::Span;
use super::scope::DocScope;
use super::Extractor;
use crate::lexicon::{Act, Surface};

/// Last chars of body names (强基办, 人才局): a name found without a title never ends so.
const BODY_ENDINGS: &[char] =
    &['局', '厅', '署', '委', '部', '处', '科', '司', '办', '室', '组', '站', '所', '队', '院', '会', '校'];

/// Words that mark a name as a credit line (记者 黄某 摄), not a person of the report.
const CREDIT_WORDS: &[&str] = &["记者", "摄影", "编辑", "通讯员", "校对", "审核", "撰稿", "作者"];

impl Extractor {
    /// Names before a title or a trigger, and lists of names, in one sentence.
    pub(super) fn bare_names_in(
        &self,
        cx: &DocScope,
        (s, e): (usize, usize),
        people: &mut PersonTable,
        orgs: &mut OrgTable,
    ) {
        let (chars, hits, finder, resolver) = (cx.chars, cx.hits, cx.finder, cx.resolver);
        let lex = &self.lexicon;
        for h in hits.within(s, e) {
            let known = people.names();
            match h.surface {
                Surface::Title(t) => {
                    // 冯德明委员长主持: a name, then a title, then no name.
                    let title = &lex.titles[t];
                    // A title used as address (沈国华总书记关于…) names the person before it
                    // whatever follows, as long as jieba keeps the title a word of its own
                    // (书记处, 省|长江 are other words).
                    let ends = finder.ends_name(h.end, e);
                    let address = ends || (title.is_address() && self.stands_as_word(chars, h.start, h.end, s));
                    if title.is_collective() || !address || self.name_follows(chars, finder, h.end, e, known) {
                        continue;
                    }
                    if hits.ending_at(h.end).any(|x| x.start < h.start && matches!(x.surface, Surface::Title(_))) {
                        continue;
                    }
                    // Inside a longer title (宪法法律委副主任|委员) there is no name before it.
                    if hits
                        .within(s, e)
                        .any(|x| matches!(x.surface, Surface::Title(_)) && x.start <= h.start && h.end < x.end)
                    {
                        continue;
                    }
                    let loose = |st: usize| self.word_ends_before(chars, st, s) || self.word_starts_at(chars, st, s);
                    let Some(start) = finder.name_ending_at(h.start, s, known, &loose) else { continue };
                    // A title counted (应到委员228名) is no post of the word before it.
                    if chars.get(h.end).is_some_and(|c| c.is_ascii_digit()) {
                        continue;
                    }
                    // A body ends right before the title (区政协|副主席): its holder is named
                    // elsewhere, 区 is no surname here.
                    let body_before = hits.ending_at(h.start).any(|x| {
                        x.start >= start
                            && matches!(
                                x.surface,
                                Surface::Body(_) | Surface::DepartmentSuffix | Surface::DepartmentBare(_)
                            )
                    });
                    if body_before {
                        continue;
                    }
                    let name: String = chars[start..h.start].iter().collect();
                    if !self.acceptable_bare_name(chars, &name, start, s, known)
                        || (!ends && !known.contains(&name) && self.word_not_full_name(&name))
                    {
                        continue;
                    }
                    let org = match &title.body {
                        crate::lexicon::TitleBody::Named(b) => {
                            let bc: Vec<char> = b.chars().collect();
                            resolver.resolve(&bc, None, true)
                        }
                        _ => None,
                    };
                    let org_name = org.as_ref().map(|o| orgs.add(o));
                    people.add_role(&name, &title.title, org_name, Span::new(start, h.end));
                }
                Surface::Trigger(t) => {
                    let act = lex.triggers[t].act;
                    if matches!(act, Act::Absent | Act::Organized) {
                        continue;
                    }
                    let strict = |_: usize| false;
                    let mut found = Vec::new();
                    let Some((start, end)) = self.name_before_trigger(chars, finder, h.start, s, known) else {
                        continue;
                    };
                    found.push((start, end));
                    // Earlier names of the same list: 陈向东、孙俊峰、袁清云分别…
                    let mut cur = start;
                    while cur > s + 1 && chars[cur - 1] == '、' {
                        let Some(st) = finder.name_ending_at(cur - 1, s, known, &strict) else { break };
                        found.push((st, cur - 1));
                        cur = st;
                    }
                    let accepted: Vec<String> = found
                        .into_iter()
                        .map(|(a, b)| (a, chars[a..b].iter().collect::<String>()))
                        .filter(|(a, name)| self.acceptable_bare_name(chars, name, *a, s, known))
                        .map(|(_, name)| name)
                        .collect();
                    for name in accepted {
                        people.add(&name);
                    }
                }
                _ => {}
            }
        }
        self.captioned_names_in(cx, (s, e), people);
        self.mentioned_names_in(chars, finder, (s, e), people);
        self.subject_names_in(chars, hits, finder, (s, e), people);
        // Lists of three or more names: 马丽、陈思远、黄国强…
        let mut i = s;
        // The first 、 after `i`, looked for again only once `i` has passed it.
        let mut next_dun = s;
        while i < e {
            if next_dun <= i {
                next_dun = (i + 1..e).find(|&k| chars[k] == '、').unwrap_or(e);
            }
            // Cheap tests first: a list item starts with a surname and is soon followed by 、.
            let window = &chars[i + 1..(i + 13).min(e)];
            let plausible = next_dun < (i + 13).min(e) && (lex.is_single_surname(chars[i]) || window.contains(&'·'));
            if !plausible || !finder.boundary_before(i, s) {
                i += 1;
                continue;
            }
            let known = people.names();
            let mut items = Vec::new();
            let mut cur = i;
            while let Some(end) = finder
                .chinese_name_at(cur, e, known)
                .or_else(|| finder.foreign_name_at(cur, e).filter(|&end| chars[cur..end].contains(&'·')))
            {
                items.push((cur, end));
                if end < e && chars[end] == '、' {
                    cur = end + 1;
                } else {
                    break;
                }
            }
            if items.len() >= 3 {
                let names: Vec<String> = items.iter().map(|&(a, b)| chars[a..b].iter().collect()).collect();
                // A long list may hold a name that is also a word (高峰); a short one may not.
                let plain = names.iter().filter(|n| known.contains(*n) || !self.is_common_word(n)).count();
                if plain == names.len() || (names.len() >= 5 && plain * 5 >= names.len() * 4) {
                    for n in &names {
                        people.add(n);
                    }
                }
                i = items.last().map(|x| x.1).unwrap_or(i + 1);
            } else {
                i += 1;
            }
        }
    }

    /// Names before a photo position in parentheses (张三（左二）, 李四（中）): captions and
    /// reports name the persons pictured so.
    fn captioned_names_in(&self, cx: &DocScope, (s, e): (usize, usize), people: &mut PersonTable) {
        let chars = cx.chars;
        let strict = |_: usize| false;
        for i in s + 2..e {
            if !matches!(chars[i], '（' | '(') || !photo_position(&chars[i + 1..e]) {
                continue;
            }
            let known = people.names();
            let Some(start) = cx.finder.name_ending_at(i, s, known, &strict) else { continue };
            let name: String = chars[start..i].iter().collect();
            if self.acceptable_bare_name(chars, &name, start, s, known) {
                people.add(&name);
            }
        }
    }

    /// The name right before a trigger at `trigger`, over 同志/等 and an adverb between them
    /// (高建民一同调研, 王秀英等步入): (start, end).
    pub(super) fn name_before_trigger(
        &self,
        chars: &[char],
        finder: &NameFinder,
        trigger: usize,
        floor: usize,
        known: &BTreeSet<String>,
    ) -> Option<(usize, usize)> {
        let strict = |_: usize| false;
        let mut end = trigger;
        for w in ["同志", "等"] {
            let wl = w.chars().count();
            if end >= floor + wl && chars[end - wl..end].iter().copied().eq(w.chars()) {
                end -= wl;
            }
        }
        if let Some(start) = finder.name_ending_at(end, floor, known, &strict) {
            return Some((start, end));
        }
        // One word that stands after names (一同, 分别, 先后) may come between.
        for wl in [2, 1] {
            if end >= floor + wl + 2 {
                let w: String = chars[end - wl..end].iter().collect();
                if self.lexicon.is_after_name(&w) {
                    if let Some(start) = finder.name_ending_at(end - wl, floor, known, &strict) {
                        return Some((start, end - wl));
                    }
                }
            }
        }
        None
    }

    /// Whether a name found without a title chain may be taken: not an ordinary word, not a
    /// credit, and starting where jieba starts a word (委员会|常务委员 has no name 员会).
    pub(super) fn acceptable_bare_name(
        &self,
        chars: &[char],
        name: &str,
        start: usize,
        floor: usize,
        known: &BTreeSet<String>,
    ) -> bool {
        if known.contains(name) {
            return true;
        }
        !self.is_common_word(name)
            && !self.is_credit(chars, start, floor)
            && self.word_starts_at(chars, start, floor)
            && !name.ends_with(BODY_ENDINGS)
            && !self.runs_through_words(chars, name, start)
    }

    /// Whether a three-char candidate is two words of the text cut wrong: its first two chars
    /// are an ordinary word and its last char makes one with the char after it (年度|工|作).
    fn runs_through_words(&self, chars: &[char], name: &str, start: usize) -> bool {
        let n: Vec<char> = name.chars().collect();
        let Some(&next) = chars.get(start + n.len()) else { return false };
        n.len() == 3
            && self.is_ordinary_word(&n[..2].iter().collect::<String>())
            && self.is_ordinary_word(&[n[2], next].iter().collect::<String>())
    }

    /// Whether the first char of a title at `start` ends a body-name word that began before it
    /// (办事处|长: the 处 of 办事处 is not the 处 of 处长).
    /// A school's name before its head's title is no such word (大学|校长, 中学|校长).
    pub(super) fn title_starts_inside_body_word(&self, chars: &[char], start: usize, floor: usize) -> bool {
        let school = start >= floor + 2 && matches!(chars[start - 2..start], ['大' | '中' | '小', '学']);
        !school
            && self
                .lexicon
                .org_shapes
                .iter()
                .any(|(w, _)| w.chars().nth(1).is_some() && crate::text::ends_with_at(chars, start + 1, floor, w))
    }

    /// Whether the name at `start` stands in a credit line (记者 黄某 摄).
    pub(super) fn is_credit(&self, chars: &[char], start: usize, floor: usize) -> bool {
        let from = start.saturating_sub(6).max(floor);
        let before: String = chars[from..start].iter().collect();
        CREDIT_WORDS.iter().any(|w| before.contains(w))
    }
}

/// Whether `rest` (after an opening parenthesis) is a photo position and its closing one:
/// 左一, 右二, 中, 前排左三, 后排右一.
fn photo_position(rest: &[char]) -> bool {
    let close = rest.iter().take(6).position(|c| matches!(c, '）' | ')'));
    let Some(close) = close else { return false };
    let inner = &rest[..close];
    let inner = match inner {
        ['前' | '后' | '二' | '三' | '第', '排', tail @ ..] => tail,
        _ => inner,
    };
    match inner {
        ['中'] => true,
        ['左' | '右', n] => "一二三四五六七八九".contains(*n),
        _ => false,
    }
}

//! Meetings and events: quoted names, objects of 召开/举行/出席, subjects of 在…举行, and
//! visits or receptions named by the headline; dates resolved against the publication date.

use crate::text::starts_with_at;
use std::sync::OnceLock;

use regex::Regex;

use std::collections::BTreeMap;

use super::hits::Hits;
use super::names::is_han;
use super::orgs::{OrgResolver, OrgTable};
use crate::lexicon::{Act, Lexicon, MeetingKind, Surface};

/// A meeting candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingCandidate {
    /// Name without quotes.
    pub name: String,
    /// Where it was found.
    pub start: usize,
    /// One past its end.
    pub end: usize,
    /// The sentence it was found in.
    pub sentence: (usize, usize),
    /// Found in the headline.
    pub in_headline: bool,
    /// A meeting, a visit or a reception.
    pub kind: MeetingKind,
    /// Written in quotes.
    pub quoted: bool,
    /// Named in the content of someone's remarks (他指出，…座谈会精神): spoken of, not held.
    pub in_remarks: bool,
    /// A visit told in running text (张三到某某公司调研): a report may tell several.
    pub running_visit: bool,
}

/// Finds meeting names in sentences.
pub struct MeetingFinder<'a> {
    lex: &'a Lexicon,
    jieba: &'a jieba_rs::Jieba,
    chars: &'a [char],
    hits: &'a Hits,
}

fn is_meeting_word(lex: &Lexicon, s: &crate::lexicon::Surface) -> Option<MeetingKind> {
    match s {
        Surface::MeetingWord(i) => Some(lex.meeting_words[*i].kind),
        _ => None,
    }
}

impl<'a> MeetingFinder<'a> {
    /// A finder over `chars`.
    pub fn new(lex: &'a Lexicon, jieba: &'a jieba_rs::Jieba, chars: &'a [char], hits: &'a Hits) -> Self {
        MeetingFinder { lex, jieba, chars, hits }
    }

    /// Whether jieba puts a word boundary at `end` (大会|堂 is no boundary: 人民大会堂).
    fn word_boundary_at(&self, end: usize) -> bool {
        if end >= self.chars.len() || !is_han(self.chars[end]) {
            return true;
        }
        let from = end.saturating_sub(4);
        let to = (end + 4).min(self.chars.len());
        let text: String = self.chars[from..to].iter().collect();
        let mut pos = from;
        for w in self.jieba.cut(&text, false) {
            pos += w.word.chars().count();
            if pos == end {
                return true;
            }
            if pos > end {
                return false;
            }
        }
        false
    }

    fn text(&self, s: usize, e: usize) -> String {
        self.chars[s..e].iter().filter(|c| !matches!(c, '“' | '”' | '《' | '》')).collect()
    }

    /// The end of the last meeting word that ends inside `s..e`, of kind `meeting`.
    fn meeting_word_ends(&self, s: usize, e: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .hits
            .within(s, e)
            .filter(|h| is_meeting_word(self.lex, &h.surface).is_some_and(|k| k == MeetingKind::Meeting))
            .map(|h| h.end)
            .filter(|&end| self.word_boundary_at(end))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Whether `pos` stands in the content of remarks (他指出，…座谈会精神): a meeting named
    /// there is what the speaker spoke of, not an event of the report.
    fn in_remarks(&self, (s, _e): (usize, usize), pos: usize) -> bool {
        self.hits.within(s, pos).any(|h| {
            matches!(h.surface, Surface::Trigger(t) if self.lex.triggers[t].act == Act::Remarked)
                && h.end < pos
                && matches!(self.chars[h.end], '，' | '：')
        })
    }

    /// Candidates in one sentence.
    pub fn in_sentence(&self, (s, e): (usize, usize), in_headline: bool) -> Vec<MeetingCandidate> {
        let chars = self.chars;
        let mut out = Vec::new();
        let push = |a: usize, b: usize, quoted: bool, out: &mut Vec<MeetingCandidate>| {
            // Words that stand before a name without being part of it.
            let mut a = a;
            while a < b && matches!(chars[a], '了' | '的' | '并' | '在' | '于' | '以') {
                a += 1;
            }
            let name = self.text(a, b);
            let n = name.chars().count();
            // 一次十分重要的会议 describes a meeting; it does not name one.
            let descriptive = !quoted && name.contains('的');
            if (3..=60).contains(&n) && !descriptive {
                let in_remarks = !in_headline && self.in_remarks((s, e), a);
                out.push(MeetingCandidate {
                    name,
                    start: a,
                    end: b,
                    sentence: (s, e),
                    in_headline,
                    kind: MeetingKind::Meeting,
                    quoted,
                    in_remarks,
                    running_visit: false,
                });
            }
        };
        // Quoted names, and quoted themes followed by a meeting word (“…”专题协商会).
        let mut i = s;
        while i < e {
            if matches!(chars[i], '“' | '《') {
                let close = if chars[i] == '“' { '”' } else { '》' };
                if let Some(j) = (i + 1..e.min(i + 60)).find(|&j| chars[j] == close) {
                    let inner_ends = self.meeting_word_ends(i + 1, j);
                    if inner_ends.last() == Some(&j) {
                        push(i + 1, j, true, &mut out);
                    } else {
                        // Theme in quotes, then the meeting word: keep the run after it.
                        let mut k = j + 1;
                        while k < e && k < j + 12 && is_han(chars[k]) {
                            k += 1;
                        }
                        if let Some(&end) = self.meeting_word_ends(j + 1, k).first() {
                            push(i + 1, end, true, &mut out);
                        }
                    }
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        // Objects of 召开/举行/出席/主持 and subjects of …举行/召开.
        for h in self.hits.within(s, e) {
            let Surface::Trigger(t) = h.surface else { continue };
            let act = self.lex.triggers[t].act;
            if !matches!(act, Act::Organized | Act::Attended | Act::Presided) {
                continue;
            }
            // 主持 inside 主持召开 is the same verb.
            if self.hits.within(h.start.saturating_sub(4), (h.end + 4).min(e)).any(|x| {
                matches!(x.surface, Surface::Trigger(_))
                    && x.start <= h.start
                    && x.end >= h.end
                    && x.end - x.start > h.end - h.start
            }) {
                continue;
            }
            // Object: the run after the trigger up to the first meeting word that ends it. A
            // note in brackets may stand inside the name (全委（扩大）会议).
            let mut k = h.end;
            while k < e
                && k < h.end + 60
                && (is_han(chars[k])
                    || chars[k].is_ascii_alphanumeric()
                    || matches!(chars[k], '“' | '”' | '《' | '》' | '、' | '（' | '）' | '(' | ')'))
            {
                k += 1;
            }
            // Another verb that convenes a meeting inside the run starts the name after it
            // (检查|组召开座谈会: the object of 召开, not of 检查).
            let convened_inside = |end: usize| {
                self.hits
                    .within(h.end, end)
                    .any(|x| matches!(x.surface, Surface::Trigger(t) if self.lex.triggers[t].act == Act::Organized))
            };
            if let Some(&end) = self.meeting_word_ends(h.end, k).first().filter(|&&end| !convened_inside(end)) {
                push(h.end, end, false, &mut out);
                // 某某党组7月3日举行会议: a bare word is named by the body that held it.
                let bare = end - h.end <= 4 && end < e && !is_han(chars[end]);
                if matches!(act, Act::Organized) && bare {
                    let mut a = h.start;
                    while a > s && (is_han(chars[a - 1]) || chars[a - 1].is_ascii_digit()) {
                        a -= 1;
                    }
                    let subject: String = chars[a..h.start].iter().collect();
                    let subject = date_tail().replace(&subject, "").to_string();
                    let n = subject.chars().count();
                    // The subject starts with a body (中共 may stand before it).
                    let from = if subject.starts_with("中共") { a + 2 } else { a };
                    // (Or a level word and a department: 省政府, 市委.)
                    let body_first = [a, from].iter().any(|&at| {
                        self.hits.starting_at(at).any(|x| {
                            matches!(x.surface, Surface::Body(_) | Surface::Region(_) | Surface::DepartmentBare(_))
                        }) || (matches!(chars[at], '省' | '市' | '区' | '县' | '州')
                            && self.hits.starting_at(at + 1).any(|x| matches!(x.surface, Surface::DepartmentSuffix)))
                    });
                    if body_first && (2..=20).contains(&n) && subject.chars().all(is_han) {
                        out.push(MeetingCandidate {
                            name: format!("{subject}{}", self.text(h.end, end)),
                            start: a,
                            end,
                            sentence: (s, e),
                            in_headline,
                            kind: MeetingKind::Meeting,
                            quoted: false,
                            in_remarks: !in_headline && self.in_remarks((s, e), a),
                            running_visit: false,
                        });
                    }
                }
            }
            // Passive: 结业式由某某主持.
            if matches!(act, Act::Presided) {
                let you = (h.start.saturating_sub(24).max(s)..h.start).rev().find(|&k| chars[k] == '由');
                if let Some(you) = you.filter(|&k| !chars[k..h.start].iter().any(|c| matches!(c, '，' | '。'))) {
                    let mut a = you;
                    while a > s && is_han(chars[a - 1]) {
                        a -= 1;
                    }
                    if self.meeting_word_ends(a, you).last() == Some(&you) {
                        push(a, you, false, &mut out);
                    }
                }
            }
            // Subject: …会议[日期][在京]举行.
            if matches!(act, Act::Organized) {
                let mut a = h.start;
                while a > s && (is_han(chars[a - 1]) || chars[a - 1].is_ascii_alphanumeric()) {
                    a -= 1;
                }
                let ends = self.meeting_word_ends(a, h.start);
                if let Some(&end) = ends.last() {
                    let gap: String = chars[end..h.start].iter().collect();
                    if gap.chars().count() <= 8 && !gap.contains('会') {
                        push(a, end, false, &mut out);
                    }
                }
            }
        }
        out
    }

    /// A visit or reception named by the headline (郑立新在北京调研…, 钱明远会见…).
    pub fn headline_event(&self, (s, e): (usize, usize)) -> Option<MeetingCandidate> {
        let kinds: Vec<MeetingKind> =
            self.hits.within(s, e).filter_map(|h| is_meeting_word(self.lex, &h.surface)).collect();
        if !kinds.iter().any(|&k| k == MeetingKind::Visit || k == MeetingKind::Reception) {
            return None;
        }
        // The first part of the headline, before a space that joins two headlines, a colon
        // that opens a quotation, or the 时强调 that reports remarks (郑立新在北京调研时强调：…).
        let mut end = s;
        while end < e && !matches!(self.chars[end], ' ' | '：') {
            end += 1;
        }
        let head: String = self.chars[s..end].iter().collect();
        for cue in ["时强调", "时指出", "时表示", "并强调", "强调"] {
            if let Some(b) = head.find(cue) {
                end = s + head[..b].chars().count();
                break;
            }
        }
        let mut name = self.text(s, end);
        // 某某在调研基础研究: the 在 before the verb itself is no part of the event's name
        // (某某在北京调研 keeps it: there it names the place).
        for w in ["在调研", "在考察", "在视察", "在检查", "在走访", "在慰问"] {
            if let Some(b) = name.find(w) {
                name.replace_range(b..b + '在'.len_utf8(), "");
            }
        }
        let kind = if kinds.contains(&MeetingKind::Reception) { MeetingKind::Reception } else { MeetingKind::Visit };
        (name.chars().count() >= 4).then_some(MeetingCandidate {
            name,
            start: s,
            end,
            sentence: (s, e),
            in_headline: true,
            kind,
            quoted: false,
            in_remarks: false,
            running_visit: false,
        })
    }

    /// Receptions in a sentence: 会见 and what follows it up to the punctuation
    /// (会见某国议会副议长卡洛维).
    /// A reception names a person met, or their post (会见某国议会副议长卡洛维): talks
    /// mentioned in passing (两国元首多次会晤) are not taken.
    pub fn receptions(
        &self,
        (s, e): (usize, usize),
        persons: &std::collections::BTreeSet<String>,
    ) -> Vec<MeetingCandidate> {
        let mut out = Vec::new();
        for h in self.hits.within(s, e) {
            if !matches!(h.surface, Surface::Trigger(t) if self.lex.triggers[t].act == Act::Met) {
                continue;
            }
            // Up to the punctuation, or the 时 of 在会见…时 (the reception framing other news).
            // The list of those met runs over 、 (会见甲、乙一行).
            let mut k = h.end;
            while k < e
                && k < h.end + 40
                && (is_han(self.chars[k]) || matches!(self.chars[k], '·' | '、'))
                && self.chars[k] != '时'
            {
                k += 1;
            }
            while k > h.end && self.chars[k - 1] == '、' {
                k -= 1;
            }
            // 在会见时表示, 会见中: remarks framed by a reception named elsewhere.
            if k == h.end && k < e && matches!(self.chars[k], '时' | '中' | '后') {
                continue;
            }
            let (a, b) = if k - h.end >= 2 {
                (h.start, k)
            } else {
                // 钱明远同卡洛维举行会见: the clause before names it.
                let mut a = h.start;
                while a > s && is_han(self.chars[a - 1]) {
                    a -= 1;
                }
                (a, h.end)
            };
            let object = self.text(h.end, b);
            let names_someone = persons.iter().any(|p| self.text(a, b).contains(p.as_str()))
                || self.hits.within(a, b).any(|x| matches!(x.surface, Surface::Title(_)))
                || PEOPLE_GROUPS.iter().any(|w| object.ends_with(w));
            if b - a >= 4 && names_someone && !self.in_remarks((s, e), a) {
                // 会见了…: the aspect mark is no part of the name.
                let name = if b > h.end && self.chars[h.end] == '了' {
                    format!("{}{}", self.text(a, h.end), self.text(h.end + 1, b))
                } else {
                    self.text(a, b)
                };
                out.push(MeetingCandidate {
                    name,
                    start: a,
                    end: b,
                    sentence: (s, e),
                    in_headline: false,
                    kind: MeetingKind::Reception,
                    quoted: false,
                    in_remarks: false,
                    running_visit: false,
                });
            }
        }
        out
    }
    /// Visits told in running text: a subject (a person, a delegation) goes somewhere and
    /// inspects (张三到某某公司调研, 随后，张三前往某某社区检查防疫工作). The name runs from the
    /// verb of going to the end of the clause (到某某公司调研).
    pub fn running_visits(
        &self,
        (s, e): (usize, usize),
        persons: &std::collections::BTreeSet<String>,
    ) -> Vec<MeetingCandidate> {
        let chars = self.chars;
        let mut out = Vec::new();
        let is_punct = |c: char| matches!(c, '，' | '。' | '；' | '：' | '！' | '？');
        let mut i = s;
        while i < e {
            let Some(go) = GOING.iter().find(|w| starts_with_at(chars, i, e, w)) else {
                i += 1;
                continue;
            };
            let go_end = i + go.chars().count();
            // 得到, 做到, 到位: 到 as a result or a noun, not a going.
            let single_dao = *go == "到";
            let not_going = single_dao
                && ((i > s && NOT_GOING_BEFORE.contains(&chars[i - 1]))
                    || (go_end < e && NOT_GOING_AFTER.contains(&chars[go_end])));
            let clause_end = (go_end..e).find(|&k| is_punct(chars[k]) || chars[k] == ' ').unwrap_or(e);
            let visit = self
                .hits
                .within(go_end, clause_end.min(go_end + 24))
                .find(|h| is_meeting_word(self.lex, &h.surface) == Some(MeetingKind::Visit) && h.start > go_end);
            let clause_start = (s..i).rev().find(|&k| is_punct(chars[k])).map_or(s, |k| k + 1);
            let subject: String = chars[clause_start..i].iter().collect();
            let has_subject = persons.iter().any(|p| subject.contains(p.as_str()))
                || VISITING_GROUPS.iter().any(|w| subject.contains(w));
            let modal = ["要", "将", "应", "需", "希望"].iter().any(|w| subject.contains(w));
            if let (false, Some(v), true, false) = (not_going, visit, has_subject, modal) {
                let end = clause_end.min(i + 30);
                let name = self.text(i, end);
                if v.end <= end && name.chars().count() >= 4 && !self.in_remarks((s, e), i) {
                    out.push(MeetingCandidate {
                        name,
                        start: i,
                        end,
                        sentence: (s, e),
                        in_headline: false,
                        kind: MeetingKind::Visit,
                        quoted: false,
                        in_remarks: false,
                        running_visit: true,
                    });
                }
                i = clause_end;
                continue;
            }
            i = go_end;
        }
        out
    }
}

/// Verbs of going somewhere, before the place of a visit.
const GOING: &[&str] = &["前往", "来到", "赶赴", "到", "赴"];

/// Chars before 到 that make it a result (得到, 做到, 受到, 认识到), not a going.
const NOT_GOING_BEFORE: &[char] = &[
    '得', '做', '受', '达', '遇', '感', '看', '直', '识', '想', '提', '收', '听', '找', '回', '报', '来', '迟', '周',
    '签',
];

/// Chars after 到 that make it no going (到位, 到期, 到会, 到底).
const NOT_GOING_AFTER: &[char] = &['位', '期', '会', '底', '了', '场', '岗', '户', '人'];

/// Words for groups that make visits (某某市代表团到某地考察).
const VISITING_GROUPS: &[&str] = &["代表团", "考察团", "调研组", "考察组", "督查组", "检查组", "督导组", "一行"];

/// Keeps the meetings the report is about: at most one of each kind (a meeting, a visit, a
/// reception), preferring the headline's, then quoted names, then the earliest; a name
/// inside another is the same meeting and the longer name is kept. A visit told in running
/// text is the report's visit when it has none, and another visit when it is dated on a day
/// of its own (5月17日…考察; 12月1日…检查): a report may tell several.
pub fn choose_meetings(
    mut candidates: Vec<MeetingCandidate>,
    chars: &[char],
    published: Option<&str>,
    first_body_date: Option<String>,
) -> Vec<MeetingCandidate> {
    let (running, mut candidates): (Vec<_>, Vec<_>) = candidates.drain(..).partition(|c| c.running_visit);
    candidates.sort_by_key(|c| (!c.in_headline, !c.quoted, c.start));
    let mut kept: Vec<MeetingCandidate> = Vec::new();
    for c in candidates {
        if let Some(k) = kept.iter_mut().find(|k| k.name.contains(&c.name) || c.name.contains(&k.name)) {
            if c.name.chars().count() > k.name.chars().count() && c.kind == k.kind && !k.in_headline {
                *k = c;
            }
            continue;
        }
        // The headline's name clipped (十届五次全委会议), the text's in full (十届五次全体委员会议).
        if let Some(k) = kept.iter_mut().find(|k| k.in_headline && k.kind == c.kind && is_spelled_out(&k.name, &c.name))
        {
            *k = c;
            continue;
        }
        if kept.iter().any(|k| k.kind == c.kind) && !is_further_event(chars, &c) {
            continue;
        }
        kept.push(c);
    }
    let date_of = |c: &MeetingCandidate| {
        let sentence: String = chars[c.sentence.0..c.sentence.1].iter().collect();
        find_date(&sentence, published).or_else(|| if c.in_headline { first_body_date.clone() } else { None })
    };
    let mut visit_dates: Vec<Option<String>> =
        kept.iter().filter(|k| k.kind == MeetingKind::Visit).map(&date_of).collect();
    for c in running {
        if kept.iter().any(|k| k.name.contains(&c.name) || c.name.contains(&k.name)) {
            continue;
        }
        let date = date_of(&c);
        let first_visit = visit_dates.is_empty();
        let own_day = date.is_some() && !visit_dates.contains(&date);
        if first_visit || own_day {
            visit_dates.push(date);
            kept.push(c);
        }
    }
    kept
}

/// Whether `full` spells out the clipped name `short`: both start with the same two chars and
/// end with the same four (the meeting word), and `full` is longer.
fn is_spelled_out(short: &str, full: &str) -> bool {
    let (s, f): (Vec<char>, Vec<char>) = (short.chars().collect(), full.chars().collect());
    s.len() >= 6 && f.len() > s.len() && s[..2] == f[..2] && s[s.len() - 4..] == f[f.len() - 4..]
}

/// Words that tell a further event of the same day or visit (当天下午…还主持召开…).
const FURTHER_EVENT_MARKS: &[&str] =
    &["还主持召开", "还召开", "随后召开", "随后主持召开", "随后举行", "当天下午", "同日", "会后"];

/// Whether the candidate is convened in a sentence that tells a further event of the report
/// (当天下午，张三还主持召开某某委员会会议): a second meeting of its kind.
fn is_further_event(chars: &[char], c: &MeetingCandidate) -> bool {
    let before: String = chars[c.sentence.0..c.start].iter().collect();
    !c.in_headline
        && !c.in_remarks
        && FURTHER_EVENT_MARKS.iter().any(|m| before.contains(m))
        && ["召开", "举行", "主持"].iter().any(|v| before.contains(v))
}

/// Words for the people met at a reception when no one is named (会见获奖代表, 会见客商一行).
const PEOPLE_GROUPS: &[&str] = &["代表", "一行", "代表团", "嘉宾", "来宾", "客人", "客商", "专家", "学者", "友人"];

/// Finds the bodies that convened a meeting: those named before 召开/举行/主办 in a clause
/// that names it (北京市科委、中关村管委会组织召开…), or at the head of its name
/// (国务院第九次专题学习).
pub struct Organizers<'a> {
    /// The dictionaries.
    pub lex: &'a Lexicon,
    /// The document's dictionary hits.
    pub hits: &'a Hits,
    /// The document's chars.
    pub chars: &'a [char],
    /// Resolves the names before the verb.
    pub resolver: &'a OrgResolver<'a>,
    /// Bodies named in the text: (start, end, canonical name).
    pub mentions: &'a [(usize, usize, String)],
    /// Short forms resolved in context.
    pub renames: &'a BTreeMap<String, String>,
}

impl Organizers<'_> {
    fn canonical(&self, n: &str) -> String {
        self.renames.get(n).cloned().unwrap_or_else(|| n.to_string())
    }

    /// The organizers of `meeting`, added to `orgs` when not there yet.
    pub fn of(&self, meeting: &MeetingCandidate, candidates: &[MeetingCandidate], orgs: &mut OrgTable) -> Vec<String> {
        let chars = self.chars;
        let mut out: Vec<String> = Vec::new();
        // Every sentence that names the meeting (the headline and the body's own account).
        let mut sentences: Vec<(usize, usize)> = candidates
            .iter()
            .filter(|c| c.name.contains(&meeting.name) || meeting.name.contains(&c.name))
            .map(|c| c.sentence)
            .chain(std::iter::once(meeting.sentence))
            .collect();
        sentences.sort_unstable();
        sentences.dedup();
        for &(s, e) in &sentences {
            for h in self.hits.within(s, e) {
                let Surface::Trigger(t) = h.surface else { continue };
                if self.lex.triggers[t].act != Act::Organized {
                    continue;
                }
                // 召开 inside 组织召开 is the same verb.
                let inside_longer = self
                    .hits
                    .within(h.start.saturating_sub(4), h.end)
                    .any(|x| matches!(x.surface, Surface::Trigger(_)) && x.start < h.start && x.end >= h.end);
                if inside_longer {
                    continue;
                }
                // The clause before the verb, one body per `、`-separated part.
                let mut a = h.start;
                while a > s && !matches!(chars[a - 1], '，' | '。' | '；' | '：') {
                    a -= 1;
                }
                // 某某在某地召开: the place after 在 organises nothing; a clause that names the
                // meeting itself (某某公司年中工作会议在…召开) has no organizer as its subject.
                let subject_end = (a..h.start).find(|&k| chars[k] == '在').unwrap_or(h.start);
                let names_meeting =
                    self.hits.within(a, subject_end).any(|x| matches!(x.surface, Surface::MeetingWord(_)));
                if names_meeting || chars[a..subject_end].iter().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                for part in chars[a..subject_end].split(|&c| c == '、') {
                    let part = part.strip_prefix(&['由']).unwrap_or(part);
                    if let Some(r) = self.resolver.resolve(part, None, false).filter(|r| !r.bare_region) {
                        let name = self.canonical(&orgs.add(&r));
                        if !out.contains(&name) {
                            out.push(name);
                        }
                    }
                }
            }
        }
        for (ms, _, name) in self.mentions {
            let name = self.canonical(name);
            if *ms == meeting.start && !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }
}

/// A date or time of day closing a clause (7月3日, 20日上午), dropped from a subject.
fn date_tail() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(\d{1,4}年)?(\d{1,2}月)?(\d{1,2}日)?(上午|下午|晚上|晚)?$").expect("valid regex"))
}

fn date_res() -> &'static (Regex, Regex, Regex) {
    static RE: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
    RE.get_or_init(|| {
        (
            Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日").expect("valid regex"),
            Regex::new(r"(\d{1,2})月(\d{1,2})日").expect("valid regex"),
            Regex::new(r"(\d{1,2})日").expect("valid regex"),
        )
    })
}

/// The first date written in `text`, resolved against `published` (`YYYY-MM-DD`).
pub fn find_date(text: &str, published: Option<&str>) -> Option<String> {
    let (full, md, d) = date_res();
    let py = published.and_then(|p| p.get(0..4)).and_then(|y| y.parse::<u32>().ok());
    let pm = published.and_then(|p| p.get(5..7)).and_then(|m| m.parse::<u32>().ok());
    if let Some(c) = full.captures(text) {
        return Some(format!("{}-{:02}-{:02}", &c[1], c[2].parse::<u32>().ok()?, c[3].parse::<u32>().ok()?));
    }
    if let Some(c) = md.captures(text) {
        let (m, day): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
            return None;
        }
        let y = py?;
        // A month after the publication month is last year's.
        let y = if pm.is_some_and(|pm| m > pm) { y - 1 } else { y };
        return Some(format!("{y:04}-{m:02}-{day:02}"));
    }
    if let Some(c) = d.captures(text) {
        let day: u32 = c[1].parse().ok()?;
        let (y, m) = (py?, pm?);
        if (1..=31).contains(&day) {
            return Some(format!("{y:04}-{m:02}-{day:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_resolve_against_publication() {
        let cases = [
            ("1月19日，北京市召开", Some("2024-02-20"), Some("2024-01-19")),
            ("12月3日，国务院", Some("2025-01-05"), Some("2024-12-03")),
            ("27日下午在京举行", Some("2026-04-28"), Some("2026-04-27")),
            ("2021年6月8日上午", None, Some("2021-06-08")),
            ("会议指出", Some("2024-02-20"), None),
        ];
        for (text, published, want) in cases {
            assert_eq!(find_date(text, published).as_deref(), want, "{text}");
        }
    }
}

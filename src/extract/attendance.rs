//! Who took part, and how: trigger verbs applied to the persons they speak of.
//!
//! Within a sentence, a trigger (主持, 出席, 讲话 ...) applies to the persons named since the
//! previous trigger; a trigger right after 并/时/后 applies again to the previous group
//! (周海涛出席座谈会并讲话). A comma ends a group unless it continues a list of names.
//! A clause with no subject of its own (随后主持召开会议, 他指出) takes the previous one; a
//! leader's 带领/率领 takes along the members named after it; a closing list (出席会议的还有
//! 甲、乙) attends.

use std::collections::BTreeMap;

use super::hits::Hits;
use crate::lexicon::{Act, Lexicon, Surface};

/// A person named at a char range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    /// The person.
    pub name: String,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// A sentence's char range.
pub type Sentence = (usize, usize);

/// What the triggers of a document said of each person.
#[derive(Debug, Default, Clone)]
pub struct Participation {
    /// Person → acts, with the sentence each came from.
    pub acts: BTreeMap<String, Vec<(Act, Sentence)>>,
}

impl Participation {
    fn add(&mut self, name: &str, act: Act, sentence: (usize, usize)) {
        let v = self.acts.entry(name.to_string()).or_default();
        if !v.iter().any(|(a, _)| *a == act) {
            v.push((act, sentence));
        }
    }
}

enum Event<'n> {
    Person(&'n NameSpan),
    Trigger {
        start: usize,
        end: usize,
        act: Act,
    },
    Comma(usize),
    Pronoun,
    /// 还有/有 closing a clause about attending (出席会议的还有): the names after it attend.
    ListOpens,
}

/// Words after a name that make it the possessor of what follows, not an actor
/// (某某同志亲属出席: the relatives attended).
const POSSESSED: &[&str] =
    &["亲属", "家属", "遗孀", "子女", "后人", "生前", "生平", "故居", "家乡", "为核心", "为主席", "为组长"];

/// Words after an attending verb that make it a modifier (参会代表, 与会人员), not a verb.
const MODIFIED: &[&str] = &["代表", "人员", "嘉宾", "人士", "单位", "者", "企业", "群众"];

/// Nouns that make 进行… a talk given (进行了专题培训, 进行现场讲解, 进行了安排部署).
const TEACHING: &[&str] = &["培训", "授课", "辅导", "讲解", "宣讲", "解读", "点评", "讲评", "部署", "总结"];

/// Words that make what follows a plan (将邀请, 拟由, 届时).
const FUTURE_MARKS: &[&str] = &["将邀请", "拟邀请", "将由", "拟由", "将于", "拟于", "届时", "计划于", "预计"];

/// What a person gives when 作 a talk (作某某情况报告, 作专题汇报).
const GIVEN_TALKS: &[&str] =
    &["报告", "汇报", "发言", "讲话", "说明", "解读", "讲解", "介绍", "安排", "部署", "总结", "点评"];

/// Chars before 作 that make it the end of another word (工作, 合作, 创作).
const WORDS_ENDING_IN_ZUO: &[char] =
    &['工', '合', '协', '操', '写', '创', '制', '运', '动', '著', '振', '佳', '杰', '当', '看'];

/// Verbs that cite what someone else said or asked (根据某某要求, 传达某某讲话): the persons
/// named after them in the clause are quoted, not present.
const CITING: &[&str] = &["根据", "按照", "遵照", "依照", "依据", "贯彻", "落实", "传达", "学习"];

/// Adverbs that may open a clause whose subject is the previous one (随后主持召开会议).
const CLAUSE_ADVERBS: &[&str] = &[
    "随后", "随即", "之后", "其后", "此后", "会后", "会前", "会上", "接着", "然后", "最后", "首先", "同时", "其间",
    "期间", "当天", "当日", "次日", "还", "又", "再", "再次", "也", "并", "先后", "一同", "亲切", "专程", "详细",
    "认真", "深入", "亲自", "上午", "下午", "晚上", "早上", "中午",
];

/// Whether `text` is made only of clause-opening adverbs (or is empty).
fn only_adverbs(text: &str) -> bool {
    let mut rest = text.trim_start_matches(|c: char| c.is_whitespace());
    while !rest.is_empty() {
        match CLAUSE_ADVERBS.iter().filter(|a| rest.starts_with(**a)).max_by_key(|a| a.len()) {
            Some(a) => rest = &rest[a.len()..],
            None => return false,
        }
    }
    true
}

/// Words for the members of a group (代表团成员有甲、乙, 调研组组员为丙).
const MEMBERS: &[&str] = &["成员", "团员", "组员"];

/// Collective labels between 的 and 有 in the words that open a list (出席会议的市领导有).
const LIST_LABELS: &[&str] = &["领导", "同志", "嘉宾", "负责人", "负责同志", "人员", "代表"];

/// Where the words that open a list of those who took part, starting at `p`, end: 有 closing
/// a clause about attending (出席座谈会的还有, 陪同调研的有: any attending verb of
/// triggers.tsv before the 的), or 有/为/包括 after the members of a group (代表团成员有).
pub fn attendee_list_opener(lex: &Lexicon, hits: &Hits, chars: &[char], s: usize, p: usize) -> Option<usize> {
    let len = if chars[p] == '有' || chars[p] == '为' {
        1
    } else if chars[p] == '包' && chars.get(p + 1) == Some(&'括') {
        2
    } else {
        return None;
    };
    let mut a = p;
    while a > s && !matches!(chars[a - 1], '，' | '。' | '；' | '：') {
        a -= 1;
    }
    let before = &chars[a..p];
    let ends_with = |w: &str| {
        let n = w.chars().count();
        before.len() >= n && before[before.len() - n..].iter().copied().eq(w.chars())
    };
    if MEMBERS.iter().any(|w| ends_with(w)) {
        return Some(p + len);
    }
    // (Also with a collective label between: 出席会议的县领导有.)
    let de = a + before.iter().rposition(|&c| c == '的')?;
    let label: String = chars[de + 1..p].iter().collect();
    let labelled = label.chars().count() <= 6 && LIST_LABELS.iter().any(|w| label.ends_with(w));
    if chars[p] != '有' || !(ends_with("的") || ends_with("还") || labelled) {
        return None;
    }
    let attending = hits.within(a, de).any(|h| {
        matches!(h.surface, Surface::Trigger(t) if matches!(lex.triggers[t].act, Act::Attended | Act::Led | Act::Met))
            && h.end <= de
    });
    attending.then_some(p + 1)
}

/// Applies the triggers of sentence `s..e` to the names in it.
pub fn sentence_participation(
    lex: &Lexicon,
    hits: &Hits,
    chars: &[char],
    (s, e): (usize, usize),
    names: &[NameSpan],
    last_subject: &mut Vec<String>,
    out: &mut Participation,
) {
    let mut events: Vec<(usize, Event)> = Vec::new();
    for n in names.iter().filter(|n| n.start >= s && n.end <= e) {
        events.push((n.start, Event::Person(n)));
    }
    // Triggers: the longest at each place, not overlapping each other or a name.
    let mut taken_until = s;
    for h in hits.within(s, e) {
        let Surface::Trigger(t) = h.surface else { continue };
        if h.start < taken_until || names.iter().any(|n| h.start < n.end && n.start < h.end) {
            continue;
        }
        // A verb inside a longer title or name is no verb (二级巡视员).
        let inside_word = hits.within(h.start.saturating_sub(6), (h.end + 6).min(e)).any(|x| {
            matches!(x.surface, Surface::Title(_) | Surface::Body(_) | Surface::MeetingWord(_))
                && x.start <= h.start
                && h.end <= x.end
                && x.end - x.start > h.end - h.start
        });
        if inside_word {
            continue;
        }
        let longest = hits
            .starting_at(h.start)
            .filter_map(|x| match x.surface {
                Surface::Trigger(t2) => Some((x.end, t2)),
                _ => None,
            })
            .max_by_key(|(end, _)| *end)
            .unwrap_or((h.end, t));
        taken_until = longest.0;
        let act = lex.triggers[longest.1].act;
        let rest: String = chars[longest.0..(longest.0 + 2).min(e)].iter().collect();
        // 所强调的, 提出的: a remark as a modifier, said elsewhere.
        let modifier = act == Act::Remarked && rest.starts_with('的');
        // 将邀请某某授课, 届时某某将出席: a plan, not an act of the report.
        let clause = (s..h.start).rev().find(|&k| matches!(chars[k], '，' | '；' | '：')).map_or(s, |k| k + 1);
        let clause_text: String = chars[clause..h.start].iter().collect();
        if FUTURE_MARKS.iter().any(|m| clause_text.contains(m)) {
            continue;
        }
        if modifier || (act == Act::Attended && MODIFIED.iter().any(|w| rest.starts_with(w))) {
            continue;
        }
        events.push((h.start, Event::Trigger { start: h.start, end: longest.0, act: lex.triggers[longest.1].act }));
    }
    // 进行…培训/讲解: teaching is speaking (张三对与会人员进行了业务培训).
    for i in s..e.saturating_sub(2) {
        if chars[i] == '进' && chars[i + 1] == '行' && !events.iter().any(|(p, _)| *p == i) {
            let run: String = chars[i + 2..(i + 18).min(e)].iter().take_while(|c| super::names::is_han(**c)).collect();
            if TEACHING.iter().any(|w| run.contains(w)) {
                events.push((i, Event::Trigger { start: i, end: i + 2, act: Act::Spoke }));
            }
        }
    }
    // 作…报告: a report given, whatever its subject (张三作2024年度安全检查情况报告). Not the 作
    // that ends a word (工作报告, 合作).
    for i in s..e.saturating_sub(3) {
        let word_end = i > s && WORDS_ENDING_IN_ZUO.contains(&chars[i - 1]);
        if chars[i] != '作' || word_end || matches!(chars[i + 1], '出' | '为' | '用' | '风') {
            continue;
        }
        if events.iter().any(|(p, _)| *p == i) || names.iter().any(|n| i < n.end && n.start <= i) {
            continue;
        }
        let run: String = chars[i + 1..(i + 40).min(e)]
            .iter()
            .take_while(|c| super::names::is_han(**c) || c.is_ascii_digit() || "《》“”".contains(**c))
            .collect();
        // The talk ends the clause, or another act follows it (作…报告并讲话).
        let ends_talk = |w: &str| {
            run.find(w).is_some_and(|k| {
                let after = &run[k + w.len()..];
                after.is_empty() || after.starts_with(['并', '后', '时'])
            })
        };
        if GIVEN_TALKS.iter().any(|w| ends_talk(w)) {
            events.push((i, Event::Trigger { start: i, end: i + 1, act: Act::Spoke }));
        }
    }
    // 提出，…: remarks reported (提出倡议 puts a thing forward). Not a dictionary trigger, which
    // would cut names ending in 提 (某某买买提出席).
    for i in s..e.saturating_sub(2) {
        if chars[i] == '提'
            && chars[i + 1] == '出'
            && matches!(chars[i + 2], '，' | '：')
            && !names.iter().any(|n| i < n.end && n.start < i + 2)
            && !events.iter().any(|(p, _)| *p == i)
        {
            events.push((i, Event::Trigger { start: i, end: i + 2, act: Act::Remarked }));
        }
    }
    for i in s..e {
        match chars[i] {
            '，' | '：' => events.push((i, Event::Comma(i))),
            // A space between words joins two headlines or clauses (吴磊主持 何平出席).
            ' ' | '\u{3000}'
                if i > s && i + 1 < e && super::names::is_han(chars[i - 1]) && super::names::is_han(chars[i + 1]) =>
            {
                events.push((i, Event::Comma(i)))
            }
            '有' | '为' | '包' if attendee_list_opener(lex, hits, chars, s, i).is_some() => {
                events.push((i, Event::ListOpens))
            }
            '他' | '她' if i + 1 < e && chars[i + 1] != '们' && chars[i + 1] != '人' => {
                events.push((i, Event::Pronoun))
            }
            _ => {}
        }
    }
    events.sort_by_key(|(p, _)| *p);

    let previous_subject = last_subject.clone();
    let mut group: Vec<&NameSpan> = Vec::new();
    let mut last_group: Vec<String> = Vec::new();
    let mut objects_attend = false;
    // Members named after 带领 go along until the next verb, across commas.
    let mut led_list = false;
    // A pronoun (他指出) stands for the previous subject.
    let mut pronoun_subject: Vec<String> = Vec::new();
    // Where the current clause began.
    let mut clause_start = s;
    // Where the last quoted name ended: a later 重要讲话 is theirs, not the group's.
    let mut last_cited_end = s;
    // Whether a name ends at `k`, over a trailing space and 同志/等/等人/一行 (甲同志，乙…).
    let name_ends_at = |k: usize| {
        let mut k = k;
        while k > s && chars[k - 1].is_whitespace() {
            k -= 1;
        }
        for w in ["同志", "等人", "等", "一行"] {
            let n = w.chars().count();
            if k >= s + n && chars[k - n..k].iter().copied().eq(w.chars()) {
                k -= n;
                break;
            }
        }
        names.iter().any(|n| n.end == k)
    };
    // Acts given in the current clause, with where their trigger stood: a later 在…时的
    // 重要讲话 in the same clause takes them back.
    let mut clause_acts: Vec<(String, Act, usize)> = Vec::new();
    let flush = |clause_acts: &mut Vec<(String, Act, usize)>, out: &mut Participation| {
        for (p, a, _) in clause_acts.drain(..) {
            out.add(&p, a, (s, e));
        }
    };
    for (_, ev) in &events {
        match ev {
            Event::Person(n) => {
                // 据某某介绍: a source quoted, not a participant; 某某同志亲属: the relatives.
                let after: String = chars[n.end..(n.end + 6).min(e)].iter().collect();
                let after = after.strip_prefix("同志").unwrap_or(&after);
                let before: String = chars[clause_start..n.start].iter().collect();
                if CITING.iter().any(|w| before.contains(w)) {
                    // Quoted from elsewhere: not there, whatever they are said to have said.
                    out.add(&n.name, Act::Absent, (s, e));
                    last_cited_end = n.end;
                    continue;
                }
                if (n.start > s && chars[n.start - 1] == '据') || POSSESSED.iter().any(|w| after.starts_with(w)) {
                    continue;
                }
                if objects_attend {
                    clause_acts.push((n.name.clone(), Act::Attended, n.start));
                }
                group.push(n);
            }
            Event::Pronoun => {
                if group.is_empty() && previous_subject.len() == 1 {
                    last_group = previous_subject.clone();
                    pronoun_subject = previous_subject.clone();
                }
            }
            Event::ListOpens => objects_attend = true,
            Event::Comma(i) => {
                // The subject goes on past a comma after a name, a name list closed by 等, or a
                // group label (甲、乙，自治区有关领导，各地负责同志参加会议).
                let continues_list = name_ends_at(*i)
                    || hits
                        .ending_at(*i)
                        .any(|h| matches!(h.surface, Surface::Title(t) if lex.titles[t].is_collective()));
                let announces_list = *i > s && chars[*i] == '：' && matches!(chars[i - 1], '有' | '为' | '括');
                if announces_list {
                    // 出席大会的还有：甲、乙……
                    objects_attend = true;
                    continue;
                }
                if !continues_list {
                    if !group.is_empty() {
                        last_group = group.iter().map(|n| n.name.clone()).collect();
                    }
                    group.clear();
                    if chars[*i] != '：' && !led_list {
                        objects_attend = false;
                    }
                    flush(&mut clause_acts, out);
                    clause_start = i + 1;
                }
            }
            Event::Trigger { start, end, act } => {
                // 并讲话, 在主持会议时说: the verb goes on with the previous subject.
                let linked = (*start > s && matches!(chars[start - 1], '并' | '时' | '后' | '中' | '和' | '及' | '、'))
                    || chars[*start] == '时';
                if matches!(act, Act::Organized) {
                    // Bodies convene; the persons named before 召开 still await their verb.
                    continue;
                }
                if led_list {
                    // The verb after the members of a 带领 list ends it.
                    led_list = false;
                    objects_attend = false;
                }
                let opening: String = chars[clause_start..*start].iter().collect();
                let subjects: Vec<String> = if !group.is_empty() {
                    group.iter().map(|n| n.name.clone()).collect()
                } else if linked && !last_group.is_empty() {
                    last_group.clone()
                } else if !pronoun_subject.is_empty() {
                    std::mem::take(&mut pronoun_subject)
                } else if only_adverbs(&opening) && clause_start > s && last_group.len() == 1 {
                    // 张三来到某地，随后主持召开会议.
                    last_group.clone()
                } else if only_adverbs(&opening)
                    && clause_start == s
                    && previous_subject.len() == 1
                    && !opening.ends_with("会上")
                {
                    // 会上传达了…: with no comma after 会上 the meeting is the subject.
                    previous_subject.clone()
                } else {
                    Vec::new()
                };
                match act {
                    Act::Absent => {
                        // The person just before 重要讲话/贺信 sent it and was not there; a
                        // 在…时的 phrase before it was about that other occasion.
                        if group.last().is_some_and(|n| n.end > last_cited_end) {
                            if let Some(sender) = group.pop() {
                                out.add(&sender.name, Act::Absent, (s, e));
                            }
                        }
                        for n in group.iter().filter(|n| n.end + 8 >= *start) {
                            out.add(&n.name, Act::Absent, (s, e));
                        }
                        group.retain(|n| n.end + 8 < *start);
                        let between: String = clause_acts
                            .iter()
                            .map(|(_, _, at)| *at)
                            .min()
                            .map(|from| chars[from..*start].iter().collect())
                            .unwrap_or_default();
                        if between.contains("时的") || between.contains("时所作") {
                            clause_acts.clear();
                        }
                        last_group.clear();
                        continue;
                    }
                    Act::Organized => {}
                    Act::Led => {
                        for p in &subjects {
                            clause_acts.push((p.clone(), Act::Attended, *start));
                        }
                        objects_attend = true;
                        led_list = true;
                    }
                    Act::Met => {
                        for p in &subjects {
                            clause_acts.push((p.clone(), Act::Attended, *start));
                        }
                        objects_attend = true;
                    }
                    act => {
                        for p in &subjects {
                            clause_acts.push((p.clone(), *act, *start));
                        }
                    }
                }
                // 落实有关部署要求，: with no one saying it, the remark word is the object of a
                // citing verb, and the sentence goes on.
                let cited_noun = subjects.is_empty() && CITING.iter().any(|w| opening.contains(w));
                if !subjects.is_empty() {
                    *last_subject = subjects.clone();
                    last_group = subjects;
                }
                group.clear();
                // What follows 指出，/ 强调： is the content of the remarks, not attendance; the
                // 要求 of someone quoted (根据某某要求，…) is a noun, and the sentence goes on.
                let quoted_subject = last_cited_end > clause_start || cited_noun;
                if matches!(act, Act::Remarked) && !quoted_subject && *end < e && matches!(chars[*end], '，' | '：') {
                    break;
                }
            }
        }
    }
    flush(&mut clause_acts, out);
}

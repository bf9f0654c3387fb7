//! Who took part, and how: trigger verbs applied to the persons they speak of.
//!
//! Within a sentence, a trigger (主持, 出席, 讲话 ...) applies to the persons named since the
//! previous trigger; a trigger right after 并/时/后 applies again to the previous group
//! (于英杰出席座谈会并讲话). A comma ends a group unless it continues a list of names.

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
    Trigger { start: usize, end: usize, act: Act },
    Comma(usize),
    Pronoun,
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
        events.push((h.start, Event::Trigger { start: h.start, end: longest.0, act: lex.triggers[longest.1].act }));
    }
    for i in s..e {
        match chars[i] {
            '，' | '：' => events.push((i, Event::Comma(i))),
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
                if objects_attend {
                    clause_acts.push((n.name.clone(), Act::Attended, n.start));
                }
                group.push(n);
            }
            Event::Pronoun => {
                if group.is_empty() && previous_subject.len() == 1 {
                    last_group = previous_subject.clone();
                }
            }
            Event::Comma(i) => {
                // The subject goes on past a comma after a name, a name list closed by 等, or a
                // group label (甲、乙，自治区有关领导，各地负责同志参加会议).
                let after_name = |k: usize| names.iter().any(|n| n.end == k);
                let continues_list = after_name(*i)
                    || (*i > s + 1 && chars[i - 1] == '等' && after_name(i - 1))
                    || hits
                        .ending_at(*i)
                        .any(|h| matches!(h.surface, Surface::Title(t) if lex.titles[t].is_collective()));
                let announces_list = *i > s && chars[*i] == '：' && chars[i - 1] == '有';
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
                    if chars[*i] == '，' {
                        objects_attend = false;
                    }
                    flush(&mut clause_acts, out);
                }
            }
            Event::Trigger { start, end, act } => {
                let linked = *start > s && matches!(chars[start - 1], '并' | '时' | '后' | '中' | '和' | '及' | '、');
                let subjects: Vec<String> = if !group.is_empty() {
                    group.iter().map(|n| n.name.clone()).collect()
                } else if linked {
                    last_group.clone()
                } else {
                    Vec::new()
                };
                match act {
                    Act::Absent => {
                        // The person just before 重要讲话/贺信 sent it and was not there; a
                        // 在…时的 phrase before it was about that other occasion.
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
                if !subjects.is_empty() {
                    *last_subject = subjects.clone();
                    last_group = subjects;
                }
                group.clear();
                // What follows 指出，/ 强调： is the content of the remarks, not attendance.
                if matches!(act, Act::Remarked) && *end < e && matches!(chars[*end], '，' | '：') {
                    break;
                }
            }
        }
    }
    flush(&mut clause_acts, out);
}

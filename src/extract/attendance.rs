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

/// What the triggers of a document said of each person.
#[derive(Debug, Default, Clone)]
pub struct Participation {
    /// Person → acts, with the sentence each came from.
    pub acts: BTreeMap<String, Vec<(Act, (usize, usize))>>,
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
    Trigger { start: usize, act: Act },
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
        let longest = hits
            .starting_at(h.start)
            .filter_map(|x| match x.surface {
                Surface::Trigger(t2) => Some((x.end, t2)),
                _ => None,
            })
            .max_by_key(|(end, _)| *end)
            .unwrap_or((h.end, t));
        taken_until = longest.0;
        events.push((h.start, Event::Trigger { start: h.start, act: lex.triggers[longest.1].act }));
    }
    for i in s..e {
        match chars[i] {
            '，' | '：' => events.push((i, Event::Comma(i))),
            '他' | '她' if i + 1 < e && chars[i + 1] != '们' && chars[i + 1] != '人' => events.push((i, Event::Pronoun)),
            _ => {}
        }
    }
    events.sort_by_key(|(p, _)| *p);

    let previous_subject = last_subject.clone();
    let mut group: Vec<&str> = Vec::new();
    let mut last_group: Vec<String> = Vec::new();
    let mut met_objects = false;
    for (_, ev) in &events {
        match ev {
            Event::Person(n) => {
                if met_objects {
                    out.add(&n.name, Act::Attended, (s, e));
                }
                group.push(&n.name);
            }
            Event::Pronoun => {
                if group.is_empty() {
                    group.extend(previous_subject.iter().map(String::as_str));
                }
            }
            Event::Comma(i) => {
                let continues_list = names.iter().any(|n| n.end == *i);
                if !continues_list {
                    if !group.is_empty() {
                        last_group = group.iter().map(|s| s.to_string()).collect();
                    }
                    group.clear();
                    met_objects = false;
                }
            }
            Event::Trigger { start, act } => {
                let linked = *start > s && matches!(chars[start - 1], '并' | '时' | '后' | '中' | '和' | '及' | '、');
                let subjects: Vec<String> = if !group.is_empty() {
                    group.iter().map(|s| s.to_string()).collect()
                } else if linked {
                    last_group.clone()
                } else {
                    Vec::new()
                };
                match act {
                    Act::Absent | Act::Organized => {}
                    Act::Met => {
                        for p in &subjects {
                            out.add(p, Act::Attended, (s, e));
                        }
                        met_objects = true;
                    }
                    act => {
                        for p in &subjects {
                            out.add(p, *act, (s, e));
                        }
                    }
                }
                if !subjects.is_empty() && !matches!(act, Act::Absent) {
                    *last_subject = subjects.clone();
                }
                if matches!(act, Act::Absent) {
                    last_group.clear();
                } else if !subjects.is_empty() {
                    last_group = subjects;
                }
                group.clear();
            }
        }
    }
}

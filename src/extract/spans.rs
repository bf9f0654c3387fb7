//! Where each body and each title is written: `organizations[].mentions` and
//! `roles[].title_mention`, found once the record is complete, so that a viewer can mark the
//! exact words and span benchmarks (CLUENER2020) can score them.

use std::collections::BTreeMap;

use super::record::{Extraction, Role, Span};

/// Fills the spans of `record`'s bodies and titles from the text (`chars`, as the record's
/// offsets count them), and drops the bodies named only inside the names of others.
pub fn fill_spans(chars: &[char], record: &mut Extraction) {
    let text: String = chars.iter().collect();
    fill_spans_text(chars, &text, &crate::text::char_at_byte(&text), record);
}

/// [`fill_spans`] where the caller already holds `chars` as a string (`text`) and the char
/// index of each of its bytes (`char_at`).
pub fn fill_spans_text(chars: &[char], text: &str, char_at: &[usize], record: &mut Extraction) {
    let unclear = body_mentions(text, char_at, record);
    drop_unnamed(record, &unclear);
    title_mentions(chars, &mut record.roles);
}

/// Drops the bodies that the text never names on their own: no spelling of theirs stands
/// anywhere but inside a longer name (国家发展改革委 inside 国家发展改革委运行局), and no post
/// or meeting refers to them. Bodies count by their longest name; the part is at most a
/// `parent`. `unclear` marks bodies with a spelling the text uses for two (市委 of two cities):
/// those are named, though no mention says where.
fn drop_unnamed(record: &mut Extraction, unclear: &[bool]) {
    let used = |o: &super::record::Organization| {
        let names = || std::iter::once(&o.name).chain(&o.aliases);
        record.roles.iter().filter_map(|r| r.organization.as_ref()).any(|n| names().any(|a| a == n))
            || record.meetings.iter().flat_map(|m| &m.organizers).any(|n| names().any(|a| a == n))
    };
    let keep: Vec<bool> = record
        .organizations
        .iter()
        .enumerate()
        .map(|(i, o)| !o.mentions.is_empty() || unclear.get(i).copied().unwrap_or(true) || used(o))
        .collect();
    let mut k = keep.iter();
    record.organizations.retain(|_| k.next().copied().unwrap_or(true));
}

/// Every place a body is named, in any of its spellings. The longest spelling at a place wins
/// (南京市委宣传部 over 南京市委); a spelling shared by two bodies of the record (市委 of two
/// cities) names neither, since the text does not say which.
/// Returns, for each body, whether a spelling of it named two bodies at some place.
fn body_mentions(text: &str, char_at: &[usize], record: &mut Extraction) -> Vec<bool> {
    let mut owner: BTreeMap<&str, Option<usize>> = BTreeMap::new();
    for (i, o) in record.organizations.iter().enumerate() {
        for s in std::iter::once(&o.name).chain(&o.aliases) {
            if s.chars().count() < 2 {
                continue;
            }
            owner.entry(s.as_str()).and_modify(|e| *e = e.filter(|&j| j == i)).or_insert(Some(i));
        }
    }
    // Leftmost-longest over a few dozen spellings: every occurrence of each, then the earliest
    // and longest first, skipping those that overlap one taken (cheaper than an automaton
    // built for one record).
    let mut all: Vec<(usize, std::cmp::Reverse<usize>, Option<usize>)> = Vec::new();
    for (surface, &who) in &owner {
        let finder = memchr::memmem::Finder::new(surface.as_bytes());
        all.extend(finder.find_iter(text.as_bytes()).map(|at| (at, std::cmp::Reverse(at + surface.len()), who)));
    }
    all.sort_unstable();
    let mut found: Vec<(usize, Span)> = Vec::new();
    let mut shared: Vec<&str> = Vec::new();
    let mut taken_to = 0;
    for (start, std::cmp::Reverse(end), who) in all {
        if start < taken_to {
            continue;
        }
        taken_to = end;
        match who {
            Some(i) => found.push((i, Span::new(char_at[start], char_at[end]))),
            None => shared.push(&text[start..end]),
        }
    }
    for (i, span) in found {
        record.organizations[i].mentions.push(span);
    }
    record
        .organizations
        .iter()
        .map(|o| std::iter::once(&o.name).chain(&o.aliases).any(|s| shared.contains(&s.as_str())))
        .collect()
}

/// The title of each role as written in its evidence (the chain and the name it qualifies):
/// the last place the title stands there that is not inside a longer title of the same chain
/// (书记 is not the 书记 of 党组书记 when both are posts of the chain).
fn title_mentions(chars: &[char], roles: &mut [Role]) {
    let mut titles_of: BTreeMap<Span, Vec<Vec<char>>> = BTreeMap::new();
    for r in roles.iter() {
        if let Some(e) = r.evidence {
            titles_of.entry(e).or_default().push(r.title.chars().collect());
        }
    }
    for role in roles.iter_mut() {
        let Some(ev) = role.evidence else { continue };
        if role.title_mention.is_some() || ev.end > chars.len() || ev.start >= ev.end {
            continue;
        }
        let window = &chars[ev.start..ev.end];
        let title: Vec<char> = role.title.chars().collect();
        let longer: Vec<(usize, usize)> = titles_of[&ev]
            .iter()
            .filter(|t| t.len() > title.len())
            .flat_map(|t| occurrences(window, t).map(move |at| (at, at + t.len())))
            .collect();
        role.title_mention = occurrences(window, &title)
            .filter(|&at| !longer.iter().any(|&(a, b)| a <= at && at + title.len() <= b))
            .last()
            .map(|at| Span::new(ev.start + at, ev.start + at + title.len()));
    }
}

/// Where `needle` starts in `hay`, in order.
fn occurrences<'a>(hay: &'a [char], needle: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let n = needle.len();
    (0..(hay.len() + 1).saturating_sub(n)).filter(move |&at| n > 0 && hay[at..at + n] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::record::Organization;

    fn org(name: &str, aliases: &[&str]) -> Organization {
        Organization {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: None,
            parent: None,
            mentions: vec![],
        }
    }

    fn role(title: &str, evidence: Span) -> Role {
        Role {
            person: "张三丰".into(),
            title: title.into(),
            organization: None,
            evidence: Some(evidence),
            title_mention: None,
        }
    }

    #[test]
    fn bodies_are_marked_in_every_spelling_longest_first() {
        let text = "青川市委宣传部部长张三丰说，市委要求宣传部门落实。";
        let chars: Vec<char> = text.chars().collect();
        let mut r = Extraction {
            organizations: vec![
                org("中共青川市委员会", &["青川市委", "市委"]),
                org("中共青川市委员会宣传部", &["青川市委宣传部"]),
            ],
            ..Default::default()
        };
        fill_spans(&chars, &mut r);
        assert_eq!(r.organizations[0].mentions, vec![Span::new(14, 16)]);
        assert_eq!(r.organizations[1].mentions, vec![Span::new(0, 7)]);
    }

    #[test]
    fn a_body_named_only_inside_a_longer_name_is_dropped() {
        let chars: Vec<char> = "某某省发展改革委规划处召开会议，某某省委省政府要求落实。".chars().collect();
        let mut r = Extraction {
            organizations: vec![
                org("某某省发展和改革委员会", &["某某省发展改革委"]),
                org("某某省发展改革委规划处", &[]),
                org("中共某某省委员会", &["某某省委"]),
                org("某某省人民政府", &["省政府"]),
            ],
            ..Default::default()
        };
        fill_spans(&chars, &mut r);
        let names: Vec<&str> = r.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["某某省发展改革委规划处", "中共某某省委员会", "某某省人民政府"]);
    }

    #[test]
    fn a_body_holding_a_post_or_a_shared_spelling_stays() {
        let chars: Vec<char> = "某某局规划处处长张三丰说，市委要求落实。".chars().collect();
        let mut r = Extraction {
            organizations: vec![
                org("某某局", &[]),
                org("某某局规划处", &[]),
                org("中共青川市委员会", &["市委"]),
                org("中共白河市委员会", &["市委"]),
            ],
            roles: vec![Role { organization: Some("某某局".into()), ..role("局长", Span::new(0, 3)) }],
            ..Default::default()
        };
        fill_spans(&chars, &mut r);
        assert_eq!(r.organizations.len(), 4);
    }

    #[test]
    fn a_spelling_of_two_bodies_marks_neither() {
        let chars: Vec<char> = "市委召开会议。".chars().collect();
        let mut r = Extraction {
            organizations: vec![org("中共青川市委员会", &["市委"]), org("中共白河市委员会", &["市委"])],
            ..Default::default()
        };
        fill_spans(&chars, &mut r);
        assert!(r.organizations.iter().all(|o| o.mentions.is_empty()));
    }

    #[test]
    fn titles_are_marked_in_their_chain_not_inside_longer_titles() {
        let text = "市科技局党组书记、局长、书记李明华主持。";
        let chars: Vec<char> = text.chars().collect();
        let ev = Span::new(0, 17);
        let mut roles = vec![role("党组书记", ev), role("局长", ev), role("书记", ev)];
        title_mentions(&chars, &mut roles);
        let marked: Vec<String> = roles
            .iter()
            .map(|r| r.title_mention.map(|m| chars[m.start..m.end].iter().collect()).unwrap_or_default())
            .collect();
        assert_eq!(marked, ["党组书记", "局长", "书记"]);
        assert_eq!(roles[2].title_mention, Some(Span::new(12, 14)));
        assert_eq!(roles[0].title_mention, Some(Span::new(4, 8)));
    }

    #[test]
    fn a_title_not_written_in_its_chain_gets_no_mark() {
        let chars: Vec<char> = "区长王小明出席。".chars().collect();
        let mut roles = vec![role("党委副书记", Span::new(0, 5))];
        title_mentions(&chars, &mut roles);
        assert_eq!(roles[0].title_mention, None);
    }
}

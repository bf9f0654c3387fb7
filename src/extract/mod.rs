//! From a document to its extraction record.
//!
//! [`Extractor::extract`] conducts; each stage is a module of its own: [`hits`] (dictionary
//! surfaces), [`context`] and [`region_evidence`] (the report's regions), `scope` (the
//! per-document view the rules share), `titled_names`, `bare_names` and `appointments`
//! (persons, rounds 1 to 3), [`chains`] (title chains and posts), [`names`] (name candidates), `org_scan`,
//! [`shaped_bodies`] and [`orgs`] (bodies), `person_mentions` and [`spans`] (where each
//! entity is named), `written_bodies` (a post's body as its chain spells it), [`meetings`],
//! [`attendance`]; [`record`] holds the output types.

mod appointments;
pub mod attendance;
mod bare_names;
pub mod body_shapes;
pub mod chains;
pub mod context;
pub mod foreign;
pub mod hits;
pub mod meetings;
mod mentioned;
pub mod names;
mod org_scan;
pub mod orgs;
pub mod people;
mod person_mentions;
pub mod record;
pub mod region_evidence;
mod scope;
pub mod shaped_bodies;
pub mod spans;
mod titled_names;
pub mod township;
mod words;
mod written_bodies;
pub mod zones;

use jieba_rs::Jieba;

use self::attendance::{sentence_participation, NameSpan, Participation, Sentence};
use self::chains::ChainParser;
use self::context::RegionContext;
use self::hits::Hits;
use self::meetings::{choose_meetings, find_date, MeetingCandidate, MeetingFinder, Organizers};
use self::names::NameFinder;
use self::orgs::{OrgResolver, OrgTable};
use self::people::PersonTable;
use self::record::{Attendance, AttendanceRole, Extraction, Meeting, Span};
use self::scope::DocScope;
use crate::lexicon::{Act, Lexicon, MeetingKind};
use crate::text::{find_article, sentences, Document};

/// Turns reports into extraction records. Build one and reuse it: building loads the
/// dictionaries and jieba's model.
pub struct Extractor {
    lexicon: Lexicon,
    jieba: Jieba,
}

impl Extractor {
    /// An extractor over `lexicon`.
    pub fn new(lexicon: Lexicon) -> Extractor {
        Extractor { lexicon, jieba: Jieba::new() }
    }

    /// The dictionaries in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts the record of one document. `source` is stored as the record's `source`.
    pub fn extract(&self, source: &str, text: &str) -> Extraction {
        let lex = &self.lexicon;
        let doc = Document::new(text);
        let chars = &doc.chars;
        let plain: String = chars.iter().collect();
        let char_at = crate::text::char_at_byte(&plain);
        let article = find_article(chars);
        let hits = Hits::scan_text(lex, chars, &plain, &char_at);

        let mut units: Vec<(usize, usize)> = Vec::new();
        if let Some(t) = article.title {
            units.push(t);
        }
        for &(a, b) in &article.body {
            if Some((a, b)) != article.title {
                units.extend(sentences(chars, a, b));
            }
        }
        let ctx = RegionContext::infer(lex, &hits, chars, &units, article.title);
        let resolver = OrgResolver::new(lex, ctx);
        let township = township::own_township(
            &hits,
            chars,
            &units,
            |w| self.is_verb_or_function_word(w),
            |end| resolver.county_ending_at(&hits, chars, end),
            resolver.report_county(),
        );
        let village = township::own_village(&hits, chars, &units, |w| self.is_verb_or_function_word(w));
        let resolver = resolver.with_township(township, village);
        let chain_parser = ChainParser::new(lex, &self.jieba, &resolver, chars);
        let finder = NameFinder::new(lex, chars, &hits);
        let cx =
            DocScope { chars, units: &units, hits: &hits, finder: &finder, parser: &chain_parser, resolver: &resolver };

        let mut people = PersonTable::default();
        let mut orgs = OrgTable::default();

        // Round 1: names after title chains (and after group labels).
        for &(s, e) in &units {
            self.chains_in(&cx, (s, e), &mut people, &mut orgs);
        }
        // Round 2: names before a title (冯德明委员长) or a trigger (沈国华出席), and lists.
        for &(s, e) in &units {
            self.bare_names_in(&cx, (s, e), &mut people, &mut orgs);
        }
        // Round 3: posts given by name (任命某某为…, 某某当选会长).
        for &(s, e) in &units {
            self.appointments_in(&cx, (s, e), &mut people, &mut orgs);
        }

        // Every place each person is named.
        let mentions = person_mentions::find_mentions(chars, &units, people.names());
        let mut name_spans: Vec<NameSpan> = mentions
            .iter()
            .flat_map(|(n, spans)| {
                spans.iter().map(move |sp| NameSpan { name: n.clone(), start: sp.start, end: sp.end })
            })
            .collect();
        name_spans.sort_by_key(|n| (n.start, n.end));

        // Bodies named anywhere in the report, then short forms resolved in context.
        let mut org_mentions = self.scan_orgs(&cx, &name_spans, &mut orgs);
        org_mentions.extend(org_scan::listed_bodies(chars, &units, people.names(), &mut orgs));
        let shaped = shaped_bodies::shaped_bodies(
            lex,
            &self.jieba,
            &hits,
            &resolver,
            chars,
            &units,
            people.names(),
            &org_mentions,
            &mut orgs,
        );
        org_mentions.extend(shaped);
        let mut renames = orgs.merge_short_forms(lex, &plain);
        // A unit's report names its divisions bare (执行局): the unit's.
        let lead: String = units.iter().take(2).flat_map(|&(a, b)| chars[a..b].iter()).collect();
        let lead_unit = orgs.lead_unit(lex, &lead);
        if let Some(unit) = &lead_unit {
            renames.extend(orgs.compose_unit_parts(unit, |n| self.is_school_name(n)));
        }
        people.rename_organizations(&renames);
        // A unit's report names its party posts bare (党委书记某某): they are the unit's.
        if let Some(unit) = &lead_unit {
            people.file_bodyless_posts(unit, orgs::is_unit_party_post);
            // An association's report names its own officers bare (当选会长, 秘书长某某).
            if orgs.kind_of(unit) == Some(crate::lexicon::BodyKind::Association) {
                people.file_bodyless_posts(unit, orgs::is_association_post);
            }
            // A court's or procuratorate's report names its judges' ranks bare (二级高级法官某某).
            if matches!(
                orgs.kind_of(unit),
                Some(crate::lexicon::BodyKind::Court | crate::lexicon::BodyKind::Procuratorate)
            ) {
                people.file_bodyless_posts(unit, orgs::is_judicial_rank);
            }
        }

        // Meetings.
        let meeting_finder = MeetingFinder::new(lex, &self.jieba, chars, &hits);
        let mut candidates: Vec<MeetingCandidate> = Vec::new();
        for (k, &(s, e)) in units.iter().enumerate() {
            let headline = article.title == Some((s, e));
            candidates.extend(meeting_finder.in_sentence((s, e), headline));
            candidates.extend(meeting_finder.receptions((s, e), people.names()));
            if !headline {
                candidates.extend(meeting_finder.running_visits((s, e), people.names()));
            }
            if headline && k == 0 {
                candidates.extend(meeting_finder.headline_event((s, e)));
            }
        }
        let all_candidates = candidates.clone();
        let (spoken_of, candidates): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|c| c.in_remarks);
        let first_body_date = units
            .iter()
            .find(|u| Some(**u) != article.title)
            .and_then(|&(a, b)| find_date(&chars[a..b].iter().collect::<String>(), article.published.as_deref()));
        let mut meetings = choose_meetings(candidates, chars, article.published.as_deref(), first_body_date);

        // Attendance.
        let mut participation = Participation::default();
        let mut last_subject = Vec::new();
        for &(s, e) in &units {
            // The names inside the sentence (the spans are sorted by start).
            let from = name_spans.partition_point(|n| n.start < s);
            let to = name_spans.partition_point(|n| n.start < e);
            sentence_participation(
                lex,
                &hits,
                chars,
                (s, e),
                &name_spans[from..to],
                &mut last_subject,
                &mut participation,
            );
        }
        let published = article.published.clone();
        let mut record_meetings: Vec<Meeting> = meetings
            .iter()
            .map(|m| {
                let sentence: String = chars[m.sentence.0..m.sentence.1].iter().collect();
                let first_body: String = units
                    .iter()
                    .find(|u| Some(**u) != article.title)
                    .map(|&(a, b)| chars[a..b].iter().collect())
                    .unwrap_or_default();
                let date =
                    find_date(&sentence, published.as_deref()).or_else(|| find_date(&first_body, published.as_deref()));
                let organizers = Organizers {
                    lex,
                    hits: &hits,
                    chars,
                    resolver: &resolver,
                    mentions: &org_mentions,
                    renames: &renames,
                }
                .of(m, &all_candidates, &mut orgs);
                Meeting { name: m.name.clone(), date, organizers, evidence: Some(Span::new(m.start, m.end)) }
            })
            .collect();
        // A meeting only spoken of is no event of the report, but the bodies that convened it
        // are bodies named in the text.
        for m in &spoken_of {
            Organizers { lex, hits: &hits, chars, resolver: &resolver, mentions: &org_mentions, renames: &renames }.of(
                m,
                &all_candidates,
                &mut orgs,
            );
        }
        let attendance = build_attendance(&participation, &mut record_meetings, &mut meetings, &article, chars);
        // Organizers may have named a body in full that posts named by a short form.
        let late_renames = orgs.merge_short_forms(lex, &plain);
        people.rename_organizations(&late_renames);
        people.forget_organizations(&orgs.drop_own_units(lex));
        for m in &mut record_meetings {
            for o in &mut m.organizers {
                if let Some(new) = late_renames.get(o) {
                    o.clone_from(new);
                }
            }
            m.organizers.dedup();
        }

        let (persons, roles) = people.finish(&mentions);
        let title = article.title.map(|(a, b)| doc.original_slice(a, b).trim().to_string());
        let mut record = Extraction {
            source: source.to_string(),
            title,
            published,
            persons,
            organizations: orgs.into_vec(),
            roles,
            meetings: record_meetings,
            attendance,
        };
        written_bodies::prefer_written_spellings(lex, chars, &mut record);
        spans::fill_spans_text(chars, &plain, &char_at, &mut record);
        record
    }
}

/// Attendance entries from what the triggers said: presiding and speaking imply attending;
/// remarks count as speaking for those who were there.
fn build_attendance(
    p: &Participation,
    meetings: &mut Vec<Meeting>,
    candidates: &mut Vec<MeetingCandidate>,
    article: &crate::text::Article,
    chars: &[char],
) -> Vec<Attendance> {
    let mut out = Vec::new();
    // Remarks make a person present, unless the report says they sent words from elsewhere
    // (沈国华作出重要指示强调 …).
    let present = |acts: &[(Act, (usize, usize))]| {
        let absent = acts.iter().any(|(a, _)| *a == Act::Absent);
        acts.iter()
            .any(|(a, _)| matches!(a, Act::Attended | Act::Presided | Act::Spoke) || (*a == Act::Remarked && !absent))
    };
    if meetings.is_empty() && p.acts.values().any(|a| present(a)) {
        // Someone took part in something the text does not name: describe it by the headline.
        // The first part of the headline (two headlines are often joined by a space).
        let name = article
            .title
            .map(|(a, b)| chars[a..b].iter().take_while(|c| **c != ' ').collect::<String>())
            .unwrap_or_else(|| "会议".to_string());
        meetings.push(Meeting {
            name,
            date: None,
            organizers: vec![],
            evidence: article.title.map(|(a, b)| Span::new(a, b)),
        });
        candidates.push(MeetingCandidate {
            name: String::new(),
            start: 0,
            end: 0,
            sentence: (0, 0),
            in_headline: true,
            kind: MeetingKind::Meeting,
            quoted: false,
            in_remarks: false,
            running_visit: false,
        });
    }
    // Persons in a stable order: by first act's sentence, then name.
    let mut persons: Vec<(&String, &Vec<(Act, Sentence)>)> = p.acts.iter().collect();
    persons.sort_by_key(|(n, acts)| (acts.iter().map(|(_, s)| s.0).min().unwrap_or(0), (*n).clone()));
    for (name, acts) in persons {
        if !present(acts) {
            continue;
        }
        let has = |want: Act| acts.iter().find(|(a, _)| *a == want).map(|(_, s)| *s);
        let meeting_for = |sent: (usize, usize)| candidates.iter().position(|c| c.sentence == sent).unwrap_or(0);
        let first = acts.iter().map(|(_, s)| *s).min().unwrap_or((0, 0));
        let ev = |s: (usize, usize)| Some(Span::new(s.0, s.1));
        out.push(Attendance {
            person: name.clone(),
            meeting: meeting_for(first),
            role: AttendanceRole::Attended,
            evidence: ev(first),
        });
        if let Some(s) = has(Act::Presided) {
            out.push(Attendance {
                person: name.clone(),
                meeting: meeting_for(s),
                role: AttendanceRole::Presided,
                evidence: ev(s),
            });
        }
        if let Some(s) = has(Act::Spoke).or(has(Act::Remarked)) {
            out.push(Attendance {
                person: name.clone(),
                meeting: meeting_for(s),
                role: AttendanceRole::Spoke,
                evidence: ev(s),
            });
        }
    }
    out
}

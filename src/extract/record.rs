//! The extraction record: the JSON contract of `../shared/spec/RECORD.md`.
//!
//! These types are what `guanxi extract` prints, what the graph builder reads and what the
//! scorer checks. Field names and meanings follow the spec; fields may be added, never renamed.

use serde::{Deserialize, Serialize};

/// A half-open range of char (Unicode scalar value) offsets into the document text as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First char of the span.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// Everything found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Where the document came from (a path, or `-` for standard input).
    pub source: String,
    /// The headline, when one was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), when found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Named individuals in the body of the report.
    #[serde(default)]
    pub persons: Vec<Person>,
    /// Named bodies, each with the spellings the text used.
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// Posts held by persons.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// The meetings and events the report is about.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Who took part in which meeting, and how.
    #[serde(default)]
    pub attendance: Vec<Attendance>,
}

impl Extraction {
    /// Every span of the record (mentions and evidence), for moving them all at once: the
    /// input layer extracts from a text with a date line put first and moves the spans back
    /// onto the text as read.
    pub fn spans_mut(&mut self) -> Vec<&mut Span> {
        let mut spans = Vec::new();
        for p in &mut self.persons {
            spans.extend(p.mentions.iter_mut());
        }
        for o in &mut self.organizations {
            spans.extend(o.mentions.iter_mut());
        }
        for r in &mut self.roles {
            spans.extend(r.evidence.as_mut());
            spans.extend(r.title_mention.as_mut());
        }
        spans.extend(self.meetings.iter_mut().filter_map(|m| m.evidence.as_mut()));
        spans.extend(self.attendance.iter_mut().filter_map(|a| a.evidence.as_mut()));
        spans
    }
}

/// A named individual and where the text names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full name, in the script of the dictionaries (Simplified).
    pub name: String,
    /// Other spellings: the name as written when the text is in Traditional script.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Every place the name occurs in the body.
    #[serde(default)]
    pub mentions: Vec<Span>,
}

/// A named body: party committee, government, department, congress, company, university ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// Canonical (full) name.
    pub name: String,
    /// Other spellings: those the text used and the usual abbreviations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What sort of body (`party`, `government`, `congress`, `cppcc`, `court`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The body it belongs to, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Every place the text names the body, in any of its spellings.
    #[serde(default)]
    pub mentions: Vec<Span>,
}

/// A post that the text gives a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The person's name, as in `persons`.
    pub person: String,
    /// The post itself (`书记`, `副区长`, `二级巡视员`).
    pub title: String,
    /// The body the post is held in: a name or alias of an entry in `organizations`.
    pub organization: Option<String>,
    /// The title chain and the name it qualifies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
    /// The title as written in its chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_mention: Option<Span>,
}

/// A meeting or event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Name as written, without quotes, or a short descriptive name.
    pub name: String,
    /// When it took place, resolved against the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Bodies that organised or convened it.
    #[serde(default)]
    pub organizers: Vec<String>,
    /// Where the name was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
}

/// How a person took part in a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttendanceRole {
    /// Took part (everyone who presided or spoke did too).
    Attended,
    /// Chaired the meeting.
    Presided,
    /// Gave a speech, report or remarks.
    Spoke,
}

/// One person's part in one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    /// The person's name.
    pub person: String,
    /// Index into `meetings`.
    pub meeting: usize,
    /// How they took part.
    pub role: AttendanceRole,
    /// The sentence that says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
}

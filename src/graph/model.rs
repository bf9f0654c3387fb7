//! The nodes and edges of the relation graph, as held in memory.
//!
//! The published form (`graph.json`) is written from these by [`super::io`]; the two are kept
//! apart so that the file format can stay stable while the model changes.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::extract::record::{AttendanceRole, Span};

/// Index of a document in [`super::RelationGraph::documents`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub u32);

/// A report the graph was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Where it came from (the path given to `build`).
    pub path: String,
    /// The headline, when the extractor found one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date, when found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The sentences that hold its evidence spans, when `build` kept them (see
    /// [`super::evidence`]); empty in graphs written before they were kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<super::evidence::Sentence>,
}

/// Where a node or edge was seen: one document, the char spans in it, and the date the
/// document gives for it (the meeting date for attendance, the publication date for posts).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Source {
    /// The document.
    pub doc: DocId,
    /// The date, when known (shared: a graph holds few distinct dates and many sources).
    pub date: Option<Arc<str>>,
    /// Evidence spans in that document (sorted, deduplicated; may be empty).
    pub spans: Vec<Span>,
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A named individual.
    Person,
    /// A named body.
    Organization,
    /// A meeting or event.
    Meeting,
}

impl NodeKind {
    /// Every kind, in output order.
    pub const ALL: [NodeKind; 3] = [NodeKind::Person, NodeKind::Organization, NodeKind::Meeting];

    /// The name used in files and messages (`person`, `organization`, `meeting`).
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Meeting => "meeting",
        }
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// person → organization: the person holds a post (the edge's title) in the body.
    HoldsPost,
    /// person → meeting: took part.
    Attended,
    /// person → meeting: chaired it.
    Presided,
    /// person → meeting: gave a speech or remarks.
    Spoke,
    /// organization → meeting: organised or convened it.
    Organized,
}

impl EdgeKind {
    /// Every kind, in output order.
    pub const ALL: [EdgeKind; 5] =
        [EdgeKind::HoldsPost, EdgeKind::Attended, EdgeKind::Presided, EdgeKind::Spoke, EdgeKind::Organized];

    /// The name used in files and messages (`holds_post`, `attended`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::HoldsPost => "holds_post",
            EdgeKind::Attended => "attended",
            EdgeKind::Presided => "presided",
            EdgeKind::Spoke => "spoke",
            EdgeKind::Organized => "organized",
        }
    }

    /// The attendance edge for a way of taking part.
    pub fn from_attendance(role: AttendanceRole) -> EdgeKind {
        match role {
            AttendanceRole::Attended => EdgeKind::Attended,
            AttendanceRole::Presided => EdgeKind::Presided,
            AttendanceRole::Spoke => EdgeKind::Spoke,
        }
    }

    /// Whether this is one of the person → meeting edges.
    pub fn is_attendance(self) -> bool {
        matches!(self, EdgeKind::Attended | EdgeKind::Presided | EdgeKind::Spoke)
    }
}

impl fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A post as the person node lists it: the title and, when the text names one, the body's
/// canonical name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Post {
    /// The post (`主任`, `副区长`).
    pub title: String,
    /// The body's canonical name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
}

/// A person, body or meeting. Fields that do not apply to a kind stay empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable identifier (`person:张三丰`, `organization:某某市科学技术委员会`,
    /// `meeting:科技创新座谈会@2024-01-19`); a second person of the same name gets
    /// `#2`, and so on.
    pub id: String,
    /// What it is.
    pub kind: NodeKind,
    /// The name shown to people: a person's name, a body's canonical name, a meeting's name.
    pub label: String,
    /// Organizations: other spellings (sorted).
    pub aliases: Vec<String>,
    /// Organizations: the sort of body (`party`, `government`, ...), when known.
    pub org_kind: Option<String>,
    /// Organizations: the canonical name of the body it belongs to, when known.
    pub parent: Option<String>,
    /// Meetings: the date, when known.
    pub date: Option<String>,
    /// Persons: the regions of their posts (what keeps two namesakes apart).
    pub regions: Vec<String>,
    /// Persons: every post the reports give them (sorted).
    pub posts: Vec<Post>,
    /// The documents the node was seen in, with mention spans (sorted by document).
    pub sources: Vec<Source>,
}

impl Node {
    /// A node with nothing but its identity.
    pub fn new(id: String, kind: NodeKind, label: String) -> Node {
        Node {
            id,
            kind,
            label,
            aliases: Vec::new(),
            org_kind: None,
            parent: None,
            date: None,
            regions: Vec::new(),
            posts: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// The label with the date for meetings (`座谈会 (2024-01-19)`), the label otherwise.
    pub fn display_name(&self) -> String {
        match &self.date {
            Some(d) if self.kind == NodeKind::Meeting => format!("{} ({d})", self.label),
            _ => self.label.clone(),
        }
    }
}

/// A relation between two nodes, with where it was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// What it says.
    pub kind: EdgeKind,
    /// `holds_post`: the post.
    pub title: Option<String>,
    /// The documents it came from, with evidence spans and dates (sorted by document).
    pub sources: Vec<Source>,
}

impl Edge {
    /// The key that tells parallel edges apart (`holds_post:主任`, `presided`).
    pub fn key(&self) -> String {
        match &self.title {
            Some(t) => format!("{}:{t}", self.kind),
            None => self.kind.as_str().to_string(),
        }
    }

    /// The dates of its sources (sorted, deduplicated).
    pub fn dates(&self) -> Vec<String> {
        sorted_dates(&self.sources)
    }
}

/// The distinct dates of some sources, sorted.
pub fn sorted_dates(sources: &[Source]) -> Vec<String> {
    let mut dates: Vec<String> = sources.iter().filter_map(|s| s.date.as_deref().map(str::to_string)).collect();
    dates.sort();
    dates.dedup();
    dates
}

/// Adds a source to a sorted list, merging spans when the document is already there.
pub fn add_source(sources: &mut Vec<Source>, source: Source) {
    match sources.binary_search_by(|s| s.doc.cmp(&source.doc)) {
        Ok(i) => {
            let s = &mut sources[i];
            for span in source.spans {
                if let Err(j) = s.spans.binary_search(&span) {
                    s.spans.insert(j, span);
                }
            }
            if s.date.is_none() {
                s.date = source.date;
            }
        }
        Err(i) => {
            let mut source = source;
            source.spans.sort();
            source.spans.dedup();
            sources.insert(i, source);
        }
    }
}

/// Inserts into a sorted vector unless present.
pub fn insert_sorted<T: Ord>(v: &mut Vec<T>, item: T) {
    if let Err(i) = v.binary_search(&item) {
        v.insert(i, item);
    }
}

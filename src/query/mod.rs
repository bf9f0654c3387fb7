//! The questions users ask of a graph. Each returns typed rows (serializable for `--json`);
//! printing them is the command line's job.
//!
//! ```
//! # use guanxi::graph::RelationGraph;
//! # let record: guanxi::Extraction = serde_json::from_str(r#"{"source": "a.txt",
//! #   "persons": [{"name": "张明"}], "meetings": [{"name": "工作会议", "date": "2024-03-01"}],
//! #   "attendance": [{"person": "张明", "meeting": 0, "role": "attended"}]}"#).unwrap();
//! # let mut graph = RelationGraph::new();
//! # graph.add_extraction(&record);
//! use guanxi::query;
//! let meeting = query::resolve(&graph, "工作会议", Some(guanxi::graph::NodeKind::Meeting)).unwrap();
//! let rows = query::attendees(&graph, meeting);
//! assert_eq!(rows[0].person.label, "张明");
//! ```

mod attendance;
mod list;
mod path;
mod posts;
mod rank;
pub(crate) mod resolve;
mod search;
mod show;
mod stats;
mod timeline;

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

pub use attendance::{attendees, coattendees, meetings, Attendee, CoAttendee, MeetingRow};
pub use list::{dates_of, list, neighbours, regions_of, DateRange, Listed, NodeFilter};
pub use path::{path, Step};
pub use posts::{members, posts, Member, PostRow};
pub use rank::{rank, Measure, RankRow};
pub use resolve::resolve;
pub use search::{search, SearchHit};
pub use show::{show, NodeDetails, SourceRow};
pub use stats::{stats, Stats};
pub use timeline::{timeline, Event, TimelineRow};

use crate::graph::{NodeKind, RelationGraph};

/// A node as results show it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct NodeRef {
    /// Its stable id.
    pub id: String,
    /// What it is.
    pub kind: NodeKind,
    /// Its name.
    pub label: String,
    /// Meetings: the date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl NodeRef {
    /// The reference for a node of `graph`.
    pub fn of(graph: &RelationGraph, ix: NodeIndex) -> NodeRef {
        let n = graph.node(ix);
        NodeRef { id: n.id.clone(), kind: n.kind, label: n.label.clone(), date: n.date.clone() }
    }

    /// The name with the date for meetings.
    pub fn display_name(&self) -> String {
        match &self.date {
            Some(d) => format!("{} ({d})", self.label),
            None => self.label.clone(),
        }
    }
}

/// The paths of some documents of `graph`.
fn document_paths(graph: &RelationGraph, sources: &[crate::graph::Source]) -> Vec<String> {
    sources.iter().map(|s| graph.document(s.doc).path.clone()).collect()
}

//! `timeline`: a person's career as the reports tell it, the posts (dated by the reports that
//! give them) and the meetings (dated by the meeting) in one list by date.

use petgraph::stable_graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;

use super::{document_paths, meetings, NodeRef};
use crate::graph::{EdgeKind, RelationGraph};

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A post held in a body, as the reports of those dates give it.
    Post {
        /// The post.
        title: String,
        /// The body.
        organization: NodeRef,
    },
    /// A meeting taken part in.
    Meeting {
        /// The meeting.
        meeting: NodeRef,
        /// How (`attended`, `presided`, `spoke`).
        roles: Vec<EdgeKind>,
    },
}

/// One line of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineRow {
    /// When: the meeting's date, or the first report date giving the post.
    pub date: Option<String>,
    /// Posts given on several dates: the last of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// The post or meeting.
    #[serde(flatten)]
    pub event: Event,
    /// The reports that say so.
    pub documents: Vec<String>,
}

/// The posts and meetings of a person by date (undated last); on one date, posts before
/// meetings. Only what some report gives: every row has its reports.
pub fn timeline(graph: &RelationGraph, person: NodeIndex) -> Vec<TimelineRow> {
    let mut rows: Vec<TimelineRow> = graph
        .edges_of(person, Direction::Outgoing)
        .into_iter()
        .filter(|&(e, _)| graph.edge(e).kind == EdgeKind::HoldsPost && !graph.edge(e).sources.is_empty())
        .map(|(e, org)| {
            let edge = graph.edge(e);
            let dates = edge.dates();
            let until = dates.last().filter(|_| dates.len() > 1).cloned();
            TimelineRow {
                date: dates.first().cloned(),
                until,
                event: Event::Post {
                    title: edge.title.clone().unwrap_or_default(),
                    organization: NodeRef::of(graph, org),
                },
                documents: document_paths(graph, &edge.sources),
            }
        })
        .collect();
    rows.extend(meetings(graph, person).into_iter().filter(|m| !m.documents.is_empty()).map(|m| TimelineRow {
        date: m.meeting.date.clone(),
        until: None,
        event: Event::Meeting { meeting: m.meeting, roles: m.roles },
        documents: m.documents,
    }));
    let order = |r: &TimelineRow| {
        let (kind, name) = match &r.event {
            Event::Post { title, organization } => (0, format!("{}{title}", organization.label)),
            Event::Meeting { meeting, .. } => (1, meeting.id.clone()),
        };
        (r.date.is_none(), r.date.clone(), kind, name)
    };
    rows.sort_by_cached_key(order);
    rows
}

//! Who attended what: `attendees`, `meetings`, `coattendees`.

use std::collections::BTreeMap;

use petgraph::stable_graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;

use super::{document_paths, NodeRef};
use crate::graph::{EdgeKind, RelationGraph, Source};

/// One person at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendee {
    /// The person.
    pub person: NodeRef,
    /// How they took part (`attended`, `presided`, `spoke`), in that order.
    pub roles: Vec<EdgeKind>,
    /// The reports that say so.
    pub documents: Vec<String>,
}

/// One meeting of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRow {
    /// The meeting (with its date).
    pub meeting: NodeRef,
    /// How the person took part.
    pub roles: Vec<EdgeKind>,
    /// The reports that say so.
    pub documents: Vec<String>,
}

/// Someone who attended a meeting with the person asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoAttendee {
    /// The other person.
    pub person: NodeRef,
    /// The meetings both attended, by date.
    pub meetings: Vec<NodeRef>,
}

/// For each node at the other end of `ix`'s attendance edges: the roles and the documents.
fn attendance_of(
    graph: &RelationGraph,
    ix: NodeIndex,
    dir: Direction,
) -> BTreeMap<NodeIndex, (Vec<EdgeKind>, Vec<Source>)> {
    let mut by_other: BTreeMap<NodeIndex, (Vec<EdgeKind>, Vec<Source>)> = BTreeMap::new();
    for (e, other) in graph.edges_of(ix, dir) {
        let edge = graph.edge(e);
        if !edge.kind.is_attendance() {
            continue;
        }
        let entry = by_other.entry(other).or_default();
        entry.0.push(edge.kind);
        for s in &edge.sources {
            crate::graph::model::add_source(&mut entry.1, s.clone());
        }
    }
    for (roles, _) in by_other.values_mut() {
        roles.sort();
        roles.dedup();
    }
    by_other
}

/// Everyone who attended a meeting: those who presided first, then those who spoke, then
/// the rest, each group by name.
pub fn attendees(graph: &RelationGraph, meeting: NodeIndex) -> Vec<Attendee> {
    let mut rows: Vec<Attendee> = attendance_of(graph, meeting, Direction::Incoming)
        .into_iter()
        .map(|(p, (roles, sources))| Attendee {
            person: NodeRef::of(graph, p),
            roles,
            documents: document_paths(graph, &sources),
        })
        .collect();
    let rank = |roles: &[EdgeKind]| {
        if roles.contains(&EdgeKind::Presided) {
            0
        } else if roles.contains(&EdgeKind::Spoke) {
            1
        } else {
            2
        }
    };
    rows.sort_by(|a, b| rank(&a.roles).cmp(&rank(&b.roles)).then_with(|| a.person.cmp(&b.person)));
    rows
}

/// The meetings a person took part in, by date (undated last), then name.
pub fn meetings(graph: &RelationGraph, person: NodeIndex) -> Vec<MeetingRow> {
    let mut rows: Vec<MeetingRow> = attendance_of(graph, person, Direction::Outgoing)
        .into_iter()
        .map(|(m, (roles, sources))| MeetingRow {
            meeting: NodeRef::of(graph, m),
            roles,
            documents: document_paths(graph, &sources),
        })
        .collect();
    rows.sort_by(|a, b| by_date(&a.meeting, &b.meeting));
    rows
}

/// Dated meetings first, by date, then by name and id.
fn by_date(a: &NodeRef, b: &NodeRef) -> std::cmp::Ordering {
    (a.date.is_none(), &a.date, &a.label, &a.id).cmp(&(b.date.is_none(), &b.date, &b.label, &b.id))
}

/// Everyone who attended a meeting the person attended: most shared meetings first.
pub fn coattendees(graph: &RelationGraph, person: NodeIndex) -> Vec<CoAttendee> {
    let mut shared: BTreeMap<NodeIndex, Vec<NodeRef>> = BTreeMap::new();
    for m in attendance_of(graph, person, Direction::Outgoing).into_keys() {
        for other in attendance_of(graph, m, Direction::Incoming).into_keys() {
            if other != person {
                shared.entry(other).or_default().push(NodeRef::of(graph, m));
            }
        }
    }
    let mut rows: Vec<CoAttendee> = shared
        .into_iter()
        .map(|(p, mut meetings)| {
            meetings.sort_by(by_date);
            CoAttendee { person: NodeRef::of(graph, p), meetings }
        })
        .collect();
    rows.sort_by(|a, b| b.meetings.len().cmp(&a.meetings.len()).then_with(|| a.person.cmp(&b.person)));
    rows
}

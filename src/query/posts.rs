//! Who holds which post: `posts`, `members`.

use std::collections::BTreeMap;

use petgraph::stable_graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;

use super::{document_paths, NodeRef};
use crate::graph::{EdgeKind, RelationGraph};

/// One post of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostRow {
    /// The post.
    pub title: String,
    /// The body it is held in.
    pub organization: NodeRef,
    /// The publication dates of the reports that give it.
    pub dates: Vec<String>,
    /// The reports that give it.
    pub documents: Vec<String>,
}

/// One person holding posts in a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    /// The person.
    pub person: NodeRef,
    /// Their posts in the body.
    pub titles: Vec<String>,
    /// The reports that give them.
    pub documents: Vec<String>,
}

/// Every post of a person that some report gives in a named body, by body, then title. Posts
/// without a body have no report of their own and are not rows (`show` lists them); nor is
/// an edge that has lost its reports.
pub fn posts(graph: &RelationGraph, person: NodeIndex) -> Vec<PostRow> {
    let mut rows: Vec<PostRow> = graph
        .edges_of(person, Direction::Outgoing)
        .into_iter()
        .filter(|&(e, _)| graph.edge(e).kind == EdgeKind::HoldsPost && !graph.edge(e).sources.is_empty())
        .map(|(e, org)| {
            let edge = graph.edge(e);
            PostRow {
                title: edge.title.clone().unwrap_or_default(),
                organization: NodeRef::of(graph, org),
                dates: edge.dates(),
                documents: document_paths(graph, &edge.sources),
            }
        })
        .collect();
    rows.sort_by(|a, b| (&a.organization, &a.title).cmp(&(&b.organization, &b.title)));
    rows
}

/// Everyone who holds a post in a body, by name.
pub fn members(graph: &RelationGraph, organization: NodeIndex) -> Vec<Member> {
    let mut by_person: BTreeMap<NodeRef, (Vec<String>, Vec<crate::graph::Source>)> = BTreeMap::new();
    for (e, p) in graph.edges_of(organization, Direction::Incoming) {
        let edge = graph.edge(e);
        if edge.kind != EdgeKind::HoldsPost {
            continue;
        }
        let entry = by_person.entry(NodeRef::of(graph, p)).or_default();
        entry.0.extend(edge.title.clone());
        for s in &edge.sources {
            crate::graph::model::add_source(&mut entry.1, s.clone());
        }
    }
    by_person
        .into_iter()
        .map(|(person, (mut titles, sources))| {
            titles.sort();
            Member { person, titles, documents: document_paths(graph, &sources) }
        })
        .collect()
}

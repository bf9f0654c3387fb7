//! One node in full: what it is, its names, and every document it was seen in. This is how a
//! user sees why mentions were merged into it (or kept apart from a namesake).

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use super::NodeRef;
use crate::extract::record::Span;
use crate::graph::{Post, RelationGraph};

/// A node with its attributes and sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeDetails {
    /// The node.
    pub node: NodeRef,
    /// Bodies: other spellings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Bodies: the sort of body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Bodies: the body it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Persons: the regions that merging went by.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    /// Persons: their posts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<Post>,
    /// Other nodes with the same name (namesakes kept apart), by id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub namesakes: Vec<String>,
    /// Every document the node was seen in.
    pub sources: Vec<SourceRow>,
}

/// One document a node was seen in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRow {
    /// The document's path.
    pub document: String,
    /// The date it gives, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where in the document (char offsets).
    pub spans: Vec<Span>,
}

/// The details of one node.
pub fn show(graph: &RelationGraph, ix: NodeIndex) -> NodeDetails {
    let n = graph.node(ix);
    let namesakes = graph
        .nodes_of(n.kind)
        .filter(|&o| o != ix && graph.node(o).label == n.label)
        .map(|o| graph.node(o).id.clone())
        .collect::<std::collections::BTreeSet<String>>()
        .into_iter()
        .collect();
    NodeDetails {
        node: NodeRef::of(graph, ix),
        aliases: n.aliases.clone(),
        category: n.org_kind.clone(),
        parent: n.parent.clone(),
        regions: n.regions.clone(),
        posts: n.posts.clone(),
        namesakes,
        sources: n
            .sources
            .iter()
            .map(|s| SourceRow {
                document: graph.document(s.doc).path.clone(),
                date: s.date.as_deref().map(str::to_string),
                spans: s.spans.clone(),
            })
            .collect(),
    }
}

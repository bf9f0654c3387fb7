//! What a graph holds, in numbers.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::graph::{EdgeKind, NodeKind, RelationGraph};

/// Counts of documents, nodes and edges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Reports the graph was built from.
    pub documents: usize,
    /// All nodes.
    pub nodes: usize,
    /// All edges.
    pub edges: usize,
    /// Nodes by kind (every kind listed).
    pub nodes_by_kind: BTreeMap<NodeKind, usize>,
    /// Edges by kind (every kind listed).
    pub edges_by_kind: BTreeMap<EdgeKind, usize>,
    /// Persons who share a name with another person node (kept apart by region).
    pub namesakes: usize,
}

/// The numbers of a graph.
pub fn stats(graph: &RelationGraph) -> Stats {
    let g = graph.petgraph();
    let mut nodes_by_kind: BTreeMap<NodeKind, usize> = NodeKind::ALL.iter().map(|&k| (k, 0)).collect();
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for n in g.node_weights() {
        *nodes_by_kind.entry(n.kind).or_default() += 1;
        if n.kind == NodeKind::Person {
            *names.entry(&n.label).or_default() += 1;
        }
    }
    let mut edges_by_kind: BTreeMap<EdgeKind, usize> = EdgeKind::ALL.iter().map(|&k| (k, 0)).collect();
    for e in g.edge_weights() {
        *edges_by_kind.entry(e.kind).or_default() += 1;
    }
    Stats {
        documents: graph.documents().len(),
        nodes: graph.node_count(),
        edges: graph.edge_count(),
        nodes_by_kind,
        edges_by_kind,
        namesakes: names.values().filter(|&&c| c > 1).sum(),
    }
}

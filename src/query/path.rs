//! The shortest connection between two nodes.

use std::collections::{HashMap, VecDeque};

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::Direction;
use serde::Serialize;

use super::NodeRef;
use crate::graph::{EdgeKind, RelationGraph};

/// One edge on a path, walked from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Where the step starts.
    pub from: NodeRef,
    /// What the edge says.
    pub kind: EdgeKind,
    /// The post, for `holds_post`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whether the edge points from `from` to `to` (else it is walked backwards).
    pub forward: bool,
    /// Where the step ends.
    pub to: NodeRef,
}

/// The fewest edges from `a` to `b`, edges walked in either direction; `None` when they
/// are not connected. Among equally short paths the one through the smallest ids wins, so
/// the answer does not change from run to run.
pub fn path(graph: &RelationGraph, a: NodeIndex, b: NodeIndex) -> Option<Vec<Step>> {
    let mut came_from: HashMap<NodeIndex, (NodeIndex, EdgeIndex, bool)> = HashMap::new();
    let mut queue = VecDeque::from([a]);
    while let Some(ix) = queue.pop_front() {
        if ix == b {
            break;
        }
        let mut next: Vec<(NodeIndex, EdgeIndex, bool)> = Vec::new();
        for (dir, forward) in [(Direction::Outgoing, true), (Direction::Incoming, false)] {
            next.extend(graph.edges_of(ix, dir).into_iter().map(|(e, other)| (other, e, forward)));
        }
        next.sort_by(|x, y| {
            (&graph.node(x.0).id, graph.edge(x.1).key()).cmp(&(&graph.node(y.0).id, graph.edge(y.1).key()))
        });
        for (other, e, forward) in next {
            if other != a && !came_from.contains_key(&other) {
                came_from.insert(other, (ix, e, forward));
                queue.push_back(other);
            }
        }
    }
    if a != b && !came_from.contains_key(&b) {
        return None;
    }
    let mut steps = Vec::new();
    let mut at = b;
    while at != a {
        let (prev, e, forward) = came_from[&at];
        let edge = graph.edge(e);
        steps.push(Step {
            from: NodeRef::of(graph, prev),
            kind: edge.kind,
            title: edge.title.clone(),
            forward,
            to: NodeRef::of(graph, at),
        });
        at = prev;
    }
    steps.reverse();
    Some(steps)
}

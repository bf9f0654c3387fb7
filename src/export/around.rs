//! The neighbourhood of one node: everything within a number of steps, edges taken in
//! either direction.

use std::collections::{HashSet, VecDeque};

use petgraph::stable_graph::NodeIndex;
use petgraph::Direction;

use crate::graph::RelationGraph;

/// The subgraph of the nodes at most `depth` edges from `center`, with every edge among
/// them. Depth 0 is the node alone; depth 1 adds its posts' bodies and its meetings (for a
/// person) or its members and meetings (for a body).
pub fn around(graph: &RelationGraph, center: NodeIndex, depth: usize) -> RelationGraph {
    let mut seen: HashSet<NodeIndex> = HashSet::from([center]);
    let mut queue = VecDeque::from([(center, 0)]);
    while let Some((ix, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for (_, other) in graph.edges_of(ix, dir) {
                if seen.insert(other) {
                    queue.push_back((other, d + 1));
                }
            }
        }
    }
    graph.subgraph(&seen)
}

//! The shortest connections between two nodes, found in the store without loading the
//! graph: a search from both ends (always widening the smaller frontier), then the nodes on
//! some shortest path. [`crate::query::path`] on that graph gives the answer it gives on the
//! whole graph: a breadth-first search from `a` reaches every node on a shortest path to
//! `b` first from another node on such a path, so the rest of the graph cannot change which
//! path it picks. Which side widens first does not change the answer, only the work: the
//! side whose frontier has fewer edges goes first (a person's one meeting can hold the
//! edges of thousands of attendees, so counting nodes misleads).

use std::collections::{BTreeSet, HashMap};

use super::read::{Detail, Edges, NodeId};
use super::Store;
use crate::error::Result;
use crate::graph::RelationGraph;

/// One side of the search: distances found and the neighbours of the nodes widened.
#[derive(Default)]
struct Side {
    dist: HashMap<i64, usize>,
    frontier: Vec<i64>,
    level: usize,
}

impl Side {
    fn start(n: i64) -> Side {
        Side { dist: HashMap::from([(n, 0)]), frontier: vec![n], level: 0 }
    }
}

/// Frontiers larger than this are compared by their sizes: counting the edges of every node
/// would cost more than it saves.
const COUNTED: usize = 256;

impl Store {
    /// The side to widen next: the one whose frontier has fewer edges (counted in the
    /// indexes, without reading them), or fewer nodes when both are large.
    fn cheaper_side(&self, sides: &[Side; 2]) -> Result<usize> {
        let by_nodes = usize::from(sides[1].frontier.len() < sides[0].frontier.len());
        if sides[by_nodes].frontier.len() > COUNTED {
            return Ok(by_nodes);
        }
        let small = self.degree_sum(&sides[by_nodes].frontier, usize::MAX)?;
        let other = &sides[1 - by_nodes].frontier;
        if other.len() > small {
            // Every node has an edge: the other side has more edges than this one.
            return Ok(by_nodes);
        }
        Ok(if self.degree_sum(other, small)? < small { 1 - by_nodes } else { by_nodes })
    }

    /// The edges of some nodes, counted until the sum passes `bound`.
    fn degree_sum(&self, nodes: &[i64], bound: usize) -> Result<usize> {
        let mut count = self
            .conn
            .prepare_cached(
                "SELECT (SELECT count(*) FROM edges WHERE src = ?1) + (SELECT count(*) FROM edges WHERE dst = ?1)",
            )
            .map_err(|e| self.error(e))?;
        let mut sum = 0usize;
        for &n in nodes {
            let d: i64 = count.query_row([n], |r| r.get(0)).map_err(|e| self.error(e))?;
            sum = sum.saturating_add(d as usize);
            if sum > bound {
                break;
            }
        }
        Ok(sum)
    }

    /// Every node on a shortest path between `a` and `b` (edges walked either way) and the
    /// edges among them, without sources; `None` when they are not connected.
    pub fn path_graph(&self, a: NodeId, b: NodeId) -> Result<Option<RelationGraph>> {
        let mut adjacency: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut sides = [Side::start(a.0), Side::start(b.0)];
        let mut length = (a == b).then_some(0);
        while length.is_none() {
            let s = self.cheaper_side(&sides)?;
            if sides[s].frontier.is_empty() {
                return Ok(None);
            }
            let level = sides[s].level + 1;
            let mut next = Vec::new();
            for n in std::mem::take(&mut sides[s].frontier) {
                let around = self.neighbours(n)?;
                for &o in &around {
                    if let std::collections::hash_map::Entry::Vacant(slot) = sides[s].dist.entry(o) {
                        slot.insert(level);
                        next.push(o);
                    }
                }
                adjacency.insert(n, around);
            }
            sides[s].level = level;
            let other = &sides[1 - s].dist;
            length = next.iter().filter_map(|o| other.get(o)).min().map(|d| d + level);
            sides[s].frontier = next;
        }
        let length = length.expect("the loop ends with a length");
        // The nodes both searches reached on a shortest path; then, level by level towards
        // each end, the nodes only one search reached that lead to the level found before.
        let (da, db) = (&sides[0].dist, &sides[1].dist);
        let mut on_path: BTreeSet<i64> =
            da.iter().filter(|&(n, d)| db.get(n).is_some_and(|e| d + e == length)).map(|(&n, _)| n).collect();
        for (near, far) in [(da, db), (db, da)] {
            for t in (0..length).rev() {
                let next: BTreeSet<i64> = on_path.iter().copied().filter(|n| near.get(n) == Some(&(t + 1))).collect();
                let found: Vec<i64> = near
                    .iter()
                    .filter(|&(n, &d)| {
                        d == t
                            && !far.contains_key(n)
                            && adjacency.get(n).is_some_and(|adj| adj.iter().any(|o| next.contains(o)))
                    })
                    .map(|(&n, _)| n)
                    .collect();
                on_path.extend(found);
            }
        }
        self.graph_of(&on_path, Edges::Among, false, Detail::Light).map(Some)
    }
}

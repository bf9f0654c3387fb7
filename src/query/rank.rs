//! `rank`: who is most connected (degree), who met the most others at meetings
//! (co-attendance), who bridges parts of the graph (betweenness centrality, by
//! rustworkx-core's Brandes algorithm over petgraph).

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

use petgraph::graph::UnGraph;
use petgraph::stable_graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;

use super::list::neighbours;
use super::NodeRef;
use crate::graph::{NodeKind, RelationGraph};

/// What to rank by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The number of distinct nodes a node has relations with.
    Degree,
    /// Persons: the number of distinct other persons met at meetings.
    Coattendance,
    /// The share of shortest paths between other nodes that pass through the node
    /// (relations taken both ways, normalised to 0–1).
    Betweenness,
}

impl Measure {
    /// Every measure.
    pub const ALL: [Measure; 3] = [Measure::Degree, Measure::Coattendance, Measure::Betweenness];

    /// Its name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::Coattendance => "coattendance",
            Measure::Betweenness => "betweenness",
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Measure {
    type Err = String;

    fn from_str(s: &str) -> Result<Measure, String> {
        Measure::ALL.into_iter().find(|m| m.as_str().eq_ignore_ascii_case(s)).ok_or_else(|| {
            let names: Vec<&str> = Measure::ALL.iter().map(|m| m.as_str()).collect();
            format!("unknown measure {s:?} (known: {})", names.join(", "))
        })
    }
}

/// One ranked node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankRow {
    /// Its place: 1 for the highest score; equal scores share a place (1, 2, 2, 4).
    pub rank: usize,
    /// The node.
    pub node: NodeRef,
    /// The score by the measure.
    pub score: f64,
    /// How many reports name it.
    pub reports: usize,
}

/// The distinct other persons who attended a meeting the person attended.
fn coattendees(graph: &RelationGraph, person: NodeIndex) -> usize {
    let attended = |ix: NodeIndex, dir: Direction| -> BTreeSet<NodeIndex> {
        graph
            .edges_of(ix, dir)
            .into_iter()
            .filter(|&(e, _)| graph.edge(e).kind.is_attendance())
            .map(|(_, o)| o)
            .collect()
    };
    let others: BTreeSet<NodeIndex> = attended(person, Direction::Outgoing)
        .into_iter()
        .flat_map(|m| attended(m, Direction::Incoming))
        .filter(|&p| p != person)
        .collect();
    others.len()
}

/// Betweenness of every node of `graph`, on the undirected simple graph of its relations.
fn betweenness(graph: &RelationGraph) -> HashMap<NodeIndex, f64> {
    let nodes = graph.nodes_sorted();
    let index: HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, &ix)| (ix, i)).collect();
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for e in graph.edges_sorted() {
        let (a, b) = graph.endpoints(e);
        let (a, b) = (index[&a], index[&b]);
        if a != b {
            pairs.insert((a.min(b), a.max(b)));
        }
    }
    let mut simple: UnGraph<(), ()> = UnGraph::with_capacity(nodes.len(), pairs.len());
    let ids: Vec<_> = nodes.iter().map(|_| simple.add_node(())).collect();
    for (a, b) in pairs {
        simple.add_edge(ids[a], ids[b], ());
    }
    // A threshold above any graph size keeps the computation on one thread (same result
    // every run).
    let scores = rustworkx_core::centrality::betweenness_centrality(&simple, false, true, usize::MAX);
    nodes.iter().zip(scores).map(|(&ix, s)| (ix, s.unwrap_or(0.0))).collect()
}

/// The nodes of `kind` (persons for co-attendance, whatever is asked) by `measure`, highest
/// first; equal scores by id.
pub fn rank(graph: &RelationGraph, measure: Measure, kind: NodeKind) -> Vec<RankRow> {
    let kind = if measure == Measure::Coattendance { NodeKind::Person } else { kind };
    let between = if measure == Measure::Betweenness { betweenness(graph) } else { HashMap::new() };
    let mut scored: Vec<(f64, NodeIndex)> = graph
        .nodes_sorted()
        .into_iter()
        .filter(|&ix| graph.node(ix).kind == kind)
        .map(|ix| {
            let score = match measure {
                Measure::Degree => neighbours(graph, ix) as f64,
                Measure::Coattendance => coattendees(graph, ix) as f64,
                Measure::Betweenness => between.get(&ix).copied().unwrap_or(0.0),
            };
            (score, ix)
        })
        .collect();
    // Sorted by id already; a stable sort by score keeps ids in order among equals.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut rows: Vec<RankRow> = Vec::with_capacity(scored.len());
    for (i, (score, ix)) in scored.into_iter().enumerate() {
        let rank = match rows.last() {
            Some(prev) if prev.score == score => prev.rank,
            _ => i + 1,
        };
        rows.push(RankRow { rank, node: NodeRef::of(graph, ix), score, reports: graph.node(ix).sources.len() });
    }
    rows
}

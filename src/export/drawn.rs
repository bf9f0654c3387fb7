//! Edges folded into drawn arrows, for the formats people look at (Mermaid, the HTML
//! viewer): one arrow per pair of nodes and family, carrying the titles of all posts a
//! person holds in a body, or who presided (主持) and spoke (讲话) at a meeting.

use std::collections::BTreeMap;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use crate::graph::{EdgeKind, RelationGraph};

/// What an arrow stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Posts held in a body (`holds_post`).
    Post,
    /// Taking part in a meeting (`attended`, `presided`, `spoke`).
    Attendance,
    /// Organising a meeting (`organized`).
    Organizing,
}

impl Family {
    /// The family of an edge kind.
    pub fn of(kind: EdgeKind) -> Family {
        match kind {
            EdgeKind::HoldsPost => Family::Post,
            EdgeKind::Attended | EdgeKind::Presided | EdgeKind::Spoke => Family::Attendance,
            EdgeKind::Organized => Family::Organizing,
        }
    }

    /// Its name in files (`post`, `attendance`, `organizing`).
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Post => "post",
            Family::Attendance => "attendance",
            Family::Organizing => "organizing",
        }
    }
}

/// One drawn arrow.
#[derive(Debug, Clone)]
pub struct Arrow {
    /// Tail.
    pub source: NodeIndex,
    /// Head.
    pub target: NodeIndex,
    /// What it stands for.
    pub family: Family,
    /// Its label: the titles (`党组书记、主任`), `主持、讲话`, `主办`, or empty for plain
    /// attendance.
    pub label: String,
    /// Whether someone presided or spoke (drawn stronger).
    pub strong: bool,
    /// The graph's edges it stands for, in output order.
    pub edges: Vec<EdgeIndex>,
}

/// The arrows of `graph`, in the order of their ends' ids and family.
pub fn arrows(graph: &RelationGraph) -> Vec<Arrow> {
    let mut groups: BTreeMap<(String, String, Family), Vec<EdgeIndex>> = BTreeMap::new();
    for e in graph.edges_sorted() {
        let (a, b) = graph.endpoints(e);
        let key = (graph.node(a).id.clone(), graph.node(b).id.clone(), Family::of(graph.edge(e).kind));
        groups.entry(key).or_default().push(e);
    }
    groups
        .into_iter()
        .map(|((_, _, family), edges)| {
            let (source, target) = graph.endpoints(edges[0]);
            let kinds: Vec<EdgeKind> = edges.iter().map(|&e| graph.edge(e).kind).collect();
            let label = match family {
                Family::Post => {
                    edges.iter().filter_map(|&e| graph.edge(e).title.as_deref()).collect::<Vec<_>>().join("、")
                }
                Family::Attendance => [(EdgeKind::Presided, "主持"), (EdgeKind::Spoke, "讲话")]
                    .iter()
                    .filter(|(k, _)| kinds.contains(k))
                    .map(|(_, w)| *w)
                    .collect::<Vec<_>>()
                    .join("、"),
                Family::Organizing => "主办".to_string(),
            };
            let strong = kinds.iter().any(|k| matches!(k, EdgeKind::Presided | EdgeKind::Spoke));
            Arrow { source, target, family, label, strong, edges }
        })
        .collect()
}

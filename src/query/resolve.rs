//! Finding the node a user means by a name.

use std::collections::BTreeSet;

use petgraph::stable_graph::NodeIndex;

use crate::error::{Error, Result};
use crate::graph::{NodeKind, RelationGraph};

/// How many candidates an error lists at most.
const MAX_CANDIDATES: usize = 12;

/// The node `name` stands for, among nodes of `kind` (any kind when `None`). A name matches
/// an id (`person:张三#2`, or without the kind: `张三#2`, `座谈会@2024-01-19`), else a name
/// exactly, else an alias exactly, else a unique part of a name or alias (`市科委`). No match,
/// or several in the first of these that matches, is an error that lists candidates.
pub fn resolve(graph: &RelationGraph, name: &str, kind: Option<NodeKind>) -> Result<NodeIndex> {
    let kinds: Vec<NodeKind> = match kind {
        Some(k) => vec![k],
        None => NodeKind::ALL.to_vec(),
    };
    let what = kind.map_or("node", NodeKind::as_str).to_string();
    if let Some(ix) = graph.find_id(name).filter(|&ix| kinds.contains(&graph.node(ix).kind)) {
        return Ok(ix);
    }
    // An id without its kind: `张三#2`, `座谈会@2024-01-19` (a bare name is not one, so that
    // namesakes stay ambiguous).
    if name.contains(['#', '@']) {
        if let Some(ix) = kinds.iter().find_map(|k| graph.find_id(&format!("{k}:{name}"))) {
            return Ok(ix);
        }
    }
    let candidates: Vec<NodeIndex> =
        graph.nodes_sorted().into_iter().filter(|&ix| kinds.contains(&graph.node(ix).kind)).collect();
    // A node named exactly so wins over one that has it as an alias, which wins over a part
    // of a name: `区委` is the node named 区委, not every body called 区委 for short.
    let label = |ix: NodeIndex| graph.node(ix).label.as_str();
    let aliases = |ix: NodeIndex| graph.node(ix).aliases.iter().map(String::as_str);
    let tiers: [&dyn Fn(NodeIndex) -> bool; 3] =
        [&|ix| label(ix) == name, &|ix| aliases(ix).any(|a| a == name), &|ix| {
            label(ix).contains(name) || aliases(ix).any(|a| a.contains(name))
        }];
    let found: Vec<NodeIndex> = tiers
        .iter()
        .map(|keep| candidates.iter().copied().filter(|&ix| keep(ix)).collect::<Vec<_>>())
        .find(|tier| !tier.is_empty())
        .unwrap_or_default();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::UnknownName { kind: what, name: name.into(), candidates: similar(graph, &candidates, name) }),
        many => Err(Error::AmbiguousName { kind: what, name: name.into(), candidates: describe(graph, many) }),
    }
}

/// `name [id]` for each node, at most [`MAX_CANDIDATES`] (and a count of the rest).
pub(crate) fn describe(graph: &RelationGraph, nodes: &[NodeIndex]) -> Vec<String> {
    let mut out: Vec<String> = nodes
        .iter()
        .take(MAX_CANDIDATES)
        .map(|&ix| format!("{} [{}]", graph.node(ix).display_name(), graph.node(ix).id))
        .collect();
    if nodes.len() > MAX_CANDIDATES {
        out.push(format!("and {} more", nodes.len() - MAX_CANDIDATES));
    }
    out
}

/// The nodes whose names share the most characters with `name`.
fn similar(graph: &RelationGraph, nodes: &[NodeIndex], name: &str) -> Vec<String> {
    let scored = nodes.iter().filter_map(|&ix| likeness(&graph.node(ix).label, name).map(|score| (score, ix)));
    let best: Vec<NodeIndex> = best_of(scored);
    describe(graph, &best)
}

/// How many characters of `name` a label shares, when enough to suggest it (half of them).
pub(crate) fn likeness(label: &str, name: &str) -> Option<usize> {
    let wanted: BTreeSet<char> = name.chars().collect();
    let score = label.chars().collect::<BTreeSet<char>>().intersection(&wanted).count();
    (score * 2 >= wanted.len().max(2)).then_some(score)
}

/// The five best of scored items (in the order given when scores tie).
pub(crate) fn best_of<T>(scored: impl Iterator<Item = (usize, T)>) -> Vec<T> {
    let mut scored: Vec<(usize, T)> = scored.collect();
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    scored.into_iter().take(5).map(|(_, x)| x).collect()
}

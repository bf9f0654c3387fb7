//! `search`: nodes whose name, alias or id contains a text, narrowed by a [`NodeFilter`].

use serde::Serialize;

use super::list::{Listed, NodeFilter};
use crate::graph::RelationGraph;

/// One node found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// The node, with its reports, relations, regions and aliases.
    #[serde(flatten)]
    pub listed: Listed,
    /// The name, alias or id that holds the text.
    pub matched: String,
    /// Whether `matched` is the text itself (exact names come first, then exact aliases).
    pub exact: bool,
}

/// The nodes that pass `filter` and whose name, alias or id contains `text` (letters compared
/// without case): exact names first, then persons, bodies, meetings, each most reported first.
/// An empty text finds nothing.
pub fn search(graph: &RelationGraph, text: &str, filter: &NodeFilter) -> Vec<SearchHit> {
    let wanted = text.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<SearchHit> = graph
        .nodes_sorted()
        .into_iter()
        .filter(|&ix| filter.keeps(graph, ix))
        .filter_map(|ix| {
            let n = graph.node(ix);
            let names = std::iter::once(&n.label).chain(&n.aliases).chain(std::iter::once(&n.id));
            let found: Vec<&String> = names.filter(|s| s.to_lowercase().contains(&wanted)).collect();
            let exact = found.iter().find(|s| s.to_lowercase() == wanted);
            let matched = exact.or(found.first())?;
            Some(SearchHit { listed: Listed::of(graph, ix), matched: matched.to_string(), exact: exact.is_some() })
        })
        .collect();
    hits.sort_by(|a, b| {
        let tier = |h: &SearchHit| match (h.exact, h.matched == h.listed.node.label) {
            (true, true) => 0,
            (true, false) => 1,
            _ => 2,
        };
        let key = |h: &SearchHit| (tier(h), h.listed.node.kind, std::cmp::Reverse(h.listed.reports));
        key(a).cmp(&key(b)).then_with(|| a.listed.node.cmp(&b.listed.node))
    });
    hits
}

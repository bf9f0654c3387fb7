//! `list`: the persons, bodies or meetings of a graph, narrowed by region, dates and the number
//! of reports, most reported first. [`NodeFilter`] is shared with [`super::search`].

use std::collections::BTreeSet;

use petgraph::stable_graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;

use super::NodeRef;
use crate::graph::{region_of, NodeKind, RelationGraph};

/// A range of dates, either end open. Dates may be partial (`2024`, `2024-03`): a partial
/// date covers its year or month, and overlaps the range when any day of it does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    /// First day (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), included.
    pub from: Option<String>,
    /// Last day, included.
    pub to: Option<String>,
}

/// The first day a partial date covers, as text that sorts like the date.
fn first_day(d: &str) -> String {
    match d.len() {
        4 => format!("{d}-01-01"),
        7 => format!("{d}-01"),
        _ => d.to_string(),
    }
}

/// The last day a partial date covers (months end at `-31`, which sorts after every day).
fn last_day(d: &str) -> String {
    match d.len() {
        4 => format!("{d}-12-31"),
        7 => format!("{d}-31"),
        _ => d.to_string(),
    }
}

impl DateRange {
    /// Whether neither end is set.
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether some day of `date` lies in the range.
    pub fn overlaps(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|f| last_day(date) >= first_day(f))
            && self.to.as_deref().is_none_or(|t| first_day(date) <= last_day(t))
    }
}

/// What to keep of a graph's nodes. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NodeFilter {
    /// Only nodes of this kind.
    pub kind: Option<NodeKind>,
    /// Only nodes with a region containing this text (see [`regions_of`]).
    pub region: Option<String>,
    /// Only nodes with a date in this range (see [`dates_of`]); nodes without any date are
    /// kept unless `dated` is set.
    pub dates: DateRange,
    /// With a date range: drop nodes that have no date at all.
    pub dated: bool,
    /// Only nodes named in at least this many reports.
    pub min_reports: usize,
}

impl NodeFilter {
    /// Whether the node passes.
    pub fn keeps(&self, graph: &RelationGraph, ix: NodeIndex) -> bool {
        let n = graph.node(ix);
        if self.kind.is_some_and(|k| k != n.kind) || n.sources.len() < self.min_reports {
            return false;
        }
        if let Some(region) = &self.region {
            if !regions_of(graph, ix).iter().any(|r| r.contains(region.as_str())) {
                return false;
            }
        }
        if !self.dates.is_open() {
            let dates = dates_of(graph, ix);
            if dates.is_empty() {
                return !self.dated;
            }
            return dates.iter().any(|d| self.dates.overlaps(d));
        }
        true
    }
}

/// The regions a node belongs to: a person's are those of their posts; a body's is read off
/// its name (or its parent's); a meeting's are those of its organisers and participants.
pub fn regions_of(graph: &RelationGraph, ix: NodeIndex) -> BTreeSet<String> {
    let n = graph.node(ix);
    match n.kind {
        NodeKind::Person => n.regions.iter().cloned().collect(),
        NodeKind::Organization => {
            region_of(&n.label).or_else(|| n.parent.as_deref().and_then(region_of)).into_iter().collect()
        }
        // Only persons and bodies point at a meeting.
        NodeKind::Meeting => graph
            .edges_of(ix, Direction::Incoming)
            .into_iter()
            .filter(|&(_, other)| graph.node(other).kind != NodeKind::Meeting)
            .flat_map(|(_, other)| regions_of(graph, other))
            .collect(),
    }
}

/// The dates a node is seen on: a meeting's date; for persons and bodies, the dates of the
/// reports that name them and of their relations (meeting dates, report dates of posts).
pub fn dates_of(graph: &RelationGraph, ix: NodeIndex) -> BTreeSet<String> {
    let n = graph.node(ix);
    if n.kind == NodeKind::Meeting {
        return n.date.iter().cloned().collect();
    }
    let mut dates: BTreeSet<String> = n.sources.iter().filter_map(|s| s.date.as_deref().map(str::to_string)).collect();
    for dir in [Direction::Outgoing, Direction::Incoming] {
        for (e, _) in graph.edges_of(ix, dir) {
            dates.extend(graph.edge(e).dates());
        }
    }
    dates
}

/// The number of distinct nodes a node has relations with (edges walked either way).
pub fn neighbours(graph: &RelationGraph, ix: NodeIndex) -> usize {
    let mut others: BTreeSet<NodeIndex> = BTreeSet::new();
    for dir in [Direction::Outgoing, Direction::Incoming] {
        others.extend(graph.edges_of(ix, dir).into_iter().map(|(_, o)| o).filter(|&o| o != ix));
    }
    others.len()
}

/// One node of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    /// The node.
    pub node: NodeRef,
    /// How many reports name it.
    pub reports: usize,
    /// How many nodes it has relations with.
    pub neighbours: usize,
    /// Its regions (see [`regions_of`]).
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub regions: BTreeSet<String>,
    /// Bodies: other spellings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl Listed {
    /// The row of one node.
    pub fn of(graph: &RelationGraph, ix: NodeIndex) -> Listed {
        let n = graph.node(ix);
        Listed {
            node: NodeRef::of(graph, ix),
            reports: n.sources.len(),
            neighbours: neighbours(graph, ix),
            regions: regions_of(graph, ix),
            aliases: n.aliases.clone(),
        }
    }
}

/// The nodes that pass `filter`: most reports first, then most relations, then by name and id.
pub fn list(graph: &RelationGraph, filter: &NodeFilter) -> Vec<Listed> {
    let mut rows: Vec<Listed> = graph
        .nodes_sorted()
        .into_iter()
        .filter(|&ix| filter.keeps(graph, ix))
        .map(|ix| Listed::of(graph, ix))
        .collect();
    rows.sort_by(|a, b| (b.reports, b.neighbours).cmp(&(a.reports, a.neighbours)).then_with(|| a.node.cmp(&b.node)));
    rows
}

#[cfg(test)]
mod tests {
    use super::DateRange;

    fn range(from: Option<&str>, to: Option<&str>) -> DateRange {
        DateRange { from: from.map(str::to_string), to: to.map(str::to_string) }
    }

    #[test]
    fn partial_dates_overlap_by_any_day() {
        let march = range(Some("2024-03-10"), Some("2024-03-20"));
        assert!(march.overlaps("2024-03-15"));
        assert!(march.overlaps("2024-03"), "a month overlaps a range inside it");
        assert!(march.overlaps("2024"));
        assert!(!march.overlaps("2024-04-01"));
        assert!(!march.overlaps("2023"));
        assert!(range(Some("2024"), None).overlaps("2024-01-01"));
        assert!(range(None, Some("2024-02")).overlaps("2024-02-29"));
        assert!(!range(None, Some("2024-02")).overlaps("2024-03-01"));
        assert!(range(None, None).overlaps("1999"));
    }
}

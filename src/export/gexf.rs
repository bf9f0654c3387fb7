//! GEXF 1.3 for Gephi: node and edge kinds and the other attributes of [`super::attrs`] as
//! declared attributes, node colours by kind, and time intervals where dates are known, so
//! that Gephi's timeline can play the graph. networkx reads it with `read_gexf`.
//!
//! The graph is `mode="dynamic"` with `timeformat="date"`. A meeting and its attendance and
//! organising edges live on the meeting's date; a post edge lives from the first to the
//! last date a report gives it. Partial dates widen to the whole month or year (`2024-03`
//! is 2024-03-01 to 2024-03-31). Persons and bodies, and edges without dates, are always
//! there. Lists are joined with `; `; everything is XML-escaped.

use std::io::Write;

use super::attrs::{edge_id, edge_values, node_values, Attr, AttrType, Value, EDGE_ATTRS, NODE_ATTRS};
use super::xml::{escape, escape_id};
use crate::graph::{NodeKind, RelationGraph};

/// Node colours by kind (r, g, b): persons blue, bodies green, meetings amber, as in DOT.
fn color(kind: NodeKind) -> (u8, u8, u8) {
    match kind {
        NodeKind::Person => (29, 78, 216),
        NodeKind::Organization => (21, 128, 61),
        NodeKind::Meeting => (180, 83, 9),
    }
}

/// The first and last day a date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) covers; `None` for
/// anything else.
pub fn day_range(date: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if digits(y, 4) => Some((format!("{y}-01-01"), format!("{y}-12-31"))),
        [y, m] if digits(y, 4) && digits(m, 2) => {
            let (year, month): (u32, u32) = (y.parse().ok()?, m.parse().ok()?);
            let last = match month {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
                2 => 28,
                _ => return None,
            };
            Some((format!("{y}-{m}-01"), format!("{y}-{m}-{last}")))
        }
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => Some((date.to_string(), date.to_string())),
        _ => None,
    }
}

/// ` start="…" end="…"` spanning `dates`, or nothing.
fn interval(dates: &[String]) -> String {
    let ranges: Vec<(String, String)> = dates.iter().filter_map(|d| day_range(d)).collect();
    match (ranges.iter().map(|r| &r.0).min(), ranges.iter().map(|r| &r.1).max()) {
        (Some(start), Some(end)) => format!(" start=\"{start}\" end=\"{end}\""),
        _ => String::new(),
    }
}

fn gexf_type(ty: AttrType) -> &'static str {
    match ty {
        AttrType::Text | AttrType::List => "string",
        AttrType::Int => "integer",
    }
}

/// Attributes GEXF has its own place for (`label`), or that networkx cannot take as edge
/// data (`key`, its multigraph key; the edge id holds it).
fn skipped(a: &Attr) -> bool {
    matches!(a.name, "label" | "key")
}

fn declare(out: &mut dyn Write, class: &str, attrs: &[Attr]) -> std::io::Result<()> {
    writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">")?;
    for a in attrs.iter().filter(|a| !skipped(a)) {
        writeln!(out, "      <attribute id=\"{0}\" title=\"{0}\" type=\"{1}\"/>", a.name, gexf_type(a.ty))?;
    }
    writeln!(out, "    </attributes>")
}

fn attvalues(out: &mut dyn Write, attrs: &[Attr], values: &[Option<Value>]) -> std::io::Result<()> {
    writeln!(out, "        <attvalues>")?;
    for (a, v) in attrs.iter().zip(values) {
        if let (Some(v), false) = (v, skipped(a)) {
            writeln!(out, "          <attvalue for=\"{}\" value=\"{}\"/>", a.name, escape(&v.joined()))?;
        }
    }
    writeln!(out, "        </attvalues>")
}

/// Writes `graph` as GEXF 1.3.
pub fn write(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">"
    )?;
    writeln!(out, "  <meta>\n    <creator>guanxi</creator>\n    <description>officials, bodies and meetings from government meeting reports</description>\n  </meta>")?;
    writeln!(out, "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">")?;
    declare(out, "node", &NODE_ATTRS)?;
    declare(out, "edge", &EDGE_ATTRS)?;
    writeln!(out, "    <nodes>")?;
    for ix in graph.nodes_sorted() {
        let n = graph.node(ix);
        let when = match (&n.kind, &n.date) {
            (NodeKind::Meeting, Some(d)) => interval(std::slice::from_ref(d)),
            _ => String::new(),
        };
        writeln!(out, "      <node id=\"{}\" label=\"{}\"{when}>", escape_id(&n.id), escape(&n.label))?;
        attvalues(out, &NODE_ATTRS, &node_values(n))?;
        let (r, g, b) = color(n.kind);
        writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>")?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>\n    <edges>")?;
    for e in graph.edges_sorted() {
        let (a, b) = graph.endpoints(e);
        let w = graph.edge(e);
        let label = w.title.as_deref().unwrap_or(w.kind.as_str());
        writeln!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{}\"{}>",
            escape_id(&edge_id(graph, e)),
            escape_id(&graph.node(a).id),
            escape_id(&graph.node(b).id),
            escape(label),
            interval(&w.dates())
        )?;
        attvalues(out, &EDGE_ATTRS, &edge_values(w))?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>\n  </graph>\n</gexf>")
}

#[cfg(test)]
mod tests {
    use super::day_range;

    #[test]
    fn partial_dates_widen() {
        assert_eq!(day_range("2024-02"), Some(("2024-02-01".into(), "2024-02-29".into())));
        assert_eq!(day_range("2023"), Some(("2023-01-01".into(), "2023-12-31".into())));
        assert_eq!(day_range("2024-01-19"), Some(("2024-01-19".into(), "2024-01-19".into())));
        assert_eq!(day_range("2024-13"), None);
        assert_eq!(day_range("去年"), None);
    }
}

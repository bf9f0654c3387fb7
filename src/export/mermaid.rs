//! Mermaid flowcharts, to paste into Markdown (GitHub, GitLab and most wikis draw them):
//! persons as rounded pills, bodies as boxes, meetings as hexagons with their date, one
//! arrow per pair (see [`super::drawn`]): post titles on solid arrows, 主持/讲话 on thick
//! ones, plain attendance dotted, 主办 dotted with its word.
//!
//! Mermaid stops being readable long before it stops drawing, so graphs of more than
//! [`MAX_NODES`] nodes or [`MAX_EDGES`] edges are refused ([`check`]); export a
//! neighbourhood instead. Node ids are `n0`, `n1`, … in id order; every label is quoted and
//! every character outside letters, digits and plain punctuation is written as a Mermaid
//! entity (`#60;` for `<`), so no name can end a label, add a statement or become markup.

use std::io::Write;

use super::drawn::{arrows, Family};
use crate::error::{Error, Result};
use crate::graph::{NodeKind, RelationGraph};

/// The most nodes a Mermaid chart is written with.
pub const MAX_NODES: usize = 50;
/// The most edges a Mermaid chart is written with.
pub const MAX_EDGES: usize = 100;

/// Refuses graphs above [`MAX_NODES`] nodes or [`MAX_EDGES`] edges.
pub fn check(graph: &RelationGraph) -> Result<()> {
    if graph.node_count() > MAX_NODES || graph.edge_count() > MAX_EDGES {
        return Err(Error::TooLarge {
            format: "mermaid",
            nodes: graph.node_count(),
            edges: graph.edge_count(),
            max_nodes: MAX_NODES,
            max_edges: MAX_EDGES,
        });
    }
    Ok(())
}

/// A quoted Mermaid label.
pub fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_alphanumeric() || " -_.,:/、，·（）".contains(c) {
            out.push(c);
        } else if c.is_control() {
            out.push(' ');
        } else {
            out.push_str(&format!("#{};", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// Writes `graph` as a Mermaid flowchart; an error (`InvalidInput`) when [`check`] refuses it.
pub fn write(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    check(graph).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string()))?;
    writeln!(out, "flowchart LR")?;
    writeln!(out, "  classDef person fill:#dbeafe,stroke:#1d4ed8,color:#1e3a8a")?;
    writeln!(out, "  classDef organization fill:#dcfce7,stroke:#15803d,color:#14532d")?;
    writeln!(out, "  classDef meeting fill:#fef3c7,stroke:#b45309,color:#78350f")?;
    let nodes = graph.nodes_sorted();
    let mut names = std::collections::HashMap::new();
    for (i, &ix) in nodes.iter().enumerate() {
        let n = graph.node(ix);
        let text = label(&n.display_name());
        let shape = match n.kind {
            NodeKind::Person => format!("([{text}])"),
            NodeKind::Organization => format!("[{text}]"),
            NodeKind::Meeting => format!("{{{{{text}}}}}"),
        };
        writeln!(out, "  n{i}{shape}:::{}", n.kind.as_str())?;
        names.insert(ix, i);
    }
    for arrow in arrows(graph) {
        let (a, b) = (names[&arrow.source], names[&arrow.target]);
        let line = match (arrow.family, arrow.strong) {
            (Family::Post, _) => "-->",
            (Family::Attendance, true) => "==>",
            (Family::Attendance, false) | (Family::Organizing, _) => "-.->",
        };
        if arrow.label.is_empty() {
            writeln!(out, "  n{a} {line} n{b}")?;
        } else {
            writeln!(out, "  n{a} {line}|{}| n{b}", label(&arrow.label))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_hold_no_markup() {
        assert_eq!(label("<b>\"x\"</b>"), "\"#60;b#62;#34;x#34;#60;/b#62;\"");
        assert_eq!(label("张三丰 (2024-01-19)"), "\"张三丰 #40;2024-01-19#41;\"");
    }
}

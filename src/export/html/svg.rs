//! The viewer's drawing: a laid-out graph as inline SVG. Nodes are `<g class="node KIND"
//! id="nI">` (I its index in the page data) holding a symbol (a circle for a person, a
//! square for a body, a diamond for a meeting) and a label; arrows are `<g class="arrow
//! FAMILY" id="aJ">`, straight lines between the symbols; communities are shaded outlines
//! behind them. The script moves nodes and decides which labels show; everything else it
//! finds in the page data. Every label is XML-escaped.

use std::fmt::Write;

use super::super::drawn::Arrow;
use super::super::xml::escape;
use super::layout::{Layout, Placed};
use crate::graph::{NodeKind, RelationGraph};
use petgraph::stable_graph::NodeIndex;

/// Labels longer than this many chars are cut (the panel and the tooltip show them whole).
pub const LABEL_CHARS: usize = 12;

/// Coordinates to one decimal, which is all a screen shows.
pub fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A label as drawn: cut to [`LABEL_CHARS`] with an ellipsis.
pub fn short_label(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// The straight line from one symbol's edge to another's, stopping short of the head.
pub fn segment(a: Placed, b: Placed) -> ((f64, f64), (f64, f64)) {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let d = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / d, dy / d);
    ((a.x + ux * a.r, a.y + uy * a.r), (b.x - ux * (b.r + 1.5), b.y - uy * (b.r + 1.5)))
}

/// The path of a node's symbol around its centre.
fn symbol(kind: NodeKind, r: f64) -> String {
    match kind {
        NodeKind::Person => format!("<circle class=\"sym\" r=\"{}\"/>", num(r)),
        NodeKind::Organization => {
            let s = r * 0.9;
            format!(
                "<rect class=\"sym\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\"/>",
                num(-s),
                num(-s),
                num(2.0 * s),
                num(2.0 * s),
                num(s * 0.3)
            )
        }
        NodeKind::Meeting => {
            let s = r * 1.15;
            format!("<path class=\"sym\" d=\"M0,{}L{},0L0,{}L{},0Z\"/>", num(-s), num(s), num(s), num(-s))
        }
    }
}

/// The SVG element of the drawing.
pub fn draw(graph: &RelationGraph, nodes: &[NodeIndex], arrows: &[Arrow], layout: &Layout) -> String {
    let pad = 30.0;
    let index: std::collections::HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, &ix)| (ix, i)).collect();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg id=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {} {}\" role=\"img\" aria-label=\"relation graph\">",
        num(-pad),
        num(-pad),
        num(layout.width + 2.0 * pad),
        num(layout.height + 2.0 * pad)
    );
    s.push_str("<defs>");
    for family in ["post", "attendance", "organizing"] {
        let _ = write!(
            s,
            "<marker id=\"head-{family}\" class=\"head {family}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\"/></marker>"
        );
    }
    s.push_str("</defs>\n<g id=\"hulls\">\n");
    for (c, points) in &layout.hulls {
        let mut d = String::new();
        for (k, &(x, y)) in points.iter().enumerate() {
            let _ = write!(d, "{}{},{}", if k == 0 { "M" } else { "L" }, num(x), num(y));
        }
        let _ = writeln!(s, "<path class=\"hull c{}\" data-community=\"{c}\" d=\"{d}Z\"/>", c % 8);
    }
    s.push_str("</g>\n<g id=\"arrows\">\n");
    for (j, arrow) in arrows.iter().enumerate() {
        let family = arrow.family.as_str();
        let strong = if arrow.strong { " strong" } else { "" };
        let (a, b) = (layout.nodes[index[&arrow.source]], layout.nodes[index[&arrow.target]]);
        let (from, to) = segment(a, b);
        let d = format!("M{},{}L{},{}", num(from.0), num(from.1), num(to.0), num(to.1));
        let _ = write!(
            s,
            "<g class=\"arrow {family}{strong}\" id=\"a{j}\"><path class=\"line\" d=\"{d}\" marker-end=\"url(#head-{family})\"/><path class=\"hit\" d=\"{d}\"/>"
        );
        if !arrow.label.is_empty() {
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                num((from.0 + to.0) / 2.0),
                num((from.1 + to.1) / 2.0 - 3.0),
                escape(&arrow.label)
            );
        }
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n<g id=\"nodes\">\n");
    for (i, (&ix, p)) in nodes.iter().zip(&layout.nodes).enumerate() {
        let n = graph.node(ix);
        let _ = writeln!(
            s,
            "<g class=\"node {}\" id=\"n{i}\" transform=\"translate({} {})\"><title>{}</title>{}<text class=\"label\" x=\"{}\" dy=\"0.35em\">{}</text></g>",
            n.kind.as_str(),
            num(p.x),
            num(p.y),
            escape(&n.display_name()),
            symbol(n.kind, p.r),
            num(p.r + 3.0),
            escape(&short_label(&n.label))
        );
    }
    s.push_str("</g>\n</svg>\n");
    s
}

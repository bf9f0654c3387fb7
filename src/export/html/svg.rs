//! The viewer's drawing: a laid-out graph as inline SVG. Nodes are `<g class="node KIND"
//! id="nI">` (I its index in the page data), arrows `<g class="arrow FAMILY" id="aJ">`;
//! the script finds everything else in the page data. Every label is XML-escaped.

use std::fmt::Write;

use super::super::drawn::Arrow;
use super::super::xml::escape;
use super::layout::{Layout, FONT_SIZE};
use crate::graph::{NodeKind, RelationGraph};
use petgraph::stable_graph::NodeIndex;

/// Coordinates to one decimal, which is all a screen shows.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn pt((x, y): (f64, f64)) -> String {
    format!("{},{}", num(x), num(y))
}

/// The SVG element of the drawing.
pub fn draw(graph: &RelationGraph, nodes: &[NodeIndex], arrows: &[Arrow], layout: &Layout) -> String {
    let pad = 16.0;
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
            "<marker id=\"head-{family}\" class=\"head {family}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\"/></marker>"
        );
    }
    s.push_str("</defs>\n<g id=\"viewport\">\n<g id=\"arrows\">\n");
    for (j, (arrow, route)) in arrows.iter().zip(&layout.routes).enumerate() {
        let family = arrow.family.as_str();
        let strong = if arrow.strong { " strong" } else { "" };
        let mut d = String::new();
        if let Some((&first, rest)) = route.points.split_first() {
            let _ = write!(d, "M{}", pt(first));
            for c in rest.chunks(3) {
                if c.len() == 3 {
                    let _ = write!(d, "C{} {} {}", pt(c[0]), pt(c[1]), pt(c[2]));
                }
            }
            if let Some(head) = route.head {
                let _ = write!(d, "L{}", pt(head));
            }
        }
        let _ = write!(
            s,
            "<g class=\"arrow {family}{strong}\" id=\"a{j}\"><path d=\"{d}\" marker-end=\"url(#head-{family})\"/>"
        );
        // A wide invisible twin makes the arrow easy to click.
        let _ = write!(s, "<path class=\"hit\" d=\"{d}\"/>");
        if let (false, Some(p)) = (arrow.label.is_empty(), route.label) {
            let _ = write!(s, "<text x=\"{}\" y=\"{}\">{}</text>", num(p.0), num(p.1 - 3.0), escape(&arrow.label));
        }
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n<g id=\"nodes\">\n");
    for (i, (&ix, p)) in nodes.iter().zip(&layout.nodes).enumerate() {
        let n = graph.node(ix);
        let (w, h) = (p.w, p.h);
        let _ = write!(
            s,
            "<g class=\"node {}\" id=\"n{i}\" transform=\"translate({} {})\">",
            n.kind.as_str(),
            num(p.x),
            num(p.y)
        );
        let _ = write!(s, "<title>{}</title>", escape(&n.display_name()));
        match n.kind {
            NodeKind::Person => {
                let _ = write!(s, "<ellipse rx=\"{}\" ry=\"{}\"/>", num(w / 2.0), num(h / 2.0));
            }
            NodeKind::Organization | NodeKind::Meeting => {
                let r = if n.kind == NodeKind::Organization { 6.0 } else { 2.0 };
                let _ = write!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{r}\"/>",
                    num(-w / 2.0),
                    num(-h / 2.0),
                    num(w),
                    num(h)
                );
            }
        }
        match (n.kind, &n.date) {
            (NodeKind::Meeting, Some(date)) => {
                let _ = write!(
                    s,
                    "<text y=\"{}\">{}</text><text class=\"date\" y=\"{}\">{}</text>",
                    num(-FONT_SIZE * 0.25),
                    escape(&n.label),
                    num(FONT_SIZE * 1.05),
                    escape(date)
                );
            }
            _ => {
                let _ = write!(s, "<text y=\"{}\">{}</text>", num(FONT_SIZE * 0.35), escape(&n.label));
            }
        }
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n</g>\n</svg>\n");
    s
}

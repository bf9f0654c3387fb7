//! Where the viewer draws each node and arrow: Graphviz (`dot` for small graphs, `sfdp` for
//! larger ones) when it is installed, otherwise a force layout computed here.
//!
//! Graphviz is run as `dot -K<engine> -Tjson` on a DOT text of anonymous ids (`n0`, `n1`, …)
//! and escaped labels, and its JSON gives node centres and sizes and the arrows' Bézier
//! control points. Coordinates are returned with y growing downwards, in points, the
//! top-left corner at (0, 0). The same graph and Graphviz give the same layout.

use std::io::Write;
use std::process::{Command, Stdio};

use serde::Deserialize;

use super::super::dot::{escape, FONT};
use super::super::drawn::Arrow;
use crate::graph::{NodeKind, RelationGraph};
use petgraph::stable_graph::NodeIndex;

/// Graphs up to this many nodes are laid out by `dot` (ranks left to right); larger ones by
/// `sfdp` (a force layout that scales).
pub const DOT_MAX_NODES: usize = 150;

/// Which layout engine to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Graphviz when installed, the force layout otherwise.
    Auto,
    /// The force layout of this module, without Graphviz.
    Force,
}

/// A node's box: centre and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Centre, x.
    pub x: f64,
    /// Centre, y (downwards).
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// How an arrow is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Cubic Bézier control points: a start point, then three per segment.
    pub points: Vec<(f64, f64)>,
    /// Where the arrowhead ends, when it is drawn apart from the curve (Graphviz's `e,x,y`).
    pub head: Option<(f64, f64)>,
    /// Where the label goes.
    pub label: Option<(f64, f64)>,
}

/// A finished layout.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Boxes of the graph's nodes, in the order of [`RelationGraph::nodes_sorted`].
    pub nodes: Vec<Placed>,
    /// Routes of the arrows, in their order.
    pub routes: Vec<Route>,
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// What made it: `dot`, `sfdp` or `force`.
    pub engine: &'static str,
}

/// Font size of node labels, in points.
pub const FONT_SIZE: f64 = 12.0;

/// A rough width of a label: CJK characters a full em, others about half.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.55 } else { 1.0 }).sum::<f64>() * size
}

/// Lays out `nodes` (in output order) and `arrows`.
pub fn compute(
    graph: &RelationGraph,
    nodes: &[NodeIndex],
    arrows: &[Arrow],
    engine: Engine,
) -> std::io::Result<Layout> {
    if engine == Engine::Auto {
        let program = if nodes.len() <= DOT_MAX_NODES { "dot" } else { "sfdp" };
        if let Some(layout) = graphviz(graph, nodes, arrows, program)? {
            return Ok(layout);
        }
    }
    Ok(force(graph, nodes, arrows))
}

/// How many separate pieces (weakly connected components) the arrows leave.
fn pieces(nodes: &[NodeIndex], arrows: &[Arrow]) -> usize {
    let index: std::collections::HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, &ix)| (ix, i)).collect();
    let mut sets = petgraph::unionfind::UnionFind::<usize>::new(nodes.len());
    for a in arrows {
        sets.union(index[&a.source], index[&a.target]);
    }
    let mut roots = sets.into_labeling();
    roots.sort_unstable();
    roots.dedup();
    roots.len()
}

/// The DOT text Graphviz lays out.
fn dot_text(graph: &RelationGraph, nodes: &[NodeIndex], arrows: &[Arrow], program: &str) -> String {
    let mut s = String::from("digraph {\n");
    s.push_str(&format!(
        "  graph [rankdir=LR, nodesep=0.25, ranksep=0.9, overlap=false, splines=true, fontname=\"{FONT}\"];\n"
    ));
    s.push_str(&format!("  node [fontname=\"{FONT}\", fontsize={FONT_SIZE}, margin=\"0.12,0.06\"];\n"));
    s.push_str(&format!("  edge [fontname=\"{FONT}\", fontsize=10];\n"));
    if program == "sfdp" {
        s.push_str("  graph [overlap=prism, splines=false, K=1.2];\n");
    } else {
        // Pieces of the graph side by side in columns, not one tall stack.
        let pieces = pieces(nodes, arrows);
        let columns = ((pieces * 2) as f64).sqrt().ceil().clamp(1.0, 8.0);
        s.push_str(&format!("  graph [pack=true, packmode=\"array_c{columns}\"];\n"));
    }
    for (i, &ix) in nodes.iter().enumerate() {
        let n = graph.node(ix);
        let (shape, label) = match (n.kind, &n.date) {
            (NodeKind::Person, _) => ("ellipse", escape(&n.label)),
            (NodeKind::Organization, _) => ("box", escape(&n.label)),
            (NodeKind::Meeting, Some(d)) => ("box", format!("{}\\n{}", escape(&n.label), escape(d))),
            (NodeKind::Meeting, None) => ("box", escape(&n.label)),
        };
        s.push_str(&format!("  n{i} [shape={shape}, label=\"{label}\"];\n"));
    }
    let index: std::collections::HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, &ix)| (ix, i)).collect();
    for a in arrows {
        s.push_str(&format!("  n{} -> n{} [label=\"{}\"];\n", index[&a.source], index[&a.target], escape(&a.label)));
    }
    s.push_str("}\n");
    s
}

#[derive(Deserialize)]
struct GvGraph {
    bb: String,
    #[serde(default)]
    objects: Vec<GvNode>,
    #[serde(default)]
    edges: Vec<GvEdge>,
}

#[derive(Deserialize)]
struct GvNode {
    #[serde(rename = "_gvid")]
    gvid: usize,
    pos: String,
    width: String,
    height: String,
}

#[derive(Deserialize)]
struct GvEdge {
    #[serde(rename = "_gvid")]
    gvid: usize,
    #[serde(default)]
    pos: Option<String>,
}

fn point(text: &str) -> Option<(f64, f64)> {
    let (x, y) = text.split_once(',')?;
    Some((x.trim().parse().ok()?, y.trim().parse().ok()?))
}

/// Runs Graphviz; `Ok(None)` when it is not installed.
fn graphviz(
    graph: &RelationGraph,
    nodes: &[NodeIndex],
    arrows: &[Arrow],
    program: &str,
) -> std::io::Result<Option<Layout>> {
    let child = Command::new("dot")
        .arg(format!("-K{program}"))
        .arg("-Tjson")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let text = dot_text(graph, nodes, arrows, program);
    let mut stdin = child.stdin.take().expect("piped stdin");
    // Write from another thread: Graphviz may fill its output pipe before reading all input.
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let output = child.wait_with_output()?;
    writer.join().expect("writer thread")?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        return Err(std::io::Error::other(format!("graphviz {program} failed: {}", message.trim())));
    }
    let bad = |what: &str| std::io::Error::other(format!("graphviz {program} gave {what}"));
    let parsed: GvGraph = serde_json::from_slice(&output.stdout).map_err(|e| bad(&format!("unreadable JSON ({e})")))?;
    let bb: Vec<f64> = parsed.bb.split(',').filter_map(|v| v.parse().ok()).collect();
    let [x0, y0, x1, y1] = bb[..] else { return Err(bad("no bounding box")) };
    let flip = |(x, y): (f64, f64)| (x - x0, y1 - y);
    let mut placed = vec![Placed { x: 0.0, y: 0.0, w: 0.0, h: 0.0 }; nodes.len()];
    for n in parsed.objects.iter().filter(|n| n.gvid < nodes.len()) {
        let (x, y) = flip(point(&n.pos).ok_or_else(|| bad("a node without a position"))?);
        let inches = |s: &str| s.parse::<f64>().unwrap_or(0.5) * 72.0;
        placed[n.gvid] = Placed { x, y, w: inches(&n.width), h: inches(&n.height) };
    }
    let mut routes: Vec<Route> = arrows.iter().map(|_| Route { points: Vec::new(), head: None, label: None }).collect();
    for e in parsed.edges.iter().filter(|e| e.gvid < arrows.len()) {
        let route = &mut routes[e.gvid];
        for part in e.pos.as_deref().unwrap_or("").split_whitespace() {
            match part.strip_prefix("e,") {
                Some(p) => route.head = point(p).map(flip),
                None if part.starts_with("s,") => {}
                None => route.points.extend(point(part).map(flip)),
            }
        }
        // Graphviz's own label points (`lp`) are not moved when pieces are packed; the
        // curve's middle always is where the arrow is.
        route.label = middle(&route.points);
    }
    Ok(Some(Layout {
        nodes: placed,
        routes,
        width: x1 - x0,
        height: y1 - y0,
        engine: if program == "dot" { "dot" } else { "sfdp" },
    }))
}

/// A deterministic force layout (Fruchterman–Reingold from a circle, cooling linearly, with
/// gravity towards the centre),
/// for when Graphviz is not installed. Arrows are straight.
pub fn force(graph: &RelationGraph, nodes: &[NodeIndex], arrows: &[Arrow]) -> Layout {
    let n = nodes.len();
    let sizes: Vec<(f64, f64)> = nodes
        .iter()
        .map(|&ix| {
            let node = graph.node(ix);
            let text = node.label.chars().count().max(node.date.as_deref().map_or(0, str::len) / 2);
            (
                text_width(&node.label, FONT_SIZE).max(text as f64 * 6.0) + 24.0,
                if node.date.is_some() { 44.0 } else { 30.0 },
            )
        })
        .collect();
    let index: std::collections::HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, &ix)| (ix, i)).collect();
    let links: Vec<(usize, usize)> = arrows.iter().map(|a| (index[&a.source], index[&a.target])).collect();
    // The ideal distance: a little more than the average node's width.
    let k = (sizes.iter().map(|s| s.0).sum::<f64>() / n.max(1) as f64 * 1.1).max(90.0);
    let radius = k * (n as f64).sqrt();
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let t = i as f64 / n.max(1) as f64 * std::f64::consts::TAU;
            (radius * t.cos(), radius * t.sin())
        })
        .collect();
    let rounds = (200_000_000 / (n * n).max(1)).clamp(20, 300);
    for round in 0..rounds {
        let temperature = radius * 0.1 * (1.0 - round as f64 / rounds as f64) + 1.0;
        let mut shift = vec![(0.0, 0.0); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / d2;
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for &(a, b) in &links {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.1);
            let f = d / k;
            shift[a].0 -= dx * f;
            shift[a].1 -= dy * f;
            shift[b].0 += dx * f;
            shift[b].1 += dy * f;
        }
        // Gravity towards the centre keeps separate pieces (and lone nodes) close.
        for (p, s) in pos.iter().zip(shift.iter_mut()) {
            let d = (p.0 * p.0 + p.1 * p.1).sqrt();
            s.0 -= p.0 * d / k * 0.1;
            s.1 -= p.1 * d / k * 0.1;
        }
        for i in 0..n {
            let (sx, sy) = shift[i];
            let len = (sx * sx + sy * sy).sqrt().max(1e-9);
            let step = len.min(temperature);
            pos[i].0 += sx / len * step;
            pos[i].1 += sy / len * step;
        }
    }
    let margin = 20.0;
    let min_x = (0..n).map(|i| pos[i].0 - sizes[i].0 / 2.0).fold(f64::INFINITY, f64::min);
    let min_y = (0..n).map(|i| pos[i].1 - sizes[i].1 / 2.0).fold(f64::INFINITY, f64::min);
    let placed: Vec<Placed> = (0..n)
        .map(|i| Placed { x: pos[i].0 - min_x + margin, y: pos[i].1 - min_y + margin, w: sizes[i].0, h: sizes[i].1 })
        .collect();
    let width = placed.iter().map(|p| p.x + p.w / 2.0).fold(0.0, f64::max) + margin;
    let height = placed.iter().map(|p| p.y + p.h / 2.0).fold(0.0, f64::max) + margin;
    let routes = links
        .iter()
        .map(|&(a, b)| {
            let (p, q) = (placed[a], placed[b]);
            let from = border(p, (q.x, q.y));
            let to = border(q, (p.x, p.y));
            let third = |t: f64| (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            Route { points: vec![from, third(1.0 / 3.0), third(2.0 / 3.0), to], head: None, label: Some(third(0.5)) }
        })
        .collect();
    Layout { nodes: placed, routes, width, height, engine: "force" }
}

/// The middle of a cubic Bézier path (a start point, then three points per segment).
pub fn middle(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    let segments = points.len().checked_sub(1)? / 3;
    if segments == 0 {
        return points.first().copied();
    }
    let k = segments / 2;
    let t = if segments % 2 == 1 { 0.5 } else { 0.0 };
    let [p0, p1, p2, p3] = [points[3 * k], points[3 * k + 1], points[3 * k + 2], points[3 * k + 3]];
    let u = 1.0 - t;
    let at = |a: f64, b: f64, c: f64, d: f64| u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
    Some((at(p0.0, p1.0, p2.0, p3.0), at(p0.1, p1.1, p2.1, p3.1)))
}

/// Where the line from a box's centre towards `to` leaves the box.
fn border(p: Placed, to: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (to.0 - p.x, to.1 - p.y);
    if dx == 0.0 && dy == 0.0 {
        return (p.x, p.y);
    }
    let sx = if dx == 0.0 { f64::INFINITY } else { (p.w / 2.0) / dx.abs() };
    let sy = if dy == 0.0 { f64::INFINITY } else { (p.h / 2.0) / dy.abs() };
    let s = sx.min(sy).min(1.0);
    (p.x + dx * s, p.y + dy * s)
}

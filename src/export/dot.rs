//! Graphviz DOT for reading, built with graphviz-rust: persons are blue ellipses, bodies green
//! rounded boxes, meetings amber notes with their date; post edges carry the titles,
//! attendance edges say who presided (主持) or spoke (讲话), organising edges say 主办.
//!
//! A legend (a small sample graph in the same styles, in the subgraph `legend`) says what the
//! shapes and lines mean. Graphs above [`DOT_MAX_NODES`] nodes are laid out by `sfdp` (named
//! in the file, so `dot -Tsvg` uses it) with overlaps removed and the connected pieces packed
//! into a block of sane proportions; their nodes without relations are tied into one grid by
//! invisible edges (the subgraph `unlinked`) instead of strewn around. Smaller graphs keep
//! `dot`'s ranks, left to right. The font is one family name, [`FONT`], which converters
//! (ImageMagick, rsvg) resolve through fontconfig; a list of names is not understood by all
//! of them and loses every Chinese character.
//!
//! Every id and label is quoted and escaped, so quotes, backslashes, newlines or markup in
//! names can neither break the file nor add attributes. Ids are the graph's stable ids and
//! statements come in id order, so the same graph gives the same bytes.

use std::collections::BTreeMap;
use std::io::Write;

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::attrs::escaped_id;
use crate::graph::{EdgeKind, NodeKind, RelationGraph};

/// The font family: the Simplified Chinese face of Noto Sans CJK (Debian's `fonts-noto-cjk`).
/// Graphviz (through Pango) and browsers fall back per character when it is missing.
pub const FONT: &str = "Noto Sans CJK SC";

/// Graphs up to this many nodes keep `dot`'s ranked layout; larger ones are laid out by `sfdp`.
pub const DOT_MAX_NODES: usize = 80;

/// Nodes without relations go in rows of this many.
const UNLINKED_ROW: usize = 10;

/// Escapes text for a DOT quoted string: `"` and `\` are escaped, a line break becomes the
/// label line break `\n`, other control characters become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A quoted DOT id for some text.
pub fn quoted(text: &str) -> Id {
    Id::Escaped(format!("\"{}\"", escape(text)))
}

/// A quoted DOT id for a node's id: control chars other than line breaks (which DOT strings
/// hold as `\\n`) are written one-to-one (see [`escaped_id`]), so distinct ids stay distinct.
pub fn node_id(id: &str) -> Id {
    quoted(&escaped_id(id, |c| c.is_control() && c != '\n'))
}

/// A quoted DOT id of several lines.
fn lines(parts: &[&str]) -> Id {
    let escaped: Vec<String> = parts.iter().map(|p| escape(p)).collect();
    Id::Escaped(format!("\"{}\"", escaped.join("\\n")))
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), quoted(value))
}

fn node_style(kind: NodeKind) -> [Attribute; 4] {
    let (shape, style, fill, line) = match kind {
        NodeKind::Person => ("ellipse", "filled", "#dbeafe", "#1d4ed8"),
        NodeKind::Organization => ("box", "rounded,filled", "#dcfce7", "#15803d"),
        NodeKind::Meeting => ("note", "filled", "#fef3c7", "#b45309"),
    };
    [attr("shape", shape), attr("style", style), attr("fillcolor", fill), attr("color", line)]
}

/// An edge folded into a drawn arrow: its kind and title.
type DrawnKind = (EdgeKind, Option<String>);

/// The graph as a graphviz-rust structure.
pub fn to_dot(graph: &RelationGraph) -> Graph {
    let mut layout = vec![attr("charset", "UTF-8"), attr("fontname", FONT)];
    let large = graph.node_count() > DOT_MAX_NODES;
    if large {
        layout.extend([
            attr("layout", "sfdp"),
            attr("overlap", "prism"),
            attr("splines", "false"),
            attr("pack", "true"),
            attr("packmode", "graph"),
        ]);
    } else {
        layout.extend([attr("rankdir", "LR"), attr("overlap", "false"), attr("nodesep", "0.3")]);
    }
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(layout)),
        Stmt::GAttribute(GraphAttributes::Node(vec![attr("fontname", FONT), attr("fontsize", "12")])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", FONT),
            attr("fontsize", "10"),
            attr("color", "#6b7280"),
        ])),
    ];
    for ix in graph.nodes_sorted() {
        let n = graph.node(ix);
        let label = match (&n.kind, &n.date) {
            (NodeKind::Meeting, Some(date)) => lines(&[&n.label, date]),
            _ => quoted(&n.label),
        };
        let mut attributes = vec![Attribute(Id::Plain("label".into()), label)];
        attributes.extend(node_style(n.kind));
        attributes.push(attr("tooltip", &format!("{} (reports: {})", n.id, n.sources.len())));
        stmts.push(Stmt::Node(DotNode::new(NodeId(node_id(&n.id), None), attributes)));
    }
    // One drawn edge per pair and family: the titles of all posts a person holds in a body
    // on one arrow, presided/spoke/attended on one arrow.
    let mut drawn: BTreeMap<(String, String, u8), Vec<DrawnKind>> = BTreeMap::new();
    for e in graph.edges_sorted() {
        let (a, b) = graph.endpoints(e);
        let w = graph.edge(e);
        let family = match w.kind {
            EdgeKind::HoldsPost => 0,
            EdgeKind::Attended | EdgeKind::Presided | EdgeKind::Spoke => 1,
            EdgeKind::Organized => 2,
        };
        drawn
            .entry((graph.node(a).id.clone(), graph.node(b).id.clone(), family))
            .or_default()
            .push((w.kind, w.title.clone()));
    }
    for ((a, b, family), kinds) in drawn {
        let attributes = match family {
            0 => {
                let titles: Vec<&str> = kinds.iter().filter_map(|(_, t)| t.as_deref()).collect();
                post_style(&titles.join("、"))
            }
            1 => {
                let mut words = Vec::new();
                for (kind, word) in [(EdgeKind::Presided, "主持"), (EdgeKind::Spoke, "讲话")] {
                    if kinds.iter().any(|(k, _)| *k == kind) {
                        words.push(word);
                    }
                }
                if words.is_empty() {
                    attended_style(None)
                } else {
                    presided_style(&words.join("、"))
                }
            }
            _ => organized_style("主办"),
        };
        let ends = EdgeTy::Pair(Vertex::N(NodeId(node_id(&a), None)), Vertex::N(NodeId(node_id(&b), None)));
        stmts.push(Stmt::Edge(DotEdge { ty: ends, attributes }));
    }
    if large {
        stmts.extend(unlinked_grid(graph));
    }
    stmts.push(legend());
    Graph::DiGraph { id: Id::Plain("guanxi".into()), strict: false, stmts }
}

fn post_style(label: &str) -> Vec<Attribute> {
    vec![attr("label", label), attr("color", "#15803d"), attr("fontcolor", "#15803d")]
}

fn presided_style(label: &str) -> Vec<Attribute> {
    vec![attr("label", label), attr("color", "#b45309"), attr("fontcolor", "#b45309"), attr("penwidth", "1.5")]
}

fn attended_style(label: Option<&str>) -> Vec<Attribute> {
    let mut v = vec![attr("style", "dashed")];
    v.extend(label.map(|l| attr("label", l)));
    v
}

fn organized_style(label: &str) -> Vec<Attribute> {
    vec![attr("label", label), attr("style", "dotted"), attr("color", "#15803d")]
}

/// Nodes without any relation, tied into rows of [`UNLINKED_ROW`] by invisible edges, so that
/// the layout keeps them together as one block.
fn unlinked_grid(graph: &RelationGraph) -> Option<Stmt> {
    let lone: Vec<&str> = graph
        .nodes_sorted()
        .into_iter()
        .filter(|&ix| {
            graph.edges_of(ix, petgraph::Direction::Outgoing).is_empty()
                && graph.edges_of(ix, petgraph::Direction::Incoming).is_empty()
        })
        .map(|ix| graph.node(ix).id.as_str())
        .collect();
    if lone.len() < 2 {
        return None;
    }
    let invisible = |a: &str, b: &str| {
        let ends = EdgeTy::Pair(Vertex::N(NodeId(quoted(a), None)), Vertex::N(NodeId(quoted(b), None)));
        Stmt::Edge(DotEdge { ty: ends, attributes: vec![attr("style", "invis")] })
    };
    let rows: Vec<&[&str]> = lone.chunks(UNLINKED_ROW).collect();
    let mut stmts = Vec::new();
    for row in &rows {
        stmts.extend(row.windows(2).map(|w| invisible(w[0], w[1])));
    }
    for pair in rows.windows(2) {
        stmts.extend(pair[0].iter().zip(pair[1].iter()).map(|(a, b)| invisible(a, b)));
    }
    Some(Stmt::Subgraph(Subgraph { id: Id::Plain("unlinked".into()), stmts }))
}

/// The legend: one node of each kind and one line of each style between them, in the styles
/// of the graph, with a title. Its ids start with `legend:`, which no graph id does.
fn legend() -> Stmt {
    let node = |id: &str, label: &str, style: Vec<Attribute>| {
        let mut attributes = vec![attr("label", label)];
        attributes.extend(style);
        Stmt::Node(DotNode::new(NodeId(quoted(id), None), attributes))
    };
    let edge = |a: &str, b: &str, attributes: Vec<Attribute>| {
        let ends = EdgeTy::Pair(Vertex::N(NodeId(quoted(a), None)), Vertex::N(NodeId(quoted(b), None)));
        Stmt::Edge(DotEdge { ty: ends, attributes })
    };
    let stmts = vec![
        node("legend:title", "图例 legend", vec![attr("shape", "plaintext"), attr("fontsize", "14")]),
        node("legend:person", "person 人物", node_style(NodeKind::Person).to_vec()),
        node("legend:organization", "body 机构", node_style(NodeKind::Organization).to_vec()),
        node("legend:meeting", "meeting 会议\ndate", node_style(NodeKind::Meeting).to_vec()),
        node("legend:meeting2", "another meeting", node_style(NodeKind::Meeting).to_vec()),
        edge("legend:title", "legend:person", vec![attr("style", "invis")]),
        edge("legend:person", "legend:organization", post_style("post title 职务")),
        edge("legend:person", "legend:meeting", presided_style("主持、讲话 presided, spoke")),
        edge("legend:person", "legend:meeting2", attended_style(Some("attended 出席"))),
        edge("legend:organization", "legend:meeting", organized_style("主办 organised")),
    ];
    Stmt::Subgraph(Subgraph { id: Id::Plain("legend".into()), stmts })
}

/// Writes `graph` as DOT.
pub fn write(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let text = to_dot(graph).print(&mut PrinterContext::default());
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")
}

/// Renders DOT text to SVG with the Graphviz `dot` program. `Ok(None)` when `dot` is not
/// installed.
pub fn render_svg(dot: &str) -> std::io::Result<Option<Vec<u8>>> {
    render(dot, graphviz_rust::cmd::Format::Svg)
}

/// Renders DOT text to PNG with the Graphviz `dot` program (Cairo and Pango, which find a
/// Chinese font through fontconfig). `Ok(None)` when `dot` is not installed.
pub fn render_png(dot: &str) -> std::io::Result<Option<Vec<u8>>> {
    render(dot, graphviz_rust::cmd::Format::Png)
}

fn render(dot: &str, format: graphviz_rust::cmd::Format) -> std::io::Result<Option<Vec<u8>>> {
    use graphviz_rust::cmd::CommandArg;
    match graphviz_rust::exec_dot(dot.to_string(), vec![CommandArg::Format(format)]) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Writes `graph` as a PNG picture, rendered by Graphviz; an error naming the package when
/// Graphviz is not installed.
pub fn write_png(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let text = to_dot(graph).print(&mut PrinterContext::default());
    match render_png(&text)? {
        Some(png) => out.write_all(&png),
        None => Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "png needs Graphviz's dot program (apt-get install graphviz, brew install graphviz)",
        )),
    }
}

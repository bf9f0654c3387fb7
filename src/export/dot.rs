//! Graphviz DOT for reading, built with graphviz-rust: persons are blue ellipses, bodies green
//! rounded boxes, meetings amber notes with their date; post edges carry the titles,
//! attendance edges say who presided (主持) or spoke (讲话), organising edges say 主办.
//!
//! Every id and label is quoted and escaped, so quotes, backslashes, newlines or markup in
//! names can neither break the file nor add attributes. Ids are the graph's stable ids and
//! statements come in id order, so the same graph gives the same bytes.

use std::collections::BTreeMap;
use std::io::Write;

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::attrs::escaped_id;
use crate::graph::{EdgeKind, NodeKind, RelationGraph};

/// Font families, first choice first (Pango and SVG viewers take the first one installed).
pub const FONT: &str =
    "Noto Sans CJK SC,Noto Sans SC,Source Han Sans SC,WenQuanYi Micro Hei,Microsoft YaHei,PingFang SC,sans-serif";

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
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("charset", "UTF-8"),
            attr("rankdir", "LR"),
            attr("fontname", FONT),
            attr("overlap", "false"),
            attr("nodesep", "0.3"),
        ])),
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
                vec![attr("label", &titles.join("、")), attr("color", "#15803d"), attr("fontcolor", "#15803d")]
            }
            1 => {
                let mut words = Vec::new();
                for (kind, word) in [(EdgeKind::Presided, "主持"), (EdgeKind::Spoke, "讲话")] {
                    if kinds.iter().any(|(k, _)| *k == kind) {
                        words.push(word);
                    }
                }
                if words.is_empty() {
                    vec![attr("style", "dashed")]
                } else {
                    vec![
                        attr("label", &words.join("、")),
                        attr("color", "#b45309"),
                        attr("fontcolor", "#b45309"),
                        attr("penwidth", "1.5"),
                    ]
                }
            }
            _ => vec![attr("label", "主办"), attr("style", "dotted"), attr("color", "#15803d")],
        };
        let ends = EdgeTy::Pair(Vertex::N(NodeId(node_id(&a), None)), Vertex::N(NodeId(node_id(&b), None)));
        stmts.push(Stmt::Edge(DotEdge { ty: ends, attributes }));
    }
    Graph::DiGraph { id: Id::Plain("guanxi".into()), strict: false, stmts }
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
    use graphviz_rust::cmd::{CommandArg, Format};
    match graphviz_rust::exec_dot(dot.to_string(), vec![CommandArg::Format(Format::Svg)]) {
        Ok(svg) => Ok(Some(svg)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

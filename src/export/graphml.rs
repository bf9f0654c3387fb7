//! GraphML: every attribute declared with a typed `<key>` (see [`super::attrs`]), nodes by
//! their stable ids, edges with stable ids (parallel edges kept apart). Opens in Gephi, yEd
//! and Cytoscape, and in networkx with `read_graphml` (a `MultiDiGraph`).
//!
//! Keys are `n_<name>` for nodes and `e_<name>` for edges; lists are joined with `; `.
//! Every id, label and value is XML-escaped, so no name can break the file.

use std::io::Write;

use super::attrs::{edge_id, edge_values, node_values, Attr, AttrType, Value, EDGE_ATTRS, NODE_ATTRS};
use super::xml::{escape, escape_id};
use crate::graph::RelationGraph;

fn graphml_type(ty: AttrType) -> &'static str {
    match ty {
        AttrType::Text | AttrType::List => "string",
        AttrType::Int => "int",
    }
}

fn keys(out: &mut dyn Write, prefix: &str, target: &str, attrs: &[Attr]) -> std::io::Result<()> {
    for a in attrs {
        writeln!(
            out,
            "  <key id=\"{prefix}_{name}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{ty}\"><desc>{about}</desc></key>",
            name = a.name,
            ty = graphml_type(a.ty),
            about = escape(a.about)
        )?;
    }
    Ok(())
}

fn data(out: &mut dyn Write, prefix: &str, attrs: &[Attr], values: &[Option<Value>]) -> std::io::Result<()> {
    for (a, v) in attrs.iter().zip(values) {
        if let Some(v) = v {
            writeln!(out, "      <data key=\"{prefix}_{}\">{}</data>", a.name, escape(&v.joined()))?;
        }
    }
    Ok(())
}

/// Writes `graph` as GraphML.
pub fn write(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    keys(out, "n", "node", &NODE_ATTRS)?;
    keys(out, "e", "edge", &EDGE_ATTRS)?;
    writeln!(out, "  <graph id=\"guanxi\" edgedefault=\"directed\">")?;
    for ix in graph.nodes_sorted() {
        let n = graph.node(ix);
        writeln!(out, "    <node id=\"{}\">", escape_id(&n.id))?;
        data(out, "n", &NODE_ATTRS, &node_values(n))?;
        writeln!(out, "    </node>")?;
    }
    for e in graph.edges_sorted() {
        let (a, b) = graph.endpoints(e);
        writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            escape_id(&edge_id(graph, e)),
            escape_id(&graph.node(a).id),
            escape_id(&graph.node(b).id)
        )?;
        data(out, "e", &EDGE_ATTRS, &edge_values(graph.edge(e)))?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

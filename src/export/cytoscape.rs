//! Cytoscape.js `elements` JSON, in the layout Cytoscape desktop also imports (File → Import
//! → Network from File, "Cytoscape.js JSON"):
//!
//! ```json
//! {"format_version": "1.0", "generated_by": "guanxi", "target_cytoscapejs_version": "~3",
//!  "data": {"name": "guanxi"},
//!  "elements": {"nodes": [{"data": {"id": "person:张明", "kind": "person", "label": "张明", ...}, "classes": "person"}],
//!               "edges": [{"data": {"id": "...", "source": "person:张明", "target": "...", "kind": "holds_post", ...}, "classes": "holds_post"}]}}
//! ```
//! In a page: `cytoscape({container, elements: data.elements})`; style by class
//! (`node.person`, `edge.presided`). Attributes are those of [`super::attrs`], lists as JSON
//! arrays. One element a line, in id order.

use std::io::Write;

use serde_json::{json, Map, Value as Json};

use super::attrs::{edge_id, edge_values, node_values, Attr, Value, EDGE_ATTRS, NODE_ATTRS};
use crate::graph::RelationGraph;

fn fill(data: &mut Map<String, Json>, attrs: &[Attr], values: &[Option<Value>]) {
    for (a, v) in attrs.iter().zip(values) {
        let v = match v {
            Some(Value::Text(t)) => json!(t),
            Some(Value::List(items)) => json!(items),
            Some(Value::Int(n)) => json!(n),
            None => continue,
        };
        data.insert(a.name.to_string(), v);
    }
}

fn line(out: &mut dyn Write, first: bool, element: &Json) -> std::io::Result<()> {
    out.write_all(if first { b"\n" } else { b",\n" })?;
    serde_json::to_writer(&mut *out, element)?;
    Ok(())
}

/// Writes `graph` as Cytoscape.js JSON.
pub fn write(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(
        b"{\"format_version\":\"1.0\",\"generated_by\":\"guanxi\",\"target_cytoscapejs_version\":\"~3\",\"data\":{\"name\":\"guanxi\"},\n\"elements\":{\"nodes\":[",
    )?;
    for (i, ix) in graph.nodes_sorted().into_iter().enumerate() {
        let n = graph.node(ix);
        let mut data = Map::new();
        data.insert("id".into(), json!(n.id));
        fill(&mut data, &NODE_ATTRS, &node_values(n));
        line(out, i == 0, &json!({"data": data, "classes": n.kind.as_str()}))?;
    }
    out.write_all(b"\n],\n\"edges\":[")?;
    for (i, e) in graph.edges_sorted().into_iter().enumerate() {
        let (a, b) = graph.endpoints(e);
        let w = graph.edge(e);
        let mut data = Map::new();
        data.insert("id".into(), json!(edge_id(graph, e)));
        data.insert("source".into(), json!(graph.node(a).id));
        data.insert("target".into(), json!(graph.node(b).id));
        fill(&mut data, &EDGE_ATTRS, &edge_values(w));
        line(out, i == 0, &json!({"data": data, "classes": w.kind.as_str()}))?;
    }
    out.write_all(b"\n]}}\n")
}

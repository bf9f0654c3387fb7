//! The Cypher script: uniqueness constraints on `id`, then the nodes and relationships in
//! batches: each statement `UNWIND`s a list of up to [`BATCH`] rows and `MERGE`s them, so
//! that a large graph loads in few statements, running it twice changes nothing, and running
//! it on a database that holds an older export updates it.
//!
//! ```text
//! UNWIND [{id: 'person:张明', name: '张明', posts: ['某市人民政府市长'], documents: 1}] AS row
//!   MERGE (n:Person {id: row.id}) SET n.name = row.name, n.posts = row.posts, n.documents = row.documents;
//! UNWIND [{a: 'person:张明', b: 'organization:某市人民政府', key: 'holds_post:市长', title: '市长', …}] AS row
//!   MATCH (a:Person {id: row.a}), (b:Organization {id: row.b})
//!   MERGE (a)-[r:HOLDS_POST {key: row.key}]->(b) SET r.title = row.title, …;
//! ```
//! One statement a line (each of the examples above is one line). The rows of one statement
//! have the same properties (a property a node lacks is left out, not set to null), so
//! engines that type the list, as Kuzu does, take it. Batches follow label (or type) and
//! properties, rows within them id order. Strings are single-quoted with `\`, `'` and `"`
//! escaped and control characters as `\uXXXX`, so no name can end a string or add a clause.
//! Run it with `cypher-shell -f import.cypher`.

use std::collections::BTreeMap;
use std::io::Write;

use super::super::attrs::{edge_values, node_values, Attr, Value, EDGE_ATTRS, NODE_ATTRS};
use super::{label, rel_type};
use crate::graph::{NodeKind, RelationGraph};

/// A Cypher string literal.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    out.push_str(&format!("\\u{unit:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn literal(value: &Value) -> String {
    match value {
        Value::Text(t) => string(t),
        Value::List(items) => format!("[{}]", items.iter().map(|i| string(i)).collect::<Vec<_>>().join(", ")),
        Value::Int(n) => n.to_string(),
    }
}

/// Rows per statement.
pub const BATCH: usize = 500;

/// The properties of a value list: `(name, literal)` for those present (the property
/// `label` is called `name`; `kind` is the label or type and `key` is matched on, so both
/// are left out).
fn properties(attrs: &[Attr], values: &[Option<Value>]) -> Vec<(&'static str, String)> {
    attrs
        .iter()
        .zip(values)
        .filter(|(a, _)| !matches!(a.name, "kind" | "key"))
        .filter_map(|(a, v)| {
            let name = if a.name == "label" { "name" } else { a.name };
            v.as_ref().map(|v| (name, literal(v)))
        })
        .collect()
}

/// `{k: v, …}`.
fn map(fields: &[(&str, String)]) -> String {
    let parts: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("{{{}}}", parts.join(", "))
}

/// ` SET v.a = row.a, …` for the property names.
fn set(var: &str, names: &[&str]) -> String {
    if names.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = names.iter().map(|n| format!("{var}.{n} = row.{n}")).collect();
    format!(" SET {}", parts.join(", "))
}

/// Rows grouped by what their statement says (label or type, ends, property names), each
/// group in id order.
type Groups = BTreeMap<(String, Vec<&'static str>), Vec<String>>;

/// Writes the batches of `groups`, each statement `head`-ed by its group.
fn write_batches(
    out: &mut dyn Write,
    groups: Groups,
    statement: impl Fn(&str, &[&str]) -> String,
) -> std::io::Result<()> {
    for ((what, names), rows) in groups {
        for chunk in rows.chunks(BATCH) {
            writeln!(out, "UNWIND [{}] AS row {};", chunk.join(", "), statement(&what, &names))?;
        }
    }
    Ok(())
}

/// Writes `graph` as a Cypher script.
pub fn write(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "// guanxi graph: {} nodes, {} relationships. Run with: cypher-shell -f import.cypher",
        graph.node_count(),
        graph.edge_count()
    )?;
    for kind in NodeKind::ALL {
        let l = label(kind);
        writeln!(
            out,
            "CREATE CONSTRAINT guanxi_{}_id IF NOT EXISTS FOR (n:{l}) REQUIRE n.id IS UNIQUE;",
            kind.as_str()
        )?;
    }
    let mut nodes: Groups = BTreeMap::new();
    for ix in graph.nodes_sorted() {
        let n = graph.node(ix);
        let props = properties(&NODE_ATTRS, &node_values(n));
        let names: Vec<&'static str> = props.iter().map(|(k, _)| *k).collect();
        let mut fields = vec![("id", string(&n.id))];
        fields.extend(props);
        nodes.entry((label(n.kind).to_string(), names)).or_default().push(map(&fields));
    }
    write_batches(out, nodes, |l, names| format!("MERGE (n:{l} {{id: row.id}}){}", set("n", names)))?;
    let mut edges: Groups = BTreeMap::new();
    for e in graph.edges_sorted() {
        let (a, b) = graph.endpoints(e);
        let (a, b, w) = (graph.node(a), graph.node(b), graph.edge(e));
        let props = properties(&EDGE_ATTRS, &edge_values(w));
        let names: Vec<&'static str> = props.iter().map(|(k, _)| *k).collect();
        let mut fields = vec![("a", string(&a.id)), ("b", string(&b.id)), ("key", string(&w.key()))];
        fields.extend(props);
        let what = format!("{} {} {}", label(a.kind), label(b.kind), rel_type(w.kind));
        edges.entry((what, names)).or_default().push(map(&fields));
    }
    write_batches(out, edges, |what, names| {
        let mut parts = what.split(' ');
        let (a, b, t) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        format!(
            "MATCH (a:{a} {{id: row.a}}), (b:{b} {{id: row.b}}) MERGE (a)-[r:{t} {{key: row.key}}]->(b){}",
            set("r", names)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::string;

    #[test]
    fn strings_cannot_be_left() {
        assert_eq!(string("a'b\\c\"d\ne\u{1}"), "'a\\'b\\\\c\\\"d\\ne\\u0001'");
        assert_eq!(string("张明"), "'张明'");
    }
}

//! The Cypher script: uniqueness constraints on `id`, then one `MERGE` per node and per
//! relationship, so running it twice changes nothing and running it on a database that
//! holds an older export updates it.
//!
//! ```text
//! MERGE (n:Person {id: 'person:张明'}) SET n.name = '张明', n.posts = ['某市人民政府市长'], n.documents = 1;
//! MATCH (a:Person {id: 'person:张明'}), (b:Organization {id: 'organization:某市人民政府'})
//!   MERGE (a)-[r:HOLDS_POST {key: 'holds_post:市长'}]->(b) SET r.title = '市长', r.documents = 1;
//! ```
//! One statement a line (the relationship above is one line), in id order. Strings are
//! single-quoted with `\`, `'` and `"` escaped and control characters as `\uXXXX`, so no name
//! can end a string or add a clause. Run it with `cypher-shell -f import.cypher`.

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

/// ` SET v.a = …, v.b = …` for the values present (the property `label` is called `name`;
/// `kind` is the label or type, and `key` is matched on, so both are left out).
fn set(var: &str, attrs: &[Attr], values: &[Option<Value>]) -> String {
    let parts: Vec<String> = attrs
        .iter()
        .zip(values)
        .filter(|(a, _)| !matches!(a.name, "kind" | "key"))
        .filter_map(|(a, v)| {
            let name = if a.name == "label" { "name" } else { a.name };
            v.as_ref().map(|v| format!("{var}.{name} = {}", literal(v)))
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" SET {}", parts.join(", "))
    }
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
    for ix in graph.nodes_sorted() {
        let n = graph.node(ix);
        writeln!(
            out,
            "MERGE (n:{} {{id: {}}}){};",
            label(n.kind),
            string(&n.id),
            set("n", &NODE_ATTRS, &node_values(n))
        )?;
    }
    for e in graph.edges_sorted() {
        let (a, b) = graph.endpoints(e);
        let (a, b, w) = (graph.node(a), graph.node(b), graph.edge(e));
        writeln!(
            out,
            "MATCH (a:{} {{id: {}}}), (b:{} {{id: {}}}) MERGE (a)-[r:{} {{key: {}}}]->(b){};",
            label(a.kind),
            string(&a.id),
            label(b.kind),
            string(&b.id),
            rel_type(w.kind),
            string(&w.key()),
            set("r", &EDGE_ATTRS, &edge_values(w))
        )?;
    }
    Ok(())
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

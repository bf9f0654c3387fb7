//! Neo4j: CSV files for `neo4j-admin database import` and a Cypher script of `MERGE`
//! statements for `cypher-shell`, with labels `Person`, `Organization`, `Meeting` and
//! relationship types `HOLDS_POST`, `ATTENDED`, `PRESIDED`, `SPOKE`, `ORGANIZED`.
//!
//! [`write_dir`] writes a folder:
//!
//! | file | what |
//! | --- | --- |
//! | `nodes.csv` | `id:ID,:LABEL,name,date,category,parent,aliases:string[],regions:string[],posts:string[],documents:int` |
//! | `relationships.csv` | `:START_ID,:END_ID,:TYPE,key,title,dates:string[],documents:int` |
//! | `import.cypher` | the same graph as `MERGE` statements (see [`cypher`]) |
//!
//! ```text
//! neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
//! cypher-shell -f import.cypher          # or, into a running database
//! ```
//! Every text field is quoted (`"` doubled); line breaks and other control characters become
//! spaces (so `--multiline-fields` is not needed); list elements are joined with `;` (the
//! importer's default array delimiter) after a `;` inside an element becomes `；`. An empty
//! field is no property. Node ids are the graph's stable ids (property `id`).

pub mod cypher;

use std::io::Write;
use std::path::{Path, PathBuf};

use super::attrs::{edge_values, escaped_id, node_values, Value};
use crate::error::{Error, Result};
use crate::graph::{EdgeKind, NodeKind, RelationGraph};
use crate::io_util::StagedFile;

pub use cypher::write;

/// The node label of a kind.
pub fn label(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "Person",
        NodeKind::Organization => "Organization",
        NodeKind::Meeting => "Meeting",
    }
}

/// The relationship type of an edge kind.
pub fn rel_type(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::HoldsPost => "HOLDS_POST",
        EdgeKind::Attended => "ATTENDED",
        EdgeKind::Presided => "PRESIDED",
        EdgeKind::Spoke => "SPOKE",
        EdgeKind::Organized => "ORGANIZED",
    }
}

/// The header of `nodes.csv`.
pub const NODES_HEADER: &str =
    "id:ID,:LABEL,name,date,category,parent,aliases:string[],regions:string[],posts:string[],documents:int";
/// The header of `relationships.csv`.
pub const RELATIONSHIPS_HEADER: &str = ":START_ID,:END_ID,:TYPE,key,title,dates:string[],documents:int";

/// Text with control characters as spaces.
fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// A quoted CSV field for a node id: control chars written one-to-one (see
/// [`escaped_id`]) rather than as spaces, so that distinct ids stay distinct.
fn quoted_id(id: &str) -> String {
    quoted(&escaped_id(id, char::is_control))
}

/// A quoted CSV field.
fn quoted(text: &str) -> String {
    format!("\"{}\"", clean(text).replace('"', "\"\""))
}

/// A CSV field for a value: quoted text, a quoted `;`-joined list, a bare number, or empty.
fn field(value: &Option<Value>) -> String {
    match value {
        None => String::new(),
        Some(Value::Text(t)) => quoted(t),
        Some(Value::List(items)) => {
            let items: Vec<String> = items.iter().map(|i| i.replace(';', "；")).collect();
            quoted(&items.join(";"))
        }
        Some(Value::Int(n)) => n.to_string(),
    }
}

/// Writes `nodes.csv` (see the module docs).
pub fn write_nodes(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{NODES_HEADER}")?;
    for ix in graph.nodes_sorted() {
        let n = graph.node(ix);
        // Values in NODE_ATTRS order: kind (the label), label (name), date, category,
        // parent, aliases, regions, posts, documents.
        let values = node_values(n);
        let rest: Vec<String> = values[1..].iter().map(field).collect();
        writeln!(out, "{},{},{}", quoted_id(&n.id), label(n.kind), rest.join(","))?;
    }
    Ok(())
}

/// Writes `relationships.csv` (see the module docs).
pub fn write_relationships(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{RELATIONSHIPS_HEADER}")?;
    for e in graph.edges_sorted() {
        let (a, b) = graph.endpoints(e);
        let w = graph.edge(e);
        // Values in EDGE_ATTRS order: kind (the type), key, title, dates, documents.
        let values = edge_values(w);
        let rest: Vec<String> = values[1..].iter().map(field).collect();
        writeln!(
            out,
            "{},{},{},{}",
            quoted_id(&graph.node(a).id),
            quoted_id(&graph.node(b).id),
            rel_type(w.kind),
            rest.join(",")
        )?;
    }
    Ok(())
}

/// Writes `nodes.csv`, `relationships.csv` and `import.cypher` into `dir` (made when
/// missing), each replaced atomically once all three are complete. Returns their paths.
pub fn write_dir(graph: &RelationGraph, dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Io { path: dir.into(), source: e })?;
    type Writer = fn(&RelationGraph, &mut dyn Write) -> std::io::Result<()>;
    let files: [(&str, Writer); 3] =
        [("nodes.csv", write_nodes), ("relationships.csv", write_relationships), ("import.cypher", cypher::write)];
    let mut staged = Vec::new();
    for (name, fill) in files {
        let mut file = StagedFile::create(&dir.join(name))?;
        fill(graph, file.writer()).map_err(|e| Error::Io { path: dir.join(name), source: e })?;
        staged.push(file);
    }
    let paths = staged.iter().map(|f| f.target().to_path_buf()).collect();
    for file in staged {
        file.commit()?;
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_flat() {
        assert_eq!(quoted("a\"b\nc"), "\"a\"\"b c\"");
        assert_eq!(field(&Some(Value::List(vec!["x;y".into(), "z".into()]))), "\"x；y;z\"");
        assert_eq!(field(&None), "");
        assert_eq!(field(&Some(Value::Int(3))), "3");
    }
}

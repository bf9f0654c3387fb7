//! `graph.json` straight from the store, a node at a time: memory stays flat however large
//! the graph. The bytes are those [`crate::graph::RelationGraph::write_json`] writes for the
//! same graph (both go through [`JsonWriter`]).

use std::io::Write;

use super::Store;
use crate::error::Result;
use crate::graph::io::JsonWriter;
use crate::graph::model::DocId;

impl Store {
    /// Writes the whole graph as `graph.json`.
    pub fn write_json(&self, out: &mut dyn Write) -> Result<()> {
        let io = |e: std::io::Error| crate::error::Error::Io { path: self.path.clone(), source: e };
        let mut w = JsonWriter::begin(out).map_err(io)?;
        // Sources cite documents by row; rows are 1, 2, … in merge order.
        let mut paths: Vec<String> = Vec::new();
        for doc in self.all("SELECT doc FROM documents ORDER BY doc")? {
            let d = self.document(doc)?;
            if doc as usize != paths.len() + 1 {
                return Err(self.damaged("documents out of order"));
            }
            w.document(&d).map_err(io)?;
            paths.push(d.path);
        }
        let path_of = |d: DocId| paths.get((d.0 as usize).wrapping_sub(1)).map_or("", String::as_str);
        for node in self.all("SELECT node FROM nodes WHERE id IS NOT NULL ORDER BY id")? {
            let n = self.node_full(node, true)?;
            w.node(&n, &path_of).map_err(io)?;
        }
        let e = |e| self.error(e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.edge, a.id, b.id, e.kind, e.titled, e.title
                 FROM edges e JOIN nodes a ON a.node = e.src JOIN nodes b ON b.node = e.dst
                 ORDER BY a.id, b.id, e.kind, e.titled, e.title",
            )
            .map_err(e)?;
        let mut rows = stmt.query([]).map_err(e)?;
        while let Some(r) = rows.next().map_err(e)? {
            let (edge, a, b): (i64, String, String) =
                (r.get(0).map_err(e)?, r.get(1).map_err(e)?, r.get(2).map_err(e)?);
            let kind =
                super::schema::edge_kind(r.get(3).map_err(e)?).ok_or_else(|| self.damaged("unknown edge kind"))?;
            let title: String = r.get(5).map_err(e)?;
            let title = r.get::<_, bool>(4).map_err(e)?.then_some(title);
            let w_edge = crate::graph::Edge { kind, title, sources: self.edge_sources(edge)? };
            w.edge(&a, &b, &w_edge, &path_of).map_err(io)?;
        }
        w.finish().map_err(io)
    }
}

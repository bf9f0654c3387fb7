//! The tables of a store file, and how kinds are written in them.
//!
//! | table | one row per |
//! | --- | --- |
//! | `meta` | setting: `format` (`guanxi-store`), `set` (the output set it belongs to), counts |
//! | `documents` | report: `doc` (merge order), `path`, `title`, `published`, `sentences` (JSON) |
//! | `nodes` | node: `node` (creation order), `id` (unique), `kind`, `label`, `date`, `category`, `parent` |
//! | `aliases` | other spelling of a body (`node`, `name`) |
//! | `regions` | region of a person (`node`, `region`) |
//! | `bare_posts` | post a person holds in no named body (`node`, `title`) |
//! | `node_sources` | document a node was seen in (`node`, `doc`, `date`, `spans`) |
//! | `edges` | edge: `edge`, `src`, `dst`, `kind`, `titled`, `title`, unique on all but `edge` |
//! | `edge_sources` | document an edge was seen in (`edge`, `doc`, `date`, `spans`) |
//!
//! Lookups go through indexes: ids (`nodes.id`), names (`nodes(label, kind)`, `aliases(name)`),
//! edges by either end. A person's posts in named bodies are its `holds_post` edges (title
//! and the body's label), so folding one body into another needs no rewrite of posts.
//! Spans are little-endian `u32` pairs (start, end).

use crate::extract::record::Span;
use crate::graph::{EdgeKind, NodeKind};

/// `PRAGMA application_id` of a store: "gxi1".
pub const APPLICATION_ID: i32 = 0x6778_6931;
/// The layout version this build writes and the newest it reads (`PRAGMA user_version`).
pub const VERSION: i32 = 1;
/// The value of `meta.format`.
pub const FORMAT: &str = "guanxi-store";

/// The schema, made once in a new file.
pub const SCHEMA: &str = "
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE documents(doc INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT, published TEXT, sentences TEXT);
CREATE TABLE nodes(node INTEGER PRIMARY KEY, id TEXT UNIQUE, kind INTEGER NOT NULL, label TEXT NOT NULL,
                   date TEXT, category TEXT, parent TEXT);
CREATE INDEX nodes_by_label ON nodes(label, kind);
CREATE TABLE aliases(node INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY(node, name)) WITHOUT ROWID;
CREATE INDEX aliases_by_name ON aliases(name);
CREATE TABLE regions(node INTEGER NOT NULL, region TEXT NOT NULL, PRIMARY KEY(node, region)) WITHOUT ROWID;
CREATE TABLE bare_posts(node INTEGER NOT NULL, title TEXT NOT NULL, PRIMARY KEY(node, title)) WITHOUT ROWID;
CREATE TABLE node_sources(node INTEGER NOT NULL, doc INTEGER NOT NULL, date TEXT, spans BLOB,
                          PRIMARY KEY(node, doc)) WITHOUT ROWID;
CREATE TABLE edges(edge INTEGER PRIMARY KEY, src INTEGER NOT NULL, dst INTEGER NOT NULL, kind INTEGER NOT NULL,
                   titled INTEGER NOT NULL, title TEXT NOT NULL, UNIQUE(src, dst, kind, titled, title));
CREATE INDEX edges_by_dst ON edges(dst, kind, src);
CREATE TABLE edge_sources(edge INTEGER NOT NULL, doc INTEGER NOT NULL, date TEXT, spans BLOB,
                          PRIMARY KEY(edge, doc)) WITHOUT ROWID;
";

/// A node kind as stored.
pub fn node_code(kind: NodeKind) -> i64 {
    NodeKind::ALL.iter().position(|&k| k == kind).expect("every kind is listed") as i64
}

/// A stored node kind; `None` for a code this build does not know.
pub fn node_kind(code: i64) -> Option<NodeKind> {
    usize::try_from(code).ok().and_then(|i| NodeKind::ALL.get(i).copied())
}

/// An edge kind as stored (its place in [`EdgeKind::ALL`], which is also its sort order).
pub fn edge_code(kind: EdgeKind) -> i64 {
    EdgeKind::ALL.iter().position(|&k| k == kind).expect("every kind is listed") as i64
}

/// A stored edge kind; `None` for a code this build does not know.
pub fn edge_kind(code: i64) -> Option<EdgeKind> {
    usize::try_from(code).ok().and_then(|i| EdgeKind::ALL.get(i).copied())
}

/// Spans as stored.
pub fn spans_blob(spans: &[Span]) -> Vec<u8> {
    let mut out = Vec::with_capacity(spans.len() * 8);
    for s in spans {
        for n in [s.start, s.end] {
            out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
        }
    }
    out
}

/// Stored spans back; a blob of another length yields the whole pairs it holds.
pub fn blob_spans(blob: &[u8]) -> Vec<Span> {
    blob.chunks_exact(8)
        .map(|c| {
            let n = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
            Span::new(n(&c[..4]), n(&c[4..]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_trip() {
        let spans = vec![Span::new(0, 3), Span::new(70_000, 70_002)];
        assert_eq!(blob_spans(&spans_blob(&spans)), spans);
        assert!(blob_spans(&[1, 2, 3]).is_empty());
    }

    #[test]
    fn kinds_round_trip() {
        for k in EdgeKind::ALL {
            assert_eq!(edge_kind(edge_code(k)), Some(k));
        }
        for k in NodeKind::ALL {
            assert_eq!(node_kind(node_code(k)), Some(k));
        }
        assert_eq!(edge_kind(99), None);
    }
}

//! Reading parts of the store as a [`RelationGraph`]: the in-memory model that queries and
//! exports work on.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use petgraph::Direction;
use rusqlite::params;

use super::schema::{blob_spans, edge_code, edge_kind, node_code};
use super::Store;
use crate::error::Result;
use crate::graph::model::{DocId, Document, Node, Post, Source};
use crate::graph::{EdgeKind, NodeKind, RelationGraph};

/// A node of the store (its row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub i64);

/// An edge as stored.
#[derive(Debug, Clone)]
pub(super) struct EdgeRow {
    pub edge: i64,
    pub src: i64,
    pub dst: i64,
    pub kind: EdgeKind,
    pub title: Option<String>,
}

/// How much of each node a loaded graph holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Detail {
    /// Everything, documents with their evidence sentences (exports).
    Full,
    /// This node in full; the others their identity (id, kind, label, date, category,
    /// parent), as answers name them; documents without sentences.
    Center(i64),
    /// Every node's identity only.
    Light,
}

/// Which edges a loaded graph holds.
pub(super) enum Edges {
    /// Every edge between two of the loaded nodes.
    Among,
    /// These (their ends must be loaded).
    Listed(Vec<EdgeRow>),
}

const EDGE_COLUMNS: &str = "edge, src, dst, kind, titled, title";

// Queries that order rows bind the row number as `CAST(?1 AS INTEGER)`: with a bare `?1`
// before `ORDER BY`, SQLite recompiles the statement for every new value (measured: 20
// times slower).

impl Store {
    fn edge_rows(&self, sql: &str, node: i64) -> Result<Vec<EdgeRow>> {
        let rows: Vec<(i64, i64, i64, i64, bool, String)> = self
            .conn
            .prepare_cached(sql)
            .and_then(|mut s| {
                s.query_map([node], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
                    .collect()
            })
            .map_err(|e| self.error(e))?;
        rows.into_iter()
            .map(|(edge, src, dst, code, titled, title)| {
                let kind = edge_kind(code).ok_or_else(|| self.damaged("unknown edge kind"))?;
                Ok(EdgeRow { edge, src, dst, kind, title: titled.then_some(title) })
            })
            .collect()
    }

    /// The edges leaving (`Outgoing`) or entering (`Incoming`) a node.
    pub(super) fn edges_of(&self, node: i64, dir: Direction) -> Result<Vec<EdgeRow>> {
        let sql = match dir {
            Direction::Outgoing => format!("SELECT {EDGE_COLUMNS} FROM edges WHERE src = ?1"),
            Direction::Incoming => format!("SELECT {EDGE_COLUMNS} FROM edges WHERE dst = ?1"),
        };
        self.edge_rows(&sql, node)
    }

    /// The nodes one edge away from `node`, either way.
    pub(super) fn neighbours(&self, node: i64) -> Result<Vec<i64>> {
        self.conn
            .prepare_cached("SELECT dst FROM edges WHERE src = ?1 UNION ALL SELECT src FROM edges WHERE dst = ?1")
            .and_then(|mut s| s.query_map([node], |r| r.get(0))?.collect())
            .map_err(|e| self.error(e))
    }

    /// Sources as stored, with store document rows as their `doc`.
    fn sources(&self, sql: &str, owner: i64) -> Result<Vec<Source>> {
        let rows: Vec<(i64, Option<String>, Option<Vec<u8>>)> = self
            .conn
            .prepare_cached(sql)
            .and_then(|mut s| s.query_map([owner], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
            .map_err(|e| self.error(e))?;
        Ok(rows
            .into_iter()
            .map(|(doc, date, spans)| Source {
                doc: DocId(doc as u32),
                date: date.map(Into::into),
                spans: spans.as_deref().map(blob_spans).unwrap_or_default(),
            })
            .collect())
    }

    /// A node with everything the in-memory model holds; sources (when asked) cite store
    /// document rows.
    pub(super) fn node_full(&self, node: i64, with_sources: bool) -> Result<Node> {
        let mut n = self.node_row(node)?;
        match n.kind {
            NodeKind::Organization => {
                n.aliases =
                    self.strings("SELECT name FROM aliases WHERE node = CAST(?1 AS INTEGER) ORDER BY name", node)?;
            }
            NodeKind::Person => {
                n.regions =
                    self.strings("SELECT region FROM regions WHERE node = CAST(?1 AS INTEGER) ORDER BY region", node)?;
                let named: Vec<(String, String)> = self
                    .conn
                    .prepare_cached(
                        "SELECT e.title, n.label FROM edges e JOIN nodes n ON n.node = e.dst
                         WHERE e.src = ?1 AND e.kind = ?2 AND e.titled",
                    )
                    .and_then(|mut s| {
                        s.query_map(params![node, edge_code(EdgeKind::HoldsPost)], |r| Ok((r.get(0)?, r.get(1)?)))?
                            .collect()
                    })
                    .map_err(|e| self.error(e))?;
                let bare = self.strings("SELECT title FROM bare_posts WHERE node = ?1", node)?;
                n.posts = named
                    .into_iter()
                    .map(|(title, org)| Post { title, organization: Some(org) })
                    .chain(bare.into_iter().map(|title| Post { title, organization: None }))
                    .collect();
                n.posts.sort();
                n.posts.dedup();
            }
            NodeKind::Meeting => {}
        }
        if with_sources {
            n.sources = self.sources(
                "SELECT doc, date, spans FROM node_sources WHERE node = CAST(?1 AS INTEGER) ORDER BY doc",
                node,
            )?;
        }
        Ok(n)
    }

    /// An edge's sources (citing store document rows).
    pub(super) fn edge_sources(&self, edge: i64) -> Result<Vec<Source>> {
        self.sources("SELECT doc, date, spans FROM edge_sources WHERE edge = CAST(?1 AS INTEGER) ORDER BY doc", edge)
    }

    /// A document by its store row.
    pub(super) fn document(&self, doc: i64) -> Result<Document> {
        let (path, title, published, sentences): (String, Option<String>, Option<String>, Option<String>) = self
            .conn
            .prepare_cached("SELECT path, title, published, sentences FROM documents WHERE doc = ?1")
            .and_then(|mut s| s.query_row([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))))
            .map_err(|e| self.error(e))?;
        let sentences = match sentences {
            Some(text) => serde_json::from_str(&text).map_err(|_| self.damaged("unreadable sentences"))?,
            None => Vec::new(),
        };
        Ok(Document { path, title, published, sentences })
    }

    /// The graph of some nodes and edges, with the documents their sources cite (in the
    /// order the store holds them). Without sources it is enough for paths and rankings.
    pub(super) fn graph_of(
        &self,
        nodes: &BTreeSet<i64>,
        edges: Edges,
        with_sources: bool,
        detail: Detail,
    ) -> Result<RelationGraph> {
        let edges = match edges {
            Edges::Listed(v) => v,
            Edges::Among => {
                let mut v = Vec::new();
                for &n in nodes {
                    v.extend(self.edges_of(n, Direction::Outgoing)?.into_iter().filter(|e| nodes.contains(&e.dst)));
                }
                v
            }
        };
        let mut loaded_nodes = Vec::with_capacity(nodes.len());
        for &n in nodes {
            let node = match detail {
                Detail::Full => self.node_full(n, with_sources)?,
                Detail::Center(c) if c == n => self.node_full(n, with_sources)?,
                _ => self.node_row(n)?,
            };
            loaded_nodes.push((n, node));
        }
        let mut loaded_edges = Vec::with_capacity(edges.len());
        for e in edges {
            let sources = if with_sources { self.edge_sources(e.edge)? } else { Vec::new() };
            loaded_edges.push((e, sources));
        }
        let cited: BTreeSet<u32> = loaded_nodes
            .iter()
            .flat_map(|(_, n)| &n.sources)
            .chain(loaded_edges.iter().flat_map(|(_, s)| s))
            .map(|s| s.doc.0)
            .collect();
        let mut g = RelationGraph::new();
        let mut local: HashMap<u32, DocId> = HashMap::with_capacity(cited.len());
        for doc in cited {
            let mut d = self.document(i64::from(doc))?;
            if detail != Detail::Full {
                d.sentences = Vec::new();
            }
            local.insert(doc, g.intern_document(d));
        }
        let relink = |sources: &mut Vec<Source>| {
            for s in sources.iter_mut() {
                s.doc = local[&s.doc.0];
            }
        };
        let mut ix = HashMap::with_capacity(loaded_nodes.len());
        for (row, mut n) in loaded_nodes {
            relink(&mut n.sources);
            ix.insert(row, g.insert_node(n));
        }
        for (e, mut sources) in loaded_edges {
            relink(&mut sources);
            let edge = g.ensure_edge(ix[&e.src], ix[&e.dst], e.kind, e.title);
            g.edge_mut(edge).sources = sources;
        }
        Ok(g)
    }

    /// The whole graph in memory, documents in merge order: what `graph.json` holds. Takes
    /// memory in proportion to the graph; exports of large graphs stream instead
    /// ([`Store::write_json`]).
    pub fn whole(&self) -> Result<RelationGraph> {
        let mut g = RelationGraph::new();
        let docs: Vec<i64> = self.all("SELECT doc FROM documents ORDER BY doc")?;
        let mut local = HashMap::with_capacity(docs.len());
        for doc in docs {
            local.insert(doc as u32, g.intern_document(self.document(doc)?));
        }
        let mut ix = HashMap::new();
        for node in self.all("SELECT node FROM nodes WHERE id IS NOT NULL ORDER BY node")? {
            let mut n = self.node_full(node, true)?;
            for s in &mut n.sources {
                s.doc = local[&s.doc.0];
            }
            ix.insert(node, g.insert_node(n));
        }
        for edge in self.all("SELECT edge FROM edges ORDER BY edge")? {
            let e = self.edge_row(edge)?;
            let mut sources = self.edge_sources(edge)?;
            for s in &mut sources {
                s.doc = local[&s.doc.0];
            }
            let ix = g.ensure_edge(ix[&e.src], ix[&e.dst], e.kind, e.title);
            g.edge_mut(ix).sources = sources;
        }
        Ok(g)
    }

    pub(super) fn edge_row(&self, edge: i64) -> Result<EdgeRow> {
        self.edge_rows(&format!("SELECT {EDGE_COLUMNS} FROM edges WHERE edge = ?1"), edge)?
            .pop()
            .ok_or_else(|| self.damaged("an edge is missing"))
    }

    /// The one-column rows of a query without parameters.
    pub(super) fn all(&self, sql: &str) -> Result<Vec<i64>> {
        self.conn.prepare(sql).and_then(|mut s| s.query_map([], |r| r.get(0))?.collect()).map_err(|e| self.error(e))
    }

    /// A node and its edges of `kinds` in direction `dir` (the answer to `attendees`,
    /// `meetings`, `posts`, `members`), with sources.
    pub fn star(&self, center: NodeId, dir: Direction, kinds: &[EdgeKind]) -> Result<RelationGraph> {
        let (nodes, edges) = self.star_parts(center.0, dir, kinds)?;
        self.graph_of(&nodes, Edges::Listed(edges), true, Detail::Center(center.0))
    }

    fn star_parts(&self, center: i64, dir: Direction, kinds: &[EdgeKind]) -> Result<(BTreeSet<i64>, Vec<EdgeRow>)> {
        let edges: Vec<EdgeRow> = self.edges_of(center, dir)?.into_iter().filter(|e| kinds.contains(&e.kind)).collect();
        let mut nodes: BTreeSet<i64> = edges.iter().flat_map(|e| [e.src, e.dst]).collect();
        nodes.insert(center);
        Ok((nodes, edges))
    }

    /// A person, their meetings and everyone at those meetings, with the attendance edges
    /// (no sources): the answer to `coattendees`.
    pub fn coattendance(&self, person: NodeId) -> Result<RelationGraph> {
        let kinds = [EdgeKind::Attended, EdgeKind::Presided, EdgeKind::Spoke];
        let (mut nodes, mut edges) = self.star_parts(person.0, Direction::Outgoing, &kinds)?;
        let meetings: BTreeSet<i64> = edges.iter().map(|e| e.dst).collect();
        let mut seen: HashSet<i64> = edges.iter().map(|e| e.edge).collect();
        for m in meetings {
            let (more, at) = self.star_parts(m, Direction::Incoming, &kinds)?;
            nodes.extend(more);
            edges.extend(at.into_iter().filter(|e| seen.insert(e.edge)));
        }
        self.graph_of(&nodes, Edges::Listed(edges), false, Detail::Light)
    }

    /// A node with its namesakes (other nodes of its kind and label) and all its sources:
    /// the answer to `show`.
    pub fn node_with_namesakes(&self, node: NodeId) -> Result<RelationGraph> {
        let n = self.node_row(node.0)?;
        let same: Vec<i64> = self
            .conn
            .prepare_cached("SELECT node FROM nodes WHERE label = ?1 AND kind = ?2 AND id IS NOT NULL")
            .and_then(|mut s| s.query_map(params![n.label, node_code(n.kind)], |r| r.get(0))?.collect())
            .map_err(|e| self.error(e))?;
        let mut nodes: BTreeSet<i64> = same.into_iter().collect();
        nodes.insert(node.0);
        self.graph_of(&nodes, Edges::Listed(Vec::new()), true, Detail::Center(node.0))
    }

    /// The nodes at most `depth` edges from `center` (either way) and every edge among them,
    /// with sources: what `export --around` writes. The same as [`crate::export::around`] on
    /// the whole graph, documents numbered alike.
    pub fn around(&self, center: NodeId, depth: usize) -> Result<RelationGraph> {
        let mut seen: BTreeSet<i64> = BTreeSet::from([center.0]);
        let mut queue = VecDeque::from([(center.0, 0)]);
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for other in self.neighbours(n)? {
                if seen.insert(other) {
                    queue.push_back((other, d + 1));
                }
            }
        }
        let g = self.graph_of(&seen, Edges::Among, true, Detail::Full)?;
        // Renumber documents in the order the in-memory subgraph cites them.
        Ok(g.subgraph(&g.petgraph().node_indices().collect()))
    }

    /// Some nodes alone (no edges, no sources).
    pub fn graph_of_nodes(&self, nodes: &[NodeId]) -> Result<RelationGraph> {
        self.graph_of(&nodes.iter().map(|n| n.0).collect(), Edges::Listed(Vec::new()), false, Detail::Light)
    }

    /// The store row of a node id.
    pub fn node_of_id(&self, id: &str) -> Result<Option<NodeId>> {
        use rusqlite::OptionalExtension;
        self.conn
            .prepare_cached("SELECT node FROM nodes WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map(|n| n.map(NodeId))
            .map_err(|e| self.error(e))
    }

    /// A node's id and kind.
    pub fn node_id(&self, node: NodeId) -> Result<(String, NodeKind)> {
        let n = self.node_row(node.0)?;
        Ok((n.id, n.kind))
    }

    /// Counts of documents, nodes by kind, edges by kind and namesake persons, kept up to
    /// date by every build: the answer to `stats` without reading the graph.
    pub fn stats(&self) -> Result<crate::query::Stats> {
        let mut nodes_by_kind = BTreeMap::new();
        for k in NodeKind::ALL {
            nodes_by_kind.insert(k, self.meta_count(&format!("nodes:{k}"))? as usize);
        }
        let mut edges_by_kind = BTreeMap::new();
        for k in EdgeKind::ALL {
            edges_by_kind.insert(k, self.meta_count(&format!("edges:{k}"))? as usize);
        }
        Ok(crate::query::Stats {
            documents: self.document_count()?,
            nodes: nodes_by_kind.values().sum(),
            edges: edges_by_kind.values().sum(),
            nodes_by_kind,
            edges_by_kind,
            namesakes: self.meta_count("namesakes")? as usize,
        })
    }
}

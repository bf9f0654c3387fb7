//! One relation graph across many reports: persons, bodies and meetings as nodes, posts,
//! attendance and organising as edges, each with the documents and spans it came from.
//!
//! Build one with [`RelationGraph::add_extraction`] (see [`merge`] for how records merge),
//! save and load it with [`io`].
//!
//! ```
//! use guanxi::graph::{RelationGraph, NodeKind};
//! let record: guanxi::Extraction = serde_json::from_str(r#"{
//!   "source": "a.txt", "persons": [{"name": "张明", "mentions": []}],
//!   "organizations": [{"name": "某市人民政府", "aliases": ["市政府"]}],
//!   "roles": [{"person": "张明", "title": "市长", "organization": "市政府"}]
//! }"#).unwrap();
//! let mut graph = RelationGraph::new();
//! graph.add_extraction(&record);
//! assert_eq!(graph.count(NodeKind::Person), 1);
//! assert_eq!(graph.edge_count(), 1);
//! ```

pub mod evidence;
pub mod io;
pub mod merge;
pub mod model;
mod region;

use std::collections::HashMap;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

pub use model::{DocId, Document, Edge, EdgeKind, Node, NodeKind, Post, Source};
pub use region::region_of;

/// The graph: a petgraph [`StableDiGraph`] plus the indexes that merging and lookup need.
#[derive(Debug, Clone, Default)]
pub struct RelationGraph {
    graph: StableDiGraph<Node, Edge>,
    documents: Vec<Document>,
    doc_index: HashMap<String, DocId>,
    by_id: HashMap<String, NodeIndex>,
    /// Persons by name (several when namesakes are kept apart).
    persons: HashMap<String, Vec<NodeIndex>>,
    /// Bodies by canonical name and by every alias (several when an alias is shared).
    org_names: HashMap<String, Vec<NodeIndex>>,
    edges: HashMap<(NodeIndex, NodeIndex, EdgeKind, Option<String>), EdgeIndex>,
    meetings: HashMap<(String, Option<String>), NodeIndex>,
    /// Every date sources carry, stored once.
    dates: std::collections::HashSet<std::sync::Arc<str>>,
    /// Ids taken by nodes kept elsewhere (the store's nodes not loaded into this graph), so
    /// that a new node never takes one.
    pub(crate) reserved: std::collections::HashSet<String>,
    /// Bodies folded into others, as (kept id, dropped id), in the order it happened: the
    /// store replays them on the nodes it holds.
    pub(crate) absorbed: Vec<(String, String)>,
    /// Nodes in the order they were made (petgraph reuses the indexes of removed nodes).
    pub(crate) created: Vec<NodeIndex>,
}

impl RelationGraph {
    /// An empty graph.
    pub fn new() -> RelationGraph {
        RelationGraph::default()
    }

    /// The underlying petgraph graph, for algorithms this crate does not offer.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.graph
    }

    /// The documents the graph was built from, in the order they were added.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// One document.
    pub fn document(&self, doc: DocId) -> &Document {
        &self.documents[doc.0 as usize]
    }

    /// Whether a document (by path) is already in the graph.
    pub fn contains_document(&self, path: &str) -> bool {
        self.doc_index.contains_key(path)
    }

    /// Adds a document, or finds it when its path is already there.
    pub fn intern_document(&mut self, document: Document) -> DocId {
        if let Some(&id) = self.doc_index.get(&document.path) {
            return id;
        }
        let id = DocId(u32::try_from(self.documents.len()).expect("fewer than 4 billion documents"));
        self.doc_index.insert(document.path.clone(), id);
        self.documents.push(document);
        id
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Number of nodes of one kind.
    pub fn count(&self, kind: NodeKind) -> usize {
        self.graph.node_weights().filter(|n| n.kind == kind).count()
    }

    /// A node.
    pub fn node(&self, ix: NodeIndex) -> &Node {
        &self.graph[ix]
    }

    /// An edge.
    pub fn edge(&self, ix: EdgeIndex) -> &Edge {
        &self.graph[ix]
    }

    /// The node with this id.
    pub fn find_id(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// Every node, sorted by id (the order of every output).
    pub fn nodes_sorted(&self) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.node_indices().collect();
        v.sort_by(|a, b| self.graph[*a].id.cmp(&self.graph[*b].id));
        v
    }

    /// Every edge, sorted by source id, target id and key (the order of every output).
    pub fn edges_sorted(&self) -> Vec<EdgeIndex> {
        let mut v: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        v.sort_by_cached_key(|&e| {
            let (a, b) = self.endpoints(e);
            (self.graph[a].id.clone(), self.graph[b].id.clone(), self.graph[e].kind, self.graph[e].title.clone())
        });
        v
    }

    /// An edge, to change its sources (the store fills the graphs it loads).
    pub(crate) fn edge_mut(&mut self, ix: EdgeIndex) -> &mut Edge {
        &mut self.graph[ix]
    }

    /// Source and target of an edge.
    pub fn endpoints(&self, e: EdgeIndex) -> (NodeIndex, NodeIndex) {
        self.graph.edge_endpoints(e).expect("edge index from this graph")
    }

    /// The edges leaving (`Outgoing`) or entering (`Incoming`) a node, with the node at the
    /// other end.
    pub fn edges_of(&self, ix: NodeIndex, dir: Direction) -> Vec<(EdgeIndex, NodeIndex)> {
        self.graph
            .edges_directed(ix, dir)
            .map(|e| (e.id(), if dir == Direction::Outgoing { e.target() } else { e.source() }))
            .collect()
    }

    /// Every node of a kind (unsorted).
    pub fn nodes_of(&self, kind: NodeKind) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph.node_indices().filter(move |&ix| self.graph[ix].kind == kind)
    }

    /// The bodies whose canonical name or alias is exactly `name`.
    pub fn organizations_named(&self, name: &str) -> &[NodeIndex] {
        self.org_names.get(name).map_or(&[], Vec::as_slice)
    }

    /// The persons called exactly `name`.
    pub fn persons_named(&self, name: &str) -> &[NodeIndex] {
        self.persons.get(name).map_or(&[], Vec::as_slice)
    }

    /// The meeting with this name and date.
    pub fn meeting(&self, name: &str, date: Option<&str>) -> Option<NodeIndex> {
        self.meetings.get(&(name.to_string(), date.map(str::to_string))).copied()
    }

    /// The shared copy of a date.
    pub(crate) fn intern_date(&mut self, date: Option<&str>) -> Option<std::sync::Arc<str>> {
        let date = date?;
        if let Some(d) = self.dates.get(date) {
            return Some(d.clone());
        }
        let d: std::sync::Arc<str> = date.into();
        self.dates.insert(d.clone());
        Some(d)
    }

    /// An id not yet used: `base`, else `base#2`, `base#3` ...
    fn fresh_id(&self, base: String) -> String {
        let taken = |id: &str| self.by_id.contains_key(id) || self.reserved.contains(id);
        if !taken(&base) {
            return base;
        }
        (2..).map(|n| format!("{base}#{n}")).find(|id| !taken(id)).expect("some suffix is free")
    }

    /// Adds a node and indexes it. Its id must be new.
    pub(crate) fn insert_node(&mut self, node: Node) -> NodeIndex {
        let id = node.id.clone();
        let kind = node.kind;
        let label = node.label.clone();
        let aliases = node.aliases.clone();
        let ix = self.graph.add_node(node);
        self.by_id.insert(id, ix);
        self.created.push(ix);
        match kind {
            NodeKind::Person => self.persons.entry(label).or_default().push(ix),
            NodeKind::Organization => {
                for name in std::iter::once(label).chain(aliases) {
                    self.index_org_name(name, ix);
                }
            }
            NodeKind::Meeting => {
                let date = self.graph[ix].date.clone();
                self.meetings.insert((label, date), ix);
            }
        }
        ix
    }

    fn index_org_name(&mut self, name: String, ix: NodeIndex) {
        let v = self.org_names.entry(name).or_default();
        if !v.contains(&ix) {
            v.push(ix);
        }
    }

    /// Adds an edge, or merges `source` into the one with the same ends, kind and title.
    fn upsert_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        kind: EdgeKind,
        title: Option<String>,
        source: Source,
    ) -> EdgeIndex {
        let e = self.ensure_edge(a, b, kind, title);
        model::add_source(&mut self.graph[e].sources, source);
        e
    }

    /// The edge with these ends, kind and title, made (without sources) when missing.
    pub(crate) fn ensure_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        kind: EdgeKind,
        title: Option<String>,
    ) -> EdgeIndex {
        let key = (a, b, kind, title);
        if let Some(&e) = self.edges.get(&key) {
            return e;
        }
        let e = self.graph.add_edge(a, b, Edge { kind, title: key.3.clone(), sources: Vec::new() });
        self.edges.insert(key, e);
        e
    }
}

impl RelationGraph {
    /// The graph restricted to `keep` and the edges among those nodes, with only the
    /// documents they cite. Ids stay as they are.
    pub fn subgraph(&self, keep: &std::collections::HashSet<NodeIndex>) -> RelationGraph {
        let mut sub = RelationGraph::new();
        let remap = |sub: &mut RelationGraph, sources: &[Source]| -> Vec<Source> {
            let mut out: Vec<Source> = sources
                .iter()
                .map(|s| Source { doc: sub.intern_document(self.document(s.doc).clone()), ..s.clone() })
                .collect();
            out.sort_by_key(|s| s.doc);
            out
        };
        let mut map = HashMap::new();
        for ix in self.nodes_sorted() {
            if keep.contains(&ix) {
                let mut node = self.graph[ix].clone();
                node.sources = remap(&mut sub, &node.sources);
                map.insert(ix, sub.insert_node(node));
            }
        }
        for e in self.edges_sorted() {
            let (a, b) = self.endpoints(e);
            if let (Some(&a), Some(&b)) = (map.get(&a), map.get(&b)) {
                let w = &self.graph[e];
                let ix = sub.ensure_edge(a, b, w.kind, w.title.clone());
                sub.graph[ix].sources = remap(&mut sub, &w.sources);
            }
        }
        sub
    }
}

//! `graph.json`: the graph as node-link JSON that networkx (`node_link_graph`) and d3 read
//! directly, and that loads back into a [`RelationGraph`] without loss.
//!
//! ```json
//! {"format": "guanxi-graph", "version": 1, "directed": true, "multigraph": true,
//!  "graph": {"name": "guanxi", "documents": [{"path": "a.txt", "published": "2024-02-20"}]},
//!  "nodes": [{"id": "person:张明", "kind": "person", "label": "张明", "regions": [...],
//!             "posts": [...], "sources": [{"document": "a.txt", "spans": [{"start": 3, "end": 5}]}]}],
//!  "edges": [{"source": "person:张明", "target": "organization:某市人民政府",
//!             "key": "holds_post:市长", "kind": "holds_post", "title": "市长",
//!             "dates": ["2024-02-20"], "sources": [...]}]}
//! ```
//! One node or edge per line, in id order, so the same graph gives the same bytes and diffs
//! read well. Edges are under `edges` (the networkx 3.4+ default; older networkx wants
//! `link="edges"` / `edges="edges"`).

use std::borrow::Cow;
use std::io::{Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::model::{add_source, DocId, Document, Edge, EdgeKind, Node, NodeKind, Post, Source};
use super::RelationGraph;
use crate::error::{Error, Result};
use crate::extract::record::Span;

/// The value of the top-level `format` field.
pub const FORMAT: &str = "guanxi-graph";
/// The version of the file layout this build writes and the newest it reads.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Header<'a> {
    format: Cow<'a, str>,
    version: u32,
    directed: bool,
    multigraph: bool,
    graph: GraphAttrs<'a>,
}

#[derive(Serialize, Deserialize)]
struct GraphAttrs<'a> {
    name: Cow<'a, str>,
    documents: Cow<'a, [Document]>,
}

#[derive(Deserialize)]
struct File<'a> {
    #[serde(flatten)]
    header: Header<'a>,
    nodes: Vec<JsonNode<'a>>,
    edges: Vec<JsonEdge<'a>>,
}

#[derive(Serialize, Deserialize)]
struct JsonSource<'a> {
    document: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    spans: Cow<'a, [Span]>,
}

#[derive(Serialize, Deserialize)]
struct JsonNode<'a> {
    id: Cow<'a, str>,
    kind: NodeKind,
    label: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    aliases: Cow<'a, [String]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    category: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    regions: Cow<'a, [String]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    posts: Cow<'a, [Post]>,
    #[serde(default)]
    sources: Vec<JsonSource<'a>>,
}

#[derive(Serialize, Deserialize)]
struct JsonEdge<'a> {
    source: Cow<'a, str>,
    target: Cow<'a, str>,
    key: Cow<'a, str>,
    kind: EdgeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dates: Vec<String>,
    #[serde(default)]
    sources: Vec<JsonSource<'a>>,
}

/// Writes `graph.json` piece by piece: the documents, then the nodes in id order, then the
/// edges in (source, target, key) order. [`RelationGraph::write_json`] and the store's export
/// both write through it, so the two give the same bytes.
pub struct JsonWriter<'w> {
    out: &'w mut dyn Write,
    written: usize,
    part: Part,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Documents,
    Nodes,
    Edges,
}

fn json_sources<'x, 'n: 'x, 'p: 'x>(sources: &'n [Source], doc_path: &dyn Fn(DocId) -> &'p str) -> Vec<JsonSource<'x>> {
    sources
        .iter()
        .map(|s| JsonSource {
            document: Cow::Borrowed(doc_path(s.doc)),
            date: s.date.as_deref().map(Cow::Borrowed),
            spans: Cow::Borrowed(&s.spans),
        })
        .collect()
}

impl<'w> JsonWriter<'w> {
    /// Writes the header; documents come next.
    pub fn begin(out: &'w mut dyn Write) -> std::io::Result<JsonWriter<'w>> {
        let header = Header {
            format: FORMAT.into(),
            version: VERSION,
            directed: true,
            multigraph: true,
            graph: GraphAttrs { name: "guanxi".into(), documents: Cow::Borrowed(&[]) },
        };
        let head = serde_json::to_string(&header)?;
        // `…"documents":[]}}`: keep all up to the open bracket.
        out.write_all(&head.as_bytes()[..head.len() - 3])?;
        Ok(JsonWriter { out, written: 0, part: Part::Documents })
    }

    /// Closes the parts before `part` (the same bytes with or without items).
    fn advance(&mut self, part: Part) -> std::io::Result<()> {
        while self.part != part {
            let (bytes, next): (&[u8], Part) = match self.part {
                Part::Documents => (b"]},\n\"nodes\": [", Part::Nodes),
                Part::Nodes => (b"\n],\n\"edges\": [", Part::Edges),
                Part::Edges => unreachable!("edges are the last part"),
            };
            self.out.write_all(bytes)?;
            self.part = next;
            self.written = 0;
        }
        Ok(())
    }

    fn separator(&mut self, part: Part) -> std::io::Result<()> {
        self.advance(part)?;
        let sep: &[u8] = match (part, self.written) {
            (Part::Documents, 0) => b"",
            (Part::Documents, _) => b",",
            (_, 0) => b"\n",
            _ => b",\n",
        };
        self.written += 1;
        self.out.write_all(sep)
    }

    /// One document (all come before the first node).
    pub fn document(&mut self, d: &Document) -> std::io::Result<()> {
        self.separator(Part::Documents)?;
        serde_json::to_writer(&mut *self.out, d)?;
        Ok(())
    }

    /// One node (in id order, before the first edge); `doc_path` names its documents.
    pub fn node<'p>(&mut self, n: &Node, doc_path: &dyn Fn(DocId) -> &'p str) -> std::io::Result<()> {
        self.separator(Part::Nodes)?;
        let node = JsonNode {
            id: Cow::Borrowed(&n.id),
            kind: n.kind,
            label: Cow::Borrowed(&n.label),
            date: n.date.as_deref().map(Cow::Borrowed),
            aliases: Cow::Borrowed(&n.aliases),
            category: n.org_kind.as_deref().map(Cow::Borrowed),
            parent: n.parent.as_deref().map(Cow::Borrowed),
            regions: Cow::Borrowed(&n.regions),
            posts: Cow::Borrowed(&n.posts),
            sources: json_sources(&n.sources, doc_path),
        };
        serde_json::to_writer(&mut *self.out, &node)?;
        Ok(())
    }

    /// One edge from the node `source` to the node `target` (ids), in order.
    pub fn edge<'p>(
        &mut self,
        source: &str,
        target: &str,
        w: &Edge,
        doc_path: &dyn Fn(DocId) -> &'p str,
    ) -> std::io::Result<()> {
        self.separator(Part::Edges)?;
        let edge = JsonEdge {
            source: Cow::Borrowed(source),
            target: Cow::Borrowed(target),
            key: w.key().into(),
            kind: w.kind,
            title: w.title.as_deref().map(Cow::Borrowed),
            dates: w.dates(),
            sources: json_sources(&w.sources, doc_path),
        };
        serde_json::to_writer(&mut *self.out, &edge)?;
        Ok(())
    }

    /// Closes the file.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.advance(Part::Edges)?;
        self.out.write_all(b"\n]}\n")
    }
}

impl RelationGraph {
    /// Writes the graph as `graph.json` (see the module docs).
    pub fn write_json(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut w = JsonWriter::begin(out)?;
        for d in &self.documents {
            w.document(d)?;
        }
        let doc_path = |d: DocId| self.document(d).path.as_str();
        for ix in self.nodes_sorted() {
            w.node(&self.graph[ix], &doc_path)?;
        }
        for e in self.edges_sorted() {
            let (a, b) = self.endpoints(e);
            w.edge(&self.graph[a].id, &self.graph[b].id, &self.graph[e], &doc_path)?;
        }
        w.finish()
    }

    /// Reads a graph written by [`RelationGraph::write_json`]. `origin` names the input in
    /// error messages.
    pub fn read_json(mut input: impl Read, origin: &Path) -> Result<RelationGraph> {
        let bad = |message: String| Error::Input { path: origin.into(), message };
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes).map_err(|e| Error::Io { path: origin.into(), source: e })?;
        let file: File = serde_json::from_slice(&bytes).map_err(|e| bad(format!("not a guanxi graph: {e}")))?;
        if file.header.format != FORMAT {
            return Err(bad(format!("format is {:?}, expected {FORMAT:?}", file.header.format)));
        }
        if file.header.version > VERSION {
            return Err(bad(format!(
                "graph version {} is newer than this guanxi reads ({VERSION})",
                file.header.version
            )));
        }
        let mut g = RelationGraph::new();
        for d in file.header.graph.documents.into_owned() {
            g.intern_document(d);
        }
        for n in file.nodes {
            if g.find_id(&n.id).is_some() {
                return Err(bad(format!("node {:?} appears twice", n.id)));
            }
            let mut node = Node::new(n.id.into_owned(), n.kind, n.label.into_owned());
            node.date = n.date.map(Cow::into_owned);
            node.aliases = n.aliases.into_owned();
            node.org_kind = n.category.map(Cow::into_owned);
            node.parent = n.parent.map(Cow::into_owned);
            node.regions = n.regions.into_owned();
            node.posts = n.posts.into_owned();
            node.sources = g.read_sources(n.sources);
            g.insert_node(node);
        }
        for e in file.edges {
            let end =
                |id: &str| g.find_id(id).ok_or_else(|| bad(format!("edge {:?} names an unknown node {id:?}", e.key)));
            let (a, b) = (end(&e.source)?, end(&e.target)?);
            let sources = g.read_sources(e.sources);
            let title = e.title.map(Cow::into_owned);
            let ix = g.ensure_edge(a, b, e.kind, title);
            for s in sources {
                add_source(&mut g.graph[ix].sources, s);
            }
        }
        Ok(g)
    }

    fn read_sources(&mut self, sources: Vec<JsonSource<'_>>) -> Vec<Source> {
        let mut out = Vec::with_capacity(sources.len());
        for s in sources {
            let doc: DocId = self.intern_document(Document {
                path: s.document.into_owned(),
                title: None,
                published: None,
                sentences: Vec::new(),
            });
            let date = self.intern_date(s.date.as_deref());
            add_source(&mut out, Source { doc, date, spans: s.spans.into_owned() });
        }
        out
    }

    /// Loads `graph.json` from a file.
    pub fn load(path: &Path) -> Result<RelationGraph> {
        let file = std::fs::File::open(path).map_err(|e| Error::Io { path: path.into(), source: e })?;
        RelationGraph::read_json(std::io::BufReader::new(file), path)
    }
}

//! Merging a batch of records into the store.
//!
//! The nodes a batch can touch are those its records name: persons by name (every namesake,
//! with regions), bodies by name or alias (with all their names), meetings by name and date.
//! They are read into a fresh [`RelationGraph`] with the ids the store holds for other nodes
//! of those names reserved, the records are merged into it with the in-memory rules
//! ([`crate::graph::merge`]), and what changed is written back: new documents, nodes, names,
//! regions, posts, sources and edges, and bodies folded into others (their stored edges and
//! sources moved). Sources are only ever added for new documents, so the stored ones are
//! never read during a build.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use super::schema::{edge_code, node_code, node_kind, spans_blob};
use super::Store;
use crate::error::{Error, Result};
use crate::extract::record::Extraction;
use crate::graph::evidence::Sentence;
use crate::graph::{EdgeKind, Node, NodeKind, RelationGraph};

/// The names a batch's records use: the keys of every node merging may touch.
#[derive(Default)]
struct Keys<'a> {
    persons: BTreeSet<&'a str>,
    organizations: BTreeSet<&'a str>,
    meetings: BTreeSet<(&'a str, Option<&'a str>)>,
}

impl<'a> Keys<'a> {
    fn of(records: impl Iterator<Item = &'a Extraction>) -> Keys<'a> {
        let mut k = Keys::default();
        for r in records {
            k.persons.extend(r.persons.iter().map(|p| p.name.as_str()));
            k.persons.extend(r.roles.iter().map(|p| p.person.as_str()));
            k.persons.extend(r.attendance.iter().map(|p| p.person.as_str()));
            for o in &r.organizations {
                k.organizations.insert(&o.name);
                k.organizations.extend(o.aliases.iter().map(String::as_str));
            }
            k.organizations.extend(r.roles.iter().filter_map(|p| p.organization.as_deref()));
            for m in &r.meetings {
                k.organizations.extend(m.organizers.iter().map(String::as_str));
                k.meetings.insert((&m.name, m.date.as_deref()));
            }
        }
        k
    }

    /// The ids new nodes of these names would start from (`person:张明`, then `#2` ...).
    fn id_bases(&self) -> Vec<String> {
        let mut v: Vec<String> = self.persons.iter().map(|n| format!("person:{n}")).collect();
        v.extend(self.organizations.iter().map(|n| format!("organization:{n}")));
        v.extend(self.meetings.iter().map(|(n, d)| match d {
            Some(d) => format!("meeting:{n}@{d}"),
            None => format!("meeting:{n}"),
        }));
        v
    }
}

/// The stored nodes loaded into a batch's graph.
struct Loaded {
    row: HashMap<NodeIndex, i64>,
    by_id: HashMap<String, i64>,
    /// Persons per name before the batch (for the namesake count).
    persons: HashMap<String, usize>,
    /// What each loaded node had in the store, so that only what merging added is written.
    before: HashMap<i64, Before>,
}

/// The names and attributes a stored node had when it was loaded.
struct Before {
    aliases: Vec<String>,
    regions: Vec<String>,
    org_kind: Option<String>,
    parent: Option<String>,
}

impl Before {
    fn of(n: &Node) -> Before {
        Before {
            aliases: n.aliases.clone(),
            regions: n.regions.clone(),
            org_kind: n.org_kind.clone(),
            parent: n.parent.clone(),
        }
    }
}

impl Store {
    /// Merges records (each with the evidence sentences of its report) into the store, in
    /// order. Records of documents the store already holds are skipped. Returns how many
    /// documents were added.
    pub fn merge_batch(&mut self, batch: Vec<(Extraction, Vec<Sentence>)>) -> Result<usize> {
        let mut fresh = Vec::with_capacity(batch.len());
        for item in batch {
            if !self.contains_document(&item.0.source)? {
                fresh.push(item);
            }
        }
        if fresh.is_empty() {
            return Ok(0);
        }
        let keys = Keys::of(fresh.iter().map(|(r, _)| r));
        let mut ws = RelationGraph::new();
        let loaded = self.load_working_set(&mut ws, &keys)?;
        let mut digest = Sha256::new();
        digest.update(self.content_digest()?.as_bytes());
        for (record, sentences) in fresh {
            digest.update(serde_json::to_vec(&record).expect("records serialise"));
            ws.add_extraction(&record);
            ws.add_sentences(&record.source, sentences);
        }
        self.set_meta("content", &hex(&digest.finalize()))?;
        self.write_back(&ws, &loaded)?;
        Ok(ws.documents().len())
    }

    /// Reads the nodes `keys` name into `ws`, in creation order, and reserves the ids of
    /// other stored nodes that a new node of those names could take.
    fn load_working_set(&self, ws: &mut RelationGraph, keys: &Keys<'_>) -> Result<Loaded> {
        let e = |e| self.error(e);
        let mut rows: BTreeSet<i64> = BTreeSet::new();
        let mut by_label =
            self.conn.prepare_cached("SELECT node FROM nodes WHERE label = ?1 AND kind = ?2").map_err(e)?;
        let mut by_alias = self.conn.prepare_cached("SELECT node FROM aliases WHERE name = ?1").map_err(e)?;
        let mut meeting = self
            .conn
            .prepare_cached("SELECT node FROM nodes WHERE label = ?1 AND kind = ?2 AND date IS ?3")
            .map_err(e)?;
        let collect = |rows: &mut BTreeSet<i64>, found: rusqlite::Result<Vec<i64>>| -> Result<()> {
            rows.extend(found.map_err(e)?);
            Ok(())
        };
        // Persons are most of what a batch loads (every namesake of every name), so each
        // name's namesakes come with their regions in one query.
        let mut persons: HashMap<i64, Node> = HashMap::new();
        let mut namesakes = self
            .conn
            .prepare_cached(
                "SELECT n.node, n.id, n.date, n.category, n.parent, r.region FROM nodes n \
                 LEFT JOIN regions r ON r.node = n.node WHERE n.label = ?1 AND n.kind = ?2 ORDER BY n.node, r.region",
            )
            .map_err(e)?;
        for name in &keys.persons {
            let mut found = namesakes.query(params![name, node_code(NodeKind::Person)]).map_err(e)?;
            while let Some(r) = found.next().map_err(e)? {
                let node: i64 = r.get(0).map_err(e)?;
                let region: Option<String> = r.get(5).map_err(e)?;
                if let Some(n) = persons.get_mut(&node) {
                    n.regions.extend(region);
                    continue;
                }
                let Some(id) = r.get::<_, Option<String>>(1).map_err(e)? else {
                    return Err(self.damaged("a node without id or of an unknown kind"));
                };
                let mut n = Node::new(id, NodeKind::Person, name.to_string());
                n.date = r.get(2).map_err(e)?;
                n.org_kind = r.get(3).map_err(e)?;
                n.parent = r.get(4).map_err(e)?;
                n.regions.extend(region);
                persons.insert(node, n);
                rows.insert(node);
            }
        }
        for name in &keys.organizations {
            let found = by_label.query_map(params![name, node_code(NodeKind::Organization)], |r| r.get(0));
            collect(&mut rows, found.and_then(Iterator::collect))?;
            collect(&mut rows, by_alias.query_map([name], |r| r.get(0)).and_then(Iterator::collect))?;
        }
        for (name, date) in &keys.meetings {
            let found = meeting.query_map(params![name, node_code(NodeKind::Meeting), date], |r| r.get(0));
            collect(&mut rows, found.and_then(Iterator::collect))?;
        }
        let mut loaded =
            Loaded { row: HashMap::new(), by_id: HashMap::new(), persons: HashMap::new(), before: HashMap::new() };
        for node in rows {
            let n = match persons.remove(&node) {
                Some(n) => n,
                None => self.node_for_merge(node)?,
            };
            loaded.before.insert(node, Before::of(&n));
            if n.kind == NodeKind::Person {
                *loaded.persons.entry(n.label.clone()).or_default() += 1;
            }
            loaded.by_id.insert(n.id.clone(), node);
            loaded.row.insert(ws.insert_node(n), node);
        }
        let mut ids = self.conn.prepare_cached("SELECT id FROM nodes WHERE id >= ?1 AND id < ?2").map_err(e)?;
        for base in keys.id_bases() {
            // `base`, `base#2` ... all sort in [base, base + "$").
            let taken: Vec<String> = ids
                .query_map((&base, format!("{base}$")), |r| r.get(0))
                .map_err(e)?
                .collect::<rusqlite::Result<_>>()
                .map_err(e)?;
            for id in taken {
                if ws.find_id(&id).is_none() {
                    ws.reserved.insert(id);
                }
            }
        }
        Ok(loaded)
    }

    /// Writes what merging changed in `ws` (see the module docs).
    fn write_back(&self, ws: &RelationGraph, loaded: &Loaded) -> Result<()> {
        let e = |e| self.error(e);
        // Documents, in merge order.
        let mut add_doc = self
            .conn
            .prepare_cached("INSERT INTO documents(path, title, published, sentences) VALUES (?1, ?2, ?3, ?4)")
            .map_err(e)?;
        let mut doc_rows = Vec::with_capacity(ws.documents().len());
        for d in ws.documents() {
            let sentences =
                (!d.sentences.is_empty()).then(|| serde_json::to_string(&d.sentences).expect("sentences serialise"));
            add_doc.execute(params![d.path, d.title, d.published, sentences]).map_err(e)?;
            doc_rows.push(self.conn.last_insert_rowid());
        }
        self.add_count("documents", doc_rows.len() as i64)?;

        // Bodies folded away give up their ids now: a new node may take one.
        let dropped: Vec<i64> = ws.absorbed.iter().filter_map(|(_, drop)| loaded.by_id.get(drop).copied()).collect();
        for &row in &dropped {
            self.conn.execute("UPDATE nodes SET id = NULL WHERE node = ?1", [row]).map_err(e)?;
        }

        // Nodes, in creation order (namesakes keep their order). petgraph gives a node made
        // after a fold the index of the folded one: a stored node is one whose index, id and
        // row are still those it was loaded with.
        let stored = |ix: &NodeIndex| -> Option<i64> {
            let row = *loaded.row.get(ix)?;
            (loaded.by_id.get(&ws.node(*ix).id) == Some(&row) && !dropped.contains(&row)).then_some(row)
        };
        // Nodes and edges made, counted once per batch (one meta update per kind).
        let mut made: BTreeMap<String, i64> = BTreeMap::new();
        let mut rows: HashMap<NodeIndex, i64> = HashMap::with_capacity(ws.node_count());
        for &ix in &ws.created {
            let n = ws.node(ix);
            let (row, before) = match stored(&ix) {
                Some(row) => {
                    let before = loaded.before.get(&row);
                    let filled = before.is_some_and(|b| b.org_kind == n.org_kind && b.parent == n.parent);
                    if !filled && (n.org_kind.is_some() || n.parent.is_some()) {
                        self.conn
                            .prepare_cached(
                                "UPDATE nodes SET category = COALESCE(category, ?2), parent = COALESCE(parent, ?3) WHERE node = ?1",
                            )
                            .and_then(|mut s| s.execute(params![row, n.org_kind, n.parent]))
                            .map_err(e)?;
                    }
                    (row, before)
                }
                None => {
                    self.conn
                        .prepare_cached(
                            "INSERT INTO nodes(id, kind, label, date, category, parent) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        )
                        .and_then(|mut s| {
                            s.execute(params![n.id, node_code(n.kind), n.label, n.date, n.org_kind, n.parent])
                        })
                        .map_err(e)?;
                    *made.entry(format!("nodes:{}", n.kind)).or_default() += 1;
                    (self.conn.last_insert_rowid(), None)
                }
            };
            rows.insert(ix, row);
            let add = |sql: &str, value: &str| -> Result<()> {
                self.conn.prepare_cached(sql).and_then(|mut s| s.execute(params![row, value])).map(drop).map_err(e)
            };
            // A loaded node's stored names are in the store already: only new ones are written.
            let new = |had: Option<&Vec<String>>, name: &String| had.is_none_or(|h| h.binary_search(name).is_err());
            for a in n.aliases.iter().filter(|a| new(before.map(|b| &b.aliases), a)) {
                add("INSERT OR IGNORE INTO aliases(node, name) VALUES (?1, ?2)", a)?;
            }
            for r in n.regions.iter().filter(|r| new(before.map(|b| &b.regions), r)) {
                add("INSERT OR IGNORE INTO regions(node, region) VALUES (?1, ?2)", r)?;
            }
            for p in n.posts.iter().filter(|p| p.organization.is_none()) {
                add("INSERT OR IGNORE INTO bare_posts(node, title) VALUES (?1, ?2)", &p.title)?;
            }
            let mut source = self
                .conn
                .prepare_cached("INSERT INTO node_sources(node, doc, date, spans) VALUES (?1, ?2, ?3, ?4)")
                .map_err(e)?;
            for s in &n.sources {
                source
                    .execute(params![row, doc_rows[s.doc.0 as usize], s.date.as_deref(), spans_blob(&s.spans)])
                    .map_err(e)?;
            }
        }
        let mut namesakes = 0i64;
        let shared = |n: usize| if n > 1 { n as i64 } else { 0 };
        let labels: BTreeSet<&str> = ws
            .created
            .iter()
            .filter(|ix| stored(ix).is_none() && ws.node(**ix).kind == NodeKind::Person)
            .map(|&ix| ws.node(ix).label.as_str())
            .collect();
        for label in labels {
            let before = loaded.persons.get(label).copied().unwrap_or(0);
            namesakes += shared(ws.persons_named(label).len()) - shared(before);
        }
        self.add_count("namesakes", namesakes)?;

        // Edges: found by their key, or made; then their sources from this batch.
        let mut source = self
            .conn
            .prepare_cached("INSERT INTO edge_sources(edge, doc, date, spans) VALUES (?1, ?2, ?3, ?4)")
            .map_err(e)?;
        for ix in ws.petgraph().edge_indices() {
            let (a, b) = ws.endpoints(ix);
            let w = ws.edge(ix);
            let (edge, new) = self.ensure_edge(rows[&a], rows[&b], w.kind, w.title.as_deref())?;
            if new {
                *made.entry(format!("edges:{}", w.kind)).or_default() += 1;
            }
            for s in &w.sources {
                source
                    .execute(params![edge, doc_rows[s.doc.0 as usize], s.date.as_deref(), spans_blob(&s.spans)])
                    .map_err(e)?;
            }
        }

        for (key, n) in &made {
            self.add_count(key, *n)?;
        }

        // Stored bodies folded into others: move what the store holds of them.
        let kept: HashMap<&str, &str> = ws.absorbed.iter().map(|(k, d)| (d.as_str(), k.as_str())).collect();
        for (keep, drop) in &ws.absorbed {
            let Some(&drop_row) = loaded.by_id.get(drop) else { continue };
            let mut last = keep.as_str();
            while let Some(next) = kept.get(last) {
                last = next;
            }
            let keep_ix = ws.find_id(last).expect("a folded body's keeper is in the batch");
            self.fold(rows[&keep_ix], drop_row)?;
        }
        Ok(())
    }

    /// The edge with these ends, kind and title, made when missing (then `true`).
    fn ensure_edge(&self, src: i64, dst: i64, kind: EdgeKind, title: Option<&str>) -> Result<(i64, bool)> {
        let e = |e| self.error(e);
        let key = params![src, dst, edge_code(kind), title.is_some(), title.unwrap_or("")];
        let made = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO edges(src, dst, kind, titled, title) VALUES (?1, ?2, ?3, ?4, ?5)")
            .and_then(|mut s| s.execute(key))
            .map_err(e)?;
        if made == 1 {
            return Ok((self.conn.last_insert_rowid(), true));
        }
        let found = self.find_edge(src, dst, kind, title)?.ok_or_else(|| Error::Input {
            path: self.path.clone(),
            message: "store: an edge vanished while merging".into(),
        })?;
        Ok((found, false))
    }

    fn find_edge(&self, src: i64, dst: i64, kind: EdgeKind, title: Option<&str>) -> Result<Option<i64>> {
        self.conn
            .prepare_cached(
                "SELECT edge FROM edges WHERE src = ?1 AND dst = ?2 AND kind = ?3 AND titled = ?4 AND title = ?5",
            )
            .and_then(|mut s| {
                s.query_row(params![src, dst, edge_code(kind), title.is_some(), title.unwrap_or("")], |r| r.get(0))
                    .optional()
            })
            .map_err(|e| self.error(e))
    }

    /// Folds the stored body `drop` into `keep`: its edges and sources move over (merged
    /// with those `keep` has for the same document), its names and row go. Its names are
    /// already `keep`'s aliases (the batch wrote them).
    fn fold(&self, keep: i64, drop: i64) -> Result<()> {
        let e = |e| self.error(e);
        let moved: Vec<(i64, i64, i64, i64, bool, String)> = self
            .conn
            .prepare("SELECT edge, src, dst, kind, titled, title FROM edges WHERE src = ?1 OR dst = ?1")
            .and_then(|mut s| {
                s.query_map([drop], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
                    .collect()
            })
            .map_err(e)?;
        for (edge, src, dst, code, titled, title) in moved {
            let (src, dst) = (if src == drop { keep } else { src }, if dst == drop { keep } else { dst });
            let kind = super::schema::edge_kind(code).ok_or_else(|| self.damaged("unknown edge kind"))?;
            let title = titled.then_some(title.as_str());
            match self.find_edge(src, dst, kind, title)? {
                Some(target) if target != edge => {
                    self.merge_sources("edge_sources", "edge", edge, target)?;
                    self.conn.execute("DELETE FROM edges WHERE edge = ?1", [edge]).map_err(e)?;
                    self.add_count(&format!("edges:{kind}"), -1)?;
                }
                _ => {
                    self.conn
                        .execute("UPDATE edges SET src = ?2, dst = ?3 WHERE edge = ?1", params![edge, src, dst])
                        .map_err(e)?;
                }
            }
        }
        self.merge_sources("node_sources", "node", drop, keep)?;
        for table in ["aliases", "regions", "bare_posts", "nodes"] {
            self.conn.execute(&format!("DELETE FROM {table} WHERE node = ?1"), [drop]).map_err(e)?;
        }
        self.add_count("nodes:organization", -1)
    }

    /// Moves the sources of `from` to `into` in `table` (keyed by `column` and document):
    /// spans of the same document are joined, the date `into` has is kept.
    fn merge_sources(&self, table: &str, column: &str, from: i64, into: i64) -> Result<()> {
        let e = |e| self.error(e);
        let rows: Vec<(i64, Option<String>, Vec<u8>)> = self
            .conn
            .prepare(&format!("SELECT doc, date, spans FROM {table} WHERE {column} = ?1"))
            .and_then(|mut s| s.query_map([from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
            .map_err(e)?;
        for (doc, date, spans) in rows {
            let there: Option<(Option<String>, Vec<u8>)> = self
                .conn
                .query_row(
                    &format!("SELECT date, spans FROM {table} WHERE {column} = ?1 AND doc = ?2"),
                    [into, doc],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(e)?;
            match there {
                Some((kept_date, kept_spans)) => {
                    let mut all = super::schema::blob_spans(&kept_spans);
                    all.extend(super::schema::blob_spans(&spans));
                    all.sort();
                    all.dedup();
                    self.conn
                        .execute(
                            &format!("UPDATE {table} SET date = ?3, spans = ?4 WHERE {column} = ?1 AND doc = ?2"),
                            params![into, doc, kept_date.or(date), spans_blob(&all)],
                        )
                        .map_err(e)?;
                }
                None => {
                    self.conn
                        .execute(
                            &format!("INSERT INTO {table}({column}, doc, date, spans) VALUES (?1, ?2, ?3, ?4)"),
                            params![into, doc, date, spans],
                        )
                        .map_err(e)?;
                }
            }
        }
        self.conn.execute(&format!("DELETE FROM {table} WHERE {column} = ?1"), [from]).map(drop).map_err(e)
    }

    /// A node as merging needs it: identity, names and regions (no sources, no posts).
    fn node_for_merge(&self, node: i64) -> Result<Node> {
        let mut n = self.node_row(node)?;
        match n.kind {
            NodeKind::Organization => {
                n.aliases =
                    self.strings("SELECT name FROM aliases WHERE node = CAST(?1 AS INTEGER) ORDER BY name", node)?
            }
            NodeKind::Person => {
                n.regions =
                    self.strings("SELECT region FROM regions WHERE node = CAST(?1 AS INTEGER) ORDER BY region", node)?
            }
            NodeKind::Meeting => {}
        }
        Ok(n)
    }

    /// The rows of a one-column query on a node.
    pub(super) fn strings(&self, sql: &str, node: i64) -> Result<Vec<String>> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut s| s.query_map([node], |r| r.get(0))?.collect())
            .map_err(|e| self.error(e))
    }

    /// A node's row: id, kind, label, date, category, parent.
    pub(super) fn node_row(&self, node: i64) -> Result<Node> {
        let row: (Option<String>, i64, String, Option<String>, Option<String>, Option<String>) = self
            .conn
            .prepare_cached("SELECT id, kind, label, date, category, parent FROM nodes WHERE node = ?1")
            .and_then(|mut s| {
                s.query_row([node], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
            })
            .map_err(|e| self.error(e))?;
        let (Some(id), Some(kind)) = (row.0, node_kind(row.1)) else {
            return Err(self.damaged("a node without id or of an unknown kind"));
        };
        let mut n = Node::new(id, kind, row.2);
        n.date = row.3;
        n.org_kind = row.4;
        n.parent = row.5;
        Ok(n)
    }

    /// The error for a store whose content makes no sense.
    pub(super) fn damaged(&self, what: &str) -> Error {
        Error::Input { path: self.path.clone(), message: format!("the store is damaged ({what}); build it again") }
    }
}

/// Bytes as lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Writes a whole in-memory graph into an empty store (a `graph.json` of an older build
    /// that `build --update` adds to).
    pub fn import(&mut self, graph: &RelationGraph) -> Result<()> {
        if self.document_count()? > 0 {
            return Err(Error::Input {
                path: self.path.clone(),
                message: "import into a store that is not empty".into(),
            });
        }
        let loaded =
            Loaded { row: HashMap::new(), by_id: HashMap::new(), persons: HashMap::new(), before: HashMap::new() };
        let mut digest = Sha256::new();
        let mut json = Vec::new();
        graph.write_json(&mut json).map_err(|e| Error::Io { path: self.path.clone(), source: e })?;
        digest.update(&json);
        self.set_meta("content", &hex(&digest.finalize()))?;
        self.write_back(graph, &loaded)
    }
}

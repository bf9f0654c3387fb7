//! Finding the node a user means, through the store's indexes: the rules of
//! [`crate::query::resolve`] (an id, else a name or alias exactly, else a unique part of
//! one), applied to the few nodes the indexes give. Only a name matching nothing exactly
//! scans the names (for parts, and for similar names in the error).

use std::collections::BTreeSet;

use rusqlite::params;

use super::read::{Detail, Edges, NodeId};
use super::schema::{node_code, node_kind};
use super::Store;
use crate::error::{Error, Result};
use crate::graph::{Node, NodeKind};
use crate::query::resolve::{best_of, likeness};

impl Store {
    /// The node `name` stands for among nodes of `kind` (any kind when `None`); the same
    /// answer, or the same error, as [`crate::query::resolve`] on the whole graph.
    pub fn resolve(&self, name: &str, kind: Option<NodeKind>) -> Result<NodeId> {
        let kinds: Vec<NodeKind> = kind.map_or_else(|| NodeKind::ALL.to_vec(), |k| vec![k]);
        let mut exact = BTreeSet::new();
        let mut ids = vec![name.to_string()];
        if name.contains(['#', '@']) {
            ids.extend(kinds.iter().map(|k| format!("{k}:{name}")));
        }
        for id in ids {
            if let Some(n) = self.node_of_id(&id)? {
                if kinds.contains(&self.node_id(n)?.1) {
                    exact.insert(n.0);
                }
            }
        }
        exact.extend(self.named(name, &kinds, "label = ?1", "name = ?1")?);
        let found = if exact.is_empty() {
            self.named(name, &kinds, "instr(label, ?1) > 0", "instr(name, ?1) > 0")?
        } else {
            exact
        };
        if found.is_empty() {
            return Err(Error::UnknownName {
                kind: kind.map_or("node", NodeKind::as_str).to_string(),
                name: name.into(),
                candidates: self.similar(name, &kinds)?,
            });
        }
        let few = self.graph_of(&found, Edges::Listed(Vec::new()), false, Detail::Full)?;
        let ix = crate::query::resolve(&few, name, kind)?;
        self.node_of_id(&few.node(ix).id)?.ok_or_else(|| self.damaged("a node vanished"))
    }

    /// The nodes of `kinds` whose label matches `on_label` or (bodies) an alias matches
    /// `on_alias`, with `?1` bound to `name`.
    fn named(&self, name: &str, kinds: &[NodeKind], on_label: &str, on_alias: &str) -> Result<BTreeSet<i64>> {
        let e = |e| self.error(e);
        let rows: Vec<(i64, i64)> = self
            .conn
            .prepare_cached(&format!("SELECT node, kind FROM nodes WHERE {on_label} AND id IS NOT NULL"))
            .and_then(|mut s| s.query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(e)?;
        let mut out: BTreeSet<i64> = rows
            .into_iter()
            .filter(|&(_, k)| node_kind(k).is_some_and(|k| kinds.contains(&k)))
            .map(|(n, _)| n)
            .collect();
        if kinds.contains(&NodeKind::Organization) {
            let aliased: Vec<i64> = self
                .conn
                .prepare_cached(&format!("SELECT DISTINCT node FROM aliases WHERE {on_alias}"))
                .and_then(|mut s| s.query_map([name], |r| r.get(0))?.collect())
                .map_err(e)?;
            out.extend(aliased);
        }
        Ok(out)
    }

    /// Nodes with names like `name`, as the error for an unknown name lists them.
    fn similar(&self, name: &str, kinds: &[NodeKind]) -> Result<Vec<String>> {
        let e = |e| self.error(e);
        let codes: Vec<String> = kinds.iter().map(|&k| node_code(k).to_string()).collect();
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT node, label FROM nodes WHERE kind IN ({}) AND id IS NOT NULL ORDER BY id",
                codes.join(",")
            ))
            .map_err(e)?;
        let mut rows = stmt.query(params![]).map_err(e)?;
        let mut scored = Vec::new();
        while let Some(row) = rows.next().map_err(e)? {
            let label: String = row.get(1).map_err(e)?;
            if let Some(score) = likeness(&label, name) {
                scored.push((score, row.get::<_, i64>(0).map_err(e)?));
            }
        }
        let best: Vec<Node> =
            best_of(scored.into_iter()).into_iter().map(|n| self.node_row(n)).collect::<Result<_>>()?;
        Ok(best.iter().map(|n| format!("{} [{}]", n.display_name(), n.id)).collect())
    }
}

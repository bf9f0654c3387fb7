//! Cross-document merging: how the records of many reports become one graph.
//!
//! - **Bodies** are one node per canonical name. A record's body joins the node with the same
//!   canonical name; failing that, the one node that lists the name as an alias, when the
//!   alias is not a relative short form (`市政府`, `区委`: see [`is_relative`]). When a record
//!   names as an alias the canonical name of an existing node (an earlier report knew only
//!   the short form), that node is folded into the fuller one. Aliases accumulate.
//! - **Meetings** are one node per (name, date).
//! - **Persons** are one node per name, split by region: a person's regions in a report are
//!   the regions of the bodies of their posts ([`super::region_of`]). A record's person joins
//!   the first namesake node sharing a region, else the first with no region yet; when the
//!   report gives them no regional post, the namesake sharing a region with the report's
//!   bodies, else the only namesake, else the first one with no region. Otherwise a new node
//!   (`person:张三#2`) is made. The node's `regions` and `sources` show why it merged.
//! - **Edges** are one per (source, target, kind, title): a post held in several reports is
//!   one `holds_post` edge with several sources.

use std::collections::{BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use super::model::{add_source, insert_sorted, DocId, Document, EdgeKind, Node, NodeKind, Post, Source};
use super::{region_of, RelationGraph};
use crate::extract::record::{Extraction, Meeting, Organization, Span};

/// Leading characters that make a short form relative to the report's place (`市科委`,
/// `区政府`, `本市`): such an alias is never used to merge bodies across reports.
const RELATIVE_STARTS: &[char] = &['市', '区', '县', '省', '州', '镇', '乡', '村', '本', '该', '我'];

/// Whether a body's name is a relative short form (`市政府`) that names different bodies in
/// different reports.
pub fn is_relative(name: &str) -> bool {
    name.chars().count() < 3 || name.starts_with(RELATIVE_STARTS)
}

impl RelationGraph {
    /// Merges one document's record into the graph. Adding the same document twice changes
    /// nothing the second time.
    pub fn add_extraction(&mut self, record: &Extraction) {
        let doc = self.intern_document(Document {
            path: record.source.clone(),
            title: record.title.clone(),
            published: record.published.clone(),
            sentences: Vec::new(),
        });

        // Bodies, and every spelling the record uses for them.
        let mut spelled: HashMap<&str, NodeIndex> = HashMap::new();
        for org in &record.organizations {
            let folds = self.absorbed.len();
            let ix = self.merge_organization(org, doc);
            if self.absorbed.len() > folds {
                // A body this record named before may just have been folded into this one.
                for v in spelled.values_mut() {
                    if self.graph.node_weight(*v).is_none() {
                        *v = ix;
                    }
                }
            }
            spelled.insert(&org.name, ix);
            for a in &org.aliases {
                spelled.entry(a).or_insert(ix);
            }
        }
        let body = |graph: &mut RelationGraph, name: &str| -> NodeIndex {
            if let Some(&ix) = spelled.get(name) {
                return ix;
            }
            let org = Organization {
                name: name.to_string(),
                aliases: Vec::new(),
                kind: None,
                parent: None,
                mentions: Vec::new(),
            };
            graph.merge_organization(&org, doc)
        };

        // Regions of each person's posts, and of the whole report.
        let mut role_orgs: Vec<Option<NodeIndex>> = Vec::with_capacity(record.roles.len());
        let mut regions: HashMap<&str, BTreeSet<String>> = HashMap::new();
        for role in &record.roles {
            let org = role.organization.as_deref().map(|o| body(self, o));
            role_orgs.push(org);
            let set = regions.entry(&role.person).or_default();
            if let Some(r) = org.and_then(|o| self.region_of_node(o)) {
                set.insert(r);
            }
        }
        let mut meeting_orgs: Vec<Vec<NodeIndex>> = Vec::with_capacity(record.meetings.len());
        for m in &record.meetings {
            meeting_orgs.push(m.organizers.iter().map(|o| body(self, o)).collect());
        }
        let doc_regions: BTreeSet<String> =
            spelled.values().chain(role_orgs.iter().flatten()).filter_map(|&o| self.region_of_node(o)).collect();

        // Persons: everyone named in persons, roles or attendance.
        let mut mentions: HashMap<&str, Vec<Span>> = HashMap::new();
        let mut names: Vec<&str> = Vec::new();
        let all_names = record
            .persons
            .iter()
            .map(|p| p.name.as_str())
            .chain(record.roles.iter().map(|r| r.person.as_str()))
            .chain(record.attendance.iter().map(|a| a.person.as_str()));
        for name in all_names {
            if !mentions.contains_key(name) {
                mentions.insert(name, Vec::new());
                names.push(name);
            }
        }
        for p in &record.persons {
            mentions.entry(&p.name).or_default().extend(p.mentions.iter().copied());
        }
        let empty = BTreeSet::new();
        let mut persons: HashMap<&str, NodeIndex> = HashMap::new();
        for name in names {
            let own = regions.get(name).unwrap_or(&empty);
            let ix = self.merge_person(name, own, &doc_regions);
            let spans = mentions.remove(name).unwrap_or_default();
            let date = self.intern_date(record.published.as_deref());
            add_source(&mut self.graph[ix].sources, Source { doc, date, spans });
            persons.insert(name, ix);
        }

        // Posts.
        for (role, org) in record.roles.iter().zip(role_orgs) {
            let p = persons[role.person.as_str()];
            let organization = org.map(|o| self.graph[o].label.clone());
            insert_sorted(&mut self.graph[p].posts, Post { title: role.title.clone(), organization });
            if let Some(o) = org {
                let date = self.intern_date(record.published.as_deref());
                // The title's own span lies inside the evidence span (the viewer marks it).
                let spans = role.evidence.into_iter().chain(role.title_mention).collect();
                let source = Source { doc, date, spans };
                self.upsert_edge(p, o, EdgeKind::HoldsPost, Some(role.title.clone()), source);
            }
        }

        // Meetings and who organised them.
        let mut meetings = Vec::with_capacity(record.meetings.len());
        for (m, orgs) in record.meetings.iter().zip(meeting_orgs) {
            let ix = self.merge_meeting(m, doc);
            for o in orgs {
                let date = self.intern_date(m.date.as_deref());
                let source = Source { doc, date, spans: m.evidence.into_iter().collect() };
                self.upsert_edge(o, ix, EdgeKind::Organized, None, source);
            }
            meetings.push(ix);
        }

        // Attendance.
        for a in &record.attendance {
            let (Some(&m), Some(&p)) = (meetings.get(a.meeting), persons.get(a.person.as_str())) else {
                continue;
            };
            let date = self.intern_date(record.meetings[a.meeting].date.as_deref());
            let source = Source { doc, date, spans: a.evidence.into_iter().collect() };
            self.upsert_edge(p, m, EdgeKind::from_attendance(a.role), None, source);
        }
    }

    /// The region of a body: from its name, else from its parent's.
    fn region_of_node(&self, ix: NodeIndex) -> Option<String> {
        let node = &self.graph[ix];
        region_of(&node.label).or_else(|| node.parent.as_deref().and_then(region_of))
    }

    /// Finds or makes the node of a record's body and adds what the record says of it.
    fn merge_organization(&mut self, org: &Organization, doc: DocId) -> NodeIndex {
        let by_alias = || -> Option<NodeIndex> {
            if is_relative(&org.name) {
                return None;
            }
            match self.organizations_named(&org.name) {
                [one] => Some(*one),
                _ => None,
            }
        };
        let existing = self
            .organizations_named(&org.name)
            .iter()
            .copied()
            .find(|&ix| self.graph[ix].label == org.name)
            .or_else(by_alias);
        let ix = match existing {
            Some(ix) => ix,
            None => {
                let id = self.fresh_id(format!("organization:{}", org.name));
                self.insert_node(Node::new(id, NodeKind::Organization, org.name.clone()))
            }
        };
        // An earlier node known only by a short form of this body: fold it in.
        for alias in &org.aliases {
            if is_relative(alias) {
                continue;
            }
            let short: Vec<NodeIndex> = self
                .organizations_named(alias)
                .iter()
                .copied()
                .filter(|&o| o != ix && self.graph[o].label == *alias)
                .collect();
            for other in short {
                self.absorb(ix, other);
            }
        }
        let label = self.graph[ix].label.clone();
        for name in std::iter::once(&org.name).chain(&org.aliases) {
            if *name != label {
                insert_sorted(&mut self.graph[ix].aliases, name.clone());
                self.index_org_name(name.clone(), ix);
            }
        }
        let node = &mut self.graph[ix];
        if node.org_kind.is_none() {
            node.org_kind = org.kind.clone();
        }
        if node.parent.is_none() {
            node.parent = org.parent.clone();
        }
        // Where the report names the body (the viewer marks them in evidence sentences).
        add_source(&mut node.sources, Source { doc, date: None, spans: org.mentions.clone() });
        ix
    }

    /// Finds or makes the node of a record's person (see the module docs for the rule).
    fn merge_person(&mut self, name: &str, own: &BTreeSet<String>, doc_regions: &BTreeSet<String>) -> NodeIndex {
        let candidates = self.persons_named(name);
        let shares = |ix: &&NodeIndex, set: &BTreeSet<String>| self.graph[**ix].regions.iter().any(|r| set.contains(r));
        let regionless = |ix: &&NodeIndex| self.graph[**ix].regions.is_empty();
        let found = if !own.is_empty() {
            candidates.iter().find(|ix| shares(ix, own)).or_else(|| candidates.iter().find(regionless))
        } else {
            let near: Vec<&NodeIndex> = candidates.iter().filter(|ix| shares(ix, doc_regions)).collect();
            match (near.as_slice(), candidates) {
                ([one], _) => Some(*one),
                (_, [only]) => Some(only),
                _ => candidates.iter().find(regionless),
            }
        };
        let ix = match found.copied() {
            Some(ix) => ix,
            None => {
                let id = self.fresh_id(format!("person:{name}"));
                self.insert_node(Node::new(id, NodeKind::Person, name.to_string()))
            }
        };
        for r in own {
            insert_sorted(&mut self.graph[ix].regions, r.clone());
        }
        ix
    }

    /// Finds or makes the node of a record's meeting.
    fn merge_meeting(&mut self, m: &Meeting, doc: DocId) -> NodeIndex {
        let ix = match self.meeting(&m.name, m.date.as_deref()) {
            Some(ix) => ix,
            None => {
                let base = match &m.date {
                    Some(d) => format!("meeting:{}@{d}", m.name),
                    None => format!("meeting:{}", m.name),
                };
                let mut node = Node::new(self.fresh_id(base), NodeKind::Meeting, m.name.clone());
                node.date = m.date.clone();
                self.insert_node(node)
            }
        };
        let date = self.intern_date(m.date.as_deref());
        add_source(&mut self.graph[ix].sources, Source { doc, date, spans: m.evidence.into_iter().collect() });
        ix
    }

    /// Folds body `drop` into body `keep`: its names become aliases, its edges and sources
    /// move over, and it is removed.
    fn absorb(&mut self, keep: NodeIndex, drop: NodeIndex) {
        let mut moved = Vec::new();
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in self.graph.edges_directed(drop, dir) {
                let (a, b) = (e.source(), e.target());
                let w = e.weight();
                moved.push((a, b, w.kind, w.title.clone(), w.sources.clone()));
            }
        }
        for (a, b, kind, title, _) in &moved {
            self.edges.remove(&(*a, *b, *kind, title.clone()));
        }
        let gone = self.graph.remove_node(drop).expect("node to absorb exists");
        self.by_id.remove(&gone.id);
        self.created.retain(|&ix| ix != drop);
        self.absorbed.push((self.graph[keep].id.clone(), gone.id.clone()));
        for name in std::iter::once(&gone.label).chain(&gone.aliases) {
            if let Some(v) = self.org_names.get_mut(name) {
                v.retain(|&ix| ix != drop);
            }
            if *name != self.graph[keep].label {
                insert_sorted(&mut self.graph[keep].aliases, name.clone());
                self.index_org_name(name.clone(), keep);
            }
        }
        // Posts on persons name bodies by canonical name.
        let new_label = self.graph[keep].label.clone();
        for (a, b, kind, title, sources) in moved {
            let (a, b) = (if a == drop { keep } else { a }, if b == drop { keep } else { b });
            if kind == EdgeKind::HoldsPost {
                for post in self.graph[a].posts.iter_mut() {
                    if post.organization.as_deref() == Some(gone.label.as_str()) {
                        post.organization = Some(new_label.clone());
                    }
                }
                self.graph[a].posts.sort();
                self.graph[a].posts.dedup();
            }
            for source in sources {
                self.upsert_edge(a, b, kind, title.clone(), source);
            }
        }
        let node = &mut self.graph[keep];
        node.org_kind = node.org_kind.take().or(gone.org_kind);
        node.parent = node.parent.take().or(gone.parent);
        for s in gone.sources {
            add_source(&mut node.sources, s);
        }
    }
}

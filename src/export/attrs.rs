//! The attributes the exports give nodes and edges, in one table, so that GraphML, GEXF,
//! Cytoscape and Neo4j name and type them alike.
//!
//! Nodes: `kind`, `label`, `date` (meetings), `category` and `parent` (bodies), `aliases`
//! (bodies), `regions` and `posts` (persons), `documents` (how many reports name it).
//! Edges: `kind`, `key`, `title` (posts), `dates`, `documents`. Formats without list types
//! join lists with [`LIST_SEPARATOR`].

use crate::graph::{Edge, Node, Post, RelationGraph};
use petgraph::stable_graph::EdgeIndex;

/// What lists are joined with where a format has no list type.
pub const LIST_SEPARATOR: &str = "; ";

/// The type of an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    /// Text.
    Text,
    /// A list of texts (joined where the format has no lists).
    List,
    /// A whole number.
    Int,
}

/// One attribute: its name, type and what it holds.
#[derive(Debug, Clone, Copy)]
pub struct Attr {
    /// The name in every format.
    pub name: &'static str,
    /// Its type.
    pub ty: AttrType,
    /// What it holds, for formats that describe their attributes.
    pub about: &'static str,
}

const fn attr(name: &'static str, ty: AttrType, about: &'static str) -> Attr {
    Attr { name, ty, about }
}

/// The node attributes, in output order.
pub const NODE_ATTRS: [Attr; 9] = [
    attr("kind", AttrType::Text, "person, organization or meeting"),
    attr("label", AttrType::Text, "the name"),
    attr("date", AttrType::Text, "meetings: the date"),
    attr("category", AttrType::Text, "bodies: party, government, ..."),
    attr("parent", AttrType::Text, "bodies: the body it belongs to"),
    attr("aliases", AttrType::List, "bodies: other spellings"),
    attr("regions", AttrType::List, "persons: regions of their posts"),
    attr("posts", AttrType::List, "persons: body and title of each post"),
    attr("documents", AttrType::Int, "how many reports name it"),
];

/// The edge attributes, in output order.
pub const EDGE_ATTRS: [Attr; 5] = [
    attr("kind", AttrType::Text, "holds_post, attended, presided, spoke or organized"),
    attr("key", AttrType::Text, "tells parallel edges apart"),
    attr("title", AttrType::Text, "holds_post: the post"),
    attr("dates", AttrType::List, "meeting dates, or report dates for posts"),
    attr("documents", AttrType::Int, "how many reports give it"),
];

/// An attribute's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A list of texts.
    List(Vec<String>),
    /// A whole number.
    Int(usize),
}

impl Value {
    /// The value as one text (lists joined with [`LIST_SEPARATOR`]).
    pub fn joined(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::List(items) => items.join(LIST_SEPARATOR),
            Value::Int(n) => n.to_string(),
        }
    }
}

fn text(t: &Option<String>) -> Option<Value> {
    t.clone().map(Value::Text)
}

fn list(items: Vec<String>) -> Option<Value> {
    (!items.is_empty()).then_some(Value::List(items))
}

/// A post as one text: the body's name and the title (`南京市科学技术局局长`), or the
/// title alone.
pub fn post_text(post: &Post) -> String {
    match &post.organization {
        Some(org) => format!("{org}{}", post.title),
        None => post.title.clone(),
    }
}

/// A node's values in [`NODE_ATTRS`] order; `None` where it has none.
pub fn node_values(n: &Node) -> [Option<Value>; 9] {
    [
        Some(Value::Text(n.kind.as_str().to_string())),
        Some(Value::Text(n.label.clone())),
        text(&n.date),
        text(&n.org_kind),
        text(&n.parent),
        list(n.aliases.clone()),
        list(n.regions.clone()),
        list(n.posts.iter().map(post_text).collect()),
        Some(Value::Int(n.sources.len())),
    ]
}

/// An edge's values in [`EDGE_ATTRS`] order; `None` where it has none.
pub fn edge_values(e: &Edge) -> [Option<Value>; 5] {
    [
        Some(Value::Text(e.kind.as_str().to_string())),
        Some(Value::Text(e.key())),
        text(&e.title),
        list(e.dates()),
        Some(Value::Int(e.sources.len())),
    ]
}

/// An id with the chars a format cannot hold (`cannot_hold`) written as `\u{hex}`, one-to-one:
/// a run of backslashes just before such an escape, or before a literal `u{`, is doubled, so
/// that no two ids read the same (two meetings named apart only by `\x0b` and `\x0c` stay
/// two nodes). Ids the format holds as they are come back unchanged.
///
/// ```
/// use guanxi::export::attrs::escaped_id;
/// let ctl = |c: char| c.is_control();
/// assert_eq!(escaped_id("会\u{b}议", ctl), r"会\u{b}议"); // a vertical tab
/// assert_eq!(escaped_id(r"会\u{b}议", ctl), r"会\\u{b}议"); // those six chars as written
/// assert_eq!(escaped_id(r"a\b", ctl), r"a\b");
/// assert_eq!(escaped_id("张明", ctl), "张明");
/// ```
pub fn escaped_id(id: &str, cannot_hold: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !id.chars().any(&cannot_hold) && !id.contains("\\u{") {
        return std::borrow::Cow::Borrowed(id);
    }
    let chars: Vec<char> = id.chars().collect();
    let mut out = String::with_capacity(id.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            let run = chars[i..].iter().take_while(|&&b| b == '\\').count();
            let next = i + run;
            let before_escape = chars.get(next).is_some_and(|&n| cannot_hold(n))
                || (chars.get(next) == Some(&'u') && chars.get(next + 1) == Some(&'{'));
            let n = if before_escape { 2 * run } else { run };
            out.extend(std::iter::repeat_n('\\', n));
            i = next;
        } else if cannot_hold(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A stable id for an edge: `SOURCE->TARGET#KEY` with the nodes' ids
/// (`person:张明->organization:某市人民政府#holds_post:市长`).
pub fn edge_id(graph: &RelationGraph, e: EdgeIndex) -> String {
    let (a, b) = graph.endpoints(e);
    format!("{}->{}#{}", graph.node(a).id, graph.node(b).id, graph.edge(e).key())
}

#[cfg(test)]
mod tests {
    use super::escaped_id;

    #[test]
    fn escaped_ids_are_one_to_one() {
        let ctl = |c: char| c.is_control();
        let ids =
            ["m\u{b}", "m\u{c}", "m ", r"m\u{b}", r"m\\u{b}", "m\\\u{b}", "m\\\\\u{b}", r"m\u{c}", "m\\", "m\\\\", "m"];
        let out: std::collections::BTreeSet<String> = ids.iter().map(|i| escaped_id(i, ctl).into_owned()).collect();
        assert_eq!(out.len(), ids.len(), "{out:?}");
        assert!(out.iter().all(|o| !o.chars().any(ctl)));
    }
}

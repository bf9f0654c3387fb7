//! The data the viewer's script reads: nodes, arrows with their edges and evidence sentences,
//! and documents, as JSON inside `<script type="application/json">`. Indices refer to the
//! drawing (`nI`, `aJ`). Written so that no text can close the script element.
//!
//! Evidence sentences carry marks on the exact words: the person's name, the title, the body
//! and the meeting, from the spans the record gives (persons' mentions, a role's
//! `title_mention` inside its evidence, bodies' mentions, a meeting's name span) and, where a
//! record gave none, from where those names stand in the sentence. A sentence where none is
//! found marks the evidence span itself.
//!
//! A graph of many reports would make a page of many megabytes: an edge shows the evidence of
//! its first [`MAX_EVIDENCE`] reports and a node lists its first [`MAX_NODE_DOCUMENTS`], each
//! with the number left out; only the documents shown are in the page.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::super::drawn::Arrow;
use super::layout::Layout;
use super::svg::num;
use crate::extract::record::Span;
use crate::graph::evidence::Sentence;
use crate::graph::{EdgeKind, Node, Post, RelationGraph, Source};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};

/// Reports whose evidence an edge shows.
pub const MAX_EVIDENCE: usize = 10;
/// Reports a node lists.
pub const MAX_NODE_DOCUMENTS: usize = 20;

#[derive(Serialize)]
struct Page<'a> {
    documents: Vec<Doc<'a>>,
    nodes: Vec<NodeData<'a>>,
    arrows: Vec<ArrowData<'a>>,
    /// For each meeting (by node index), where its filter puts the nodes it shows:
    /// `[node, x, y]`.
    focus: BTreeMap<usize, Vec<(usize, f64, f64)>>,
}

#[derive(Serialize)]
struct Doc<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    kind: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    regions: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    posts: &'a [Post],
    documents: Vec<u32>,
    #[serde(skip_serializing_if = "is_zero")]
    more_documents: usize,
    arrows: Vec<usize>,
    /// Overview place and symbol radius.
    x: f64,
    y: f64,
    r: f64,
    /// Number of neighbours, and community.
    degree: usize,
    community: usize,
}

#[derive(Serialize)]
struct ArrowData<'a> {
    source: usize,
    target: usize,
    family: &'a str,
    label: &'a str,
    edges: Vec<EdgeData<'a>>,
}

#[derive(Serialize)]
struct EdgeData<'a> {
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    dates: Vec<String>,
    evidence: Vec<Evidence<'a>>,
    #[serde(skip_serializing_if = "is_zero")]
    more: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
struct Evidence<'a> {
    doc: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    sentences: Vec<Quote<'a>>,
}

/// A sentence with words marked, as char offsets into `text`, each with what it is.
#[derive(Serialize)]
struct Quote<'a> {
    text: &'a str,
    marks: Vec<(usize, usize, MarkKind)>,
}

/// What a marked stretch of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// A person's name.
    Name,
    /// The title of a post.
    Title,
    /// A body's name.
    Body,
    /// A meeting's name.
    Meeting,
    /// The evidence span, when none of the above was found in it.
    Evidence,
}

/// The spans a node has in one document.
fn node_spans(node: &Node, doc: crate::graph::DocId) -> &[Span] {
    match node.sources.binary_search_by(|s| s.doc.cmp(&doc)) {
        Ok(i) => &node.sources[i].spans,
        Err(_) => &[],
    }
}

/// Where `word` stands in `chars`, within `within` (char offsets) when it occurs there,
/// else anywhere.
fn find_word(chars: &[char], word: &str, within: (usize, usize)) -> Option<(usize, usize)> {
    let w: Vec<char> = word.chars().collect();
    if w.is_empty() || w.len() > chars.len() {
        return None;
    }
    let hits: Vec<usize> = (0..=chars.len() - w.len()).filter(|&i| chars[i..i + w.len()] == w[..]).collect();
    let inside = hits.iter().copied().find(|&i| i >= within.0 && i + w.len() <= within.1);
    inside.or(hits.first().copied()).map(|i| (i, i + w.len()))
}

/// The words of one edge to mark in one sentence (offsets relative to the sentence).
fn marks(
    graph: &RelationGraph,
    edge: EdgeIndex,
    source: &Source,
    sentence: &Sentence,
    evidence: &[Span],
) -> Vec<(usize, usize, MarkKind)> {
    let (a, b) = graph.endpoints(edge);
    let w = graph.edge(edge);
    let chars: Vec<char> = sentence.text.chars().collect();
    let inside = |sp: &Span| sp.start >= sentence.start && sp.end <= sentence.end && sp.start < sp.end;
    let local = |sp: &Span| (sp.start - sentence.start, sp.end - sentence.start);
    // The evidence span within the sentence, where names are looked for first.
    let range = evidence
        .iter()
        .find(|sp| sp.start < sentence.end && sentence.start < sp.end)
        .map(|sp| (sp.start.saturating_sub(sentence.start), sp.end.min(sentence.end) - sentence.start))
        .unwrap_or((0, chars.len()));
    let mut out: Vec<(usize, usize, MarkKind)> = Vec::new();
    let mark_node = |ix: NodeIndex, kind: MarkKind, out: &mut Vec<(usize, usize, MarkKind)>| {
        let node = graph.node(ix);
        let spans: Vec<(usize, usize)> =
            node_spans(node, source.doc).iter().filter(|sp| inside(sp)).map(local).collect();
        // Name spans of this node that fall in the evidence first; else the name's place.
        let near: Vec<(usize, usize)> = spans.iter().copied().filter(|&(s, e)| s >= range.0 && e <= range.1).collect();
        let chosen = if near.is_empty() { spans } else { near };
        if chosen.is_empty() {
            let names = std::iter::once(&node.label).chain(&node.aliases);
            let mut found: Vec<(usize, usize)> = names.filter_map(|n| find_word(&chars, n, range)).collect();
            // The longest spelling found.
            found.sort_by_key(|&(s, e)| (std::cmp::Reverse(e - s), s));
            out.extend(found.first().map(|&(s, e)| (s, e, kind)));
        } else {
            out.extend(chosen.into_iter().map(|(s, e)| (s, e, kind)));
        }
    };
    let kind_of = |ix: NodeIndex| match graph.node(ix).kind {
        crate::graph::NodeKind::Person => MarkKind::Name,
        crate::graph::NodeKind::Organization => MarkKind::Body,
        crate::graph::NodeKind::Meeting => MarkKind::Meeting,
    };
    mark_node(a, kind_of(a), &mut out);
    mark_node(b, kind_of(b), &mut out);
    if w.kind == EdgeKind::HoldsPost {
        // A title span (`title_mention`) lies inside the evidence span; failing one, the
        // title's place in the evidence.
        let titles: Vec<(usize, usize)> = source
            .spans
            .iter()
            .filter(|sp| inside(sp) && evidence.iter().any(|e| e != *sp && e.start <= sp.start && sp.end <= e.end))
            .map(local)
            .collect();
        if titles.is_empty() {
            let found = w.title.as_deref().and_then(|t| find_word(&chars, t, range));
            out.extend(found.map(|(s, e)| (s, e, MarkKind::Title)));
        } else {
            out.extend(titles.into_iter().map(|(s, e)| (s, e, MarkKind::Title)));
        }
    }
    if out.is_empty() {
        out.push((range.0, range.1, MarkKind::Evidence));
    }
    out.sort();
    out.dedup();
    out
}

fn evidence<'a>(graph: &'a RelationGraph, edge: EdgeIndex, docs: &HashMap<u32, u32>) -> Vec<Evidence<'a>> {
    let sources = &graph.edge(edge).sources;
    sources[..sources.len().min(MAX_EVIDENCE)]
        .iter()
        .map(|s| {
            let doc = graph.document(s.doc);
            // Spans holding another span of the source are evidence; those held are titles.
            let outer: Vec<Span> = s
                .spans
                .iter()
                .copied()
                .filter(|sp| !s.spans.iter().any(|o| o != sp && o.start <= sp.start && sp.end <= o.end))
                .collect();
            let mut quotes: Vec<(usize, Quote<'a>)> = Vec::new();
            for &span in &outer {
                let Some(sentence) = doc.sentence_of(span) else { continue };
                if quotes.iter().any(|(start, _)| *start == sentence.start) {
                    continue;
                }
                let marks = marks(graph, edge, s, sentence, &outer);
                quotes.push((sentence.start, Quote { text: &sentence.text, marks }));
            }
            Evidence {
                doc: docs[&s.doc.0],
                date: s.date.as_deref(),
                sentences: quotes.into_iter().map(|(_, q)| q).collect(),
            }
        })
        .collect()
}

/// The page data as JSON that is safe inside a `<script>` element: `<`, `>`, `&` and the
/// line separators U+2028/U+2029 are written as `\u` escapes (valid JSON, and no `</script>`
/// or `<!--` can appear).
pub fn json(graph: &RelationGraph, nodes: &[NodeIndex], arrows: &[Arrow], layout: &Layout) -> String {
    let index: HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, &ix)| (ix, i)).collect();
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (j, a) in arrows.iter().enumerate() {
        touching[index[&a.source]].push(j);
        if a.target != a.source {
            touching[index[&a.target]].push(j);
        }
    }
    // The documents shown, in graph order, numbered afresh.
    let mut used = BTreeSet::new();
    for &ix in nodes {
        let sources = &graph.node(ix).sources;
        used.extend(sources[..sources.len().min(MAX_NODE_DOCUMENTS)].iter().map(|s| s.doc.0));
    }
    for e in arrows.iter().flat_map(|a| &a.edges) {
        let sources = &graph.edge(*e).sources;
        used.extend(sources[..sources.len().min(MAX_EVIDENCE)].iter().map(|s| s.doc.0));
    }
    let docs: HashMap<u32, u32> = used.iter().enumerate().map(|(i, &d)| (d, i as u32)).collect();
    let round = |v: f64| num(v).parse::<f64>().unwrap_or(v);
    let page = Page {
        focus: layout
            .focus
            .iter()
            .map(|(&m, placed)| (m, placed.iter().map(|&(i, x, y)| (i, round(x), round(y))).collect()))
            .collect(),
        documents: used
            .iter()
            .map(|&d| {
                let d = &graph.documents()[d as usize];
                Doc { path: &d.path, title: d.title.as_deref(), published: d.published.as_deref() }
            })
            .collect(),
        nodes: nodes
            .iter()
            .zip(touching)
            .enumerate()
            .map(|(i, (&ix, arrows))| {
                let n = graph.node(ix);
                let p = layout.nodes[i];
                NodeData {
                    id: &n.id,
                    kind: n.kind.as_str(),
                    label: &n.label,
                    date: n.date.as_deref(),
                    aliases: &n.aliases,
                    category: n.org_kind.as_deref(),
                    parent: n.parent.as_deref(),
                    regions: &n.regions,
                    posts: &n.posts,
                    documents: n.sources.iter().take(MAX_NODE_DOCUMENTS).map(|s| docs[&s.doc.0]).collect(),
                    more_documents: n.sources.len().saturating_sub(MAX_NODE_DOCUMENTS),
                    arrows,
                    x: round(p.x),
                    y: round(p.y),
                    r: round(p.r),
                    degree: layout.degree[i],
                    community: layout.community[i],
                }
            })
            .collect(),
        arrows: arrows
            .iter()
            .map(|a| ArrowData {
                source: index[&a.source],
                target: index[&a.target],
                family: a.family.as_str(),
                label: &a.label,
                edges: a
                    .edges
                    .iter()
                    .map(|&e| {
                        let w = graph.edge(e);
                        EdgeData {
                            kind: w.kind.as_str(),
                            title: w.title.as_deref(),
                            dates: w.dates(),
                            evidence: evidence(graph, e, &docs),
                            more: w.sources.len().saturating_sub(MAX_EVIDENCE),
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    let text = serde_json::to_string(&page).expect("page data serialises");
    script_safe(&text)
}

/// JSON text with `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes.
pub fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::script_safe;

    #[test]
    fn no_markup_survives() {
        let text = serde_json::to_string("</script><!--&\u{2028}").unwrap();
        let safe = script_safe(&text);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), "</script><!--&\u{2028}");
    }
}

//! The data the viewer's script reads: nodes, arrows with their edges and evidence sentences,
//! and documents, as JSON inside `<script type="application/json">`. Indices refer to the
//! drawing (`nI`, `aJ`). Written so that no text can close the script element.
//!
//! A graph of many reports would make a page of many megabytes: an edge shows the evidence of
//! its first [`MAX_EVIDENCE`] reports and a node lists its first [`MAX_NODE_DOCUMENTS`], each
//! with the number left out; only the documents shown are in the page.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::super::drawn::Arrow;
use crate::graph::{Post, RelationGraph, Source};
use petgraph::stable_graph::NodeIndex;

/// Reports whose evidence an edge shows.
pub const MAX_EVIDENCE: usize = 10;
/// Reports a node lists.
pub const MAX_NODE_DOCUMENTS: usize = 20;

#[derive(Serialize)]
struct Page<'a> {
    engine: &'a str,
    documents: Vec<Doc<'a>>,
    nodes: Vec<NodeData<'a>>,
    arrows: Vec<ArrowData<'a>>,
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

/// A sentence with the evidence spans marked, as char offsets into `text`.
#[derive(Serialize)]
struct Quote<'a> {
    text: &'a str,
    marks: Vec<[usize; 2]>,
}

fn evidence<'a>(graph: &'a RelationGraph, sources: &'a [Source], docs: &HashMap<u32, u32>) -> Vec<Evidence<'a>> {
    sources[..sources.len().min(MAX_EVIDENCE)]
        .iter()
        .map(|s| {
            let doc = graph.document(s.doc);
            let mut quotes: Vec<(usize, Quote<'a>)> = Vec::new();
            for &span in &s.spans {
                let Some(sentence) = doc.sentence_of(span) else { continue };
                let mark = [
                    span.start.saturating_sub(sentence.start),
                    span.end.min(sentence.end).saturating_sub(sentence.start),
                ];
                match quotes.iter_mut().find(|(start, _)| *start == sentence.start) {
                    Some((_, q)) => q.marks.push(mark),
                    None => quotes.push((sentence.start, Quote { text: &sentence.text, marks: vec![mark] })),
                }
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
pub fn json(graph: &RelationGraph, nodes: &[NodeIndex], arrows: &[Arrow], engine: &str) -> String {
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
    let page = Page {
        engine,
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
            .map(|(&ix, arrows)| {
                let n = graph.node(ix);
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
                            evidence: evidence(graph, &w.sources, &docs),
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

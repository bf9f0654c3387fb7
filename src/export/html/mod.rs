//! The interactive viewer: one self-contained HTML file that works offline from `file://`.
//!
//! The graph is laid out here ([`layout`]: ForceAtlas2 over communities found by Leiden,
//! [`community`]) and drawn as inline SVG ([`svg`]). A small script written for guanxi
//! (`viewer.js`, embedded) adds pan and zoom, shows the labels of the most connected nodes
//! that fit without overlapping, a search box, filters by node kind and by meeting or date
//! (each fits the view to what it leaves), and a panel that shows a clicked node's posts and
//! relations, or a clicked arrow's edges, with the evidence sentences from the reports and
//! their names and titles marked ([`data`]).
//!
//! Safety: every label is XML-escaped in the SVG; the data is JSON in a
//! `<script type="application/json">` with `<`, `>` and `&` escaped; the script writes text
//! only through `textContent`; and a Content-Security-Policy allows nothing but the page's
//! own script and style (by hash), no network and no other script. A name like
//! `<script>alert(1)</script>` is shown as text.
//!
//! The script reads the address's fragment: `graph.html#search=张明` runs a search,
//! `graph.html#node=person:张明` selects a node, `graph.html#meeting=ID` filters by a meeting.

pub mod community;
pub mod data;
pub mod layout;
pub mod svg;

use std::io::Write;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::drawn::arrows;
use super::xml::escape;
use crate::error::{Error, Result};
use crate::graph::{NodeKind, RelationGraph};

/// The most nodes the viewer is written with: beyond this a drawing is a hairball and a
/// browser slows down; export a neighbourhood instead.
pub const MAX_NODES: usize = 3000;
/// The most edges the viewer is written with.
pub const MAX_EDGES: usize = 20000;

const SCRIPT: &str = include_str!("viewer.js");
const STYLE: &str = include_str!("viewer.css");

/// Refuses graphs above [`MAX_NODES`] nodes or [`MAX_EDGES`] edges.
pub fn check(graph: &RelationGraph) -> Result<()> {
    if graph.node_count() > MAX_NODES || graph.edge_count() > MAX_EDGES {
        return Err(Error::TooLarge {
            format: "html",
            nodes: graph.node_count(),
            edges: graph.edge_count(),
            max_nodes: MAX_NODES,
            max_edges: MAX_EDGES,
        });
    }
    Ok(())
}

/// `'sha256-…'` of a text, for the Content-Security-Policy.
fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// Writes `graph` as the viewer.
pub fn write(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    check(graph).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string()))?;
    let nodes = graph.nodes_sorted();
    let arrows = arrows(graph);
    let layout = layout::compute(graph, &nodes, &arrows);
    let data = data::json(graph, &nodes, &arrows, &layout);
    let drawing = svg::draw(graph, &nodes, &arrows, &layout);
    let csp = format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        csp_hash(SCRIPT),
        csp_hash(STYLE)
    );
    let count = |k: NodeKind| graph.count(k);
    let summary = format!(
        "{} persons, {} organizations, {} meetings, {} relations from {} reports",
        count(NodeKind::Person),
        count(NodeKind::Organization),
        count(NodeKind::Meeting),
        graph.edge_count(),
        graph.documents().len()
    );
    write!(
        out,
        r#"<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="guanxi">
<title>guanxi 关系</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>guanxi 关系</h1>
<div id="search-box"><input id="search" type="search" placeholder="搜索 search names" autocomplete="off" aria-label="search names"><ol id="results" hidden></ol></div>
<fieldset id="kinds" aria-label="kinds shown">
<label class="person"><input type="checkbox" value="person" checked> persons</label>
<label class="organization"><input type="checkbox" value="organization" checked> bodies</label>
<label class="meeting"><input type="checkbox" value="meeting" checked> meetings</label>
<label title="nodes that no report links to anything"><input id="lone" type="checkbox"> unlinked ({lone})</label>
</fieldset>
<label>meeting <select id="meeting"><option value="">all</option></select></label>
<label>from <input id="from" type="date"></label>
<label>to <input id="to" type="date"></label>
<label title="with a date range, keep meetings whose date no report gives"><input id="undated" type="checkbox" checked> undated meetings</label>
<button id="reset" type="button" title="clear filters">clear</button>
</header>
<main>
<div id="canvas">
{drawing}<div id="zoom"><button id="zoom-in" type="button" title="zoom in">+</button><button id="zoom-out" type="button" title="zoom out">−</button><button id="fit" type="button" title="fit to what is shown">fit</button></div>
</div>
<aside id="side">
<div id="legend" aria-label="legend">
<div><span class="key person">person</span><span class="key organization">body</span><span class="key meeting">meeting</span><span class="key hull">closely linked group</span></div>
<div><span class="key post">holds post</span><span class="key strong">presided / spoke (主持 / 讲话)</span><span class="key attendance">attended</span><span class="key organizing">organised (主办)</span></div>
<div class="note">Bigger symbols have more relations; names of the most connected show, zoom in for more. In evidence: <mark class="name">name</mark> <mark class="title">title</mark> <mark class="body">body</mark> <mark class="meeting">meeting</mark></div>
<div id="summary">{summary}</div>
</div>
<div id="panel"><p class="hint">Click a name or an arrow to see posts, relations and the sentences of the reports that give them. Drag to pan, wheel to zoom.</p></div>
</aside>
</main>
<script type="application/json" id="guanxi-data">{data}</script>
<script>{SCRIPT}</script>
</body>
</html>
"#,
        csp = escape(&csp),
        lone = layout.degree.iter().filter(|&&d| d == 0).count(),
        summary = escape(&summary),
    )
}

//! Writing a graph (or part of one) in a published format.
//!
//! Each format is one file (or folder) with `pub fn write(graph: &RelationGraph, out: &mut
//! dyn Write)`. To add one: write `src/export/<name>.rs`, declare it below, and give it a
//! [`Format`] variant with its row in [`Format::ALL`], [`Format::name`],
//! [`Format::extension`] and [`Format::write`] (and [`Format::check`] when it refuses some
//! graphs).
//!
//! | format | file | for |
//! | --- | --- | --- |
//! | [`dot`] | `.dot` | Graphviz |
//! | [`json`] | `.json` | the `graph.json` layout; networkx, d3 |
//! | [`graphml`] | `.graphml` | Gephi, yEd, Cytoscape, networkx `read_graphml` |
//! | [`gexf`] | `.gexf` | Gephi (with its timeline), networkx `read_gexf` |
//! | [`cytoscape`] | `.cyjs` | Cytoscape.js `elements`, Cytoscape desktop |
//! | [`neo4j`] | folder, or `.cypher` | `neo4j-admin database import` CSVs and a `MERGE` script |
//! | [`mermaid`] | `.mmd` | Markdown, for small graphs |
//! | [`html`] | `.html` | the interactive viewer, one self-contained file |
//! | [`dot`] (`png`) | `.png` | a picture, rendered by Graphviz |

mod around;
pub mod attrs;
pub mod cytoscape;
pub mod dot;
pub mod drawn;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod mermaid;
pub mod neo4j;
pub mod xml;

use std::fmt;
use std::io::Write;
use std::str::FromStr;

pub use around::around;

use crate::error::Result;
use crate::graph::RelationGraph;

/// A file format a graph can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Graphviz DOT, styled for reading (see [`dot`]).
    Dot,
    /// Node-link JSON, the `graph.json` layout (see [`json`]).
    Json,
    /// GraphML with typed keys (see [`graphml`]).
    Graphml,
    /// GEXF 1.3 with kinds and dates (see [`gexf`]).
    Gexf,
    /// Cytoscape.js elements JSON (see [`cytoscape`]).
    Cytoscape,
    /// Neo4j: import CSVs and a Cypher script (see [`neo4j`]); as one stream, the script.
    Neo4j,
    /// A Mermaid flowchart, for small graphs (see [`mermaid`]).
    Mermaid,
    /// The interactive viewer, one self-contained HTML file (see [`html`]).
    Html,
    /// A PNG picture of the DOT drawing, rendered by Graphviz (see [`dot::write_png`]).
    Png,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 9] = [
        Format::Dot,
        Format::Json,
        Format::Graphml,
        Format::Gexf,
        Format::Cytoscape,
        Format::Neo4j,
        Format::Mermaid,
        Format::Html,
        Format::Png,
    ];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Cytoscape => "cytoscape",
            Format::Neo4j => "neo4j",
            Format::Mermaid => "mermaid",
            Format::Html => "html",
            Format::Png => "png",
        }
    }

    /// The usual file extension (of the one-stream form: `cypher` for Neo4j).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Cytoscape => "cyjs",
            Format::Neo4j => "cypher",
            Format::Mermaid => "mmd",
            Format::Html => "html",
            Format::Png => "png",
        }
    }

    /// Whether `-o` names a folder of several files ([`neo4j::write_dir`]) rather than a file.
    pub fn writes_folder(self) -> bool {
        self == Format::Neo4j
    }

    /// Refuses graphs the format cannot show well ([`mermaid::check`], [`html::check`]).
    pub fn check(self, graph: &RelationGraph) -> Result<()> {
        match self {
            Format::Mermaid => mermaid::check(graph),
            Format::Html => html::check(graph),
            _ => Ok(()),
        }
    }

    /// Writes `graph` in this format.
    pub fn write(self, graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Format::Dot => dot::write(graph, out),
            Format::Json => json::write(graph, out),
            Format::Graphml => graphml::write(graph, out),
            Format::Gexf => gexf::write(graph, out),
            Format::Cytoscape => cytoscape::write(graph, out),
            Format::Neo4j => neo4j::write(graph, out),
            Format::Mermaid => mermaid::write(graph, out),
            Format::Html => html::write(graph, out),
            Format::Png => dot::write_png(graph, out),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(s)).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            format!("unknown format {s:?} (known: {})", names.join(", "))
        })
    }
}

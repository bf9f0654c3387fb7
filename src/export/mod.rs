//! Writing a graph (or part of one) in a published format.
//!
//! Each format is one file with `pub fn write(graph: &RelationGraph, out: &mut dyn Write)`.
//! To add one: write `src/export/<name>.rs`, declare it below, and give it a [`Format`]
//! variant with its row in [`Format::ALL`], [`Format::name`], [`Format::extension`] and
//! [`Format::write`].

mod around;
pub mod dot;
pub mod json;

use std::fmt;
use std::io::Write;
use std::str::FromStr;

pub use around::around;

use crate::graph::RelationGraph;

/// A file format a graph can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Graphviz DOT, styled for reading (see [`dot`]).
    Dot,
    /// Node-link JSON, the `graph.json` layout (see [`json`]).
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 2] = [Format::Dot, Format::Json];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
        }
    }

    /// Writes `graph` in this format.
    pub fn write(self, graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Format::Dot => dot::write(graph, out),
            Format::Json => json::write(graph, out),
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

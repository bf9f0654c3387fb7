//! The command line: one file per subcommand, each with its own `Args` and `run`.

pub mod build;
pub mod export;
pub mod extract;
pub mod inputs;
mod merger;
pub mod progress;
pub mod query;
mod table;

use clap::{Parser, Subcommand};

/// guanxi (关系): who holds which post in which body, and who attended, presided over or
/// spoke at which meeting, from Chinese government meeting reports.
#[derive(Debug, Parser)]
#[command(name = "guanxi", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract persons, posts, bodies, meetings and attendance from reports (JSON Lines).
    Extract(extract::ExtractArgs),
    /// Build one relation graph from reports or records (graph.db, graph.json, graph.dot, graph.html, graph.svg).
    Build(build::BuildArgs),
    /// Ask a built graph: list, search, timeline, rank, attendees, meetings, posts, members, coattendees, path, show, stats.
    Query(query::QueryArgs),
    /// Write a built graph, or one node's neighbourhood: dot, json, graphml, gexf, cytoscape, neo4j, mermaid, html, png.
    Export(export::ExportArgs),
}

/// What a run ended with, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything worked.
    Ok,
    /// The run finished but some inputs failed.
    PartialFailure,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Build(args) => build::run(args),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
    }
}

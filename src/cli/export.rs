//! `guanxi export`: a built graph, or the neighbourhood of one node, in a file format.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::Args;

use super::query::{open_graph, Opened};
use super::Outcome;
use guanxi::export::{around, neo4j, Format};
use guanxi::io_util::write_atomically;
use guanxi::query;

/// Arguments of `guanxi export`.
#[derive(Debug, Args)]
#[command(after_help = "Formats: dot, json, graphml, gexf, cytoscape, neo4j, mermaid, html, png.\n\nExamples:\n  \
guanxi export g/ --format dot -o all.dot\n  guanxi export g/ --format dot --around 张明 --depth 1 | dot -Tsvg > zhang.svg\n  \
guanxi export g/graph.json --format json --around 青川市科技工作会议\n  guanxi export g/ --format html -o graph.html\n  \
guanxi export g/ --format png -o graph.png        # needs Graphviz\n  guanxi export g/ --format gexf -o graph.gexf\n  \
guanxi export g/ --format neo4j -o neo4j/        # nodes.csv, relationships.csv, import.cypher\n  \
guanxi export g/ --format mermaid --around 张明 --depth 1")]
pub struct ExportArgs {
    /// The graph: the folder `build` wrote, its graph.db, or a graph.json.
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    /// Output format: dot, json, graphml, gexf, cytoscape, neo4j, mermaid, html or png.
    #[arg(long, short, default_value = "dot", value_name = "FORMAT")]
    pub format: Format,
    /// Only the neighbourhood of this node (a person, body or meeting).
    #[arg(long, value_name = "NAME")]
    pub around: Option<String>,
    /// With --around: how many edges away from the node to include.
    #[arg(long, default_value_t = 1, value_name = "N", requires = "around")]
    pub depth: usize,
    /// Write to this file (replaced atomically) instead of standard output; for neo4j, the
    /// folder to write nodes.csv, relationships.csv and import.cypher to (standard output
    /// gets the Cypher script alone).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Runs `guanxi export`.
pub fn run(args: ExportArgs) -> anyhow::Result<Outcome> {
    let graph = match open_graph(&args.graph)? {
        Opened::Memory(graph) => match &args.around {
            Some(name) => around(&graph, query::resolve(&graph, name, None)?, args.depth),
            None => *graph,
        },
        Opened::Store(store) => match &args.around {
            Some(name) => store.around(store.resolve(name, None)?, args.depth)?,
            // The whole graph as JSON streams from the store, however large.
            None if args.format == Format::Json => {
                match &args.out {
                    Some(path) => write_atomically(path, |w| store.write_json(w).map_err(std::io::Error::other))?,
                    None => {
                        let stdout = io::stdout();
                        let mut out = BufWriter::new(stdout.lock());
                        store.write_json(&mut out)?;
                        out.flush()?;
                    }
                }
                return Ok(Outcome::Ok);
            }
            None => store.whole()?,
        },
    };
    args.format.check(&graph).map_err(|e| anyhow::anyhow!("{e}; export a part with --around NAME --depth N"))?;
    match &args.out {
        Some(dir) if args.format.writes_folder() => {
            neo4j::write_dir(&graph, dir)?;
        }
        Some(path) => write_atomically(path, |w| args.format.write(&graph, w))?,
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            args.format.write(&graph, &mut out)?;
            out.flush()?;
        }
    }
    Ok(Outcome::Ok)
}

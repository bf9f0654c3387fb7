//! `guanxi build`: reports in, one relation graph out (`graph.json`, `graph.dot`,
//! `graph.html`, `graph.svg`).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use anyhow::Context;
use clap::Args;

use super::inputs::{read_all, summary_line, InputArgs};
use super::query::load_graph;
use super::Outcome;
use guanxi::export::{dot, html};
use guanxi::graph::evidence::evidence_sentences;
use guanxi::graph::{NodeKind, RelationGraph};
use guanxi::input::InputItem;
use guanxi::io_util::StagedFile;
use guanxi::Extractor;

/// Arguments of `guanxi build`.
#[derive(Debug, Args)]
#[command(
    after_help = "Inputs are read as by `extract` (see docs/inputs.md); records written by `extract` and named here are \
merged as they are.\n\nExamples:\n  guanxi build reports/ --out graph/\n  guanxi build new/*.txt --update graph/graph.json --out graph/\n  \
guanxi build scraped.jsonl --field text=正文 --out graph/\n  guanxi build pages/ --manifest pages.csv --out graph/\n  \
guanxi extract reports/ > records.jsonl && guanxi build records.jsonl --out graph/"
)]
pub struct BuildArgs {
    /// The inputs and how to read them (records written by `extract`, named here, are
    /// merged as they are).
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Folder to write graph.json, graph.dot, graph.html and graph.svg to (made when missing).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Add the reports to this existing graph (a graph.json or its folder); reports already
    /// in it are skipped.
    #[arg(long, value_name = "GRAPH")]
    pub update: Option<PathBuf>,
    /// Do not render graph.svg (rendering a large graph takes long).
    #[arg(long)]
    pub no_svg: bool,
    /// Do not write graph.html, the interactive viewer (written only for graphs of at most
    /// 3000 nodes; export a part of a larger one with `export --format html --around`).
    #[arg(long)]
    pub no_html: bool,
}

/// Runs `guanxi build`.
pub fn run(args: BuildArgs) -> anyhow::Result<Outcome> {
    let extractor = Extractor::new(args.inputs.lexicon()?);
    let mut graph = match &args.update {
        Some(path) => load_graph(path)?,
        None => RelationGraph::new(),
    };
    let before = graph.documents().len();

    // Input side: every report read, extracted and handed over in input order.
    let mut options = args.inputs.read_options(true)?;
    options.done = std::sync::Arc::new(graph.documents().iter().map(|d| d.path.clone()).collect());
    let render = |record: guanxi::Extraction, input: &guanxi::input::Prepared| {
        let sentences = evidence_sentences(&record, &input.text);
        (record, sentences)
    };
    let summary = read_all(&args.inputs, &extractor, options, &AtomicBool::new(false), render, |_, item| match item {
        InputItem::Report((record, sentences)) => {
            graph.add_extraction(&record);
            graph.add_sentences(&record.source, sentences);
        }
        InputItem::Record(record) => graph.add_extraction(&record),
        InputItem::Skipped(_) => {}
    })?;
    if !args.inputs.quiet {
        eprintln!("guanxi: {}", summary_line(&summary));
    }

    write_outputs(&graph, &args.out, !args.no_svg, !args.no_html)?;
    if !args.inputs.quiet {
        eprintln!(
            "guanxi: {} document(s) ({} new): {} persons, {} organizations, {} meetings, {} edges",
            graph.documents().len(),
            graph.documents().len() - before,
            graph.count(NodeKind::Person),
            graph.count(NodeKind::Organization),
            graph.count(NodeKind::Meeting),
            graph.edge_count()
        );
    }
    Ok(if summary.failed > 0 { Outcome::PartialFailure } else { Outcome::Ok })
}

/// Writes graph.json, graph.dot, (when asked and the graph is small enough) graph.html and
/// (when asked and Graphviz is there) graph.svg into `dir`. All are written to temporary
/// files first and renamed into place only when every one is complete, so an interrupted
/// build leaves the old files whole.
fn write_outputs(graph: &RelationGraph, dir: &Path, svg: bool, viewer: bool) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut json = StagedFile::create(&dir.join("graph.json"))?;
    graph.write_json(json.writer()).with_context(|| format!("cannot write {}", json.target().display()))?;
    let mut dot_text = Vec::new();
    dot::write(graph, &mut dot_text)?;
    let mut dot_file = StagedFile::create(&dir.join("graph.dot"))?;
    dot_file.writer().write_all(&dot_text).with_context(|| format!("cannot write {}", dot_file.target().display()))?;
    let mut staged = vec![json, dot_file];
    if viewer {
        match html::check(graph) {
            Ok(()) => {
                let mut file = StagedFile::create(&dir.join("graph.html"))?;
                html::write(graph, file.writer())
                    .with_context(|| format!("cannot write {}", file.target().display()))?;
                staged.push(file);
            }
            Err(e) => eprintln!(
                "guanxi: graph.html not written: {e}; export a part with `guanxi export --format html --around NAME`"
            ),
        }
    }
    if svg {
        let text = String::from_utf8(dot_text).expect("DOT is UTF-8");
        match dot::render_svg(&text).context("Graphviz dot failed on graph.dot")? {
            Some(bytes) => {
                let mut file = StagedFile::create(&dir.join("graph.svg"))?;
                file.writer().write_all(&bytes)?;
                staged.push(file);
            }
            None => eprintln!("guanxi: graph.svg not written: Graphviz `dot` is not installed (install the graphviz package, or pass --no-svg)"),
        }
    }
    for file in staged {
        file.commit()?;
    }
    Ok(())
}

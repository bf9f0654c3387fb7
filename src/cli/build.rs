//! `guanxi build`: reports in, one relation graph out (`graph.json`, `graph.dot`,
//! `graph.html`, `graph.svg`).

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use super::extract::{expand_paths, load_lexicon};
use super::query::load_graph;
use super::Outcome;
use guanxi::export::{dot, html};
use guanxi::graph::evidence::{evidence_sentences, Sentence};
use guanxi::graph::{NodeKind, RelationGraph};
use guanxi::input::{extract_prepared, read_prepared};
use guanxi::io_util::StagedFile;
use guanxi::{Extraction, Extractor};

/// How many documents are extracted before they are merged into the graph: records are
/// streamed into the graph in batches of this size, never held all at once.
const BATCH: usize = 256;

/// Arguments of `guanxi build`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  guanxi build reports/ --out graph/\n  guanxi build new/*.txt --update graph/graph.json --out graph/"
)]
pub struct BuildArgs {
    /// Report files or directories (read recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Folder to write graph.json, graph.dot, graph.html and graph.svg to (made when missing).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Add the reports to this existing graph (a graph.json or its folder); reports already
    /// in it are skipped.
    #[arg(long, value_name = "GRAPH")]
    pub update: Option<PathBuf>,
    /// A folder of extra dictionary files (same names and headers as `dictionaries/`).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Do not render graph.svg (rendering a large graph takes long).
    #[arg(long)]
    pub no_svg: bool,
    /// Do not write graph.html, the interactive viewer (written only for graphs of at most
    /// 3000 nodes; export a part of a larger one with `export --format html --around`).
    #[arg(long)]
    pub no_html: bool,
    /// Extraction threads (default: the number of cores).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
}

/// Runs `guanxi build`.
pub fn run(args: BuildArgs) -> anyhow::Result<Outcome> {
    let extractor = Extractor::new(load_lexicon(args.dict.as_deref())?);
    let mut graph = match &args.update {
        Some(path) => load_graph(path)?,
        None => RelationGraph::new(),
    };
    let before = graph.documents().len();
    let mut files = expand_paths(&args.paths);
    let given = files.len();
    files.retain(|p| !graph.contains_document(&p.display().to_string()));
    if files.len() < given {
        eprintln!("guanxi: {} report(s) already in the graph, skipped", given - files.len());
    }
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let mut failed = 0;
    for batch in files.chunks(BATCH) {
        for record in extract_batch(&extractor, batch, jobs) {
            match record {
                Ok((record, sentences)) => {
                    graph.add_extraction(&record);
                    graph.add_sentences(&record.source, sentences);
                }
                // A file that is not text (an image beside the reports) is skipped, not failed.
                Err(e @ guanxi::Error::NotText { .. }) => eprintln!("guanxi: {e}; skipped"),
                Err(e) => {
                    eprintln!("guanxi: {e}");
                    failed += 1;
                }
            }
        }
    }
    write_outputs(&graph, &args.out, !args.no_svg, !args.no_html)?;
    eprintln!(
        "guanxi: {} document(s) ({} new): {} persons, {} organizations, {} meetings, {} edges",
        graph.documents().len(),
        graph.documents().len() - before,
        graph.count(NodeKind::Person),
        graph.count(NodeKind::Organization),
        graph.count(NodeKind::Meeting),
        graph.edge_count()
    );
    Ok(if failed > 0 { Outcome::PartialFailure } else { Outcome::Ok })
}

/// A report's record and the sentences that hold its evidence.
type Extracted = (Extraction, Vec<Sentence>);

/// Reads and extracts a batch of files on `jobs` threads; results in input order.
fn extract_batch(extractor: &Extractor, batch: &[PathBuf], jobs: usize) -> Vec<guanxi::Result<Extracted>> {
    let one = |path: &PathBuf| {
        // Decoded, HTML turned into article text (the page's title and date kept), and an
        // extractor panic turned into an error naming the file.
        read_prepared(path).and_then(|input| {
            let record = extract_prepared(extractor, path, &input)?;
            let sentences = evidence_sentences(&record, &input.text);
            Ok((record, sentences))
        })
    };
    if jobs == 1 {
        return batch.iter().map(one).collect();
    }
    let mut results: Vec<Option<guanxi::Result<Extracted>>> = (0..batch.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|w| {
                let one = &one;
                scope.spawn(move || {
                    batch.iter().enumerate().skip(w).step_by(jobs).map(|(i, p)| (i, one(p))).collect::<Vec<_>>()
                })
            })
            .collect();
        for worker in workers {
            for (i, r) in worker.join().expect("extraction thread panicked") {
                results[i] = Some(r);
            }
        }
    });
    results.into_iter().map(|r| r.expect("every file extracted")).collect()
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

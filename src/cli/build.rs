//! `guanxi build`: reports (or records of `guanxi extract`) in, one output set out: the
//! store `graph.db` and its exports (`graph.json`, `graph.dot`, `graph.html`, `graph.svg`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use anyhow::Context;
use clap::Args;

use super::inputs::{read_all, summary_line, InputArgs};
use super::merger::{Extracted, Merger};
use super::Outcome;
use guanxi::export::{dot, html};
use guanxi::graph::evidence::evidence_sentences;
use guanxi::graph::NodeKind;
use guanxi::input::InputItem;
use guanxi::query::Stats;
use guanxi::store::set::{self, Staging, STORE_FILE};
use guanxi::store::Store;
use guanxi::{Extraction, Extractor};

/// How many records are merged into the store at once: the nodes they name are read, merged
/// and written back together.
const MERGE_BATCH: usize = 4096;

/// Arguments of `guanxi build`.
#[derive(Debug, Args)]
#[command(
    after_help = "Inputs are read as by `extract` (see docs/inputs.md); records written by `extract` and named here are \
merged as they are. The same inputs give the same graph, in whatever order they are named.\n\nExamples:\n  \
guanxi build reports/ --out graph/\n  guanxi build new/*.txt --update graph/ --out graph/\n  \
guanxi build scraped.jsonl --field text=正文 --out graph/\n  guanxi build pages/ --manifest pages.csv --out graph/\n  \
guanxi extract reports/ > records.jsonl && guanxi build records.jsonl --out graph/"
)]
pub struct BuildArgs {
    /// The inputs and how to read them (records written by `extract`, named here, are
    /// merged as they are).
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Folder to write the output set to (made when missing): graph.db (the store), and
    /// graph.json, graph.dot, graph.html and graph.svg while the graph is small enough.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Add the reports to this existing graph (a build folder, a graph.db, or an older build's
    /// graph.json); reports already in it are skipped.
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
pub fn run(mut args: BuildArgs) -> anyhow::Result<Outcome> {
    // Merged in the order of their paths (folders are walked sorted by name), whatever the
    // order given, so that the same reports give the same ids.
    args.inputs.paths.sort();
    args.inputs.paths.dedup();

    let mut staging = Staging::begin(&args.out)?;
    clean_on_signal(staging.staging_dir().to_path_buf());
    let db = staging.file(STORE_FILE);
    let mut store = match &args.update {
        Some(graph) => open_for_update(graph, &db)?,
        None => Store::create(&db)?,
    };
    let before = store.document_count()?;
    let extractor = Extractor::new(args.inputs.lexicon()?);
    let mut options = args.inputs.read_options(true)?;
    options.done = std::sync::Arc::new(store.document_paths()?.into_iter().collect());

    // Reports are read and extracted on the worker threads while the merger's thread merges
    // them into the store, a batch at a time, so memory depends on the batch, not on the graph.
    let render = |record: Extraction, input: &guanxi::input::Prepared| {
        let sentences = evidence_sentences(&record, &input.text);
        (record, sentences)
    };
    let (mut added, mut offered) = (0, 0);
    let summary = std::thread::scope(|scope| -> anyhow::Result<_> {
        let merger = Merger::start(scope, &mut store);
        let mut pending: Vec<Extracted> = Vec::with_capacity(MERGE_BATCH);
        let summary = read_all(&args.inputs, &extractor, options, &AtomicBool::new(false), render, |_, item| {
            let extracted = match item {
                InputItem::Report(extracted) => extracted,
                InputItem::Record(record) => (*record, Vec::new()),
                InputItem::Skipped(_) => return,
            };
            offered += 1;
            pending.push(extracted);
            if pending.len() >= MERGE_BATCH {
                merger.send(std::mem::replace(&mut pending, Vec::with_capacity(MERGE_BATCH)));
            }
        });
        let summary = match summary {
            Ok(summary) => summary,
            Err(e) => {
                let _ = merger.finish();
                return Err(e);
            }
        };
        merger.send(pending);
        added = merger.finish()?;
        Ok(summary)
    })?;
    if !args.inputs.quiet {
        eprintln!("guanxi: {}", summary_line(&summary));
    }
    let already = summary.skipped.get("already in the graph").copied().unwrap_or(0) + (offered - added);
    if added == 0 {
        // Nothing new: the graph in the folder stays as it is (a mistyped path must not
        // replace a good graph with an empty one).
        if already > 0 && summary.failed == 0 {
            eprintln!("guanxi: nothing new; {} left as it was", args.out.display());
            return Ok(Outcome::Ok);
        }
        let paths: Vec<String> = args.inputs.paths.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!("no report read from {}; {} left as it was", paths.join(" "), args.out.display());
    }
    let set = store.content_digest()?;
    store.set_set_id(&set)?;
    let stats = store.stats()?;
    store.finish()?;
    write_exports(&mut staging, &stats, !args.no_svg, !args.no_html)?;
    staging.commit(&set)?;
    if !args.inputs.quiet {
        let count = |k| stats.nodes_by_kind.get(&k).copied().unwrap_or(0);
        eprintln!(
            "guanxi: {} document(s) ({} new): {} persons, {} organizations, {} meetings, {} edges",
            stats.documents,
            stats.documents - before,
            count(NodeKind::Person),
            count(NodeKind::Organization),
            count(NodeKind::Meeting),
            stats.edges
        );
    }
    Ok(if summary.failed > 0 { Outcome::PartialFailure } else { Outcome::Ok })
}

/// On Ctrl-C or a kill signal, removes the staging folder (the old set stays whole) and
/// exits: an interrupted build leaves no temporary files behind.
fn clean_on_signal(staging: PathBuf) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = std::fs::remove_dir_all(&staging);
            eprintln!("guanxi: interrupted; the build's temporary files are removed");
            std::process::exit(128 + signal);
        }
    });
}

/// The store a `--update` adds to, copied to `db` in the staging folder (the old set stays
/// whole until the new one is committed). An older build's folder with only a graph.json is
/// imported.
fn open_for_update(graph: &Path, db: &Path) -> anyhow::Result<Store> {
    let store_file = if graph.is_dir() {
        set::open_store(graph)?.map(|s| s.path().to_path_buf())
    } else if set::is_store_file(graph) {
        Some(graph.to_path_buf())
    } else {
        None
    };
    if let Some(file) = store_file {
        std::fs::copy(&file, db).with_context(|| format!("cannot copy {} to {}", file.display(), db.display()))?;
        return Ok(Store::open_for_update(db)?);
    }
    let old = super::query::load_graph(graph)?;
    let mut store = Store::create(db)?;
    store.import(&old)?;
    Ok(store)
}

/// Graphs up to this many nodes get graph.json and graph.dot (and what is drawn from them)
/// in every build; larger ones are exported on demand (`guanxi export`), streamed from the
/// store.
pub const EXPORT_MAX_NODES: usize = 100_000;
/// Graphs up to this many nodes and edges are rendered to graph.svg: Graphviz `dot` lays
/// them out in seconds (measured: docs/graph.md); larger ones take minutes to hours.
pub const SVG_MAX_NODES: usize = 1_000;
/// See [`SVG_MAX_NODES`].
pub const SVG_MAX_EDGES: usize = 1_500;
/// How long `dot` may run before it is stopped.
const SVG_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Writes the exports of the store in the staging folder: graph.json and graph.dot, graph.html
/// (when asked and the graph is small enough for the viewer) and graph.svg (when asked,
/// Graphviz is there, and the graph is small enough to lay out in seconds).
fn write_exports(staging: &mut Staging, stats: &Stats, svg: bool, viewer: bool) -> anyhow::Result<()> {
    let store = Store::open(&staging.file(STORE_FILE))?;
    let too_large = |what: &str| {
        eprintln!(
            "guanxi: {what} not written: {} nodes, more than the {EXPORT_MAX_NODES} that build exports; \
             `guanxi export {} --format {} -o FILE` writes it, or query the store",
            stats.nodes,
            staging.out().display(),
            if what == "graph.json" { "json" } else { "dot" }
        )
    };
    if stats.nodes > EXPORT_MAX_NODES {
        too_large("graph.json");
        too_large("graph.dot");
        return Ok(());
    }
    // The graph is loaded once for all the exports (graph.json from it has the bytes the
    // store's own streaming export writes).
    let graph = store.whole()?;
    let path = staging.file("graph.json");
    let mut json = std::io::BufWriter::new(
        std::fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?,
    );
    graph
        .write_json(&mut json)
        .and_then(|()| json.flush())
        .with_context(|| format!("cannot write {}", path.display()))?;
    let mut dot_text = Vec::new();
    dot::write(&graph, &mut dot_text)?;
    let path = staging.file("graph.dot");
    std::fs::write(&path, &dot_text).with_context(|| format!("cannot write {}", path.display()))?;
    if viewer {
        match html::check(&graph) {
            Ok(()) => {
                let path = staging.file("graph.html");
                let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
                html::write(&graph, &mut file)
                    .and_then(|()| file.flush())
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            Err(e) => eprintln!(
                "guanxi: graph.html not written: {e}; export a part with `guanxi export --format html --around NAME`"
            ),
        }
    }
    if svg {
        if graph.node_count() > SVG_MAX_NODES || graph.edge_count() > SVG_MAX_EDGES {
            eprintln!(
                "guanxi: graph.svg not written: {} nodes and {} edges, more than the {SVG_MAX_NODES} nodes or {SVG_MAX_EDGES} edges Graphviz lays out in seconds; \
                 draw a part with `guanxi export --format dot --around NAME | dot -Tsvg`",
                graph.node_count(),
                graph.edge_count()
            );
            return Ok(());
        }
        match guanxi::io_util::run_with_timeout("dot", &["-Tsvg"], dot_text, SVG_TIMEOUT) {
            Ok(Some(bytes)) => {
                let path = staging.file("graph.svg");
                std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
            }
            Ok(None) => eprintln!("guanxi: graph.svg not written: Graphviz `dot` is not installed (install the graphviz package, or pass --no-svg)"),
            Err(e) => eprintln!("guanxi: graph.svg not written: {e}"),
        }
    }
    Ok(())
}

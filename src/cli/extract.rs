//! `guanxi extract`: reports in, extraction records out (JSON Lines, in input order).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use clap::Args;

use super::progress::Bar;
use super::Outcome;
use guanxi::input::{extract_files, Walk, WalkOptions};
use guanxi::{Extractor, Lexicon};

/// Arguments of `guanxi extract`.
#[derive(Debug, Args)]
#[command(after_help = "Inputs may be plain text or HTML pages, in UTF-8 (with or without BOM), GB18030/GBK, Big5 \
or UTF-16 with a BOM; the encoding is detected. For an HTML page, offsets count chars in its article text: the \
title line, the date line (when the page gives one), then one line per paragraph.\n\n\
Exit status: 0 when every input was read (files that are not text are skipped), 1 when some failed, 2 on error.\n\n\
Examples:\n  guanxi extract report.txt\n  guanxi extract reports/ --glob '*.txt' --threads 4 > records.jsonl\n  \
cat report.html | guanxi extract - --pretty")]
pub struct ExtractArgs {
    /// Report files or directories (walked recursively, sorted by name); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Indented JSON instead of one record per line.
    #[arg(long)]
    pub pretty: bool,
    /// A folder of extra dictionary files (same names and headers as `dictionaries/`).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Only files in directories whose path (relative to the directory) matches; repeatable;
    /// a leading `!` excludes (`--glob '*.txt' --glob '!drafts/**'`).
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Also read hidden files and directories.
    #[arg(long)]
    pub hidden: bool,
    /// Worker threads (default: the number of cores). Output order does not depend on it.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no summary; errors are still reported.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Loads the built-in dictionaries, plus the user's when given.
pub fn load_lexicon(dict: Option<&Path>) -> anyhow::Result<Lexicon> {
    Ok(match dict {
        Some(dir) => Lexicon::with_user_dir(dir)?,
        None => Lexicon::embedded().context("the built-in dictionaries are broken")?,
    })
}

/// Expands directories into their files (sorted, recursively, hidden entries skipped, links
/// followed without loops). Paths that cannot be walked are kept, so reading them reports why.
#[allow(dead_code, reason = "the build command uses it")]
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    match Walk::new(paths, &WalkOptions::default()) {
        Ok(walk) => walk.map(|r| r.unwrap_or_else(|e| e.path().map(PathBuf::from).unwrap_or_default())).collect(),
        Err(_) => paths.to_vec(),
    }
}

/// Reads one input (`-` is standard input) and returns the text to extract from: decoded from
/// its encoding, and for HTML pages the article text.
#[allow(dead_code, reason = "the build command uses it")]
pub fn read_input(path: &Path) -> guanxi::Result<String> {
    guanxi::input::read_prepared(path).map(|p| p.text)
}

/// Runs `guanxi extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let extractor = Extractor::new(load_lexicon(args.dict.as_deref())?);
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let options = WalkOptions { globs: args.glob.clone(), hidden: args.hidden };
    let walk = Walk::new(&args.paths, &options)?;
    let mut bar = Bar::new(!args.quiet);

    // With a bar, list the files first so that it can show the total.
    let inputs: Box<dyn Iterator<Item = guanxi::Result<PathBuf>> + Send> =
        if bar.is_shown() { Box::new(walk.collect::<Vec<_>>().into_iter()) } else { Box::new(walk) };
    // Stop taking inputs once standard output is closed (`guanxi extract dir | head`).
    let closed = AtomicBool::new(false);
    let inputs = UntilClosed { inputs, closed: &closed };

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut write_error: Option<io::Error> = None;
    let pretty = args.pretty;
    let render = |record: guanxi::Extraction| -> Vec<u8> {
        let mut buf = Vec::with_capacity(4096);
        let written = if pretty {
            serde_json::to_writer_pretty(&mut buf, &record)
        } else {
            serde_json::to_writer(&mut buf, &record)
        };
        written.expect("records serialise to JSON");
        buf.push(b'\n');
        buf
    };
    let printer = bar.printer();
    let summary = extract_files(&extractor, inputs, threads, &mut bar, render, |outcome| match outcome.result {
        Ok(json) => {
            if write_error.is_none() {
                if let Err(e) = out.write_all(&json) {
                    closed.store(true, Ordering::Relaxed);
                    write_error = Some(e);
                }
            }
        }
        Err(e) => printer.message(&format!("guanxi: {e}")),
    });
    if write_error.is_none() {
        if let Err(e) = out.flush() {
            write_error = Some(e);
        }
    }
    match write_error {
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(Outcome::Ok),
        Some(e) => return Err(e).context("writing the records to standard output"),
        None => {}
    }
    if !args.quiet {
        eprintln!(
            "guanxi: {} read, {} skipped (not text), {} failed; {:.1} MB",
            plural(summary.read, "file"),
            summary.skipped,
            summary.failed,
            summary.bytes as f64 / 1e6
        );
    }
    Ok(if summary.failed > 0 { Outcome::PartialFailure } else { Outcome::Ok })
}

/// The inputs until standard output is closed; keeps the size hint for the progress bar.
struct UntilClosed<'a, I> {
    inputs: I,
    closed: &'a AtomicBool,
}

impl<I: Iterator> Iterator for UntilClosed<'_, I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        if self.closed.load(Ordering::Relaxed) {
            return None;
        }
        self.inputs.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inputs.size_hint()
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

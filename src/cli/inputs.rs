//! What `extract` and `build` share: the flags that say which inputs to read and how, and the
//! run over them with a progress bar, messages and a summary.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use clap::Args;

use super::progress::Bar;
use guanxi::input::{
    display_path, extract_files, FieldKeys, FileOutcome, Found, InputItem, Inputs, Known, Manifest, Prepared,
    ReadOptions, SkipReason, Summary, Walk, WalkOptions,
};
use guanxi::{Extraction, Extractor, Lexicon};

/// The inputs of a run and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Report files or directories (walked recursively, sorted by name); `-` reads standard
    /// input. JSON Lines, JSON and CSV files of scraped articles are read item by item.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only files in directories whose path (relative to the directory) matches, instead of
    /// the report kinds; repeatable; a leading `!` excludes (`--glob '*.txt' --glob '!drafts/**'`).
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Also read hidden files and directories.
    #[arg(long)]
    pub hidden: bool,
    /// A CSV or TSV table of `path,published,url,title` for the files read: their dates
    /// resolve dates such as 10月31日, their URLs become their sources.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// The publication date of the one report read (`2024-10-31`).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Where scraped items keep a field, as NAME=KEY with NAME one of text, title, date, url
    /// (`--field text=正文 --field date=发布时间`); repeatable.
    #[arg(long, value_name = "NAME=KEY")]
    pub field: Vec<String>,
    /// The largest input read, in bytes (`500M`, `2G` also work); larger ones are refused
    /// without being read.
    #[arg(long, value_name = "BYTES", default_value = "256M", value_parser = bytes_of)]
    pub max_bytes: u64,
    /// A folder of extra dictionary files (same names and headers as `dictionaries/`).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Worker threads (default and most: the number of cores). Output does not depend on it.
    #[arg(long, short = 'j', value_name = "N", alias = "jobs")]
    pub threads: Option<usize>,
    /// No progress bar and no summary; errors and warnings are still reported.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `--max-bytes` as a number of bytes: digits, optionally followed by K, M or G (powers of
/// 1024).
fn bytes_of(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let n: u64 = digits.parse().map_err(|_| format!("{s:?} is not a size (500M, 2G, 1048576)"))?;
    let scale: u64 = match unit.trim().to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("{s:?} is not a size (500M, 2G, 1048576)")),
    };
    n.checked_mul(scale).ok_or_else(|| format!("{s:?} is too large"))
}

impl InputArgs {
    /// The thread count: as asked, at most what the machine runs at once.
    pub fn thread_count(&self) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        self.threads.unwrap_or(cores).clamp(1, cores)
    }

    /// How to read the inputs; `records` says whether records written by `extract` are taken.
    pub fn read_options(&self, records: bool) -> anyhow::Result<ReadOptions> {
        let keys = FieldKeys::with_overrides(&self.field)?;
        let manifest = match &self.manifest {
            Some(path) => Some(Manifest::read(path, &keys)?),
            None => None,
        };
        let published = match &self.published {
            Some(date) => {
                let one = self.paths.len() == 1 && !self.paths[0].is_dir();
                anyhow::ensure!(one, "--published is for one report; give the dates of several with --manifest");
                Some(
                    guanxi::text::scraped_date(date)
                        .with_context(|| format!("--published {date:?}: not a date (2024-10-31)"))?,
                )
            }
            None => None,
        };
        Ok(ReadOptions {
            max_bytes: self.max_bytes,
            keys,
            manifest,
            known: Known { published, ..Known::default() },
            records,
            done: Default::default(),
        })
    }

    /// Loads the built-in dictionaries, plus the user's when given.
    pub fn lexicon(&self) -> anyhow::Result<Lexicon> {
        Ok(match &self.dict {
            Some(dir) => Lexicon::with_user_dir(dir)?,
            None => Lexicon::embedded().context("the built-in dictionaries are broken")?,
        })
    }
}

/// Reads, extracts and renders every input (on the worker threads), handing each report or
/// record to `take` in input order, with a progress bar on a terminal and a message for each
/// failure, warning and skipped file worth telling. Stops taking inputs once `stop` is set.
pub fn read_all<T: Send>(
    args: &InputArgs,
    extractor: &Extractor,
    options: ReadOptions,
    stop: &AtomicBool,
    render: impl Fn(Extraction, &Prepared) -> T + Sync,
    mut take: impl FnMut(String, InputItem<T>),
) -> anyhow::Result<Summary> {
    let walk = Walk::new(&args.paths, &WalkOptions { globs: args.glob.clone(), hidden: args.hidden })?;
    let mut bar = Bar::new(!args.quiet);
    let printer = bar.printer();
    // With a bar, list the files first so that it can show the total.
    let inputs: Box<dyn Iterator<Item = guanxi::input::Unit> + Send> = if bar.is_shown() {
        Box::new(Inputs::listed(walk.collect::<Vec<Result<Found, guanxi::Error>>>(), options))
    } else {
        Box::new(Inputs::new(walk, options))
    };
    let inputs = UntilStopped { inputs, stop };
    let summary = extract_files(extractor, inputs, args.thread_count(), &mut bar, render, |outcome: FileOutcome<T>| {
        for w in &outcome.warnings {
            printer.message(&format!("guanxi: {}: warning: {w}", display_path(&outcome.path)));
        }
        match outcome.result {
            Ok(InputItem::Skipped(reason)) => {
                if worth_telling(&reason, outcome.named) {
                    printer.message(&format!("guanxi: {}: skipped: {reason}", display_path(&outcome.path)));
                }
            }
            Ok(item) => take(outcome.source, item),
            Err(e) => printer.message(&format!("guanxi: {e}")),
        }
    });
    Ok(summary)
}

/// Whether a skipped input gets a message of its own (the rest are only counted): those named
/// on the command line, and files found in folders whose name says report but whose bytes are
/// not text.
fn worth_telling(reason: &SkipReason, named: bool) -> bool {
    named || matches!(reason, SkipReason::NotText(_))
}

/// The summary line of a run (without the `guanxi: ` prefix).
pub fn summary_line(summary: &Summary) -> String {
    let mut parts = vec![plural(summary.documents, "document")];
    if summary.records > 0 {
        parts[0].push_str(&format!(" and {}", plural(summary.records, "record")));
    }
    parts[0].push_str(" read");
    if summary.skipped_total() > 0 {
        let groups: Vec<String> = summary.skipped.iter().map(|(g, n)| format!("{n} {g}")).collect();
        parts.push(format!("skipped {}", groups.join(", ")));
    }
    parts.push(format!("{} failed", summary.failed));
    if summary.warned > 0 {
        parts.push(format!("{} with warnings", summary.warned));
    }
    format!("{}; {:.1} MB", parts.join(", "), summary.bytes as f64 / 1e6)
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The inputs until `stop` is set; keeps the size hint for the progress bar.
struct UntilStopped<'a, I> {
    inputs: I,
    stop: &'a AtomicBool,
}

impl<I: Iterator> Iterator for UntilStopped<'_, I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        self.inputs.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inputs.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(bytes_of("1048576"), Ok(1 << 20));
        assert_eq!(bytes_of("256M"), Ok(guanxi::input::DEFAULT_MAX_BYTES));
        assert_eq!(bytes_of("500M"), Ok(500 << 20));
        assert_eq!(bytes_of("2GiB"), Ok(2 << 30));
        assert!(bytes_of("lots").is_err());
        assert!(bytes_of("99999999999999G").is_err());
    }
}

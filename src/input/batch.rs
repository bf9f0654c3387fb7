//! Reading and extracting many inputs in parallel, results in input order.
//!
//! [`Inputs`] turns what a [`Walk`] finds into pieces of work ([`Unit`]): a report file, one
//! item of a scraped corpus, one record written by `extract`, or something skipped or failed.
//! [`extract_files`] does the work on a pool of threads and hands over what became of each
//! piece ([`FileOutcome`], whose [`InputItem`] says what kind of input it was).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::fields::FieldKeys;
use super::items::{open_structured, Item, Items, Opened};
use super::kind::SkipReason;
use super::manifest::{Known, Manifest};
use super::prepare::{extract_document, prepare, prepare_article, Prepared};
use super::read::{read_bytes_limited, DEFAULT_MAX_BYTES};
use super::source::item_source;
use super::walk::{Found, InputFile};
use super::{map_in_order, Progress, Warning};
use crate::{Error, Extraction, Extractor, Result};

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The largest input read, in bytes.
    pub max_bytes: u64,
    /// Which keys of scraped items hold their text, title, date and URL.
    pub keys: FieldKeys,
    /// Dates, URLs and titles of files, from `--manifest`.
    pub manifest: Option<Manifest>,
    /// What is known of every report file read (`--published` for a single report).
    pub known: Known,
    /// Whether records written by `extract` are taken (by `build`), when named on the command
    /// line. In folders they are always skipped, as guanxi's own output.
    pub records: bool,
    /// Sources not to read again (those of the graph being updated).
    pub done: std::sync::Arc<std::collections::HashSet<String>>,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            keys: FieldKeys::default(),
            manifest: None,
            known: Known::default(),
            records: false,
            done: Default::default(),
        }
    }
}

/// One piece of work.
#[derive(Debug)]
pub enum Unit {
    /// A report file to read.
    File {
        /// The file.
        file: InputFile,
        /// What is known of it from outside.
        known: Known,
        /// The most bytes read of it.
        max_bytes: u64,
    },
    /// An article of a scraped corpus.
    Article {
        /// The file it is in.
        file: PathBuf,
        /// Its source: its URL, or `file#N`.
        source: String,
        /// The article.
        article: Box<super::Article>,
        /// What reading it warned about.
        warnings: Vec<Warning>,
    },
    /// A record written by `extract`.
    Record {
        /// The file it is in.
        file: PathBuf,
        /// The record.
        record: Box<Extraction>,
    },
    /// Something not read.
    Skipped {
        /// The file or folder.
        path: PathBuf,
        /// Whether it was named on the command line.
        named: bool,
        /// Why it was not read.
        reason: SkipReason,
    },
    /// Something that could not be read.
    Failed(Error),
}

/// The work of a run, from a walk: structured files are read and split into their items as
/// they come, everything else is read by the worker that takes it.
pub struct Inputs<W> {
    walk: W,
    options: ReadOptions,
    current: Option<(InputFile, Box<Items>)>,
    /// Units left, when known in advance (no structured file among the inputs).
    left: Option<usize>,
}

impl<W: Iterator<Item = Result<Found>>> Inputs<W> {
    /// The work of `walk`.
    pub fn new(walk: W, options: ReadOptions) -> Inputs<W> {
        Inputs { walk, options, current: None, left: None }
    }
}

impl Inputs<std::vec::IntoIter<Result<Found>>> {
    /// The work of a walk already listed, so that its length is known when no structured
    /// file is among it (for a progress bar).
    pub fn listed(found: Vec<Result<Found>>, options: ReadOptions) -> Self {
        let structured = found.iter().any(|f| matches!(f, Ok(Found::File(f)) if f.kind.is_structured()));
        let left = (!structured).then_some(found.len());
        Inputs { walk: found.into_iter(), options, current: None, left }
    }
}

impl<W: Iterator<Item = Result<Found>>> Iterator for Inputs<W> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        loop {
            if let Some((file, items)) = self.current.as_mut() {
                match items.next() {
                    None => self.current = None,
                    Some(Err(e)) => return Some(Unit::Failed(e)),
                    Some(Ok((n, item, mut warnings))) => {
                        if n == 1 {
                            warnings.splice(0..0, std::mem::take(&mut items.warnings));
                        }
                        let path = file.path.clone();
                        return Some(match item {
                            Item::Article(article) => {
                                let source = article.url.clone().unwrap_or_else(|| item_source(&file.source, n));
                                if self.options.done.contains(&source) {
                                    let reason = SkipReason::AlreadyIn;
                                    return Some(Unit::Skipped { path: PathBuf::from(source), named: false, reason });
                                }
                                Unit::Article { source, file: path, article: Box::new(article), warnings }
                            }
                            Item::Record(record) => Unit::Record { file: path, record },
                            Item::Empty => Unit::Skipped {
                                path: PathBuf::from(item_source(&file.source, n)),
                                named: false,
                                reason: SkipReason::NotArticles("an item without text".into()),
                            },
                        });
                    }
                }
                continue;
            }
            let found = self.walk.next()?;
            if let Some(left) = self.left.as_mut() {
                *left = left.saturating_sub(1);
            }
            let file = match found {
                Err(e) => return Some(Unit::Failed(e)),
                Ok(Found::Skipped { path, reason }) => return Some(Unit::Skipped { path, named: false, reason }),
                Ok(Found::File(file)) => file,
            };
            if !file.kind.is_structured() {
                let mut known = self.options.known.clone();
                if let Some(row) = self.options.manifest.as_ref().and_then(|m| m.get(&file.path)) {
                    known = Known {
                        title: row.title.clone().or(known.title),
                        published: row.published.clone().or(known.published),
                        url: row.url.clone().or(known.url),
                    };
                }
                if self.options.done.contains(known.url.as_ref().unwrap_or(&file.source)) {
                    return Some(Unit::Skipped { path: file.path, named: false, reason: SkipReason::AlreadyIn });
                }
                return Some(Unit::File { file, known, max_bytes: self.options.max_bytes });
            }
            let bytes = match read_bytes_limited(&file.path, self.options.max_bytes) {
                Ok(b) => b,
                Err(e) => return Some(Unit::Failed(e)),
            };
            let records = self.options.records && file.named;
            match open_structured(&file.path, file.kind, &bytes, &self.options.keys, records) {
                Ok(Opened::Items(items)) => self.current = Some((file, items)),
                Ok(Opened::Skipped(reason)) => {
                    return Some(Unit::Skipped { path: file.path, named: file.named, reason });
                }
                Err(Error::NotText { path, reason }) => {
                    return Some(Unit::Skipped { path, named: file.named, reason: SkipReason::NotText(reason) });
                }
                Err(e) => return Some(Unit::Failed(e)),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self.left {
            Some(n) if self.current.is_none() => (n, Some(n)),
            _ => (0, None),
        }
    }
}

/// What an input turned out to be.
#[derive(Debug)]
pub enum InputItem<T> {
    /// A report (a file, or an item of a scraped corpus), extracted and rendered.
    Report(T),
    /// A record written by `extract`, to be merged as it is.
    Record(Box<Extraction>),
    /// Not read, and why.
    Skipped(SkipReason),
}

/// What became of one input.
#[derive(Debug)]
pub struct FileOutcome<T = Extraction> {
    /// The file (`-` for standard input; `FILE#N` for a skipped item).
    pub path: PathBuf,
    /// The document's source, for reports.
    pub source: String,
    /// Whether the input was named on the command line.
    pub named: bool,
    /// Its size in bytes (0 when it could not be read).
    pub bytes: usize,
    /// What reading it warned about.
    pub warnings: Vec<Warning>,
    /// What it was, or why it failed.
    pub result: Result<InputItem<T>>,
}

/// Counts of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Reports read and extracted (files, and items of scraped corpora).
    pub documents: usize,
    /// Records written by `extract`, taken as they are.
    pub records: usize,
    /// Inputs not read, by [`SkipReason::group`].
    pub skipped: BTreeMap<&'static str, usize>,
    /// Inputs that failed (could not be read, could not be walked, extractor errors).
    pub failed: usize,
    /// Inputs read with a warning.
    pub warned: usize,
    /// Bytes of the inputs read.
    pub bytes: u64,
}

impl Summary {
    /// Counts one outcome.
    pub fn count<T>(&mut self, o: &FileOutcome<T>) {
        self.bytes += o.bytes as u64;
        self.warned += usize::from(!o.warnings.is_empty());
        match &o.result {
            Ok(InputItem::Report(_)) => self.documents += 1,
            Ok(InputItem::Record(_)) => self.records += 1,
            Ok(InputItem::Skipped(reason)) => *self.skipped.entry(reason.group()).or_default() += 1,
            Err(_) => self.failed += 1,
        }
    }

    /// How many inputs were skipped.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// Reads, decodes and extracts every input on `threads` threads, turns each record into a `T`
/// with `render` (on the worker thread, given the text the record's spans count in: serialise
/// there to keep the writer thread light), and hands the outcomes to `sink` on the calling
/// thread in input order. Memory stays bounded (see [`map_in_order`]).
pub fn extract_files<I, T, R, S>(
    extractor: &Extractor,
    inputs: I,
    threads: usize,
    progress: &mut dyn Progress,
    render: R,
    mut sink: S,
) -> Summary
where
    I: Iterator<Item = Unit> + Send,
    T: Send,
    R: Fn(Extraction, &Prepared) -> T + Sync,
    S: FnMut(FileOutcome<T>),
{
    let mut summary = Summary::default();
    let (lower, upper) = inputs.size_hint();
    progress.start((Some(lower) == upper).then_some(lower));
    let work = |unit: Unit| work_on(extractor, unit, &render);
    map_in_order(inputs, threads, work, |outcome| {
        summary.count(&outcome);
        progress.advance(&outcome.path, outcome.bytes);
        sink(outcome);
    });
    progress.finish();
    summary
}

/// Marks an HTML page as guanxi's own viewer.
const VIEWER_MARK: &[u8] = b"<meta name=\"generator\" content=\"guanxi\">";

fn work_on<T>(extractor: &Extractor, unit: Unit, render: &impl Fn(Extraction, &Prepared) -> T) -> FileOutcome<T> {
    let outcome = |path: PathBuf, source: String, bytes: usize, result| FileOutcome {
        path,
        source,
        named: false,
        bytes,
        warnings: Vec::new(),
        result,
    };
    match unit {
        Unit::Failed(e) => {
            let path = e.path().map(Path::to_path_buf).unwrap_or_default();
            outcome(path, String::new(), 0, Err(e))
        }
        Unit::Skipped { path, named, reason } => {
            FileOutcome { named, ..outcome(path, String::new(), 0, Ok(InputItem::Skipped(reason))) }
        }
        Unit::Record { file, record } => {
            let source = record.source.clone();
            outcome(file, source, 0, Ok(InputItem::Record(record)))
        }
        Unit::Article { file, source, article, warnings } => {
            let prepared = prepare_article(&article);
            let known = Known { title: article.title.clone(), published: article.published.clone(), url: None };
            let result = extract_document(extractor, &file, &source, &prepared, &known)
                .map(|record| InputItem::Report(render(record, &prepared)));
            FileOutcome { warnings, ..outcome(file, source, article.text.len(), result) }
        }
        Unit::File { file, known, max_bytes } => {
            let InputFile { path, source, named, .. } = file;
            let source = known.url.clone().unwrap_or(source);
            let bytes = match read_bytes_limited(&path, max_bytes) {
                Ok(b) => b,
                Err(e) => return FileOutcome { named, ..outcome(path, source, 0, Err(e)) },
            };
            let size = bytes.len();
            let head = &bytes[..bytes.len().min(4096)];
            if memchr::memmem::find(head, VIEWER_MARK).is_some() {
                let reason = SkipReason::OwnOutput("a graph viewer");
                return FileOutcome { named, ..outcome(path, source, size, Ok(InputItem::Skipped(reason))) };
            }
            let prepared = prepare(&path, &bytes);
            drop(bytes);
            let prepared = match prepared {
                Ok(p) => p,
                Err(Error::NotText { reason, .. }) => {
                    let reason = SkipReason::NotText(reason);
                    return FileOutcome { named, ..outcome(path, source, size, Ok(InputItem::Skipped(reason))) };
                }
                Err(e) => return FileOutcome { named, ..outcome(path, source, size, Err(e)) },
            };
            let warnings = prepared.warnings.iter().cloned().map(Warning::Decode).collect();
            let result = extract_document(extractor, &path, &source, &prepared, &known)
                .map(|record| InputItem::Report(render(record, &prepared)));
            FileOutcome { named, warnings, ..outcome(path, source, size, result) }
        }
    }
}

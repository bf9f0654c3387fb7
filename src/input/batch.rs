//! Extracting many files in parallel, results in input order.

use std::path::PathBuf;

use super::{extract_prepared, map_in_order, prepare, read_bytes, Progress};
use crate::{Error, Extraction, Extractor, Result};

/// What became of one input.
#[derive(Debug)]
pub struct FileOutcome<T = Extraction> {
    /// The input (`-` for standard input).
    pub path: PathBuf,
    /// Its size in bytes (0 when it could not be read).
    pub bytes: usize,
    /// The rendered record, or why there is none.
    pub result: Result<T>,
}

/// Counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs read and extracted.
    pub read: usize,
    /// Inputs skipped because they are not text.
    pub skipped: usize,
    /// Inputs that failed (could not be read, could not be walked, extractor errors).
    pub failed: usize,
    /// Bytes of the inputs read.
    pub bytes: u64,
}

impl Summary {
    /// Counts one outcome.
    pub fn count<T>(&mut self, o: &FileOutcome<T>) {
        self.bytes += o.bytes as u64;
        match &o.result {
            Ok(_) => self.read += 1,
            Err(Error::NotText { .. }) => self.skipped += 1,
            Err(_) => self.failed += 1,
        }
    }
}

/// Reads, decodes and extracts every input on `threads` threads, turns each record into a `T`
/// with `render` (on the worker thread: serialise there to keep the writer thread light), and
/// hands the outcomes to `sink` on the calling thread in input order. Walk errors come through
/// as failed outcomes in their place. Memory stays bounded (see [`map_in_order`]).
pub fn extract_files<I, T, R, S>(
    extractor: &Extractor,
    inputs: I,
    threads: usize,
    progress: &mut dyn Progress,
    render: R,
    mut sink: S,
) -> Summary
where
    I: Iterator<Item = Result<PathBuf>> + Send,
    T: Send,
    R: Fn(Extraction) -> T + Sync,
    S: FnMut(FileOutcome<T>),
{
    let mut summary = Summary::default();
    let (lower, upper) = inputs.size_hint();
    progress.start((Some(lower) == upper).then_some(lower));
    let work = |item: Result<PathBuf>| -> FileOutcome<T> {
        let path = match item {
            Ok(p) => p,
            Err(e) => {
                let path = error_path(&e);
                return FileOutcome { path, bytes: 0, result: Err(e) };
            }
        };
        let bytes = match read_bytes(&path) {
            Ok(b) => b,
            Err(e) => return FileOutcome { path, bytes: 0, result: Err(e) },
        };
        let size = bytes.len();
        let prepared = prepare(&path, &bytes);
        drop(bytes);
        let result = prepared.and_then(|p| extract_prepared(extractor, &path, &p).map(&render));
        FileOutcome { path, bytes: size, result }
    };
    map_in_order(inputs, threads, work, |outcome| {
        summary.count(&outcome);
        progress.advance(&outcome.path, outcome.bytes);
        sink(outcome);
    });
    progress.finish();
    summary
}

fn error_path(e: &Error) -> PathBuf {
    e.path().map(PathBuf::from).unwrap_or_default()
}

//! The store's merging on a thread of its own, fed batches of records through a channel, so
//! that extraction goes on while a batch is merged (both cores busy, not one waiting for the
//! other).

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::{Scope, ScopedJoinHandle};

use guanxi::graph::evidence::Sentence;
use guanxi::store::Store;
use guanxi::Extraction;

/// A report's record and the sentences that hold its evidence.
pub type Extracted = (Extraction, Vec<Sentence>);

/// Batches waiting to be merged while one is: one is enough to keep the merger busy, and each
/// more holds a batch of records in memory.
const QUEUED: usize = 1;

/// The sending end: batches go to the merging thread in the order they are given.
pub struct Merger<'scope> {
    batches: Option<SyncSender<Vec<Extracted>>>,
    thread: ScopedJoinHandle<'scope, guanxi::Result<usize>>,
}

impl<'scope> Merger<'scope> {
    /// Starts merging into `store` on a thread of `scope`.
    pub fn start<'env>(scope: &'scope Scope<'scope, 'env>, store: &'scope mut Store) -> Merger<'scope> {
        let (tx, rx) = sync_channel(QUEUED);
        let thread = scope.spawn(move || merge_all(store, rx));
        Merger { batches: Some(tx), thread }
    }

    /// Hands a batch over (waits while the merger is a batch behind). After a merge error the
    /// batch is dropped: [`Merger::finish`] returns the error.
    pub fn send(&self, batch: Vec<Extracted>) {
        if let Some(tx) = &self.batches {
            let _ = tx.send(batch);
        }
    }

    /// Waits for every batch to be merged; how many documents were added, or the first error.
    pub fn finish(mut self) -> guanxi::Result<usize> {
        self.batches = None;
        match self.thread.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

/// Merges the batches as they come, each sorted by document (see [`in_source_order`]).
fn merge_all(store: &mut Store, batches: Receiver<Vec<Extracted>>) -> guanxi::Result<usize> {
    let mut added = 0;
    for batch in batches {
        added += store.merge_batch(in_source_order(batch))?;
    }
    Ok(added)
}

/// A batch sorted by document: records given in any order (shards of a Spark job, reports
/// and records mixed) give the same graph, byte for byte, up to a batch of documents.
fn in_source_order(mut batch: Vec<Extracted>) -> Vec<Extracted> {
    batch.sort_by(|a, b| a.0.source.cmp(&b.0.source));
    batch
}

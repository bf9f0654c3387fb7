//! Progress reporting without printing: the caller implements [`Progress`].

use std::path::Path;

/// Told how a run advances. Every method has a default that does nothing, and `()`
/// implements it for runs without progress. Called on the caller's thread, in input order.
pub trait Progress {
    /// The run starts; `total` is the number of inputs when known.
    fn start(&mut self, total: Option<usize>) {
        let _ = total;
    }
    /// One input is done; `bytes` is its size (0 when it could not be read).
    fn advance(&mut self, path: &Path, bytes: usize) {
        let _ = (path, bytes);
    }
    /// The run is over.
    fn finish(&mut self) {}
}

impl Progress for () {}

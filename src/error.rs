//! The library's one error type.

use std::path::PathBuf;

/// Everything that can go wrong in the library. Messages are one line, lowercase, and name
/// the file (and line) they are about.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A dictionary file is malformed.
    #[error("{file}:{line}: {message}")]
    Dictionary {
        /// The dictionary file (its name inside `dictionaries/`, or the user's path).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A file could not be read.
    #[error("{}: {source}", shown(path))]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file is not text (an image, an archive, binary data): it is skipped.
    #[error("{}: skipped: {reason}", shown(path))]
    NotText {
        /// The file.
        path: PathBuf,
        /// What it looks like instead (`a PNG image, not text`).
        reason: String,
    },
    /// A `--glob` pattern is malformed.
    #[error("invalid glob {pattern:?}: {message}")]
    Glob {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
    /// The extractor failed on a file (a bug: please report it with the file).
    #[error("{}: internal error while extracting: {message}", shown(path))]
    Internal {
        /// The file.
        path: PathBuf,
        /// The panic message.
        message: String,
    },
    /// A file could be read but is not usable as input.
    #[error("{}: {message}", shown(path))]
    Input {
        /// The file.
        path: PathBuf,
        /// Why it was not used.
        message: String,
    },
    /// A command-line value is malformed (`--field`, `--published`, a manifest's row).
    #[error("{message}")]
    Usage {
        /// What is wrong, naming the option.
        message: String,
    },
    /// A name given to a graph query matches no node.
    #[error("no {kind} matches {name:?}{}", candidate_list("similar", candidates))]
    UnknownName {
        /// What was looked for (`person`, `meeting`, `node` ...).
        kind: String,
        /// The name as given.
        name: String,
        /// Similar names, with their ids.
        candidates: Vec<String>,
    },
    /// A name given to a graph query matches several nodes.
    #[error("{name:?} matches {} {kind}s{}", candidates.len(), candidate_list("use one of", candidates))]
    AmbiguousName {
        /// What was looked for.
        kind: String,
        /// The name as given.
        name: String,
        /// The matching names, with their ids.
        candidates: Vec<String>,
    },
    /// A graph too large for a format meant for small graphs.
    #[error("{format} is for small graphs: this one has {nodes} nodes and {edges} edges, more than the {max_nodes} nodes or {max_edges} edges that stay readable")]
    TooLarge {
        /// The format (`mermaid`, `html`).
        format: &'static str,
        /// Nodes in the graph.
        nodes: usize,
        /// Edges in the graph.
        edges: usize,
        /// The most nodes the format takes.
        max_nodes: usize,
        /// The most edges the format takes.
        max_edges: usize,
    },
}

/// `; similar: a, b, c` for an error message, or nothing when there are none.
fn candidate_list(what: &str, candidates: &[String]) -> String {
    if candidates.is_empty() {
        String::new()
    } else {
        format!("; {what}: {}", candidates.join(", "))
    }
}

/// A path in a message: escaped one-to-one where it is not plain UTF-8.
fn shown(path: &std::path::Path) -> std::borrow::Cow<'_, str> {
    crate::input::display_path(path)
}

/// Shorthand for results of this library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The file the error is about, when there is one (a dictionary file, an input, a
    /// glob pattern is not a file).
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Io { path, .. }
            | Error::Input { path, .. }
            | Error::NotText { path, .. }
            | Error::Internal { path, .. } => Some(path),
            Error::Dictionary { file, .. } => Some(std::path::Path::new(file)),
            Error::Glob { .. }
            | Error::Usage { .. }
            | Error::UnknownName { .. }
            | Error::AmbiguousName { .. }
            | Error::TooLarge { .. } => None,
        }
    }
}

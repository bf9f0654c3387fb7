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
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file is not text (an image, an archive, binary data): it is skipped.
    #[error("{}: skipped: {reason}", path.display())]
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
    #[error("{}: internal error while extracting: {message}", path.display())]
    Internal {
        /// The file.
        path: PathBuf,
        /// The panic message.
        message: String,
    },
    /// A file could be read but is not usable as input.
    #[error("{}: {message}", path.display())]
    Input {
        /// The file.
        path: PathBuf,
        /// Why it was not used.
        message: String,
    },
}

/// Shorthand for results of this library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The file the error is about, when there is one (a dictionary file, an input, a
    /// glob pattern is not a file).
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Io { path, .. } | Error::Input { path, .. } | Error::NotText { path, .. } | Error::Internal { path, .. } => {
                Some(path)
            }
            Error::Dictionary { file, .. } => Some(std::path::Path::new(file)),
            Error::Glob { .. } => None,
        }
    }
}

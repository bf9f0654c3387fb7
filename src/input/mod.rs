//! Inputs at corpus scale: finding files ([`Walk`]), telling reports from scraped corpora and
//! from files to skip ([`FileKind`], [`SkipReason`]), turning bytes into the text to extract
//! from ([`prepare`]: size limits, encodings, HTML pages, scraped items), naming documents so
//! that records can be shared ([`source_name`]), and extracting many inputs in parallel with
//! results delivered in input order ([`extract_files`], over [`map_in_order`]).
//!
//! The library never prints: progress goes through the [`Progress`] trait, errors and
//! warnings come back as values, one per input.
//!
//! Quick advice: to extract a directory of reports, in parallel, streaming:
//!
//! ```no_run
//! use guanxi::input::{extract_files, InputItem, Inputs, ReadOptions, Walk, WalkOptions};
//! let extractor = guanxi::Extractor::new(guanxi::Lexicon::embedded()?);
//! let walk = Walk::new(&["reports/".into()], &WalkOptions::default())?;
//! let inputs = Inputs::new(walk, ReadOptions::default());
//! let summary = extract_files(&extractor, inputs, 2, &mut (), |r, _text| r, |outcome| match outcome.result {
//!     Ok(InputItem::Report(record)) => println!("{}", serde_json::to_string(&record).unwrap()),
//!     Ok(_) => {}
//!     Err(e) => eprintln!("{e}"),
//! });
//! assert_eq!(summary.failed, 0);
//! # Ok::<(), guanxi::Error>(())
//! ```
//!
//! The path `-` stands for standard input everywhere.

mod batch;
mod fields;
mod items;
mod kind;
mod manifest;
mod ordered;
mod prepare;
mod progress;
mod read;
mod source;
mod walk;
mod written;

pub use batch::{extract_files, FileOutcome, InputItem, Inputs, ReadOptions, Summary, Unit};
pub use fields::{Field, FieldKeys};
pub use items::{open_structured, Article, Item, Items, Opened};
pub use kind::{FileKind, SkipReason};
pub use manifest::{Known, Manifest};
pub use ordered::map_in_order;
pub use prepare::{extract_document, extract_prepared, prepare, prepare_article, read_bytes, read_prepared, Prepared};
pub use progress::Progress;
pub use read::{read_bytes_limited, DEFAULT_MAX_BYTES};
pub use source::{display_path, item_source, source_name};
pub use walk::{Found, InputFile, Walk, WalkOptions};
pub use written::keep_written_forms;

/// Something about an input that did not stop it being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// About its bytes (malformed UTF-8, mixed encodings).
    Decode(crate::text::DecodeWarning),
    /// A scraped item's date that could not be read; the item is taken without one.
    Date(String),
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::Decode(w) => w.fmt(f),
            Warning::Date(v) => write!(f, "the date {v:?} is not understood; taken without a date"),
        }
    }
}

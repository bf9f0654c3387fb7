//! Inputs at corpus scale: finding files ([`Walk`]), turning bytes into the text to extract
//! from ([`prepare`]: encoding detection, HTML pages), and extracting many files in parallel
//! with results delivered in input order ([`extract_files`], over [`map_in_order`]).
//!
//! The library never prints: progress goes through the [`Progress`] trait, errors come back
//! as values, one per file.
//!
//! Quick advice: to extract a directory of reports, in parallel, streaming:
//!
//! ```no_run
//! use guanxi::input::{extract_files, Walk, WalkOptions};
//! let extractor = guanxi::Extractor::new(guanxi::Lexicon::embedded()?);
//! let walk = Walk::new(&["reports/".into()], &WalkOptions::default())?;
//! let summary = extract_files(&extractor, walk, 2, &mut (), |r| r, |outcome| match outcome.result {
//!     Ok(record) => println!("{}", serde_json::to_string(&record).unwrap()),
//!     Err(e) => eprintln!("{e}"),
//! });
//! assert_eq!(summary.failed, 0);
//! # Ok::<(), guanxi::Error>(())
//! ```
//!
//! The path `-` stands for standard input everywhere.

mod batch;
mod ordered;
mod prepare;
mod progress;
mod walk;

pub use batch::{extract_files, FileOutcome, Summary};
pub use ordered::map_in_order;
pub use prepare::{extract_prepared, prepare, read_bytes, read_prepared, Prepared};
pub use progress::Progress;
pub use walk::{Walk, WalkOptions};

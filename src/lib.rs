//! guanxi (关系): officials, posts, bodies, meetings and attendance from Chinese government
//! meeting reports.
//!
//! The pipeline runs one way: [`input`] finds files and decodes them (encodings, HTML
//! pages), [`text`] prepares a document, [`lexicon`] holds the
//! dictionaries, [`extract`] turns a document into an [`Extraction`] record.
//!
//! ```
//! let extractor = guanxi::Extractor::new(guanxi::Lexicon::embedded().unwrap());
//! let record = extractor.extract("example.txt", "某市召开工作会议\n\n会议由市长张明主持。");
//! assert_eq!(record.source, "example.txt");
//! ```
#![warn(missing_docs)]

pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod io_util;
pub mod lexicon;
pub mod query;
pub mod store;
pub mod text;

pub use error::{Error, Result};
pub use extract::record::{Attendance, AttendanceRole, Extraction, Meeting, Organization, Person, Role, Span};
pub use extract::Extractor;
pub use graph::RelationGraph;
pub use lexicon::Lexicon;

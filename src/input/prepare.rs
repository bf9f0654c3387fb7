//! One input from bytes to the text the extractor reads, and to its record.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use super::items::Article;
use super::manifest::Known;
use super::read::{read_bytes_limited, DEFAULT_MAX_BYTES};
use super::source::display_path;
use super::written::keep_written_forms;
use crate::text::{decode, html_to_text, looks_like_html, DecodeWarning};
use crate::{Error, Extraction, Extractor, Result};

/// An input ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// The text to extract from; record offsets count chars in it. For an HTML page it is the
    /// article text (see [`crate::text::html_to_text`]): title line, date line, paragraphs.
    /// For a scraped item it is its title line (unless the text starts with it), then its
    /// text.
    pub text: String,
    /// The encoding the bytes were decoded from (`UTF-8`, `GBK`, `Big5`, ...).
    pub encoding: &'static str,
    /// Whether the input was an HTML page.
    pub html: bool,
    /// The page's headline, for HTML pages that give one.
    pub title: Option<String>,
    /// The page's publication date, for HTML pages that give one.
    pub published: Option<String>,
    /// Size of the input in bytes.
    pub bytes: usize,
    /// What decoding warned about.
    pub warnings: Vec<DecodeWarning>,
}

/// Reads a file, or standard input for `-`, whole (each input is read once), refusing what
/// is not a regular file and what is over [`DEFAULT_MAX_BYTES`] (see
/// [`super::read_bytes_limited`]).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_bytes_limited(path, DEFAULT_MAX_BYTES)
}

/// Whether a file name says HTML.
fn html_name(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("html" | "htm" | "xhtml" | "shtml"))
}

/// Decodes `bytes` (read from `path`) and, for HTML pages (by name or by content), keeps the
/// article text. Bytes that are not text give [`Error::NotText`].
///
/// ```
/// use std::path::Path;
/// let (gbk, _, _) = encoding_rs::GB18030.encode("会议由张明主持。");
/// let p = guanxi::input::prepare(Path::new("a.txt"), &gbk).unwrap();
/// assert_eq!((p.text.as_str(), p.encoding, p.html), ("会议由张明主持。", "GBK", false));
/// let page = b"<html><body><p>\xe4\xbc\x9a\xe8\xae\xae</p></body></html>";
/// assert_eq!(guanxi::input::prepare(Path::new("a.txt"), page).unwrap().text, "会议");
/// ```
pub fn prepare(path: &Path, bytes: &[u8]) -> Result<Prepared> {
    let decoded = decode(bytes).map_err(|e| Error::NotText { path: path.to_path_buf(), reason: e.0 })?;
    let (encoding, size, warnings) = (decoded.encoding, bytes.len(), decoded.warnings);
    let mut prepared = text_or_page(decoded.text, html_name(path));
    prepared.encoding = encoding;
    prepared.bytes = size;
    prepared.warnings = warnings;
    Ok(prepared)
}

/// A decoded text, or for an HTML page its article text.
fn text_or_page(text: String, html: bool) -> Prepared {
    let mut prepared =
        Prepared { text, encoding: "UTF-8", html, title: None, published: None, bytes: 0, warnings: Vec::new() };
    if html || looks_like_html(&prepared.text) {
        let page = html_to_text(&prepared.text);
        prepared.text = page.text;
        prepared.html = true;
        prepared.title = page.title;
        prepared.published = page.published;
    }
    prepared
}

/// The text of a scraped article: an HTML page or fragment becomes its article text; its
/// title comes first as a line of its own unless the text already starts with it.
pub fn prepare_article(article: &Article) -> Prepared {
    let mut prepared = text_or_page(article.text.clone(), false);
    prepared.bytes = article.text.len();
    if let Some(title) = &article.title {
        let first = prepared.text.trim_start().lines().next().unwrap_or("").trim();
        if first != title.as_str() {
            prepared.text = format!("{title}\n{}", prepared.text);
        }
        prepared.title = Some(title.clone());
    }
    prepared
}

/// Reads and prepares one input.
pub fn read_prepared(path: &Path) -> Result<Prepared> {
    prepare(path, &read_bytes(path)?)
}

/// Extracts the record of a prepared input, with `path` shown as its source. The page's
/// title and publication date fill in what the extractor did not find. A panic inside the
/// extractor becomes [`Error::Internal`] naming `path`, so that one bad file does not end a
/// corpus run.
pub fn extract_prepared(extractor: &Extractor, path: &Path, input: &Prepared) -> Result<Extraction> {
    extract_document(extractor, path, &display_path(path), input, &Known::default())
}

/// Extracts the record of a prepared input named `source`, with what is known of it from
/// outside (a manifest, a scraped item's fields, `--published`).
///
/// A known publication date reaches the extractor the way a page's date does: as a date line
/// before the text, from which dates such as `10月31日` are resolved. The record's spans
/// are then moved back, so that they count chars of `input.text` as it is. Names come out in
/// Simplified script; a Traditional spelling of the text is kept as an alias.
pub fn extract_document(
    extractor: &Extractor,
    path: &Path,
    source: &str,
    input: &Prepared,
    known: &Known,
) -> Result<Extraction> {
    let (text, shift) = match &known.published {
        Some(date) => (std::borrow::Cow::Owned(format!("{date}\n{}", input.text)), date.chars().count() + 1),
        None => (std::borrow::Cow::Borrowed(input.text.as_str()), 0),
    };
    let mut record = catch_unwind(AssertUnwindSafe(|| extractor.extract(source, &text))).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        Error::Internal { path: path.to_path_buf(), message }
    })?;
    if shift > 0 {
        for span in record.spans_mut() {
            span.start = span.start.saturating_sub(shift);
            span.end = span.end.saturating_sub(shift);
        }
        record.published.clone_from(&known.published);
    }
    if record.title.is_none() {
        record.title = known.title.clone().or_else(|| input.title.clone());
    }
    if record.published.is_none() {
        record.published = input.published.clone();
    }
    keep_written_forms(&mut record, &input.text);
    Ok(record)
}

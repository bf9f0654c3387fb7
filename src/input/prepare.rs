//! One input from bytes to the text the extractor reads, and to its record.

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use crate::text::{decode, html_to_text, looks_like_html};
use crate::{Error, Extraction, Extractor, Result};

/// An input ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// The text to extract from; record offsets count chars in it. For an HTML page it is the
    /// article text (see [`crate::text::html_to_text`]): title line, date line, paragraphs.
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
}

/// Reads a file, or standard input for `-`, whole (each input is read once).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    if path == Path::new("-") {
        let mut b = Vec::new();
        std::io::stdin().lock().read_to_end(&mut b).map_err(io)?;
        return Ok(b);
    }
    if path.is_dir() {
        return Err(Error::Input { path: path.to_path_buf(), message: "is a directory".into() });
    }
    std::fs::read(path).map_err(io)
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
    let (encoding, size) = (decoded.encoding, bytes.len());
    if html_name(path) || looks_like_html(&decoded.text) {
        let page = html_to_text(&decoded.text);
        return Ok(Prepared {
            text: page.text,
            encoding,
            html: true,
            title: page.title,
            published: page.published,
            bytes: size,
        });
    }
    Ok(Prepared { text: decoded.text, encoding, html: false, title: None, published: None, bytes: size })
}

/// Reads and prepares one input.
pub fn read_prepared(path: &Path) -> Result<Prepared> {
    prepare(path, &read_bytes(path)?)
}

/// Extracts the record of a prepared input. The page's title and publication date fill in
/// what the extractor did not find. A panic inside the extractor becomes
/// [`Error::Internal`] naming `path`, so that one bad file does not end a corpus run.
pub fn extract_prepared(extractor: &Extractor, path: &Path, input: &Prepared) -> Result<Extraction> {
    let source = path.display().to_string();
    let mut record = catch_unwind(AssertUnwindSafe(|| extractor.extract(&source, &input.text))).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        Error::Internal { path: path.to_path_buf(), message }
    })?;
    if record.title.is_none() {
        record.title = input.title.clone();
    }
    if record.published.is_none() {
        record.published = input.published.clone();
    }
    Ok(record)
}

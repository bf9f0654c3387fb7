//! What a file is, by its name: a report, a file of scraped items, or something to skip.

use std::path::Path;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// One report: plain text, or an HTML page (told by its content).
    Report,
    /// An HTML page (`.html`, `.htm`, `.shtml`, `.xhtml`).
    Html,
    /// JSON Lines: one item a line (scraped articles, or records written by `extract`).
    JsonLines,
    /// A JSON array of items (or an object holding one).
    Json,
    /// A table of items with a header row; the byte separating fields.
    Table(u8),
}

impl FileKind {
    /// The kind a file name says, when it names one of the kinds read by default
    /// (`.txt`, `.html`, `.htm`, `.shtml`, `.xhtml`, `.jsonl`, `.ndjson`, `.json`, `.csv`,
    /// `.tsv`).
    pub fn by_name(path: &Path) -> Option<FileKind> {
        let ext = path.extension().and_then(|e| e.to_str())?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => FileKind::Report,
            "html" | "htm" | "shtml" | "xhtml" => FileKind::Html,
            "jsonl" | "ndjson" => FileKind::JsonLines,
            "json" => FileKind::Json,
            "csv" => FileKind::Table(b','),
            "tsv" => FileKind::Table(b'\t'),
            _ => return None,
        })
    }

    /// The kind of a file named on the command line: by its name; a name without a known
    /// ending (`part-00000`, as Spark and Hadoop name their shards) is JSON Lines when its
    /// first line is a JSON object, else a report (whatever it is called, it was asked for).
    pub fn of_named(path: &Path) -> FileKind {
        FileKind::by_name(path).unwrap_or(if first_line_is_json_object(path) {
            FileKind::JsonLines
        } else {
            FileKind::Report
        })
    }

    /// Whether the file holds many items, split up before extraction.
    pub fn is_structured(self) -> bool {
        matches!(self, FileKind::JsonLines | FileKind::Json | FileKind::Table(_))
    }
}

/// Whether a regular file's first line (read up to 1 MiB) is a JSON object. Pipes and
/// devices are not peeked at: their bytes could be read only once.
fn first_line_is_json_object(path: &Path) -> bool {
    use std::io::{BufRead, Read};
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else { return false };
    let mut line = Vec::new();
    if std::io::BufReader::new(file.take(1 << 20)).read_until(b'\n', &mut line).is_err() {
        return false;
    }
    let line = line.trim_ascii();
    line.starts_with(b"{") && serde_json::from_slice::<serde_json::Value>(line).is_ok_and(|v| v.is_object())
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A hidden file or folder (its name starts with `.`); `--hidden` reads them.
    Hidden,
    /// A file guanxi wrote: a graph, its drawings, a viewer page, extraction records.
    OwnOutput(&'static str),
    /// A file whose name is not one of the report kinds (`--glob` picks others).
    NotReport,
    /// A table or JSON file whose items are not articles (no text field).
    NotArticles(String),
    /// Bytes that are not text (an image, an archive).
    NotText(String),
    /// A document the graph being updated already has.
    AlreadyIn,
}

impl SkipReason {
    /// The group a summary counts it in.
    pub fn group(&self) -> &'static str {
        match self {
            SkipReason::Hidden => "hidden",
            SkipReason::OwnOutput(_) => "guanxi outputs",
            SkipReason::NotReport | SkipReason::NotArticles(_) => "not reports",
            SkipReason::NotText(_) => "not text",
            SkipReason::AlreadyIn => "already in the graph",
        }
    }
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::Hidden => f.write_str("hidden"),
            SkipReason::OwnOutput(what) => write!(f, "{what} written by guanxi"),
            SkipReason::NotReport => f.write_str("not a report kind (.txt, .html, .jsonl, .json, .csv ...)"),
            SkipReason::NotArticles(why) => f.write_str(why),
            SkipReason::NotText(why) => f.write_str(why),
            SkipReason::AlreadyIn => f.write_str("already in the graph"),
        }
    }
}

/// The files guanxi writes under their usual names, found in a folder being read.
pub fn own_output_by_name(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?;
    Some(match name {
        "graph.json" => "a graph",
        "graph.dot" | "graph.svg" => "a drawing of a graph",
        "graph.html" => "a graph viewer",
        n if n.starts_with("graph.sqlite") || n.starts_with("graph.db") => "a graph store",
        _ => return None,
    })
}

/// Whether a file name is hidden.
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(FileKind::by_name(Path::new("a/b.TXT")), Some(FileKind::Report));
        assert_eq!(FileKind::by_name(Path::new("b.shtml")), Some(FileKind::Html));
        assert_eq!(FileKind::by_name(Path::new("SOURCES.tsv")), Some(FileKind::Table(b'\t')));
        assert_eq!(FileKind::by_name(Path::new("graph.svg")), None);
        assert_eq!(FileKind::by_name(Path::new("README")), None);
        assert_eq!(FileKind::of_named(Path::new("README")), FileKind::Report);
        assert_eq!(own_output_by_name(Path::new("out/graph.json")), Some("a graph"));
        assert!(is_hidden(std::ffi::OsStr::new(".git")) && !is_hidden(std::ffi::OsStr::new("a.txt")));
    }

    #[test]
    fn a_named_file_without_an_ending_is_told_by_its_first_line() {
        let dir = tempfile::tempdir().unwrap();
        let shard = dir.path().join("part-00000");
        std::fs::write(&shard, "{\"source\": \"a.txt\"}\n{\"source\": \"b.txt\"}\n").unwrap();
        assert_eq!(FileKind::of_named(&shard), FileKind::JsonLines);
        let note = dir.path().join("NOTES");
        std::fs::write(&note, "{会议} 由张三主持。\n").unwrap();
        assert_eq!(FileKind::of_named(&note), FileKind::Report);
        assert_eq!(FileKind::of_named(&dir.path().join("missing")), FileKind::Report);
    }
}

//! A manifest: a CSV or TSV table that gives the files of a folder their publication date,
//! URL and title (`path,published,url,title`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::fields::{Field, FieldKeys};
use super::read::read_bytes_limited;
use crate::text::{decode, scraped_date};
use crate::{Error, Result};

/// What is known of a document from outside its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    /// Its headline.
    pub title: Option<String>,
    /// Its publication date, `YYYY-MM-DD` (or `YYYY-MM`).
    pub published: Option<String>,
    /// Its address, which becomes its source.
    pub url: Option<String>,
}

/// The keys of the column that names the file.
const PATH_KEYS: &[&str] = &["path", "file", "filename", "name"];

/// The rows of a manifest, by file.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    rows: HashMap<PathBuf, Known>,
}

impl Manifest {
    /// Reads a manifest. Its paths are relative to the manifest's folder (or absolute); its
    /// other columns are found like the fields of scraped items (`published`, `date`, `url`,
    /// `title` ...). A `.tsv` file (or one whose header has a tab) is tab-separated.
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// std::fs::write(dir.path().join("a.txt"), "会议。").unwrap();
    /// std::fs::write(dir.path().join("m.csv"), "path,published,url\na.txt,2024-10-31,https://example.org/a\n").unwrap();
    /// let m = guanxi::input::Manifest::read(&dir.path().join("m.csv"), &Default::default()).unwrap();
    /// let known = m.get(&dir.path().join("a.txt")).unwrap();
    /// assert_eq!(known.published.as_deref(), Some("2024-10-31"));
    /// ```
    pub fn read(path: &Path, keys: &FieldKeys) -> Result<Manifest> {
        let bad = |message: String| Error::Input { path: path.into(), message };
        let bytes = read_bytes_limited(path, super::DEFAULT_MAX_BYTES)?;
        let text = decode(&bytes).map_err(|e| bad(e.0))?.text;
        let tab = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
            || text.lines().next().is_some_and(|h| h.contains('\t'));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(if tab { b'\t' } else { b',' })
            .quoting(!tab)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> =
            reader.headers().map_err(|e| bad(e.to_string()))?.iter().map(|h| h.trim().to_string()).collect();
        let column = |wanted: Option<&str>| wanted.and_then(|w| headers.iter().position(|h| h == w));
        let path_keys: Vec<String> = PATH_KEYS.iter().map(|k| k.to_string()).collect();
        let find_path = path_keys.iter().find_map(|k| headers.iter().position(|h| h.eq_ignore_ascii_case(k)));
        let Some(path_col) = find_path else {
            return Err(bad(format!("no column naming the files ({}) in the header", PATH_KEYS.join(", "))));
        };
        let title = column(keys.find(Field::Title, &headers));
        let date = column(keys.find(Field::Date, &headers));
        let url = column(keys.find(Field::Url, &headers));
        let base = path.parent().unwrap_or(Path::new("."));
        let mut rows = HashMap::new();
        for (i, row) in reader.records().enumerate() {
            let line = i + 2;
            let row = row.map_err(|e| bad(format!("line {line}: {e}")))?;
            let cell = |c: Option<usize>| {
                c.and_then(|c| row.get(c)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
            };
            let Some(file) = cell(Some(path_col)) else { continue };
            let published = match cell(date) {
                Some(written) => Some(
                    scraped_date(&written)
                        .ok_or_else(|| bad(format!("line {line}: {written:?} is not a date (2024-10-31)")))?,
                ),
                None => None,
            };
            let known = Known { title: cell(title), published, url: cell(url) };
            rows.insert(key(&base.join(file)), known);
        }
        Ok(Manifest { rows })
    }

    /// What the manifest says of a file.
    pub fn get(&self, path: &Path) -> Option<&Known> {
        self.rows.get(&key(path))
    }

    /// Whether it has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The file a path names, whatever way it is written.
fn key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

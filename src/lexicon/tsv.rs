//! Reading the dictionary format: UTF-8, tab-separated, `#` comments, one header line.
//!
//! ```text
//! # comment lines and blank lines are ignored
//! title<TAB>kind<TAB>body
//! 书记<TAB>party<TAB>-      # a trailing comment after two spaces and `#` is allowed
//! ```
//! A field of `-` is empty. Multi-valued fields separate values with `|`.

use crate::error::{Error, Result};

/// One data row of a table, with its 1-based line number for error messages.
#[derive(Debug, Clone)]
pub struct Row {
    /// Line number in the file.
    pub line: usize,
    /// The fields, trimmed, `-` turned into an empty string.
    pub fields: Vec<String>,
}

impl Row {
    /// Field `i` split on `|`, empty values dropped.
    pub fn list(&self, i: usize) -> Vec<String> {
        self.fields[i].split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
    }
}

/// A parsed table: the file it came from and its rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// Name used in error messages.
    pub file: String,
    /// Data rows (header excluded).
    pub rows: Vec<Row>,
}

impl Table {
    /// Parses `text`, checking the header is exactly `columns`.
    pub fn parse(file: &str, text: &str, columns: &[&str]) -> Result<Table> {
        let err = |line: usize, message: String| Error::Dictionary { file: file.to_string(), line, message };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut header_seen = false;
        let mut rows = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = strip_comment(raw);
            if content.trim().is_empty() {
                continue;
            }
            let fields: Vec<String> = content
                .trim_end()
                .split('\t')
                .map(|f| {
                    let f = f.trim();
                    if f == "-" {
                        String::new()
                    } else {
                        f.to_string()
                    }
                })
                .collect();
            if !header_seen {
                let got: Vec<&str> = fields.iter().map(String::as_str).collect();
                if got != columns {
                    return Err(err(
                        line,
                        format!("expected the header `{}`, found `{}`", columns.join("\\t"), got.join("\\t")),
                    ));
                }
                header_seen = true;
                continue;
            }
            if fields.iter().map(String::as_str).eq(columns.iter().copied()) {
                return Err(err(line, "the header line again (a file pasted twice?)".into()));
            }
            if fields.len() != columns.len() {
                return Err(err(
                    line,
                    format!(
                        "expected {} tab-separated columns ({}), found {}",
                        columns.len(),
                        columns.join(", "),
                        fields.len()
                    ),
                ));
            }
            if fields[0].is_empty() {
                return Err(err(line, format!("the first column ({}) is empty", columns[0])));
            }
            rows.push(Row { line, fields });
        }
        if !header_seen {
            return Err(err(1, format!("no header line `{}`", columns.join("\\t"))));
        }
        Ok(Table { file: file.to_string(), rows })
    }

    /// An error about `row`, naming the file and line.
    pub fn error(&self, row: &Row, message: impl Into<String>) -> Error {
        Error::Dictionary { file: self.file.clone(), line: row.line, message: message.into() }
    }
}

/// Removes a `#` comment: a line starting with `#`, or `  #` / `\t#` after the data.
fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    for pat in ["  #", "\t#"] {
        if let Some(i) = line.find(pat) {
            return &line[..i];
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_comments_and_dashes() {
        let t = Table::parse("t.tsv", "# c\n\na\tb\nx\t-  # note\ny\tp|q\n", &["a", "b"]).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].fields, vec!["x", ""]);
        assert_eq!(t.rows[1].list(1), vec!["p", "q"]);
        assert_eq!(t.rows[1].line, 5);
    }

    #[test]
    fn wrong_column_count_names_file_and_line() {
        let e = Table::parse("titles.tsv", "a\tb\nx\ty\nz\n", &["a", "b"]).unwrap_err();
        assert_eq!(e.to_string(), "titles.tsv:3: expected 2 tab-separated columns (a, b), found 1");
    }

    #[test]
    fn wrong_header_is_reported() {
        let e = Table::parse("x.tsv", "# c\nb\ta\n", &["a", "b"]).unwrap_err();
        assert!(e.to_string().starts_with("x.tsv:2: expected the header"), "{e}");
    }
}

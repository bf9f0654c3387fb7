//! Scraped corpora: JSON Lines, JSON arrays and CSV/TSV tables whose items are articles, read
//! item by item; and files of records written by `guanxi extract`.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::fields::{Field, FieldKeys};
use super::kind::{FileKind, SkipReason};
use super::Warning;
use crate::text::{decode, scraped_date};
use crate::{Error, Extraction, Result};

/// One article of a scraped corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// Its text: plain, or an HTML page or fragment.
    pub text: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Its address.
    pub url: Option<String>,
}

/// One item of a structured file.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// An article to extract.
    Article(Article),
    /// A record written by `guanxi extract`, taken as it is.
    Record(Box<Extraction>),
    /// An item without text.
    Empty,
}

/// What opening a structured file gives.
pub enum Opened {
    /// Its items, one at a time.
    Items(Box<Items>),
    /// A file that holds no articles (a table of something else, a graph), and why.
    Skipped(SkipReason),
}

/// The items of one structured file, in file order, each with its 1-based number.
pub struct Items {
    path: PathBuf,
    keys: FieldKeys,
    rows: Rows,
    n: usize,
    /// What decoding the file warned about.
    pub warnings: Vec<Warning>,
}

enum Rows {
    /// JSON Lines, split as they are taken; records when they are `extract`'s.
    Lines { text: String, at: usize, line: usize, records: bool },
    /// JSON values.
    Values(std::vec::IntoIter<Value>),
    /// Table rows and the header.
    Table { headers: Vec<String>, rows: csv::StringRecordsIntoIter<Cursor<Vec<u8>>> },
}

/// Opens a structured file of `kind` from its bytes. Records written by `extract` are taken
/// when `records` is true, else the file is skipped as guanxi's own.
pub fn open_structured(path: &Path, kind: FileKind, bytes: &[u8], keys: &FieldKeys, records: bool) -> Result<Opened> {
    let decoded = decode(bytes).map_err(|e| Error::NotText { path: path.into(), reason: e.0 })?;
    let warnings = decoded.warnings.into_iter().map(Warning::Decode).collect();
    let text = decoded.text;
    let input = |message: String| Error::Input { path: path.into(), message };
    let rows = match kind {
        FileKind::JsonLines => {
            let first = text.lines().enumerate().find(|(_, l)| !l.trim().is_empty());
            let Some((line, first)) = first else { return Ok(Opened::Skipped(no_items())) };
            let value: Value = serde_json::from_str(first).map_err(|e| input(format!("line {}: {e}", line + 1)))?;
            match classify(&value, keys) {
                Shape::Articles => Rows::Lines { text, at: 0, line: 0, records: false },
                Shape::Records if records => Rows::Lines { text, at: 0, line: 0, records: true },
                Shape::Records => return Ok(Opened::Skipped(SkipReason::OwnOutput("extraction records"))),
                Shape::Own(what) => return Ok(Opened::Skipped(SkipReason::OwnOutput(what))),
                Shape::Other => return Ok(Opened::Skipped(no_text(keys))),
            }
        }
        FileKind::Json => {
            let mut values = Vec::new();
            for v in serde_json::Deserializer::from_str(&text).into_iter::<Value>() {
                values.push(v.map_err(|e| input(format!("line {}: {e}", e.line())))?);
            }
            if let [only] = values.as_mut_slice() {
                if let Some(list) = item_list(only, keys) {
                    values = list;
                }
            }
            let Some(first) = values.first() else { return Ok(Opened::Skipped(no_items())) };
            match classify(first, keys) {
                Shape::Articles => Rows::Values(values.into_iter()),
                Shape::Records if records => Rows::Values(values.into_iter()),
                Shape::Records => return Ok(Opened::Skipped(SkipReason::OwnOutput("extraction records"))),
                Shape::Own(what) => return Ok(Opened::Skipped(SkipReason::OwnOutput(what))),
                Shape::Other => return Ok(Opened::Skipped(no_text(keys))),
            }
        }
        FileKind::Table(delimiter) => {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .flexible(true)
                .quoting(delimiter == b',')
                .from_reader(Cursor::new(text.into_bytes()));
            let headers: Vec<String> =
                reader.headers().map_err(|e| input(e.to_string()))?.iter().map(|h| h.trim().to_string()).collect();
            if keys.find(Field::Text, &headers).is_none() {
                let what = if delimiter == b',' { "a CSV table" } else { "a TSV table" };
                return Ok(Opened::Skipped(SkipReason::NotArticles(format!(
                    "{what} without a text column ({}): not a list of articles",
                    keys.keys(Field::Text).join(", ")
                ))));
            }
            Rows::Table { headers, rows: reader.into_records() }
        }
        FileKind::Report | FileKind::Html => unreachable!("reports are not structured"),
    };
    Ok(Opened::Items(Box::new(Items { path: path.into(), keys: keys.clone(), rows, n: 0, warnings })))
}

fn no_items() -> SkipReason {
    SkipReason::NotArticles("no items".into())
}

fn no_text(keys: &FieldKeys) -> SkipReason {
    SkipReason::NotArticles(format!("items without a text field ({}): not articles", keys.keys(Field::Text).join(", ")))
}

/// What the first item of a file says the file is.
enum Shape {
    Articles,
    Records,
    Own(&'static str),
    Other,
}

fn classify(value: &Value, keys: &FieldKeys) -> Shape {
    let Some(map) = value.as_object() else { return Shape::Other };
    if map.get("format").and_then(Value::as_str) == Some(crate::graph::io::FORMAT) {
        return Shape::Own("a graph");
    }
    if map.get("generated_by").and_then(Value::as_str) == Some("guanxi") {
        return Shape::Own("a Cytoscape export");
    }
    classify_map(map, keys)
}

/// The items of a JSON object that wraps them (`{"data": [...]}`): its first list of
/// objects; `None` for an object that is an item itself.
fn item_list(value: &mut Value, keys: &FieldKeys) -> Option<Vec<Value>> {
    if let Value::Array(items) = value {
        return Some(std::mem::take(items));
    }
    let map = value.as_object_mut()?;
    let present: Vec<String> = map.keys().cloned().collect();
    if keys.find(Field::Text, &present).is_some() || map.contains_key("format") || map.contains_key("generated_by") {
        return None;
    }
    let key =
        map.iter().find(|(_, v)| v.as_array().is_some_and(|a| a.first().is_some_and(Value::is_object)))?.0.clone();
    match map.remove(&key) {
        Some(Value::Array(items)) => Some(items),
        _ => None,
    }
}

impl Items {
    fn error(&self, at: String, message: impl std::fmt::Display) -> Error {
        Error::Input { path: self.path.clone(), message: format!("{at}: {message}") }
    }

    fn article(&self, map: &Map<String, Value>, warnings: &mut Vec<Warning>) -> Item {
        let present: Vec<String> = map.keys().cloned().collect();
        let get = |field: Field| keys_value(map, &present, &self.keys, field);
        let text = get(Field::Text).map(as_text).unwrap_or_default();
        if text.trim().is_empty() {
            return Item::Empty;
        }
        let title = get(Field::Title).map(as_text).filter(|t| !t.trim().is_empty());
        let published = get(Field::Date).and_then(|v| {
            let written = as_text(v);
            let date = scraped_date(&written);
            if date.is_none() && !written.trim().is_empty() {
                warnings.push(Warning::Date(written));
            }
            date
        });
        let url = get(Field::Url).map(as_text).map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
        Item::Article(Article { text, title: title.map(|t| t.trim().to_string()), published, url })
    }
}

fn keys_value<'a>(
    map: &'a Map<String, Value>,
    present: &[String],
    keys: &FieldKeys,
    field: Field,
) -> Option<&'a Value> {
    keys.find(field, present).and_then(|k| map.get(k)).filter(|v| !v.is_null())
}

/// A value as text: strings as they are, lists of strings as lines, numbers as written.
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(as_text).collect::<Vec<_>>().join("\n"),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null | Value::Object(_) => String::new(),
    }
}

/// An item, its 1-based number, and what it warned about.
pub type NumberedItem = (usize, Item, Vec<Warning>);

impl Iterator for Items {
    type Item = Result<NumberedItem>;

    fn next(&mut self) -> Option<Result<NumberedItem>> {
        let mut warnings = Vec::new();
        let item = match &mut self.rows {
            Rows::Lines { text, at, line, records } => loop {
                if *at >= text.len() {
                    return None;
                }
                let rest = &text[*at..];
                let len = rest.find('\n').map_or(rest.len(), |i| i + 1);
                let raw = rest[..len].trim();
                *at += len;
                *line += 1;
                if raw.is_empty() {
                    continue;
                }
                let (n, records) = (*line, *records);
                self.n += 1;
                if records {
                    break match serde_json::from_str::<Extraction>(raw) {
                        Ok(r) => Ok(Item::Record(Box::new(r))),
                        Err(e) => Err(self.error(format!("line {n}"), e)),
                    };
                }
                break match serde_json::from_str::<Map<String, Value>>(raw) {
                    Ok(map) => Ok(self.article(&map, &mut warnings)),
                    Err(e) => Err(self.error(format!("line {n}"), e)),
                };
            },
            Rows::Values(values) => {
                let v = values.next()?;
                self.n += 1;
                let n = self.n;
                match v {
                    Value::Object(map) if matches!(classify_map(&map, &self.keys), Shape::Records) => {
                        match serde_json::from_value::<Extraction>(Value::Object(map)) {
                            Ok(r) => Ok(Item::Record(Box::new(r))),
                            Err(e) => Err(self.error(format!("item {n}"), e)),
                        }
                    }
                    Value::Object(map) => Ok(self.article(&map, &mut warnings)),
                    _ => Err(self.error(format!("item {n}"), "not an object")),
                }
            }
            Rows::Table { headers, rows } => {
                let row = rows.next()?;
                self.n += 1;
                let n = self.n;
                match row {
                    Ok(row) => {
                        let map: Map<String, Value> =
                            headers.iter().zip(row.iter()).map(|(h, v)| (h.clone(), Value::String(v.into()))).collect();
                        Ok(self.article(&map, &mut warnings))
                    }
                    Err(e) => Err(self.error(format!("row {n}"), e)),
                }
            }
        };
        Some(item.map(|item| (self.n, item, warnings)))
    }
}

fn classify_map(map: &Map<String, Value>, keys: &FieldKeys) -> Shape {
    let present: Vec<String> = map.keys().cloned().collect();
    if keys.find(Field::Text, &present).is_some() {
        return Shape::Articles;
    }
    let is_list = |k: &str| map.get(k).is_some_and(Value::is_array);
    if map.get("source").is_some_and(Value::is_string) && (is_list("persons") || is_list("meetings")) {
        return Shape::Records;
    }
    Shape::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(kind: FileKind, text: &str, records: bool) -> Vec<Item> {
        match open_structured(Path::new("x"), kind, text.as_bytes(), &FieldKeys::default(), records).unwrap() {
            Opened::Items(items) => items.map(|r| r.unwrap().1).collect(),
            Opened::Skipped(why) => panic!("skipped: {why}"),
        }
    }

    fn skipped(kind: FileKind, text: &str) -> SkipReason {
        match open_structured(Path::new("x"), kind, text.as_bytes(), &FieldKeys::default(), false).unwrap() {
            Opened::Items(_) => panic!("not skipped"),
            Opened::Skipped(why) => why,
        }
    }

    #[test]
    fn json_lines_arrays_and_tables_give_articles() {
        let jsonl = "{\"title\":\"某市召开会议\",\"content\":\"会议由张明主持。\",\"publish_time\":\"2024-10-31 09:00\",\"url\":\"https://example.org/1\"}\n\n{\"text\":[\"甲。\",\"乙。\"],\"pubdate\":1730390400}\n";
        let got = items(FileKind::JsonLines, jsonl, false);
        assert_eq!(
            got[0],
            Item::Article(Article {
                text: "会议由张明主持。".into(),
                title: Some("某市召开会议".into()),
                published: Some("2024-10-31".into()),
                url: Some("https://example.org/1".into())
            })
        );
        assert_eq!(
            got[1],
            Item::Article(Article {
                text: "甲。\n乙。".into(),
                published: Some("2024-11-01".into()),
                ..Default::default()
            })
        );
        let wrapped = "{\"data\": [{\"body\": \"正文。\", \"link\": \"u\"}]}";
        assert_eq!(
            items(FileKind::Json, wrapped, false),
            [Item::Article(Article { text: "正文。".into(), url: Some("u".into()), ..Default::default() })]
        );
        let csv = "title,content,date\n会议,\"正文，有逗号。\",2024/3/5\n空,,\n";
        let got = items(FileKind::Table(b','), csv, false);
        assert_eq!(
            got[0],
            Item::Article(Article {
                text: "正文，有逗号。".into(),
                title: Some("会议".into()),
                published: Some("2024-03-05".into()),
                url: None
            })
        );
        assert_eq!(got[1], Item::Empty);
    }

    #[test]
    fn tables_graphs_and_records_are_told_apart() {
        assert!(matches!(
            skipped(FileKind::Table(b'\t'), "file\tsource\ttitle\n1.txt\tx\ty\n"),
            SkipReason::NotArticles(_)
        ));
        let graph = "{\"format\":\"guanxi-graph\",\"version\":1,\"nodes\":[{\"id\":\"person:张明\"}]}";
        assert_eq!(skipped(FileKind::Json, graph), SkipReason::OwnOutput("a graph"));
        let record = "{\"source\":\"a.txt\",\"persons\":[{\"name\":\"张明\",\"mentions\":[]}],\"meetings\":[]}\n";
        assert_eq!(skipped(FileKind::JsonLines, record), SkipReason::OwnOutput("extraction records"));
        match &items(FileKind::JsonLines, record, true)[0] {
            Item::Record(r) => assert_eq!(r.persons[0].name, "张明"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_line_names_its_number() {
        let text = "{\"content\":\"甲。\"}\n{\"content\": oops}\n";
        let Opened::Items(items) =
            open_structured(Path::new("c.jsonl"), FileKind::JsonLines, text.as_bytes(), &FieldKeys::default(), false)
                .unwrap()
        else {
            panic!()
        };
        let got: Vec<_> = items.collect();
        assert!(got[0].is_ok());
        let e = got[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("c.jsonl: line 2:"), "{e}");
    }
}

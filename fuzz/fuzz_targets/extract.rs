//! Arbitrary bytes through the whole pipeline: the input path (decoding, HTML, scraped items,
//! extraction), and, as lossy UTF-8, straight into `extract`; every record then merged into a
//! graph and the graph written in every export format. Bytes that parse as a record are merged
//! as they are too (records from a user's file or an edited graph are not the extractor's).
//!
//! Every span of every record must lie in the text it was extracted from and slice it to its
//! mention (in the dictionaries' script); merging and exporting must not panic.
//!
//! See `fuzz/README.md` for the commands.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use guanxi::export::Format;
use guanxi::graph::RelationGraph;
use guanxi::input::{open_structured, FieldKeys, FileKind, Item, Opened};
use guanxi::{Extraction, Extractor, Lexicon};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(Lexicon::embedded().expect("embedded dictionaries")))
}

/// The text as the extractor reads it.
fn folded(s: &str) -> String {
    let d = guanxi::text::Document::new(s);
    d.slice(0, d.len())
}

fn check(text: &str, r: &Extraction) {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| -> String {
        assert!(s <= e && e <= chars.len(), "span {s}..{e} outside a text of {} chars", chars.len());
        chars[s..e].iter().collect()
    };
    for p in &r.persons {
        for m in &p.mentions {
            let s = slice(m.start, m.end);
            assert!(s == p.name || folded(&s) == p.name, "mention {s:?} of {}", p.name);
        }
    }
    for role in &r.roles {
        if let Some(ev) = role.evidence {
            slice(ev.start, ev.end);
        }
    }
    for m in &r.meetings {
        if let Some(ev) = m.evidence {
            slice(ev.start, ev.end);
        }
    }
    for a in &r.attendance {
        assert!(a.meeting < r.meetings.len(), "attendance of meeting {} of {}", a.meeting, r.meetings.len());
        if let Some(ev) = a.evidence {
            slice(ev.start, ev.end);
        }
    }
}

/// Merges the records and writes the graph in every format (into memory), through the public
/// API only (`add_extraction` and the export writers), which the graph's internals may change
/// under.
fn merge_and_export(records: &[Extraction]) {
    let mut graph = RelationGraph::new();
    for r in records {
        graph.add_extraction(r);
    }
    for format in Format::ALL {
        if format.check(&graph).is_ok() {
            let mut out = Vec::new();
            format.write(&graph, &mut out).expect("writing to memory does not fail");
        }
    }
}

fuzz_target!(|input: &[u8]| {
    let ex = extractor();
    // The first byte picks the input kind, so the text, HTML and scraped-item paths are all
    // taken; the rest is the file (the seeds start with 0 to 3).
    let Some((&pick, data)) = input.split_first() else { return };
    let (name, kind) = match pick % 4 {
        1 => ("f.html", FileKind::Html),
        2 => ("f.jsonl", FileKind::JsonLines),
        3 => ("f.csv", FileKind::Table(b',')),
        _ => ("f.txt", FileKind::Report),
    };
    let path = Path::new(name);
    let mut records: Vec<Extraction> = Vec::new();
    if kind.is_structured() {
        if let Ok(Opened::Items(items)) = open_structured(path, kind, data, &FieldKeys::default(), true) {
            for item in items.take(8).flatten() {
                match item.1 {
                    Item::Article(article) => {
                        let p = guanxi::input::prepare_article(&article);
                        let known = guanxi::input::Known { published: article.published.clone(), ..Default::default() };
                        let r = guanxi::input::extract_document(ex, path, "item", &p, &known).expect("no panic in extract");
                        check(&p.text, &r);
                        records.push(r);
                    }
                    // Records as a user's file gives them: merged, not checked against a text.
                    Item::Record(r) => records.push(*r),
                    Item::Empty => {}
                }
            }
        }
    } else if let Ok(p) = guanxi::input::prepare(path, data) {
        let r = guanxi::input::extract_prepared(ex, path, &p).expect("no panic in extract");
        check(&p.text, &r);
        records.push(r);
    }
    let lossy = String::from_utf8_lossy(data);
    let r = ex.extract("f", &lossy);
    check(&lossy, &r);
    records.push(r);
    if let Ok(r) = serde_json::from_slice::<Extraction>(data) {
        records.push(r);
    }
    merge_and_export(&records);
});

//! Arbitrary bytes through the whole input path (decoding, HTML, extraction) and, as lossy
//! UTF-8, straight into `extract`. Every span of every record must slice the text it was
//! extracted from to its mention.
//!
//! ```text
//! cargo +nightly fuzz run extract fuzz/seeds -- -dict=fuzz/words.dict -max_len=8192
//! ```
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use guanxi::{Extraction, Extractor, Lexicon};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(Lexicon::embedded().expect("embedded dictionaries")))
}

fn check(text: &str, r: &Extraction) {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| -> String {
        assert!(s <= e && e <= chars.len(), "span {s}..{e} outside a text of {} chars", chars.len());
        chars[s..e].iter().collect()
    };
    for p in &r.persons {
        for m in &p.mentions {
            assert_eq!(slice(m.start, m.end), p.name, "mention of {}", p.name);
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

fuzz_target!(|data: &[u8]| {
    let ex = extractor();
    // The first byte picks the file name, so both the text and the HTML path are taken.
    let name = if data.first().is_some_and(|b| b & 1 == 1) { "f.html" } else { "f.txt" };
    let path = Path::new(name);
    if let Ok(p) = guanxi::input::prepare(path, data) {
        let r = guanxi::input::extract_prepared(ex, path, &p).expect("no panic in extract");
        check(&p.text, &r);
    }
    let lossy = String::from_utf8_lossy(data);
    let r = ex.extract("f", &lossy);
    check(&lossy, &r);
});

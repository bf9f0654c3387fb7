//! Whole reports in, whole records out: each fictional report under
//! `tests/fixtures/extract/` has its expected record in `tests/golden/extract/`.
//! Set `GUANXI_UPDATE_GOLDEN=1` to rewrite the expected files after a deliberate change.

use std::path::Path;

use guanxi::{Extractor, Lexicon};

#[test]
fn fixture_reports_match_their_golden_records() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let extractor = Extractor::new(Lexicon::embedded().unwrap());
    let update = std::env::var_os("GUANXI_UPDATE_GOLDEN").is_some();
    let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/extract"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3);
    let mut failures = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let record = extractor.extract(name, &text);
        let got = serde_json::to_string_pretty(&record).unwrap() + "\n";
        let golden = root.join("tests/golden/extract").join(name.replace(".txt", ".json"));
        if update {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            failures.push(format!("{name}: record differs from {}\n{got}", golden.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_span_slices_the_text_to_its_mention() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let extractor = Extractor::new(Lexicon::embedded().unwrap());
    for entry in std::fs::read_dir(root.join("tests/fixtures/extract")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let record = extractor.extract("x", &text);
        for p in &record.persons {
            assert!(!p.mentions.is_empty(), "{} has no mention", p.name);
            for m in &p.mentions {
                let s: String = chars[m.start..m.end].iter().collect();
                assert_eq!(s, p.name);
            }
        }
        for r in &record.roles {
            let e = r.evidence.unwrap();
            let s: String = chars[e.start..e.end].iter().collect();
            assert!(s.contains(&r.person) && s.contains(&r.title), "evidence `{s}` of {r:?}");
        }
    }
}

//! The shipped dictionaries are well-formed and canonical; broken ones fail with the file
//! and line in the message.

use std::path::Path;

use guanxi::lexicon::{tsv::Table, EMBEDDED};
use guanxi::Lexicon;

/// The header of each shipped file (first line that is not a comment).
fn header(text: &str) -> Vec<&str> {
    text.lines().find(|l| !l.trim().is_empty() && !l.starts_with('#')).unwrap().split('\t').collect()
}

#[test]
fn every_shipped_dictionary_parses_sorted_without_duplicates() {
    for (name, text) in EMBEDDED {
        let columns = header(text);
        let table = Table::parse(name, text, &columns).unwrap_or_else(|e| panic!("{e}"));
        assert!(!table.rows.is_empty(), "{name} is empty");
        // A row is known by its first column; two regions may share a name in different parents.
        let keys: Vec<(&str, &str)> = table
            .rows
            .iter()
            .map(|r| (r.fields[0].as_str(), if *name == "regions.tsv" { r.fields[3].as_str() } else { "" }))
            .collect();
        for pair in keys.windows(2) {
            assert!(pair[0] < pair[1], "{name}: `{:?}` and `{:?}` are out of order or duplicated", pair[0], pair[1]);
        }
        assert!(text.lines().next().unwrap().starts_with('#'), "{name} starts without a comment saying what it holds");
    }
}

#[test]
fn shipped_dictionaries_build_a_lexicon() {
    let lex = Lexicon::embedded().unwrap();
    assert!(lex.regions.len() > 300);
    assert!(lex.titles.len() > 100);
    assert!(lex.bodies.len() > 100);
}

#[test]
fn body_aliases_are_not_shared_between_bodies() {
    let lex = Lexicon::embedded().unwrap();
    let mut seen = std::collections::BTreeMap::new();
    for b in &lex.bodies {
        for a in std::iter::once(&b.name).chain(&b.aliases) {
            if let Some(other) = seen.insert(a.clone(), b.name.clone()) {
                assert_eq!(other, b.name, "`{a}` names both {other} and {}", b.name);
            }
        }
    }
}

fn broken(case: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken_dictionaries").join(case);
    Lexicon::with_user_dir(&dir).unwrap_err().to_string()
}

#[test]
fn broken_dictionaries_name_file_and_line() {
    let cases = [
        ("wrong_columns", "titles.tsv:4: expected 3 tab-separated columns (title, kind, body), found 2"),
        ("bad_header", "triggers.tsv:2: expected the header `word\\tact`, found `word\\trole`"),
        ("bad_level", "regions.tsv:3: unknown level `town`"),
        ("bad_act", "triggers.tsv:3: unknown act `shouted`"),
        ("unknown_file", "title.tsv: unknown dictionary file"),
        // Saved as GBK by a spreadsheet: the line and column of the first bad byte.
        ("not_utf8", "titles.tsv:3: not UTF-8 (byte 0xca at column 1)"),
        ("header_twice", "titles.tsv:5: the header line again"),
        ("bad_kind", "titles.tsv:3: unknown kind `genral` (expected one of academic,"),
    ];
    for (case, want) in cases {
        let got = broken(case);
        assert!(got.contains(want), "{case}: got `{got}`, want it to contain `{want}`");
    }
}

#[test]
fn user_rows_extend_the_built_in_ones() {
    let dir = tempdir();
    std::fs::write(dir.join("titles.tsv"), "# mine\ntitle\tkind\tbody\n首席数据官\tgeneral\t-\n").unwrap();
    let lex = Lexicon::with_user_dir(&dir).unwrap();
    assert!(lex.title("首席数据官").is_some());
    assert!(lex.title("书记").is_some());
    let ex = guanxi::Extractor::new(lex);
    let rec = ex.extract("x", "标题\n会上，某某集团首席数据官车明远作专题报告，大家认真听取了报告内容。\n");
    assert!(rec.roles.iter().any(|r| r.person == "车明远" && r.title == "首席数据官"), "{:?}", rec.roles);
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("guanxi-dict-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

//! What the export and viewer tests share: running the binary, building the fixture
//! reports, and a graph of hostile names built from records as the extractor gives them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use guanxi::graph::evidence::Sentence;
use guanxi::graph::RelationGraph;
use guanxi::{Attendance, AttendanceRole, Extraction, Meeting, Organization, Person, Role, Span};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn guanxi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_guanxi")).args(args).current_dir(root()).output().expect("run guanxi")
}

pub fn ok(args: &[&str]) -> String {
    let out = guanxi(args);
    assert!(out.status.success(), "guanxi {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The bundled fictional reports built into a fresh folder (graph.json, graph.dot,
/// graph.html; no SVG).
pub fn fixture_graph() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("g");
    ok(&["build", "tests/fixtures/reports", "tests/fixtures/extract", "--out", out.to_str().unwrap(), "--no-svg"]);
    (dir, out)
}

/// Names that try to break out of every format: quotes, backslashes, line breaks, markup,
/// script, CSV and Cypher syntax.
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
    "</script><script>document.body.setAttribute('data-pwned','1')</script>",
    "双引号\"张三",
    "单引号'李四'}) DETACH DELETE n //",
    "反斜杠\\王五",
    "换行\n赵六,\"x\"",
    "分号;逗号,钱七",
    "&amp;]]><!--",
];

/// A graph of [`HOSTILE`] names, each a person who holds a post in a body named after them
/// and presides over a meeting, with the evidence sentence holding the name.
pub fn hostile_graph() -> RelationGraph {
    let mut graph = RelationGraph::new();
    for name in HOSTILE {
        let org = format!("{name}委员会");
        let text = format!("会议由{org}主任{name}主持。");
        let len = text.chars().count();
        let record = Extraction {
            source: format!("hostile/{name}.txt"),
            title: Some(name.to_string()),
            published: Some("2024-01-01".into()),
            persons: vec![Person { name: name.to_string(), aliases: Vec::new(), mentions: vec![Span::new(3, 5)] }],
            organizations: vec![Organization {
                name: org.clone(),
                aliases: vec![format!("{name}]")],
                kind: Some(name.to_string()),
                parent: None,
                mentions: Vec::new(),
            }],
            roles: vec![Role {
                person: name.to_string(),
                title: format!("{name}主任"),
                organization: Some(org.clone()),
                evidence: Some(Span::new(3, len - 3)),
                title_mention: None,
            }],
            meetings: vec![Meeting {
                name: format!("{name}会议"),
                date: Some("2024-01-02".into()),
                organizers: vec![org],
                evidence: None,
            }],
            attendance: vec![Attendance {
                person: name.to_string(),
                meeting: 0,
                role: AttendanceRole::Presided,
                evidence: Some(Span::new(0, len)),
            }],
        };
        graph.add_extraction(&record);
        let sentences: Vec<Sentence> = guanxi::graph::evidence::evidence_sentences(&record, &text);
        graph.add_sentences(&record.source, sentences);
    }
    graph
}

/// Writes `graph` as graph.json in a fresh folder.
pub fn saved(graph: &RelationGraph) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("graph.json");
    let mut bytes = Vec::new();
    graph.write_json(&mut bytes).unwrap();
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// The shared folder beside the repository (`../shared`), or beside the folder of work trees
/// (`../../shared`); `None` when neither has `sub`.
pub fn shared(sub: &str) -> Option<PathBuf> {
    [root().join("../shared"), root().join("../../shared")].into_iter().map(|d| d.join(sub)).find(|d| d.is_dir())
}

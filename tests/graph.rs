//! The relation graph end to end: `build`, `query` and `export` run as the real binary on
//! the fictional reports in `tests/fixtures/reports/`, golden files in `tests/golden/graph/`,
//! and hostile names through the library.
//!
//! Rewrite the golden files on purpose with `GUANXI_BLESS=1 cargo test --test graph` and
//! review the diff (they change when the extractor changes).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use guanxi::export::{dot, Format};
use guanxi::graph::{NodeKind, RelationGraph};
use guanxi::io_util::StagedFile;
use guanxi::{Attendance, AttendanceRole, Extraction, Meeting, Organization, Person, Role, Span};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn guanxi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_guanxi")).args(args).current_dir(root()).output().expect("run guanxi")
}

fn ok(args: &[&str]) -> String {
    let out = guanxi(args);
    assert!(out.status.success(), "guanxi {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Builds the fixture reports (those given) into a fresh folder.
fn build(reports: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("g");
    let mut args = vec!["build"];
    args.extend_from_slice(reports);
    let out_s = out.to_str().unwrap().to_string();
    args.extend_from_slice(&["--out", &out_s, "--no-svg"]);
    ok(&args);
    (dir, out)
}

const FIXTURES: &str = "tests/fixtures/reports";

fn fixture_graph() -> (tempfile::TempDir, PathBuf) {
    build(&[FIXTURES])
}

fn check_golden(name: &str, actual: &str) {
    let path = root().join("tests/golden/graph").join(name);
    if std::env::var_os("GUANXI_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing; run with GUANXI_BLESS=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from {} (GUANXI_BLESS=1 rewrites it)\n--- actual ---\n{actual}",
        path.display()
    );
}

#[test]
fn golden_json_and_dot() {
    let (_dir, g) = fixture_graph();
    check_golden("graph.json", &std::fs::read_to_string(g.join("graph.json")).unwrap());
    check_golden("graph.dot", &std::fs::read_to_string(g.join("graph.dot")).unwrap());
}

#[test]
fn same_input_same_bytes() {
    let (_a, g1) = fixture_graph();
    let (_b, g2) = fixture_graph();
    for f in ["graph.json", "graph.dot"] {
        assert_eq!(std::fs::read(g1.join(f)).unwrap(), std::fs::read(g2.join(f)).unwrap(), "{f}");
    }
}

#[test]
fn json_loads_back_losslessly() {
    let (_dir, g) = fixture_graph();
    let text = std::fs::read(g.join("graph.json")).unwrap();
    let graph = RelationGraph::load(&g.join("graph.json")).unwrap();
    let mut again = Vec::new();
    graph.write_json(&mut again).unwrap();
    assert_eq!(String::from_utf8(again).unwrap(), String::from_utf8(text).unwrap());
    // And `export --format json` writes the same graph.
    let exported = ok(&["export", g.to_str().unwrap(), "--format", "json"]);
    assert_eq!(exported.as_bytes(), std::fs::read(g.join("graph.json")).unwrap());
}

#[test]
fn json_is_node_link() {
    let (_dir, g) = fixture_graph();
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(g.join("graph.json")).unwrap()).unwrap();
    assert_eq!(v["format"], "guanxi-graph");
    assert_eq!(v["version"], 1);
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    let kinds: std::collections::BTreeSet<&str> =
        v["nodes"].as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["meeting", "organization", "person"]);
    for e in v["edges"].as_array().unwrap() {
        for field in ["source", "target", "key", "kind", "sources"] {
            assert!(!e[field].is_null(), "edge without {field}: {e}");
        }
    }
}

#[test]
fn update_adds_reports_to_a_graph() {
    let (_all, full) = fixture_graph();
    let (_dir, g) =
        build(&["tests/fixtures/reports/01-nanjing-forum.txt", "tests/fixtures/reports/02-nanjing-seminar.txt"]);
    let gs = g.to_str().unwrap();
    let out = guanxi(&["build", FIXTURES, "--update", gs, "--out", gs, "--no-svg"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped 2 already in the graph"));
    assert_eq!(
        std::fs::read_to_string(g.join("graph.json")).unwrap(),
        std::fs::read_to_string(full.join("graph.json")).unwrap()
    );
}

#[test]
fn a_post_in_two_reports_is_one_edge_with_two_sources() {
    let (_dir, g) = fixture_graph();
    let graph = RelationGraph::load(&g.join("graph.json")).unwrap();
    let p = graph.find_id("person:林书远").unwrap();
    let posts = guanxi::query::posts(&graph, p);
    let standing = posts.iter().find(|r| r.title == "常委").unwrap();
    assert_eq!(standing.documents.len(), 2);
    assert_eq!(posts.iter().filter(|r| r.title == "常委").count(), 1);
}

#[test]
fn query_attendees_shows_meeting_with_date_and_roles() {
    let (_dir, g) = fixture_graph();
    let out = ok(&["query", g.to_str().unwrap(), "attendees", "科技创新青年论坛"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "科技创新青年论坛 (2024-03-11)");
    assert!(lines[1].starts_with("PERSON"));
    assert!(lines[2].starts_with("苗文澜") && lines[2].contains("presided"), "{out}");
    assert!(lines[3].starts_with("林书远") && lines[3].contains("spoke"), "{out}");
    // 南京大学教授钟亦然、东南大学教授邵启明先后发言: both spoke.
    assert!(lines[4..].iter().all(|l| l.contains("spoke")), "{out}");
    assert_eq!(lines.len(), 6, "{out}");
}

#[test]
fn query_table_columns_align() {
    use unicode_width::UnicodeWidthStr;
    let (_dir, g) = fixture_graph();
    let out = ok(&["query", g.to_str().unwrap(), "meetings", "person:林书远"]);
    // The last column starts at the same display column on every line, wide characters
    // counting two.
    let starts: Vec<usize> = out
        .lines()
        .map(|line| {
            let last = line.rsplit("  ").next().unwrap();
            line.width() - last.width()
        })
        .collect();
    assert_eq!(starts.len(), 3, "{out}");
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{out}");
}

#[test]
fn query_json_is_machine_output() {
    let (_dir, g) = fixture_graph();
    let out = ok(&["query", g.to_str().unwrap(), "meetings", "苗文澜", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["person"]["id"], "person:苗文澜");
    assert_eq!(v["meetings"][0]["meeting"]["label"], "科技创新青年论坛");
    assert_eq!(v["meetings"][0]["meeting"]["date"], "2024-03-11");
    assert_eq!(v["meetings"][0]["roles"], serde_json::json!(["attended", "presided"]));
}

#[test]
fn namesakes_in_different_regions_stay_apart() {
    let (_dir, g) = fixture_graph();
    let out = guanxi(&["query", g.to_str().unwrap(), "posts", "林书远"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("matches 2 persons") && err.contains("[person:林书远]") && err.contains("[person:林书远#2]"),
        "{err}"
    );
    let out = ok(&["query", g.to_str().unwrap(), "posts", "林书远#2"]);
    assert!(out.contains("市长") && out.contains("苏州市人民政府") && !out.contains("南京"), "{out}");
}

#[test]
fn names_match_by_alias_and_unique_part() {
    let (_dir, g) = fixture_graph();
    let gs = g.to_str().unwrap();
    let by_alias = ok(&["query", gs, "members", "市科技局"]);
    assert!(
        by_alias.starts_with("南京市科学技术局\n")
            && by_alias.contains("苗文澜")
            && by_alias.contains("党组书记、局长"),
        "{by_alias}"
    );
    let by_part = ok(&["query", gs, "attendees", "推进会"]);
    assert!(by_part.starts_with("数字经济推进会 (2024-05-20)"), "{by_part}");
}

#[test]
fn unknown_and_ambiguous_names_list_candidates() {
    let (_dir, g) = fixture_graph();
    let gs = g.to_str().unwrap();
    let out = guanxi(&["query", gs, "members", "市委"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("中共南京市委员会") && err.contains("中共苏州市委员会"), "{err}");
    let out = guanxi(&["query", gs, "posts", "苗文兰"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no person matches \"苗文兰\"") && err.contains("苗文澜"), "{err}");
}

#[test]
fn query_path_and_coattendees() {
    let (_dir, g) = fixture_graph();
    let gs = g.to_str().unwrap();
    let out = ok(&["query", gs, "path", "苗文澜", "宣传部", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let path = v["path"].as_array().unwrap();
    assert_eq!(path.len(), 3, "{out}");
    assert_eq!(path[0]["from"]["label"], "苗文澜");
    assert_eq!(path[2]["kind"], "holds_post");
    assert_eq!(path[2]["to"]["label"], "中共南京市委员会宣传部");
    let out = ok(&["query", gs, "coattendees", "苗文澜"]);
    assert!(out.contains("林书远") && out.contains("科技创新青年论坛 (2024-03-11)"), "{out}");
    let out = guanxi(&["query", gs, "path", "苗文澜", "数字经济推进会"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("no connection"));
}

#[test]
fn query_show_says_why_nodes_merged() {
    let (_dir, g) = fixture_graph();
    let out = ok(&["query", g.to_str().unwrap(), "show", "person:林书远"]);
    assert!(out.starts_with("林书远 [person:林书远]\nregions: 南京市\n"), "{out}");
    assert!(out.contains("namesakes kept apart: person:林书远#2"), "{out}");
    assert!(out.contains("01-nanjing-forum.txt") && out.contains("02-nanjing-seminar.txt"), "{out}");
    let v: serde_json::Value =
        serde_json::from_str(&ok(&["query", g.to_str().unwrap(), "show", "市科技局", "--json"])).unwrap();
    assert_eq!(v["node"]["id"], "organization:南京市科学技术局");
    assert!(v["aliases"].as_array().unwrap().contains(&serde_json::json!("市科技局")));
}

#[test]
fn query_stats() {
    let (_dir, g) = fixture_graph();
    let v: serde_json::Value = serde_json::from_str(&ok(&["query", g.to_str().unwrap(), "stats", "--json"])).unwrap();
    assert_eq!(v["documents"], 3);
    assert_eq!(v["nodes_by_kind"]["person"], 6);
    assert_eq!(v["namesakes"], 2);
}

#[test]
fn export_around_one_person() {
    let (dir, g) = fixture_graph();
    let file = dir.path().join("miao.dot");
    ok(&[
        "export",
        g.to_str().unwrap(),
        "--format",
        "dot",
        "--around",
        "苗文澜",
        "--depth",
        "1",
        "-o",
        file.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&file).unwrap();
    let parsed = graphviz_rust::parse(&text).unwrap();
    let nodes = dot_nodes(&parsed);
    assert_eq!(
        nodes,
        [
            "\"meeting:人才工作座谈会@2024-04-08\"",
            "\"meeting:科技创新青年论坛@2024-03-11\"",
            "\"organization:南京市科学技术局\"",
            "\"person:苗文澜\""
        ]
    );
    let json = ok(&["export", g.to_str().unwrap(), "--format", "json", "--around", "科技创新青年论坛"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), 5, "the forum and its four attendees");
    assert_eq!(v["graph"]["documents"].as_array().unwrap().len(), 2, "only the cited documents");
}

/// The ids of the node statements of a parsed DOT graph.
fn dot_nodes(g: &graphviz_rust::dot_structures::Graph) -> Vec<String> {
    use graphviz_rust::dot_structures::{Graph, Id, Stmt};
    let (Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. }) = g;
    stmts
        .iter()
        .filter_map(|s| match s {
            Stmt::Node(n) => match &n.id.0 {
                Id::Escaped(s) | Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => Some(s.clone()),
            },
            _ => None,
        })
        .collect()
}

/// A DOT quoted string back to its text (the inverse of `dot::escape`).
fn unquote(s: &str) -> String {
    let inner = &s[1..s.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash in {s}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

const HOSTILE: &[&str] = &[
    "双引号\"张三",
    "反斜杠\\李四",
    "尾反斜杠\\",
    "方括号]王五",
    "换行\n赵六",
    "<script>alert(1)</script>",
    "\"];\"evil\" -> \"x\"[color=red",
    "注入\\\"];malicious=1;//",
    "<<b>html</b>>",
];

fn hostile_graph() -> RelationGraph {
    let mut graph = RelationGraph::new();
    for (i, name) in HOSTILE.iter().enumerate() {
        let org = format!("{name}委员会");
        let record = Extraction {
            source: format!("hostile/{name}.txt"),
            title: Some(name.to_string()),
            published: Some("2024-01-01".into()),
            persons: vec![Person { name: name.to_string(), aliases: Vec::new(), mentions: vec![Span::new(i, i + 2)] }],
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
                evidence: None,
                title_mention: None,
            }],
            meetings: vec![Meeting {
                name: format!("{name}会议"),
                date: Some(name.to_string()),
                organizers: vec![org],
                evidence: None,
            }],
            attendance: vec![Attendance {
                person: name.to_string(),
                meeting: 0,
                role: AttendanceRole::Presided,
                evidence: None,
            }],
        };
        graph.add_extraction(&record);
    }
    graph
}

#[test]
fn hostile_names_cannot_break_dot() {
    let graph = hostile_graph();
    let mut text = Vec::new();
    dot::write(&graph, &mut text).unwrap();
    let text = String::from_utf8(text).unwrap();
    let parsed = graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{text}"));
    let ids: Vec<String> = dot_nodes(&parsed).iter().map(|s| unquote(s)).collect();
    let mut expected: Vec<String> = graph.nodes_sorted().into_iter().map(|ix| graph.node(ix).id.clone()).collect();
    expected.iter_mut().for_each(|id| *id = id.replace('\r', ""));
    assert_eq!(ids, expected, "every node survives, with its id intact");
    // No attribute came from a name: every attribute key is one the writer uses.
    use graphviz_rust::dot_structures::{Graph, Id, Stmt};
    let Graph::DiGraph { stmts, .. } = &parsed else { panic!("not a digraph") };
    let known = [
        "label",
        "shape",
        "style",
        "fillcolor",
        "color",
        "tooltip",
        "fontcolor",
        "penwidth",
        "charset",
        "rankdir",
        "fontname",
        "overlap",
        "nodesep",
        "fontsize",
    ];
    let mut edges = 0;
    for s in stmts {
        let attrs = match s {
            Stmt::Node(n) => &n.attributes,
            Stmt::Edge(e) => {
                edges += 1;
                &e.attributes
            }
            _ => continue,
        };
        for a in attrs {
            let Id::Plain(key) = &a.0 else { panic!("quoted attribute key {:?}", a.0) };
            assert!(known.contains(&key.as_str()), "unexpected attribute {key}");
        }
    }
    assert_eq!(edges, graph.edge_count(), "one arrow for each post, presiding and organizing");
    if let Ok(Some(svg)) = dot::render_svg(&text) {
        let svg = String::from_utf8(svg).unwrap();
        assert!(!svg.contains("<script>"), "markup in names is escaped in SVG");
    }
}

#[test]
fn hostile_names_round_trip_through_json() {
    let graph = hostile_graph();
    let mut first = Vec::new();
    graph.write_json(&mut first).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&first).expect("valid JSON");
    let labels: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "person")
        .map(|n| n["label"].as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = HOSTILE.to_vec();
    expected.sort_by_key(|n| format!("person:{n}"));
    assert_eq!(labels, expected);
    let back = RelationGraph::read_json(&first[..], Path::new("hostile.json")).unwrap();
    let mut second = Vec::new();
    back.write_json(&mut second).unwrap();
    assert_eq!(first, second);
    assert_eq!(back.count(NodeKind::Person), HOSTILE.len());
    let mut again = Vec::new();
    Format::Dot.write(&back, &mut again).unwrap();
    let mut dot_first = Vec::new();
    Format::Dot.write(&graph, &mut dot_first).unwrap();
    assert_eq!(dot_first, again);
}

#[test]
fn an_unfinished_write_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("graph.json");
    std::fs::write(&target, "old").unwrap();
    {
        let mut staged = StagedFile::create(&target).unwrap();
        staged.writer().write_all(b"new but unfinished").unwrap();
        // Dropped without commit: as if the build were interrupted.
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    let mut staged = StagedFile::create(&target).unwrap();
    staged.writer().write_all(b"new").unwrap();
    staged.commit().unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
}

#[test]
fn a_graph_from_elsewhere_is_refused_with_a_reason() {
    let err = RelationGraph::read_json(&br#"{"format": "other", "version": 1, "directed": true, "multigraph": true, "graph": {"name": "x", "documents": []}, "nodes": [], "edges": []}"#[..], Path::new("x.json")).unwrap_err();
    assert_eq!(err.to_string(), "x.json: format is \"other\", expected \"guanxi-graph\"");
    let err = RelationGraph::read_json(&b"{\"format\": \"guanxi-graph\", \"version\": 9, \"directed\": true, \"multigraph\": true, \"graph\": {\"name\": \"x\", \"documents\": []}, \"nodes\": [], \"edges\": []}"[..], Path::new("x.json")).unwrap_err();
    assert!(err.to_string().contains("graph version 9 is newer"), "{err}");
}

/// A record from a compact description, for merge tests.
fn record(
    source: &str,
    orgs: &[(&str, &[&str])],
    roles: &[(&str, &str, &str)],
    meeting: Option<(&str, Option<&str>, &[&str])>,
) -> Extraction {
    let mut r = Extraction { source: source.into(), published: Some("2024-06-01".into()), ..Extraction::default() };
    r.organizations = orgs
        .iter()
        .map(|(name, aliases)| Organization {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: None,
            parent: None,
            mentions: Vec::new(),
        })
        .collect();
    r.roles = roles
        .iter()
        .map(|(p, t, o)| Role {
            person: p.to_string(),
            title: t.to_string(),
            organization: Some(o.to_string()),
            evidence: None,
            title_mention: None,
        })
        .collect();
    if let Some((name, date, people)) = meeting {
        r.meetings.push(Meeting {
            name: name.into(),
            date: date.map(str::to_string),
            organizers: Vec::new(),
            evidence: None,
        });
        r.attendance = people
            .iter()
            .map(|p| Attendance { person: p.to_string(), meeting: 0, role: AttendanceRole::Attended, evidence: None })
            .collect();
    }
    r
}

fn ids(graph: &RelationGraph, kind: NodeKind) -> Vec<String> {
    graph
        .nodes_sorted()
        .into_iter()
        .filter(|&ix| graph.node(ix).kind == kind)
        .map(|ix| graph.node(ix).id.clone())
        .collect()
}

#[test]
fn bodies_merge_on_canonical_name_and_global_aliases() {
    let mut g = RelationGraph::new();
    // An early report knows only the short form; a later one gives the full name with it as
    // an alias: the two become one node under the full name, edges moved over.
    g.add_extraction(&record("a.txt", &[("甲乙管委会", &[])], &[("周一", "主任", "甲乙管委会")], None));
    g.add_extraction(&record(
        "b.txt",
        &[("甲乙科技园区管理委员会", &["甲乙管委会", "管委会"])],
        &[("周一", "主任", "甲乙管委会")],
        None,
    ));
    assert_eq!(ids(&g, NodeKind::Organization), ["organization:甲乙科技园区管理委员会"]);
    let p = g.find_id("person:周一").unwrap();
    let posts = guanxi::query::posts(&g, p);
    assert_eq!(posts.len(), 1, "one post edge with two sources: {posts:?}");
    assert_eq!(posts[0].documents, ["a.txt", "b.txt"]);
    assert_eq!(g.node(p).posts.len(), 1);
    // A later report naming the body by its alias joins it too.
    g.add_extraction(&record("c.txt", &[("甲乙管委会", &[])], &[], None));
    assert_eq!(g.count(NodeKind::Organization), 1);
    // A relative short form never merges across reports.
    g.add_extraction(&record("d.txt", &[("某市人民政府", &["市政府"])], &[], None));
    g.add_extraction(&record("e.txt", &[("市政府", &[])], &[], None));
    assert_eq!(g.count(NodeKind::Organization), 3);
}

#[test]
fn meetings_merge_on_name_and_date() {
    let mut g = RelationGraph::new();
    g.add_extraction(&record("a.txt", &[], &[], Some(("工作会议", Some("2024-01-02"), &["周一"]))));
    g.add_extraction(&record("b.txt", &[], &[], Some(("工作会议", Some("2024-01-02"), &["吴二"]))));
    g.add_extraction(&record("c.txt", &[], &[], Some(("工作会议", Some("2024-05-06"), &["周一"]))));
    g.add_extraction(&record("d.txt", &[], &[], Some(("工作会议", None, &["周一"]))));
    assert_eq!(
        ids(&g, NodeKind::Meeting),
        ["meeting:工作会议", "meeting:工作会议@2024-01-02", "meeting:工作会议@2024-05-06"]
    );
    let m = guanxi::query::resolve(&g, "工作会议@2024-01-02", Some(NodeKind::Meeting)).unwrap();
    let names: Vec<String> = guanxi::query::attendees(&g, m).into_iter().map(|a| a.person.label).collect();
    assert_eq!(names, ["吴二", "周一"]);
    let err = guanxi::query::resolve(&g, "工作", Some(NodeKind::Meeting)).unwrap_err().to_string();
    assert!(
        err.contains("matches 3 meetings") && err.contains("工作会议 (2024-05-06) [meeting:工作会议@2024-05-06]"),
        "{err}"
    );
}

#[test]
fn persons_split_by_region_and_join_without_one() {
    let mut g = RelationGraph::new();
    let bj: &[(&str, &[&str])] = &[("北京市人民政府", &[])];
    let sh: &[(&str, &[&str])] = &[("上海市人民政府", &[])];
    g.add_extraction(&record("a.txt", bj, &[("王明", "副市长", "北京市人民政府")], None));
    g.add_extraction(&record("b.txt", sh, &[("王明", "副市长", "上海市人民政府")], None));
    g.add_extraction(&record("c.txt", bj, &[("王明", "市长", "北京市人民政府")], None));
    assert_eq!(ids(&g, NodeKind::Person), ["person:王明", "person:王明#2"]);
    // No post in the report: the namesake sharing the report's region.
    g.add_extraction(&record("d.txt", sh, &[], Some(("座谈会", None, &["王明"]))));
    let shanghai = g.find_id("person:王明#2").unwrap();
    assert_eq!(g.node(shanghai).regions, ["上海市"]);
    assert_eq!(g.node(shanghai).sources.len(), 2, "b.txt and d.txt");
    // A national post has no region: it joins the only namesake.
    g.add_extraction(&record("e.txt", &[("国务院", &[])], &[("李华", "总理", "国务院")], None));
    g.add_extraction(&record("f.txt", bj, &[("李华", "顾问", "北京市人民政府")], None));
    assert_eq!(g.persons_named("李华").len(), 1);
}

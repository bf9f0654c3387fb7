//! The published formats: GraphML, GEXF, Cytoscape, Neo4j, Mermaid and the HTML viewer, on
//! the fixture reports (through the binary) and on hostile names (through the library).
//! Round trips through networkx and the Cypher grammar are in `tests/check_exports.py`; the
//! viewer in a real browser is `tests/viewer.rs`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{fixture_graph, guanxi, hostile_graph, ok, saved, HOSTILE};
use guanxi::export::html;
use guanxi::export::{mermaid, neo4j, Format};
use guanxi::graph::RelationGraph;

fn written(format: Format, graph: &RelationGraph) -> String {
    let mut out = Vec::new();
    format.write(graph, &mut out).unwrap_or_else(|e| panic!("{format}: {e}"));
    String::from_utf8(out).expect("UTF-8")
}

fn ids(graph: &RelationGraph) -> BTreeSet<String> {
    graph.nodes_sorted().into_iter().map(|ix| graph.node(ix).id.clone()).collect()
}

/// The ids of the `<node>` elements of a GraphML or GEXF text, and its number of edges.
fn xml_graph(text: &str) -> (BTreeSet<String>, usize) {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}"));
    let nodes =
        doc.descendants().filter(|n| n.has_tag_name("node")).map(|n| n.attribute("id").unwrap().to_string()).collect();
    let edges = doc.descendants().filter(|n| n.has_tag_name("edge")).count();
    (nodes, edges)
}

/// The page data of a viewer.
fn page_data(page: &str) -> serde_json::Value {
    let marker = "<script type=\"application/json\" id=\"guanxi-data\">";
    let start = page.find(marker).expect("data element") + marker.len();
    let end = start + page[start..].find("</script>").expect("end of data");
    serde_json::from_str(&page[start..end]).expect("page data is JSON")
}

/// A minimal RFC 4180 reader: rows of fields, `""` inside quotes is a quote.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let (mut row, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, line.chars().peekable());
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => row.push(std::mem::take(&mut field)),
                (c, _) => field.push(c),
            }
        }
        assert!(!quoted, "unclosed quote in {line:?}");
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Checks one Cypher statement lexically: strings closed, brackets balanced, one `;` at the
/// end; returns its string literals, unescaped.
fn cypher_strings(statement: &str) -> Vec<String> {
    let (mut strings, mut depth, mut chars) = (Vec::new(), Vec::new(), statement.char_indices());
    while let Some((i, c)) = chars.next() {
        match c {
            '\'' => {
                let mut s = String::new();
                loop {
                    match chars.next().map(|(_, c)| c) {
                        Some('\\') => match chars.next().map(|(_, c)| c) {
                            Some('n') => s.push('\n'),
                            Some('u') => {
                                let hex: String = (0..4).filter_map(|_| chars.next().map(|(_, c)| c)).collect();
                                s.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                            }
                            Some(c) => s.push(c),
                            None => panic!("unfinished escape in {statement}"),
                        },
                        Some('\'') => break,
                        Some(c) => s.push(c),
                        None => panic!("unclosed string in {statement}"),
                    }
                }
                strings.push(s);
            }
            '(' | '[' | '{' => depth.push(c),
            ')' | ']' | '}' => {
                let open = depth.pop().unwrap_or_else(|| panic!("unbalanced {c} in {statement}"));
                assert_eq!(
                    (open, c).0,
                    match c {
                        ')' => '(',
                        ']' => '[',
                        _ => '{',
                    },
                    "mismatched bracket in {statement}"
                );
            }
            ';' => assert_eq!(i, statement.len() - 1, "';' inside {statement}"),
            _ => {}
        }
    }
    assert!(depth.is_empty() && statement.ends_with(';'), "unbalanced or unfinished: {statement}");
    strings
}

#[test]
fn every_format_gives_the_same_bytes_twice() {
    let graph = hostile_graph();
    // PNG is a picture, not text (tests/pictures.rs).
    for format in Format::ALL.into_iter().filter(|&f| f != Format::Png) {
        assert_eq!(written(format, &graph), written(format, &graph), "{format} is not deterministic");
    }
}

#[test]
fn graphml_declares_typed_keys_and_keeps_every_node_and_edge() {
    let graph = hostile_graph();
    let text = written(Format::Graphml, &graph);
    let (nodes, edges) = xml_graph(&text);
    assert_eq!(nodes, ids(&graph), "hostile ids survive escaping");
    assert_eq!(edges, graph.edge_count());
    let doc = roxmltree::Document::parse(&text).unwrap();
    let keys: BTreeSet<&str> =
        doc.descendants().filter(|n| n.has_tag_name("key")).map(|n| n.attribute("id").unwrap()).collect();
    for data in doc.descendants().filter(|n| n.has_tag_name("data")) {
        assert!(keys.contains(data.attribute("key").unwrap()), "data for an undeclared key");
    }
    let typed = doc.descendants().find(|n| n.attribute("id") == Some("n_documents")).unwrap();
    assert_eq!(typed.attribute("attr.type"), Some("int"));
    let labels: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("n_label"))
        .filter_map(|n| n.text())
        .collect();
    for name in HOSTILE {
        assert!(labels.contains(name), "label {name:?} lost");
    }
}

#[test]
fn gexf_has_kinds_and_dated_edges_for_the_timeline() {
    let graph = hostile_graph();
    let text = written(Format::Gexf, &graph);
    let (nodes, edges) = xml_graph(&text);
    assert_eq!(nodes, ids(&graph));
    assert_eq!(edges, graph.edge_count());
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!((root.attribute("version"), root.tag_name().namespace()), (Some("1.3"), Some("http://gexf.net/1.3")));
    let g = root.children().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!((g.attribute("mode"), g.attribute("timeformat")), (Some("dynamic"), Some("date")));
    for e in doc.descendants().filter(|n| n.has_tag_name("edge")) {
        let kind = e.descendants().find(|a| a.attribute("for") == Some("kind")).unwrap().attribute("value").unwrap();
        let expected = if kind == "holds_post" { "2024-01-01" } else { "2024-01-02" };
        assert_eq!((e.attribute("start"), e.attribute("end")), (Some(expected), Some(expected)), "{kind} edge dates");
    }
    let meeting = doc
        .descendants()
        .find(|n| n.has_tag_name("node") && n.attribute("id").unwrap().starts_with("meeting:"))
        .unwrap();
    assert_eq!(meeting.attribute("start"), Some("2024-01-02"));
}

#[test]
fn cytoscape_elements_hold_every_node_and_edge() {
    let graph = hostile_graph();
    let v: serde_json::Value = serde_json::from_str(&written(Format::Cytoscape, &graph)).unwrap();
    let nodes = v["elements"]["nodes"].as_array().unwrap();
    let edges = v["elements"]["edges"].as_array().unwrap();
    let got: BTreeSet<String> = nodes.iter().map(|n| n["data"]["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(got, ids(&graph));
    assert_eq!(edges.len(), graph.edge_count());
    for e in edges {
        assert!(
            got.contains(e["data"]["source"].as_str().unwrap()) && got.contains(e["data"]["target"].as_str().unwrap())
        );
        assert_eq!(e["classes"], e["data"]["kind"]);
    }
    let edge_ids: BTreeSet<&str> = edges.iter().map(|e| e["data"]["id"].as_str().unwrap()).collect();
    assert_eq!(edge_ids.len(), edges.len(), "edge ids are unique");
}

#[test]
fn neo4j_csvs_have_import_headers_and_one_row_each() {
    let graph = hostile_graph();
    let dir = tempfile::tempdir().unwrap();
    let files = neo4j::write_dir(&graph, dir.path()).unwrap();
    assert_eq!(files.len(), 3);
    let nodes = csv_rows(&std::fs::read_to_string(dir.path().join("nodes.csv")).unwrap());
    let rels = csv_rows(&std::fs::read_to_string(dir.path().join("relationships.csv")).unwrap());
    assert_eq!(nodes[0].join(","), neo4j::NODES_HEADER);
    assert_eq!(rels[0].join(","), neo4j::RELATIONSHIPS_HEADER);
    assert!(nodes[0].contains(&"id:ID".into()) && nodes[0].contains(&":LABEL".into()));
    assert_eq!(rels[0][..3], [":START_ID", ":END_ID", ":TYPE"]);
    assert_eq!(nodes.len() - 1, graph.node_count());
    assert_eq!(rels.len() - 1, graph.edge_count());
    assert!(nodes.iter().all(|r| r.len() == nodes[0].len()), "node rows as wide as the header");
    assert!(rels.iter().all(|r| r.len() == rels[0].len()), "relationship rows as wide as the header");
    // Control chars in ids are written one-to-one, as `\u{hex}`.
    let flat = |s: &str| guanxi::export::attrs::escaped_id(s, char::is_control).into_owned();
    let expected: BTreeSet<String> = ids(&graph).iter().map(|s| flat(s)).collect();
    let got: BTreeSet<String> = nodes[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(got, expected, "ids survive quoting");
    for r in &rels[1..] {
        assert!(got.contains(&r[0]) && got.contains(&r[1]), "relationship end {r:?} not a node");
        assert!(["HOLDS_POST", "ATTENDED", "PRESIDED", "SPOKE", "ORGANIZED"].contains(&r[2].as_str()));
    }
    for r in &nodes[1..] {
        assert!(["Person", "Organization", "Meeting"].contains(&r[1].as_str()));
    }
}

#[test]
fn cypher_script_merges_every_node_and_relationship_and_no_name_escapes_its_string() {
    let graph = hostile_graph();
    let script = written(Format::Neo4j, &graph);
    let statements: Vec<&str> = script.lines().filter(|l| !l.starts_with("//")).collect();
    let mut merged = BTreeSet::new();
    let (mut node_rows, mut rel_rows) = (0, 0);
    for s in &statements {
        // Every statement is lexically whole (strings closed, brackets balanced).
        cypher_strings(s);
        if s.starts_with("UNWIND [") && s.contains("] AS row MERGE (n:") {
            // Each row is a map whose first string is the node's id.
            let ids = row_starts(s, "{id: '");
            node_rows += ids.len();
            merged.extend(ids.iter().map(|&i| first_string(&s[i + 5..])));
        } else if s.starts_with("UNWIND [") && s.contains("] AS row MATCH (a:") {
            rel_rows += row_starts(s, "{a: '").len();
            assert!(s.contains(")-[r:") && s.contains("]->(b)"));
        } else {
            assert!(s.starts_with("CREATE CONSTRAINT guanxi_"), "unexpected statement {s}");
        }
    }
    assert_eq!(merged, ids(&graph), "ids survive escaping");
    assert_eq!((node_rows, rel_rows), (graph.node_count(), graph.edge_count()));
}

/// The Cypher string literal `text` starts with, unescaped.
fn first_string(text: &str) -> String {
    let end = row_starts(text, ",")[0];
    cypher_strings(&format!("{};", &text[..end]))[0].clone()
}

/// Byte offsets in a Cypher statement where `what` starts outside string literals.
fn row_starts(statement: &str, what: &str) -> Vec<usize> {
    let (mut out, mut in_string, mut escaped) = (Vec::new(), false, false);
    for (i, c) in statement.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '\'') => in_string = false,
                _ => {}
            }
        } else if c == '\'' {
            in_string = true;
        } else if statement[i..].starts_with(what) {
            out.push(i);
        }
    }
    out
}

#[test]
fn mermaid_labels_hold_no_syntax_and_big_graphs_are_refused() {
    let graph = hostile_graph();
    let text = written(Format::Mermaid, &graph);
    assert!(text.starts_with("flowchart LR\n"));
    let node_lines: Vec<&str> = text.lines().filter(|l| l.starts_with("  n") && l.contains(":::")).collect();
    assert_eq!(node_lines.len(), graph.node_count());
    let entity = regex::Regex::new(r"#[0-9]+;").unwrap();
    for line in text.lines().skip(1) {
        // Every label is one quoted run without quotes, markup or statement ends inside
        // (a `;` only ends an entity like `#60;`).
        for (i, part) in line.split('"').enumerate() {
            if i % 2 == 1 {
                let bare = entity.replace_all(part, "");
                assert!(!bare.contains(['<', '>', ';', '[', ']', '{', '}', '|', '#']), "raw syntax in label {part:?}");
            }
        }
        assert_eq!(line.matches('"').count() % 2, 0, "unbalanced quotes in {line}");
    }
    let (_dir, g) = fixture_graph();
    let out = guanxi(&["export", g.to_str().unwrap(), "--format", "mermaid"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mermaid is for small graphs") && err.contains("--around"), "{err}");
    assert!(RelationGraph::load(&g.join("graph.json")).map(|g| mermaid::check(&g).is_err()).unwrap());
}

#[test]
fn every_format_honours_around() {
    let (_dir, g) = fixture_graph();
    let gs = g.to_str().unwrap();
    let around = ["--around", "林晓岚", "--depth", "1"];
    let part: serde_json::Value =
        serde_json::from_str(&ok(&[&["export", gs, "--format", "json"][..], &around].concat())).unwrap();
    let want: BTreeSet<String> =
        part["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap().to_string()).collect();
    let want_edges = part["edges"].as_array().unwrap().len();
    assert!(want.len() > 3 && want.len() < 20, "a neighbourhood, not the graph: {want:?}");
    for format in ["graphml", "gexf"] {
        let (nodes, edges) = xml_graph(&ok(&[&["export", gs, "--format", format][..], &around].concat()));
        assert_eq!((nodes, edges), (want.clone(), want_edges), "{format}");
    }
    let cy: serde_json::Value =
        serde_json::from_str(&ok(&[&["export", gs, "--format", "cytoscape"][..], &around].concat())).unwrap();
    assert_eq!(cy["elements"]["nodes"].as_array().unwrap().len(), want.len());
    let script = ok(&[&["export", gs, "--format", "neo4j"][..], &around].concat());
    assert_eq!(script.lines().map(|l| row_starts(l, "{id: '").len()).sum::<usize>(), want.len());
    let dir = tempfile::tempdir().unwrap();
    let neo = dir.path().join("neo4j");
    ok(&[&["export", gs, "--format", "neo4j", "-o", neo.to_str().unwrap()][..], &around].concat());
    assert_eq!(std::fs::read_to_string(neo.join("nodes.csv")).unwrap().lines().count(), want.len() + 1);
    assert_eq!(std::fs::read_to_string(neo.join("relationships.csv")).unwrap().lines().count(), want_edges + 1);
    let chart = ok(&[&["export", gs, "--format", "mermaid"][..], &around].concat());
    assert_eq!(chart.lines().filter(|l| l.contains(":::")).count(), want.len());
    let page = ok(&[&["export", gs, "--format", "html"][..], &around].concat());
    let data = page_data(&page);
    let got: BTreeSet<String> =
        data["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(got, want, "html");
}

#[test]
fn the_viewer_escapes_every_name_and_allows_only_its_own_script() {
    let graph = hostile_graph();
    {
        let mut out = Vec::new();
        html::write(&graph, &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert_eq!(page.matches("<script").count(), 2, "the data and the viewer's script, nothing else");
        assert!(
            !page.contains("<img") && !page.contains("<script>alert") && !page.contains("<!--"),
            "raw markup from a name"
        );
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown as text");
        let csp = page.lines().find(|l| l.contains("Content-Security-Policy")).expect("a CSP");
        assert!(csp.contains("default-src &apos;none&apos;") && csp.contains("script-src &apos;sha256-"), "{csp}");
        assert!(
            !page.contains("http://")
                || page.matches("http://").count() == page.matches("http://www.w3.org/2000/svg").count(),
            "no external address"
        );
        let data = page_data(&page);
        let labels: BTreeSet<&str> =
            data["nodes"].as_array().unwrap().iter().map(|n| n["label"].as_str().unwrap()).collect();
        for name in HOSTILE {
            assert!(labels.contains(name), "{name:?} lost in the page data");
        }
        // Evidence sentences reach the page, with the span marked.
        let quotes: Vec<&serde_json::Value> = data["arrows"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|a| a["edges"].as_array().unwrap())
            .flat_map(|e| e["evidence"].as_array().unwrap())
            .flat_map(|ev| ev["sentences"].as_array().unwrap())
            .collect();
        assert!(quotes.iter().any(|q| q["text"].as_str().unwrap().contains("<script>alert(1)</script>主持。")));
        assert!(quotes.iter().all(|q| !q["marks"].as_array().unwrap().is_empty()));
        assert_eq!(page.matches("class=\"node ").count(), graph.node_count());
    }
}

#[test]
fn build_writes_the_viewer_beside_graph_json() {
    let (_dir, g) = fixture_graph();
    let graph = RelationGraph::load(&g.join("graph.json")).unwrap();
    let page = std::fs::read_to_string(g.join("graph.html")).expect("graph.html written");
    assert_eq!(page_data(&page)["nodes"].as_array().unwrap().len(), graph.node_count());
    assert!(graph.documents().iter().all(|d| !d.sentences.is_empty()), "build keeps evidence sentences");
    let (_d2, copy) = saved(&graph);
    let back = RelationGraph::load(&copy).unwrap();
    assert_eq!(written(Format::Json, &back), written(Format::Json, &graph), "sentences load back");
    let out = guanxi(&["build", "tests/fixtures/reports", "--out", g.to_str().unwrap(), "--no-svg", "--no-html"]);
    assert!(out.status.success());
    // The output set is replaced as a whole: a viewer of the older graph would not match it.
    assert!(!Path::new(&g.join("graph.html")).exists(), "--no-html removes the older viewer");
}

#[test]
fn the_viewer_shows_the_first_reports_of_a_much_reported_edge() {
    let mut graph = RelationGraph::new();
    for i in 0..25 {
        let record: guanxi::Extraction = serde_json::from_value(serde_json::json!({
            "source": format!("r/{i:02}.txt"),
            "persons": [{"name": "张明", "mentions": []}],
            "organizations": [{"name": "某市人民政府"}],
            "roles": [{"person": "张明", "title": "市长", "organization": "某市人民政府", "evidence": {"start": 0, "end": 4}}]
        }))
        .unwrap();
        graph.add_extraction(&record);
        graph.add_sentences(&record.source, guanxi::graph::evidence::evidence_sentences(&record, "市长张明说。"));
    }
    let data = page_data(&written(Format::Html, &graph));
    let edge = &data["arrows"][0]["edges"][0];
    assert_eq!(edge["evidence"].as_array().unwrap().len(), html::data::MAX_EVIDENCE);
    assert_eq!(edge["more"], 25 - html::data::MAX_EVIDENCE);
    let person = data["nodes"].as_array().unwrap().iter().find(|n| n["kind"] == "person").unwrap();
    assert_eq!(person["documents"].as_array().unwrap().len(), html::data::MAX_NODE_DOCUMENTS);
    assert_eq!(person["more_documents"], 25 - html::data::MAX_NODE_DOCUMENTS);
    assert_eq!(data["documents"].as_array().unwrap().len(), html::data::MAX_NODE_DOCUMENTS, "only the documents shown");
}

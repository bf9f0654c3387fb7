//! Node ids stay one-to-one in every export: names that differ only by a char a format
//! cannot hold (a vertical tab against a form feed) are still two nodes.

use std::collections::BTreeSet;

use guanxi::export::{neo4j, Format};
use guanxi::graph::RelationGraph;
use guanxi::Extraction;

/// Two meetings whose names differ only by `\x0b` and `\x0c`, with their text spelled out
/// too, and a person who attended each.
fn graph() -> RelationGraph {
    let names = ["青川会议\u{b}", "青川会议\u{c}", "青川会议 ", r"青川会议\u{b}", "青川会议\\"];
    let mut g = RelationGraph::new();
    for (i, name) in names.iter().enumerate() {
        let record: Extraction = serde_json::from_value(serde_json::json!({
            "source": format!("r{i}.txt"),
            "persons": [{"name": "张明", "mentions": []}],
            "meetings": [{"name": name, "organizers": []}],
            "attendance": [{"person": "张明", "meeting": 0, "role": "attended"}]
        }))
        .unwrap();
        g.add_extraction(&record);
    }
    g
}

fn written(format: Format, g: &RelationGraph) -> String {
    let mut out = Vec::new();
    format.write(g, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn xml_node_ids(text: &str) -> BTreeSet<String> {
    let doc = roxmltree::Document::parse(text).expect("well-formed XML");
    doc.descendants().filter(|n| n.has_tag_name("node")).map(|n| n.attribute("id").unwrap().to_string()).collect()
}

#[test]
fn every_format_keeps_every_node() {
    let g = graph();
    let nodes = g.node_count();
    assert_eq!(nodes, 6, "five meetings and a person");
    assert_eq!(xml_node_ids(&written(Format::Graphml, &g)).len(), nodes, "GraphML");
    assert_eq!(xml_node_ids(&written(Format::Gexf, &g)).len(), nodes, "GEXF");

    let dot = graphviz_rust::parse(&written(Format::Dot, &g)).expect("DOT parses");
    let graphviz_rust::dot_structures::Graph::DiGraph { stmts, .. } = dot else { panic!("a digraph") };
    let dot_ids: BTreeSet<String> = stmts
        .iter()
        .filter_map(|s| match s {
            graphviz_rust::dot_structures::Stmt::Node(n) => Some(format!("{:?}", n.id.0)),
            _ => None,
        })
        .collect();
    assert_eq!(dot_ids.len(), nodes, "DOT: {dot_ids:?}");

    let cy: serde_json::Value = serde_json::from_str(&written(Format::Cytoscape, &g)).unwrap();
    let cy_ids: BTreeSet<&str> =
        cy["elements"]["nodes"].as_array().unwrap().iter().map(|n| n["data"]["id"].as_str().unwrap()).collect();
    assert_eq!(cy_ids.len(), nodes, "Cytoscape");

    let mut csv = Vec::new();
    neo4j::write_nodes(&g, &mut csv).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let csv_ids: BTreeSet<String> = reader.records().map(|r| r.unwrap()[0].to_string()).collect();
    assert_eq!(csv_ids.len(), nodes, "Neo4j CSV: {csv_ids:?}");
    assert!(csv_ids.iter().all(|id| !id.chars().any(char::is_control)), "no control chars left in CSV ids");

    // Every edge of the CSV names nodes of the CSV.
    let mut rels = Vec::new();
    neo4j::write_relationships(&g, &mut rels).unwrap();
    let mut reader = csv::Reader::from_reader(rels.as_slice());
    for r in reader.records() {
        let r = r.unwrap();
        assert!(csv_ids.contains(&r[0]) && csv_ids.contains(&r[1]), "{r:?}");
    }
}

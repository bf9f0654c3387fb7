//! The viewer's evidence marks the exact words: the person's name, the title and the body of a
//! post, the meeting of an attendance, from the spans a record gives (`mentions`,
//! `title_mention`) and, in records without them, from where the words stand in the sentence.

use guanxi::export::html;
use guanxi::graph::evidence::evidence_sentences;
use guanxi::graph::RelationGraph;
use guanxi::Extraction;
use serde_json::{json, Value};

/// The char offsets of `word` in `text`.
fn span(text: &str, word: &str) -> Value {
    let at = text.find(word).unwrap();
    let start = text[..at].chars().count();
    json!({"start": start, "end": start + word.chars().count()})
}

const TEXT: &str = "青川市召开会议。会议由市科技局局长张明主持，李华出席。";

/// A record of [`TEXT`]; `spans` says whether it carries title and body mentions.
fn record(spans: bool) -> Extraction {
    let chain = span(TEXT, "市科技局局长张明");
    let mut role = json!({"person": "张明", "title": "局长", "organization": "青川市科学技术局", "evidence": chain});
    let mut org = json!({"name": "青川市科学技术局"});
    if spans {
        role["title_mention"] = span(TEXT, "局长");
        // A spelling the record lists nowhere else: only the span can mark it.
        org["mentions"] = json!([span(TEXT, "市科技局")]);
    }
    serde_json::from_value(json!({
        "source": "r.txt", "published": "2024-03-02",
        "persons": [{"name": "张明", "mentions": [span(TEXT, "张明")]}, {"name": "李华", "mentions": [span(TEXT, "李华")]}],
        "organizations": [org],
        "roles": [role],
        "meetings": [{"name": "会议", "date": "2024-03-01", "evidence": span(TEXT, "会议")}],
        "attendance": [
            {"person": "张明", "meeting": 0, "role": "presided", "evidence": span(TEXT, "会议由市科技局局长张明主持")},
            {"person": "李华", "meeting": 0, "role": "attended", "evidence": span(TEXT, "李华出席")}]
    }))
    .unwrap()
}

/// The marked words of the first sentence of each edge of the viewer's page, by edge kind.
fn marked(record: &Extraction) -> Vec<(String, Vec<(String, String)>)> {
    let mut graph = RelationGraph::new();
    graph.add_extraction(record);
    graph.add_sentences(&record.source, evidence_sentences(record, TEXT));
    let mut out = Vec::new();
    html::write(&graph, &mut out).unwrap();
    let page = String::from_utf8(out).unwrap();
    let start = page.find("id=\"guanxi-data\">").unwrap() + "id=\"guanxi-data\">".len();
    let data: Value = serde_json::from_str(&page[start..start + page[start..].find("</script>").unwrap()]).unwrap();
    let mut rows = Vec::new();
    for arrow in data["arrows"].as_array().unwrap() {
        for edge in arrow["edges"].as_array().unwrap() {
            let quote = &edge["evidence"][0]["sentences"][0];
            let chars: Vec<char> = quote["text"].as_str().unwrap().chars().collect();
            let marks = quote["marks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    let (s, e) = (m[0].as_u64().unwrap() as usize, m[1].as_u64().unwrap() as usize);
                    (m[2].as_str().unwrap().to_string(), chars[s..e].iter().collect())
                })
                .collect();
            rows.push((edge["kind"].as_str().unwrap().to_string(), marks));
        }
    }
    rows.sort();
    rows
}

fn marks_of<'a>(rows: &'a [(String, Vec<(String, String)>)], kind: &str) -> Vec<(&'a str, &'a str)> {
    let row = rows.iter().find(|(k, _)| k == kind).unwrap_or_else(|| panic!("an edge {kind}: {rows:?}"));
    let mut m: Vec<(&str, &str)> = row.1.iter().map(|(k, w)| (k.as_str(), w.as_str())).collect();
    m.sort();
    m
}

#[test]
fn a_post_marks_the_name_the_title_and_the_body_from_the_record_spans() {
    let rows = marked(&record(true));
    assert_eq!(marks_of(&rows, "holds_post"), [("body", "市科技局"), ("name", "张明"), ("title", "局长")]);
}

#[test]
fn without_those_spans_the_words_are_found_in_the_sentence() {
    // The title is found where it stands; the body's short spelling, which the record does not
    // give, cannot be.
    let rows = marked(&record(false));
    assert_eq!(marks_of(&rows, "holds_post"), [("name", "张明"), ("title", "局长")]);
}

#[test]
fn attendance_marks_the_person_and_the_meeting() {
    let rows = marked(&record(true));
    let presided = marks_of(&rows, "presided");
    assert!(presided.contains(&("name", "张明")), "{presided:?}");
    assert!(presided.contains(&("meeting", "会议")), "{presided:?}");
    assert!(!presided.iter().any(|(k, _)| *k == "evidence"), "words marked, not the whole span: {presided:?}");
    let attended = marks_of(&rows, "attended");
    assert!(attended.contains(&("name", "李华")), "{attended:?}");
}

#[test]
fn an_empty_graph_and_a_lone_node_still_make_a_page() {
    for graph in [RelationGraph::new(), {
        let mut g = RelationGraph::new();
        g.add_extraction(&serde_json::from_value(json!({"source": "a.txt", "persons": [{"name": "张明"}]})).unwrap());
        g
    }] {
        let mut out = Vec::new();
        html::write(&graph, &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(page.contains("id=\"guanxi-data\""));
        let at = page.find("viewBox=\"").unwrap() + "viewBox=\"".len();
        let view: Vec<f64> =
            page[at..at + page[at..].find('"').unwrap()].split(' ').map(|v| v.parse().unwrap()).collect();
        assert!(view.len() == 4 && view.iter().all(|v| v.is_finite()), "a finite drawing: {view:?}");
        assert!(!page.contains("NaN"));
    }
}

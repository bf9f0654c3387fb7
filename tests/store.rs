//! The store against the in-memory graph: the same records merged through the store (in
//! batches of several sizes, so that merges and folds cross batches) give the same
//! graph.json bytes, ids and namesake decisions, and the queries give the same answers.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use guanxi::graph::evidence::{evidence_sentences, Sentence};
use guanxi::graph::{EdgeKind, NodeKind, RelationGraph};
use guanxi::store::Store;
use guanxi::{Extraction, Organization, Role};
use petgraph::Direction;

type Item = (Extraction, Vec<Sentence>);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The reports to merge: the dev reports when they are there, and the fixture reports.
fn report_paths() -> Vec<PathBuf> {
    let txt = |dir: &Path| -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect())
            .unwrap_or_default();
        found.sort();
        found
    };
    let dev = [root().join("../shared/eval/dev"), PathBuf::from("/work/shared/eval/dev")];
    let mut paths = dev.iter().map(|d| txt(d)).find(|v| !v.is_empty()).unwrap_or_default();
    paths.extend(txt(&root().join("tests/fixtures/reports")));
    paths
}

/// Records and evidence sentences of the reports, extracted once.
fn items() -> &'static [Item] {
    static ITEMS: OnceLock<Vec<Item>> = OnceLock::new();
    ITEMS.get_or_init(|| {
        let extractor = guanxi::Extractor::new(guanxi::Lexicon::embedded().unwrap());
        report_paths()
            .iter()
            .map(|p| {
                let input = guanxi::input::read_prepared(p).unwrap();
                let record = guanxi::input::extract_prepared(&extractor, p, &input).unwrap();
                let sentences = evidence_sentences(&record, &input.text);
                (record, sentences)
            })
            .collect()
    })
}

fn in_memory(items: &[Item]) -> RelationGraph {
    let mut g = RelationGraph::new();
    for (r, s) in items {
        g.add_extraction(r);
        g.add_sentences(&r.source, s.clone());
    }
    g
}

fn json(g: &RelationGraph) -> String {
    let mut out = Vec::new();
    g.write_json(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// A store of `items` merged `batch` at a time, reopened read-only.
fn stored(items: &[Item], batch: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.db");
    let mut store = Store::create(&path).unwrap();
    for chunk in items.chunks(batch) {
        store.merge_batch(chunk.to_vec()).unwrap();
    }
    store.finish().unwrap();
    let store = Store::open(&path).unwrap();
    (dir, store)
}

fn store_json(store: &Store) -> String {
    let mut out = Vec::new();
    store.write_json(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_store_holds_the_graph_of_an_in_memory_merge() {
    let items = items();
    assert!(items.len() >= 3);
    let expected = json(&in_memory(items));
    for batch in [1, 5, 64, 1000] {
        let (_dir, store) = stored(items, batch);
        assert!(store_json(&store) == expected, "graph.json from a store merged {batch} at a time differs");
        assert!(json(&store.whole().unwrap()) == expected, "the whole graph loaded from the store differs");
    }
}

#[test]
fn stats_match_the_in_memory_graph() {
    let items = items();
    let (_dir, store) = stored(items, 16);
    assert_eq!(store.stats().unwrap(), guanxi::query::stats(&in_memory(items)));
}

/// Every query on every node of the fixture and dev graphs: the same rows from the store's
/// subgraphs as from the whole graph in memory.
#[test]
fn queries_answer_the_same_from_the_store() {
    let items = items();
    let g = in_memory(items);
    let (_dir, store) = stored(items, 7);
    let attendance = [EdgeKind::Attended, EdgeKind::Presided, EdgeKind::Spoke];
    let mut checked = 0;
    for ix in g.nodes_sorted() {
        let n = g.node(ix);
        let row = store.node_of_id(&n.id).unwrap().unwrap();
        let sub = |s: RelationGraph| {
            let at = s.find_id(&n.id).unwrap();
            (s, at)
        };
        match n.kind {
            NodeKind::Meeting => {
                let (s, at) = sub(store.star(row, Direction::Incoming, &attendance).unwrap());
                assert_eq!(guanxi::query::attendees(&s, at), guanxi::query::attendees(&g, ix), "{}", n.id);
            }
            NodeKind::Person => {
                let (s, at) = sub(store.star(row, Direction::Outgoing, &attendance).unwrap());
                assert_eq!(guanxi::query::meetings(&s, at), guanxi::query::meetings(&g, ix), "{}", n.id);
                let (s, at) = sub(store.star(row, Direction::Outgoing, &[EdgeKind::HoldsPost]).unwrap());
                assert_eq!(guanxi::query::posts(&s, at), guanxi::query::posts(&g, ix), "{}", n.id);
                let (s, at) = sub(store.coattendance(row).unwrap());
                assert_eq!(guanxi::query::coattendees(&s, at), guanxi::query::coattendees(&g, ix), "{}", n.id);
            }
            NodeKind::Organization => {
                let (s, at) = sub(store.star(row, Direction::Incoming, &[EdgeKind::HoldsPost]).unwrap());
                assert_eq!(guanxi::query::members(&s, at), guanxi::query::members(&g, ix), "{}", n.id);
            }
        }
        let (s, at) = sub(store.node_with_namesakes(row).unwrap());
        assert_eq!(guanxi::query::show(&s, at), guanxi::query::show(&g, ix), "{}", n.id);
        for depth in [1, 2] {
            let mut a = Vec::new();
            guanxi::export::around(&g, ix, depth).write_json(&mut a).unwrap();
            let mut b = Vec::new();
            store.around(row, depth).unwrap().write_json(&mut b).unwrap();
            assert!(a == b, "around {} depth {depth} differs", n.id);
        }
        checked += 1;
    }
    assert_eq!(checked, g.node_count());
}

#[test]
fn paths_are_the_same_from_the_store() {
    let items = items();
    let g = in_memory(items);
    let (_dir, store) = stored(items, 1000);
    let persons: Vec<_> = g.nodes_sorted().into_iter().filter(|&ix| g.node(ix).kind == NodeKind::Person).collect();
    let mut pairs = 0;
    // Every 7th person against every 11th: paths of all lengths, and some pairs with none.
    for &a in persons.iter().step_by(7) {
        for &b in persons.iter().step_by(11) {
            let expected = guanxi::query::path(&g, a, b);
            let (ra, rb) =
                (store.node_of_id(&g.node(a).id).unwrap().unwrap(), store.node_of_id(&g.node(b).id).unwrap().unwrap());
            let got = store.path_graph(ra, rb).unwrap().and_then(|s| {
                let (sa, sb) = (s.find_id(&g.node(a).id).unwrap(), s.find_id(&g.node(b).id).unwrap());
                guanxi::query::path(&s, sa, sb)
            });
            assert_eq!(got, expected, "path {} → {}", g.node(a).id, g.node(b).id);
            pairs += 1;
        }
    }
    assert!(pairs > 10);
}

#[test]
fn names_resolve_the_same_from_the_store() {
    let items = items();
    let g = in_memory(items);
    let (_dir, store) = stored(items, 1000);
    let mut names: Vec<String> = Vec::new();
    for ix in g.nodes_sorted().into_iter().step_by(3) {
        let n = g.node(ix);
        names.push(n.id.clone());
        names.push(n.label.clone());
        names.extend(n.aliases.iter().cloned());
        // A part of the name, and a name that is not there.
        names.push(n.label.chars().skip(1).take(2).collect());
        names.push(format!("{}某", n.label));
    }
    for name in names {
        for kind in [None, Some(NodeKind::Person), Some(NodeKind::Organization), Some(NodeKind::Meeting)] {
            let expected =
                guanxi::query::resolve(&g, &name, kind).map(|ix| g.node(ix).id.clone()).map_err(|e| e.to_string());
            let got = store.resolve(&name, kind).map(|n| store.node_id(n).unwrap().0).map_err(|e| e.to_string());
            assert_eq!(got, expected, "{name:?} as {kind:?}");
        }
    }
}

fn org(name: &str, aliases: &[&str]) -> Organization {
    Organization {
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        kind: None,
        parent: None,
        mentions: Vec::new(),
    }
}

fn role(person: &str, title: &str, org: &str) -> Role {
    Role {
        person: person.into(),
        title: title.into(),
        organization: Some(org.into()),
        evidence: None,
        title_mention: None,
    }
}

/// Invented records that fold bodies into others across documents (an early report knows
/// only the short form), namesakes in two regions, and bodies that appear again after a fold.
fn folding_records() -> Vec<Item> {
    let rec = |source: &str, orgs: Vec<Organization>, roles: Vec<Role>| {
        let mut r = Extraction { source: source.into(), published: Some("2024-06-01".into()), ..Extraction::default() };
        r.organizations = orgs;
        r.roles = roles;
        (r, Vec::new())
    };
    vec![
        rec("a.txt", vec![org("甲乙管委会", &[])], vec![role("周一", "主任", "甲乙管委会")]),
        rec("b.txt", vec![org("北京市人民政府", &[])], vec![role("王明", "副市长", "北京市人民政府")]),
        rec("c.txt", vec![org("甲乙管委会", &[])], vec![role("吴二", "副主任", "甲乙管委会")]),
        rec("d.txt", vec![org("甲乙科技园区管理委员会", &["甲乙管委会"])], vec![role("周一", "主任", "甲乙管委会")]),
        rec("e.txt", vec![org("上海市人民政府", &[])], vec![role("王明", "副市长", "上海市人民政府")]),
        rec("f.txt", vec![org("甲乙管委会", &[])], vec![role("郑三", "委员", "甲乙管委会")]),
        rec(
            "g.txt",
            vec![org("丙丁管委会", &[]), org("丙丁新区管理委员会", &["丙丁管委会"])],
            vec![role("周一", "顾问", "丙丁管委会")],
        ),
        rec("h.txt", vec![org("北京市人民政府", &[])], vec![role("王明", "市长", "北京市人民政府")]),
        rec("i.txt", vec![org("甲乙科技园区管理委员会", &["甲乙管委会"]), org("甲乙管委会#2", &[])], vec![]),
    ]
}

#[test]
fn folds_and_namesakes_across_batches_match_memory() {
    let items = folding_records();
    let expected = json(&in_memory(&items));
    assert!(expected.contains("person:王明#2"));
    for batch in [1, 2, 3, 100] {
        let (_dir, store) = stored(&items, batch);
        assert!(store_json(&store) == expected, "batch {batch}:\n{}\n---\n{expected}", store_json(&store));
        assert_eq!(store.stats().unwrap(), guanxi::query::stats(&in_memory(&items)), "batch {batch}");
    }
}

#[test]
fn names_differing_by_a_control_character_stay_apart() {
    let mut items = Vec::new();
    for (i, c) in ['\u{b}', '\u{c}', '\0'].into_iter().enumerate() {
        let mut r = Extraction { source: format!("{i}.txt"), ..Extraction::default() };
        r.meetings.push(guanxi::Meeting {
            name: format!("工作{c}会议"),
            date: None,
            organizers: vec![],
            evidence: None,
        });
        r.persons.push(guanxi::Person { name: format!("张{c}明"), mentions: vec![], aliases: vec![] });
        items.push((r, Vec::new()));
    }
    let (_dir, store) = stored(&items, 1);
    let stats = store.stats().unwrap();
    assert_eq!(stats.nodes_by_kind[&NodeKind::Meeting], 3);
    assert_eq!(stats.nodes_by_kind[&NodeKind::Person], 3);
    assert!(store_json(&store) == json(&in_memory(&items)));
}

#[test]
fn a_document_already_in_the_store_is_skipped() {
    let items = folding_records();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("graph.db")).unwrap();
    assert_eq!(store.merge_batch(items[..3].to_vec()).unwrap(), 3);
    assert_eq!(store.merge_batch(items[..4].to_vec()).unwrap(), 1);
    assert!(store.contains_document("a.txt").unwrap());
}

//! The questions users ask first: `list`, `search`, `timeline`, `rank`, and the name rules of
//! every query (an exact name wins; no row without a report). On a small graph of invented
//! records whose answers are known, and on the dev reports against their gold annotations
//! (skipped when `../shared/eval/dev` is absent).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{guanxi, ok, saved, shared};
use guanxi::graph::{NodeKind, RelationGraph};
use guanxi::query::{self, DateRange, Event, Measure, NodeFilter};
use guanxi::Extraction;
use serde_json::{json, Value};

/// Two meetings that only 李华 attended both: 张明 presides over the first, with 王芳; 李华
/// speaks at the second, with 赵强 and 陈静. 王芳 holds posts in three bodies, more than anyone.
fn records() -> Vec<Value> {
    vec![
        json!({"source": "r/01.txt", "title": "青川市召开科技工作会议", "published": "2024-03-02",
          "persons": [{"name": "张明", "mentions": [{"start": 10, "end": 12}]}, {"name": "李华"}, {"name": "王芳"}],
          "organizations": [
            {"name": "青川市人民政府", "aliases": ["市政府"]},
            {"name": "青川市科学技术局", "aliases": ["市科技局"]},
            {"name": "青川市教育局"}, {"name": "青川市文化局"},
            {"name": "区委"}, {"name": "中共青川市某某区委员会", "aliases": ["区委"]}],
          "roles": [
            {"person": "张明", "title": "市长", "organization": "青川市人民政府"},
            {"person": "李华", "title": "局长", "organization": "市科技局"},
            {"person": "王芳", "title": "副市长", "organization": "市政府"},
            {"person": "王芳", "title": "局长", "organization": "青川市教育局"},
            {"person": "王芳", "title": "党组书记", "organization": "青川市文化局"},
            {"person": "张明", "title": "组长", "organization": null}],
          "meetings": [{"name": "青川市科技工作会议", "date": "2024-03-01", "organizers": ["青川市人民政府"]}],
          "attendance": [
            {"person": "张明", "meeting": 0, "role": "attended"}, {"person": "张明", "meeting": 0, "role": "presided"},
            {"person": "李华", "meeting": 0, "role": "attended"}, {"person": "王芳", "meeting": 0, "role": "attended"}]}),
        json!({"source": "r/02.txt", "published": "2024-05-11",
          "persons": [{"name": "李华"}, {"name": "赵强"}, {"name": "陈静"}],
          "organizations": [{"name": "某某市科学技术局"}, {"name": "青川市科学技术局", "aliases": ["市科技局"]}],
          "roles": [{"person": "赵强", "title": "局长", "organization": "某某市科学技术局"},
                    {"person": "李华", "title": "党组书记", "organization": "青川市科学技术局"}],
          "meetings": [{"name": "两市科技合作座谈会", "date": "2024-05-10"}, {"name": "科技交流活动"}],
          "attendance": [
            {"person": "李华", "meeting": 0, "role": "attended"}, {"person": "李华", "meeting": 0, "role": "spoke"},
            {"person": "赵强", "meeting": 0, "role": "attended"}, {"person": "陈静", "meeting": 0, "role": "attended"},
            {"person": "陈静", "meeting": 1, "role": "attended"}]}),
        json!({"source": "r/03.txt", "published": "2024-01-05",
          "persons": [{"name": "李华"}],
          "organizations": [{"name": "青川市科学技术局"}],
          "roles": [{"person": "李华", "title": "局长", "organization": "青川市科学技术局"}]}),
    ]
}

fn invented() -> RelationGraph {
    let mut graph = RelationGraph::new();
    for r in records() {
        graph.add_extraction(&serde_json::from_value::<Extraction>(r).unwrap());
    }
    graph
}

fn person(graph: &RelationGraph, name: &str) -> petgraph::stable_graph::NodeIndex {
    query::resolve(graph, name, Some(NodeKind::Person)).unwrap()
}

fn labels(rows: &[query::Listed]) -> Vec<&str> {
    rows.iter().map(|r| r.node.label.as_str()).collect()
}

#[test]
fn the_top_of_each_ranking() {
    let graph = invented();
    let top = |m: Measure| {
        let rows = query::rank(&graph, m, NodeKind::Person);
        (rows[0].node.label.clone(), rows[0].score, rows[1].score)
    };
    let (name, first, second) = top(Measure::Degree);
    assert_eq!((name.as_str(), first), ("王芳", 4.0), "three bodies and a meeting");
    assert!(second < first);
    let (name, first, second) = top(Measure::Coattendance);
    assert_eq!((name.as_str(), first), ("李华", 4.0), "met both meetings' others");
    assert!(second < first);
    let (name, first, second) = top(Measure::Betweenness);
    assert_eq!(name, "李华", "the only bridge between the two meetings");
    assert!(second < first && first <= 1.0);
    // Equal scores share a place.
    let rows = query::rank(&graph, Measure::Degree, NodeKind::Person);
    let ranks: Vec<(usize, f64)> = rows.iter().map(|r| (r.rank, r.score)).collect();
    for pair in ranks.windows(2) {
        assert!(pair[0].1 >= pair[1].1);
        assert_eq!(pair[0].1 == pair[1].1, pair[0].0 == pair[1].0, "{ranks:?}");
    }
    // Bodies can be ranked too; co-attendance is of persons whatever is asked.
    assert_eq!(query::rank(&graph, Measure::Degree, NodeKind::Organization)[0].node.label, "青川市人民政府");
    assert!(query::rank(&graph, Measure::Coattendance, NodeKind::Meeting)
        .iter()
        .all(|r| r.node.kind == NodeKind::Person));
}

#[test]
fn lists_filter_by_kind_region_dates_and_reports() {
    let graph = invented();
    let all = |filter: NodeFilter| query::list(&graph, &filter);
    let persons = all(NodeFilter { kind: Some(NodeKind::Person), ..NodeFilter::default() });
    assert_eq!(labels(&persons)[0], "李华", "named in three reports");
    assert_eq!(persons.len(), 5);
    let twice = all(NodeFilter { kind: Some(NodeKind::Person), min_reports: 2, ..NodeFilter::default() });
    assert_eq!(labels(&twice), ["李华"]);
    let qingchuan =
        all(NodeFilter { kind: Some(NodeKind::Person), region: Some("青川".into()), ..NodeFilter::default() });
    assert_eq!(labels(&qingchuan).into_iter().collect::<BTreeSet<_>>(), BTreeSet::from(["张明", "李华", "王芳"]));
    let may = DateRange { from: Some("2024-05".into()), to: Some("2024-05".into()) };
    let meetings = |dated| {
        let rows =
            all(NodeFilter { kind: Some(NodeKind::Meeting), dates: may.clone(), dated, ..NodeFilter::default() });
        labels(&rows).into_iter().map(str::to_string).collect::<BTreeSet<_>>()
    };
    assert_eq!(
        meetings(false),
        BTreeSet::from(["两市科技合作座谈会".to_string(), "科技交流活动".to_string()]),
        "undated kept"
    );
    assert_eq!(meetings(true), BTreeSet::from(["两市科技合作座谈会".to_string()]));
    let meeting_regions =
        all(NodeFilter { kind: Some(NodeKind::Meeting), region: Some("青川市".into()), ..NodeFilter::default() });
    assert!(labels(&meeting_regions).contains(&"青川市科技工作会议"));
}

#[test]
fn search_puts_exact_names_first_and_filters() {
    let graph = invented();
    let hits = query::search(&graph, "区委", &NodeFilter::default());
    assert_eq!(hits[0].listed.node.label, "区委");
    assert!(hits[0].exact);
    assert!(hits.iter().any(|h| h.listed.node.label == "中共青川市某某区委员会" && h.matched == "区委"));
    let bureaus =
        query::search(&graph, "科学技术局", &NodeFilter { region: Some("某某市".into()), ..NodeFilter::default() });
    assert_eq!(bureaus.iter().map(|h| h.listed.node.label.as_str()).collect::<Vec<_>>(), ["某某市科学技术局"]);
    assert!(query::search(&graph, "  ", &NodeFilter::default()).is_empty());
    let persons_only =
        query::search(&graph, "科技", &NodeFilter { kind: Some(NodeKind::Person), ..NodeFilter::default() });
    assert!(persons_only.is_empty());
}

#[test]
fn an_exact_name_wins_over_an_alias_and_a_part() {
    let graph = invented();
    let ix = query::resolve(&graph, "区委", Some(NodeKind::Organization)).unwrap();
    assert_eq!(graph.node(ix).label, "区委");
    let ix = query::resolve(&graph, "市科技局", None).unwrap();
    assert_eq!(graph.node(ix).label, "青川市科学技术局", "an alias before a part of a name");
    assert!(query::resolve(&graph, "科学技术局", None).is_err(), "a part of two names is ambiguous");
}

#[test]
fn a_timeline_is_by_date_and_every_row_has_reports() {
    let graph = invented();
    let rows = query::timeline(&graph, person(&graph, "李华"));
    let summary: Vec<(Option<&str>, String)> = rows
        .iter()
        .map(|r| {
            let what = match &r.event {
                Event::Post { title, organization } => format!("{}{title}", organization.label),
                Event::Meeting { meeting, .. } => meeting.label.clone(),
            };
            (r.date.as_deref(), what)
        })
        .collect();
    assert_eq!(
        summary,
        [
            (Some("2024-01-05"), "青川市科学技术局局长".to_string()),
            (Some("2024-03-01"), "青川市科技工作会议".to_string()),
            (Some("2024-05-10"), "两市科技合作座谈会".to_string()),
            (Some("2024-05-11"), "青川市科学技术局党组书记".to_string()),
        ]
    );
    assert_eq!(rows[0].until.as_deref(), Some("2024-03-02"), "the post again in a later report");
    assert!(rows.iter().all(|r| !r.documents.is_empty()));
    // A post without a body gives no row, in `posts` or in the timeline.
    let zhang = person(&graph, "张明");
    assert!(query::posts(&graph, zhang).iter().all(|p| !p.documents.is_empty()));
    assert_eq!(query::posts(&graph, zhang).len(), 1);
    assert_eq!(query::timeline(&graph, zhang).len(), 2);
}

#[test]
fn the_commands_answer_in_tables_and_json() {
    let (_dir, path) = saved(&invented());
    let g = path.to_str().unwrap();
    let table = ok(&["query", g, "rank", "--by", "betweenness", "--top", "2"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(lines[1].starts_with("1") && lines[1].contains("李华"), "{table}");
    let json: Value =
        serde_json::from_str(&ok(&["query", g, "list", "persons", "--min-reports", "2", "--json"])).unwrap();
    assert_eq!(json["nodes"][0]["node"]["label"], "李华");
    assert_eq!(json["nodes"][0]["reports"], 3);
    let json: Value = serde_json::from_str(&ok(&[
        "query",
        g,
        "search",
        "座谈",
        "--kind",
        "meeting",
        "--from",
        "2024-05-01",
        "--json",
    ]))
    .unwrap();
    assert_eq!(json["hits"].as_array().unwrap().len(), 1);
    let json: Value = serde_json::from_str(&ok(&["query", g, "timeline", "李华", "--json"])).unwrap();
    assert_eq!(json["timeline"][0]["event"], "post");
    assert_eq!(json["timeline"][1]["event"], "meeting");
    let members = guanxi(&["query", g, "members", "区委"]);
    assert_eq!(
        String::from_utf8_lossy(&members.stdout).lines().next(),
        Some("区委"),
        "the body named so, not ambiguous"
    );
    // Nothing found: exit status 1, headers only.
    let none = guanxi(&["query", g, "search", "不存在的名字"]);
    assert_eq!(none.status.code(), Some(1));
    for sub in ["list", "search", "timeline", "rank"] {
        let help = ok(&["query", g, sub, "--help"]);
        assert!(help.contains("Example"), "{sub} --help has examples");
    }
}

/// A gold title: one string or several accepted spellings.
fn spellings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect(),
        Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

#[test]
fn timelines_and_posts_on_the_dev_reports_follow_the_gold() {
    let Some(dev) = shared("eval/dev") else {
        eprintln!("dev-report query test skipped: ../shared/eval/dev not found");
        return;
    };
    // From the gold: per person, the publication dates of the reports giving them a post in a
    // named body, and the titles.
    let mut gold: BTreeMap<String, (BTreeSet<String>, BTreeSet<Vec<String>>)> = BTreeMap::new();
    let mut reports = Vec::new();
    for entry in std::fs::read_dir(&dev).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if let Some(stem) = name.strip_suffix(".gold.json") {
            let g: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let Some(published) = g["published"].as_str() else { continue };
            for role in g["roles"].as_array().into_iter().flatten() {
                // Posts whose body the gold gives (not `null`, nor `null` as one reading).
                let org = &role["organization"];
                if org.is_null() || org.as_array().is_some_and(|a| a.iter().any(Value::is_null)) {
                    continue;
                }
                let entry = gold.entry(role["person"].as_str().unwrap().to_string()).or_default();
                entry.0.insert(published.to_string());
                entry.1.insert(spellings(&role["title"]));
            }
            reports.push(dev.join(format!("{stem}.txt")));
        }
    }
    reports.sort();
    // The person the gold gives posts on the most dates (ties: the first name).
    let (name, (dates, titles)) =
        gold.iter().max_by_key(|(n, (d, _))| (d.len(), std::cmp::Reverse(n.as_str()))).unwrap();
    assert!(dates.len() >= 2, "the dev reports give someone posts on two dates");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g");
    let mut args: Vec<&str> = vec!["build", "--no-svg", "--no-html", "--out", out.to_str().unwrap()];
    args.extend(reports.iter().map(|p| p.to_str().unwrap()));
    let built = guanxi(&args);
    assert!(built.status.code() == Some(0) || built.status.code() == Some(1), "build ran");
    let g = out.to_str().unwrap();
    let timeline: Value = serde_json::from_str(&ok(&["query", g, "timeline", name, "--json"])).unwrap();
    let rows = timeline["timeline"].as_array().unwrap();
    let posts: Vec<&Value> = rows.iter().filter(|r| r["event"] == "post").collect();
    // In date order, each with its reports.
    let row_dates: Vec<&str> = rows.iter().filter_map(|r| r["date"].as_str()).collect();
    assert!(row_dates.windows(2).all(|w| w[0] <= w[1]), "by date: {row_dates:?}");
    assert!(rows.iter().all(|r| !r["documents"].as_array().unwrap().is_empty()));
    // Every post title of the gold is on the timeline (any accepted spelling).
    let found: BTreeSet<&str> = posts.iter().filter_map(|r| r["title"].as_str()).collect();
    for t in titles {
        assert!(t.iter().any(|s| found.contains(s.as_str())), "gold title {t:?} in the timeline: {found:?}");
    }
    // `posts` gives the same posts, each with reports.
    let posts_json: Value = serde_json::from_str(&ok(&["query", g, "posts", name, "--json"])).unwrap();
    let listed = posts_json["posts"].as_array().unwrap();
    assert_eq!(listed.len(), posts.len());
    assert!(listed.iter().all(|p| !p["documents"].as_array().unwrap().is_empty()));
    // Their dates are the gold's dates for the person (none made up), and cover half of them.
    let mut seen = BTreeSet::new();
    for p in listed {
        for d in p["dates"].as_array().unwrap() {
            let d = d.as_str().unwrap();
            assert!(dates.contains(d), "{d} is a date the gold gives {name} a post on ({dates:?})");
            seen.insert(d.to_string());
        }
    }
    assert!(seen.len() * 2 >= dates.len(), "posts on {seen:?} of the gold's {dates:?}");
    // The timeline's posts are on those dates, first date first.
    for r in &posts {
        for d in [&r["date"], &r["until"]].into_iter().filter_map(Value::as_str) {
            assert!(seen.contains(d));
        }
    }
}

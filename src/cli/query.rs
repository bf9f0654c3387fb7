//! `guanxi query`: questions about a built graph.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, Subcommand};
use serde_json::json;

use super::table::write_table;
use super::Outcome;
use guanxi::graph::{EdgeKind, NodeKind, RelationGraph};
use guanxi::query::{self, NodeRef};

/// Arguments of `guanxi query`.
#[derive(Debug, Args)]
#[command(after_help = "Names match exactly, by alias (市科委), or by a unique part of a name; an id \
(person:张三#2, 座谈会@2024-01-19) picks one of several namesakes.\n\nExamples:\n  guanxi query g/ attendees 基础研究领先行动座谈会\n  guanxi query g/graph.json posts 张继红 --json\n  guanxi query g/ path 张继红 于英杰")]
pub struct QueryArgs {
    /// The graph: a graph.json, or the folder `build` wrote it to.
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    /// Machine-readable JSON instead of a table.
    #[arg(long, global = true)]
    pub json: bool,
    /// The question.
    #[command(subcommand)]
    pub question: Question,
}

/// The questions.
#[derive(Debug, Subcommand)]
pub enum Question {
    /// Who attended a meeting (and who presided or spoke).
    Attendees {
        /// The meeting.
        meeting: String,
    },
    /// The meetings a person took part in, by date.
    Meetings {
        /// The person.
        person: String,
    },
    /// The posts a person holds.
    Posts {
        /// The person.
        person: String,
    },
    /// Who holds posts in a body.
    Members {
        /// The body (full name or alias).
        organization: String,
    },
    /// Who attended meetings together with a person.
    Coattendees {
        /// The person.
        person: String,
    },
    /// The shortest connection between two nodes, with the edges on it.
    Path {
        /// Where to start (a person, body or meeting).
        from: String,
        /// Where to end.
        to: String,
    },
    /// One node in full: names, regions, posts, and every report it was seen in (why
    /// mentions were merged into it).
    Show {
        /// A person, body or meeting.
        name: String,
    },
    /// How many documents, nodes and edges the graph has.
    Stats,
}

/// Loads a graph from a graph.json or the folder holding one.
pub fn load_graph(path: &Path) -> anyhow::Result<RelationGraph> {
    let file = if path.is_dir() { path.join("graph.json") } else { path.to_path_buf() };
    RelationGraph::load(&file).with_context(|| format!("cannot load the graph {}", file.display()))
}

/// How roles read in a table: the most telling ones (presided, spoke), else attended.
fn roles_text(roles: &[EdgeKind]) -> String {
    let strong: Vec<&str> = roles.iter().filter(|r| **r != EdgeKind::Attended).map(|r| r.as_str()).collect();
    if strong.is_empty() {
        "attended".to_string()
    } else {
        strong.join(", ")
    }
}

/// An answer, ready for either output.
struct Answer {
    /// The `--json` value.
    json: serde_json::Value,
    /// A line above the table (the meeting or body asked about).
    heading: Option<String>,
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// Whether there was anything to show.
    found: bool,
}

impl Answer {
    fn new(json: serde_json::Value, headers: Vec<&'static str>, rows: Vec<Vec<String>>) -> Answer {
        let found = !rows.is_empty();
        Answer { json, heading: None, headers, rows, found }
    }

    fn heading(mut self, heading: String) -> Answer {
        self.heading = Some(heading);
        self
    }
}

/// Runs `guanxi query`.
pub fn run(args: QueryArgs) -> anyhow::Result<Outcome> {
    let graph = load_graph(&args.graph)?;
    let answer = answer(&graph, &args.question)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &answer.json)?;
        writeln!(out)?;
    } else {
        if let Some(h) = &answer.heading {
            writeln!(out, "{h}")?;
        }
        write_table(&mut out, &answer.headers, &answer.rows)?;
    }
    out.flush()?;
    Ok(if answer.found { Outcome::Ok } else { Outcome::PartialFailure })
}

/// Answers a question.
fn answer(graph: &RelationGraph, question: &Question) -> anyhow::Result<Answer> {
    let find = |name: &str, kind: Option<NodeKind>| query::resolve(graph, name, kind);
    let node = |ix| NodeRef::of(graph, ix);
    Ok(match question {
        Question::Attendees { meeting } => {
            let m = find(meeting, Some(NodeKind::Meeting))?;
            let found = query::attendees(graph, m);
            let rows = found
                .iter()
                .map(|a| vec![a.person.label.clone(), roles_text(&a.roles), a.documents.len().to_string()])
                .collect();
            Answer::new(json!({"meeting": node(m), "attendees": found}), vec!["PERSON", "ROLE", "REPORTS"], rows)
                .heading(graph.node(m).display_name())
        }
        Question::Meetings { person } => {
            let p = find(person, Some(NodeKind::Person))?;
            let found = query::meetings(graph, p);
            let rows = found
                .iter()
                .map(|m| {
                    vec![
                        m.meeting.date.clone().unwrap_or_else(|| "-".into()),
                        m.meeting.label.clone(),
                        roles_text(&m.roles),
                    ]
                })
                .collect();
            Answer::new(json!({"person": node(p), "meetings": found}), vec!["DATE", "MEETING", "ROLE"], rows)
        }
        Question::Posts { person } => {
            let p = find(person, Some(NodeKind::Person))?;
            let found = query::posts(graph, p);
            let rows = found
                .iter()
                .map(|r| {
                    let org = r.organization.as_ref().map_or("-".to_string(), |o| o.label.clone());
                    let dates = if r.dates.is_empty() { "-".to_string() } else { r.dates.join(" ") };
                    vec![r.title.clone(), org, dates, r.documents.len().to_string()]
                })
                .collect();
            Answer::new(
                json!({"person": node(p), "posts": found}),
                vec!["TITLE", "ORGANIZATION", "REPORTED", "REPORTS"],
                rows,
            )
        }
        Question::Members { organization } => {
            let o = find(organization, Some(NodeKind::Organization))?;
            let found = query::members(graph, o);
            let rows = found
                .iter()
                .map(|m| vec![m.person.label.clone(), m.titles.join("、"), m.documents.len().to_string()])
                .collect();
            Answer::new(json!({"organization": node(o), "members": found}), vec!["PERSON", "TITLES", "REPORTS"], rows)
                .heading(graph.node(o).label.clone())
        }
        Question::Coattendees { person } => {
            let p = find(person, Some(NodeKind::Person))?;
            let found = query::coattendees(graph, p);
            let rows = found
                .iter()
                .map(|c| {
                    let meetings: Vec<String> = c.meetings.iter().map(NodeRef::display_name).collect();
                    vec![c.person.label.clone(), c.meetings.len().to_string(), meetings.join("; ")]
                })
                .collect();
            Answer::new(json!({"person": node(p), "coattendees": found}), vec!["PERSON", "SHARED", "MEETINGS"], rows)
        }
        Question::Path { from, to } => {
            let (a, b) = (find(from, None)?, find(to, None)?);
            let found = query::path(graph, a, b);
            let rows: Vec<Vec<String>> = found.iter().flatten().map(step_row).collect();
            let json = json!({"from": node(a), "to": node(b), "path": found});
            match found {
                Some(_) => Answer::new(json, vec!["FROM", "EDGE", "TO"], rows),
                None => Answer {
                    json,
                    heading: Some(format!(
                        "no connection between {} and {}",
                        graph.node(a).display_name(),
                        graph.node(b).display_name()
                    )),
                    headers: Vec::new(),
                    rows,
                    found: false,
                },
            }
        }
        Question::Show { name } => {
            let d = query::show(graph, find(name, None)?);
            let mut facts = vec![format!("{} [{}]", d.node.display_name(), d.node.id)];
            let mut fact = |what: &str, items: &[String]| {
                if !items.is_empty() {
                    facts.push(format!("{what}: {}", items.join(", ")));
                }
            };
            fact("aliases", &d.aliases);
            fact("category", &d.category.iter().cloned().collect::<Vec<_>>());
            fact("parent", &d.parent.iter().cloned().collect::<Vec<_>>());
            fact("regions", &d.regions);
            let posts: Vec<String> =
                d.posts.iter().map(|p| format!("{}{}", p.organization.as_deref().unwrap_or(""), p.title)).collect();
            fact("posts", &posts);
            fact("namesakes kept apart", &d.namesakes);
            let rows = d
                .sources
                .iter()
                .map(|s| {
                    let spans: Vec<String> = s.spans.iter().map(|sp| format!("{}-{}", sp.start, sp.end)).collect();
                    vec![s.document.clone(), s.date.clone().unwrap_or_else(|| "-".into()), spans.join(" ")]
                })
                .collect();
            Answer::new(json!(d), vec!["DOCUMENT", "DATE", "SPANS"], rows).heading(facts.join("\n"))
        }
        Question::Stats => {
            let s = query::stats(graph);
            let mut rows = vec![vec!["documents".to_string(), s.documents.to_string()]];
            rows.extend(s.nodes_by_kind.iter().map(|(k, n)| vec![format!("{k} nodes"), n.to_string()]));
            rows.extend(s.edges_by_kind.iter().map(|(k, n)| vec![format!("{k} edges"), n.to_string()]));
            rows.push(vec!["namesake persons".into(), s.namesakes.to_string()]);
            Answer::new(json!(s), vec!["WHAT", "COUNT"], rows)
        }
    })
}

/// A path step as a table row: `A  -[holds_post 主任]->  B`.
fn step_row(s: &query::Step) -> Vec<String> {
    let what = match &s.title {
        Some(t) => format!("{} {t}", s.kind),
        None => s.kind.to_string(),
    };
    let arrow = if s.forward { format!("-[{what}]->") } else { format!("<-[{what}]-") };
    vec![s.from.display_name(), arrow, s.to.display_name()]
}

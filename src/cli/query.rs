//! `guanxi query`: questions about a built graph.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::table::write_table;
use super::Outcome;
use guanxi::graph::{EdgeKind, NodeKind, RelationGraph};
use guanxi::query::{self, DateRange, Measure, NodeFilter, NodeRef};
use guanxi::store::{set, Store};
use petgraph::Direction;

/// Arguments of `guanxi query`.
#[derive(Debug, Args)]
#[command(after_help = "Names match exactly, by alias (市科委), or by a unique part of a name; an exact \
name wins over an alias, an alias over a part; an id (person:张三#2, 座谈会@2024-01-19) picks one of \
several namesakes.\n\nExamples:\n  guanxi query g/ list persons --region 青川市 --min-reports 2\n  \
guanxi query g/ search 科技 --kind meeting --from 2024-01 --to 2024-06\n  guanxi query g/ timeline 张明\n  \
guanxi query g/ rank --by betweenness --top 10\n  guanxi query g/ attendees 青川市科技创新座谈会\n  \
guanxi query g/graph.json posts 张明 --json\n  guanxi query g/ path 张明 李华")]
pub struct QueryArgs {
    /// The graph: the folder `build` wrote, its graph.db, or a graph.json.
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    /// Machine-readable JSON instead of a table.
    #[arg(long, global = true)]
    pub json: bool,
    /// The question.
    #[command(subcommand)]
    pub question: Question,
}

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Listing {
    /// Persons.
    Persons,
    /// Bodies (organizations).
    Bodies,
    /// Meetings.
    Meetings,
    /// Every node.
    All,
}

/// A kind of node, as options name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Persons.
    Person,
    /// Bodies (organizations).
    #[value(alias = "body")]
    Organization,
    /// Meetings.
    Meeting,
}

impl From<KindArg> for NodeKind {
    fn from(k: KindArg) -> NodeKind {
        match k {
            KindArg::Person => NodeKind::Person,
            KindArg::Organization => NodeKind::Organization,
            KindArg::Meeting => NodeKind::Meeting,
        }
    }
}

/// The filters of `list` and `search`.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only nodes of a region: persons by their posts' regions, bodies by their name, meetings by
    /// their organisers and participants (any part of the region's name: 青川 finds 青川市).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Only nodes seen on or after this date (YYYY-MM-DD, YYYY-MM or YYYY): meetings by their
    /// date, persons and bodies by the dates of their reports and relations.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only nodes seen on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// With --from/--to: leave out nodes without any date (kept otherwise, as many meetings
    /// have none).
    #[arg(long)]
    pub dated: bool,
    /// Only nodes named in at least this many reports.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub min_reports: usize,
}

impl FilterArgs {
    fn filter(&self, kind: Option<NodeKind>) -> NodeFilter {
        NodeFilter {
            kind,
            region: self.region.clone(),
            dates: DateRange { from: self.from.clone(), to: self.to.clone() },
            dated: self.dated,
            min_reports: self.min_reports,
        }
    }
}

/// The questions.
#[derive(Debug, Subcommand)]
pub enum Question {
    /// Persons, bodies or meetings, most reported first, with filters.
    #[command(
        after_help = "Examples:\n  guanxi query g/ list persons\n  guanxi query g/ list bodies --region 青川市\n  \
guanxi query g/ list meetings --from 2024-03-01 --to 2024-03-31 --dated\n  guanxi query g/ list persons --min-reports 3 --json"
    )]
    List {
        /// What to list.
        #[arg(value_enum)]
        what: Listing,
        #[command(flatten)]
        filters: FilterArgs,
    },
    /// Nodes whose name, alias or id contains a text: exact names first.
    #[command(
        after_help = "Examples:\n  guanxi query g/ search 张明\n  guanxi query g/ search 科技局 --kind organization\n  \
guanxi query g/ search 座谈会 --kind meeting --from 2024 --region 青川\n  guanxi query g/ search 李 --min-reports 2 --json"
    )]
    Search {
        /// The text (any part of a name or alias).
        text: String,
        /// Only nodes of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        #[command(flatten)]
        filters: FilterArgs,
    },
    /// A person's posts and meetings by date, with the reports that give them.
    #[command(after_help = "Posts are dated by the reports that give them (first and last), meetings by their \
date; undated meetings come last.\n\nExamples:\n  guanxi query g/ timeline 张明\n  guanxi query g/ timeline person:张明#2 --json")]
    Timeline {
        /// The person.
        person: String,
    },
    /// The most connected nodes: by degree, co-attendance or betweenness.
    #[command(after_help = "degree: how many persons, bodies and meetings a node has relations with; coattendance \
(persons): how many others a person met at meetings; betweenness: how much of the graph's shortest \
connections pass through a node (who bridges bodies).\n\nExamples:\n  guanxi query g/ rank\n  \
guanxi query g/ rank --by coattendance --top 5\n  guanxi query g/ rank --by betweenness --kind organization --json")]
    Rank {
        /// The measure: degree, coattendance or betweenness.
        #[arg(long = "by", default_value = "degree", value_name = "MEASURE")]
        measure: Measure,
        /// Which nodes to rank (persons unless told).
        #[arg(long, value_enum, default_value = "person")]
        kind: KindArg,
        /// How many rows to show.
        #[arg(long, default_value_t = 20, value_name = "N")]
        top: usize,
    },
    /// Who attended a meeting (and who presided or spoke).
    #[command(after_help = "Example:\n  guanxi query g/ attendees 青川市科技创新座谈会")]
    Attendees {
        /// The meeting.
        meeting: String,
    },
    /// The meetings a person took part in, by date.
    #[command(after_help = "Example:\n  guanxi query g/ meetings 张明")]
    Meetings {
        /// The person.
        person: String,
    },
    /// The posts a person holds, each with the reports that give it.
    #[command(after_help = "Example:\n  guanxi query g/ posts 张明 --json")]
    Posts {
        /// The person.
        person: String,
    },
    /// Who holds posts in a body.
    #[command(after_help = "Examples:\n  guanxi query g/ members 青川市人民政府\n  guanxi query g/ members 市科委")]
    Members {
        /// The body (full name or alias).
        organization: String,
    },
    /// Who attended meetings together with a person.
    #[command(after_help = "Example:\n  guanxi query g/ coattendees 张明")]
    Coattendees {
        /// The person.
        person: String,
    },
    /// The shortest connection between two nodes, with the edges on it.
    #[command(after_help = "Example:\n  guanxi query g/ path 张明 李华")]
    Path {
        /// Where to start (a person, body or meeting).
        from: String,
        /// Where to end.
        to: String,
    },
    /// One node in full: names, regions, posts, and every report it was seen in (why
    /// mentions were merged into it).
    #[command(after_help = "Examples:\n  guanxi query g/ show 张明\n  guanxi query g/ show person:张明#2")]
    Show {
        /// A person, body or meeting.
        name: String,
    },
    /// How many documents, nodes and edges the graph has.
    Stats,
}

/// A built graph: its store, or a graph.json read whole (older builds, files from elsewhere).
pub enum Opened {
    /// `graph.db`, read through its indexes.
    Store(Store),
    /// A graph.json in memory.
    Memory(Box<RelationGraph>),
}

/// Opens the graph of a build folder (its store; a graph.json when the folder has none), a
/// store file or a graph.json.
pub fn open_graph(path: &Path) -> anyhow::Result<Opened> {
    if path.is_dir() {
        if let Some(store) = set::open_store(path)? {
            return Ok(Opened::Store(store));
        }
        let json = set::locate(path, "graph.json");
        if !json.exists() {
            anyhow::bail!(
                "{}: no graph here (no graph.db or graph.json); build one with `guanxi build`",
                path.display()
            );
        }
        return Ok(Opened::Memory(Box::new(load_graph(&json)?)));
    }
    if set::is_store_file(path) {
        return Ok(Opened::Store(Store::open(path)?));
    }
    Ok(Opened::Memory(Box::new(load_graph(path)?)))
}

/// Loads a graph.json (or the one in a folder) whole.
pub fn load_graph(path: &Path) -> anyhow::Result<RelationGraph> {
    let file = if path.is_dir() { set::locate(path, "graph.json") } else { path.to_path_buf() };
    RelationGraph::load(&file).with_context(|| format!("cannot load the graph {}", file.display()))
}

/// The part of the store a question needs, and the question asked of it by node id (`None`:
/// the question as asked).
fn from_store(store: &Store, question: &Question) -> anyhow::Result<(RelationGraph, Option<Question>)> {
    let attendance = [EdgeKind::Attended, EdgeKind::Presided, EdgeKind::Spoke];
    let id = |n| -> anyhow::Result<String> { Ok(store.node_id(n)?.0) };
    let find = |name: &str, kind| store.resolve(name, Some(kind));
    Ok(match question {
        Question::Attendees { meeting } => {
            let m = find(meeting, NodeKind::Meeting)?;
            (store.star(m, Direction::Incoming, &attendance)?, Some(Question::Attendees { meeting: id(m)? }))
        }
        Question::Meetings { person } => {
            let p = find(person, NodeKind::Person)?;
            (store.star(p, Direction::Outgoing, &attendance)?, Some(Question::Meetings { person: id(p)? }))
        }
        Question::Posts { person } => {
            let p = find(person, NodeKind::Person)?;
            (store.star(p, Direction::Outgoing, &[EdgeKind::HoldsPost])?, Some(Question::Posts { person: id(p)? }))
        }
        Question::Members { organization } => {
            let o = find(organization, NodeKind::Organization)?;
            (
                store.star(o, Direction::Incoming, &[EdgeKind::HoldsPost])?,
                Some(Question::Members { organization: id(o)? }),
            )
        }
        Question::Coattendees { person } => {
            let p = find(person, NodeKind::Person)?;
            (store.coattendance(p)?, Some(Question::Coattendees { person: id(p)? }))
        }
        Question::Path { from, to } => {
            let (a, b) = (store.resolve(from, None)?, store.resolve(to, None)?);
            let question = Some(Question::Path { from: id(a)?, to: id(b)? });
            match store.path_graph(a, b)? {
                Some(g) => (g, question),
                // Not connected: the two nodes alone, for the answer to say so.
                None => (store.graph_of_nodes(&[a, b])?, question),
            }
        }
        Question::Show { name } => {
            let n = store.resolve(name, None)?;
            (store.node_with_namesakes(n)?, Some(Question::Show { name: id(n)? }))
        }
        Question::Stats => (RelationGraph::new(), None),
        // Questions about the whole graph (lists, rankings, search, timelines) run on all of it.
        _ => (store.whole()?, None),
    })
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
    let answer = match open_graph(&args.graph)? {
        Opened::Memory(graph) => answer(&graph, &args.question, None)?,
        Opened::Store(store) => {
            let stats = matches!(args.question, Question::Stats).then(|| store.stats()).transpose()?;
            let (graph, question) = from_store(&store, &args.question)?;
            answer(&graph, question.as_ref().unwrap_or(&args.question), stats)?
        }
    };
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

/// Answers a question (`stats`: with the counts the store keeps, when given).
fn answer(graph: &RelationGraph, question: &Question, stats: Option<query::Stats>) -> anyhow::Result<Answer> {
    let find = |name: &str, kind: Option<NodeKind>| query::resolve(graph, name, kind);
    let node = |ix| NodeRef::of(graph, ix);
    Ok(match question {
        Question::List { what, filters } => {
            let kind = match what {
                Listing::Persons => Some(NodeKind::Person),
                Listing::Bodies => Some(NodeKind::Organization),
                Listing::Meetings => Some(NodeKind::Meeting),
                Listing::All => None,
            };
            let found = query::list(graph, &filters.filter(kind));
            let rows = found.iter().map(listed_row).collect();
            Answer::new(json!({"nodes": found}), LISTED_HEADERS.to_vec(), rows)
        }
        Question::Search { text, kind, filters } => {
            let found = query::search(graph, text, &filters.filter(kind.map(NodeKind::from)));
            let rows = found
                .iter()
                .map(|h| {
                    let mut row = listed_row(&h.listed);
                    row.push(if h.matched == h.listed.node.label { String::new() } else { h.matched.clone() });
                    row
                })
                .collect();
            let mut headers = LISTED_HEADERS.to_vec();
            headers.push("MATCHED");
            Answer::new(json!({"text": text, "hits": found}), headers, rows)
        }
        Question::Timeline { person } => {
            let p = find(person, Some(NodeKind::Person))?;
            let found = query::timeline(graph, p);
            let rows = found
                .iter()
                .map(|r| {
                    let when = match (&r.date, &r.until) {
                        (Some(d), Some(u)) => format!("{d} … {u}"),
                        (Some(d), None) => d.clone(),
                        _ => "-".into(),
                    };
                    let (what, detail) = match &r.event {
                        query::Event::Post { title, organization } => {
                            ("post".to_string(), format!("{}{title}", organization.label))
                        }
                        query::Event::Meeting { meeting, roles } => (roles_text(roles), meeting.label.clone()),
                    };
                    vec![when, what, detail, reports_text(&r.documents)]
                })
                .collect();
            Answer::new(
                json!({"person": node(p), "timeline": found}),
                vec!["DATE", "WHAT", "POST OR MEETING", "REPORTS"],
                rows,
            )
            .heading(graph.node(p).label.clone())
        }
        Question::Rank { measure, kind, top } => {
            let mut found = query::rank(graph, *measure, NodeKind::from(*kind));
            found.truncate(*top);
            let rows = found
                .iter()
                .map(|r| {
                    let score = match measure {
                        Measure::Betweenness => format!("{:.4}", r.score),
                        _ => format!("{}", r.score),
                    };
                    vec![r.rank.to_string(), r.node.display_name(), score, r.reports.to_string()]
                })
                .collect();
            let header = match measure {
                Measure::Degree => "DEGREE",
                Measure::Coattendance => "COATTENDEES",
                Measure::Betweenness => "BETWEENNESS",
            };
            Answer::new(json!({"measure": measure, "ranking": found}), vec!["RANK", "NAME", header, "REPORTS"], rows)
        }
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
                    let org = r.organization.label.clone();
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
            let s = stats.unwrap_or_else(|| query::stats(graph));
            let mut rows = vec![vec!["documents".to_string(), s.documents.to_string()]];
            rows.extend(s.nodes_by_kind.iter().map(|(k, n)| vec![format!("{k} nodes"), n.to_string()]));
            rows.extend(s.edges_by_kind.iter().map(|(k, n)| vec![format!("{k} edges"), n.to_string()]));
            rows.push(vec!["namesake persons".into(), s.namesakes.to_string()]);
            Answer::new(json!(s), vec!["WHAT", "COUNT"], rows)
        }
    })
}

/// Reports in a table cell: how many, and the first file names.
fn reports_text(documents: &[String]) -> String {
    const SHOWN: usize = 3;
    let names: Vec<&str> =
        documents.iter().take(SHOWN).map(|d| Path::new(d).file_name().and_then(|n| n.to_str()).unwrap_or(d)).collect();
    let more = if documents.len() > SHOWN { " …" } else { "" };
    format!("{} ({}{more})", documents.len(), names.join(" "))
}

/// The columns of a listed node.
const LISTED_HEADERS: [&str; 5] = ["KIND", "NAME", "REPORTS", "NEIGHBOURS", "REGIONS"];

/// A listed node as a table row.
fn listed_row(l: &query::Listed) -> Vec<String> {
    let regions: Vec<&str> = l.regions.iter().map(String::as_str).collect();
    vec![
        l.node.kind.to_string(),
        l.node.display_name(),
        l.reports.to_string(),
        l.neighbours.to_string(),
        regions.join("、"),
    ]
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

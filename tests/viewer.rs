//! The HTML viewer in a real headless browser (Debian's `chromium`, or the program named by
//! `GUANXI_CHROMIUM`): it loads from `file://` with the network cut off, draws every node of
//! the example graph, its search finds a person, and a name that is a script does not run.
//! A screenshot is saved as `target/tmp/viewer.png`. Skipped, with a message, when no
//! browser is installed.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{fixture_graph, hostile_graph};
use guanxi::export::html;
use guanxi::graph::{NodeKind, RelationGraph};
use petgraph::Direction;

/// The browser, or `None` (the tests are skipped).
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GUANXI_CHROMIUM") {
        return Some(p.into());
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

macro_rules! browser_or_skip {
    () => {
        match chromium() {
            Some(b) => b,
            None => {
                eprintln!("viewer test skipped: no chromium found (apt-get install chromium, or set GUANXI_CHROMIUM)");
                return;
            }
        }
    };
}

/// Runs the browser headless on `page#fragment` with no network and a fresh profile, with
/// `extra` arguments; returns its standard output.
fn run(browser: &Path, page: &Path, fragment: &str, extra: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}#{fragment}", page.display());
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(&url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the browser");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the browser did not finish on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap().expect("browser output")
}

/// The `data-*` attributes of the dumped `<body>`.
fn body_data(dom: &str, name: &str) -> Option<String> {
    let start = dom.find("<body")?;
    let tag = &dom[start..start + dom[start..].find('>')?];
    let key = format!(" data-{name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(tag[at..at + tag[at..].find('"')?].to_string())
}

/// A fragment value, percent-encoded.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// The person with the most relations (the first by id among equals).
fn busiest_person(graph: &RelationGraph) -> String {
    let degree = |ix| graph.edges_of(ix, Direction::Outgoing).len() + graph.edges_of(ix, Direction::Incoming).len();
    let best = graph
        .nodes_sorted()
        .into_iter()
        .filter(|&ix| graph.node(ix).kind == NodeKind::Person)
        .max_by_key(|&ix| (degree(ix), std::cmp::Reverse(graph.node(ix).id.clone())));
    graph.node(best.expect("a person")).label.clone()
}

#[test]
fn the_viewer_draws_every_node_and_its_search_finds_a_person() {
    let browser = browser_or_skip!();
    let (_dir, g) = fixture_graph();
    let graph = RelationGraph::load(&g.join("graph.json")).unwrap();
    let page = g.join("graph.html");
    let name = busiest_person(&graph);
    let dom = run(&browser, &page, &format!("search={}", encode(&name)), &["--dump-dom".into()]);
    assert_eq!(
        body_data(&dom, "ready").as_deref(),
        Some("1"),
        "the script ran to its end:\n{}",
        &dom[..dom.len().min(2000)]
    );
    let n = graph.node_count().to_string();
    assert_eq!(body_data(&dom, "nodes"), Some(n.clone()));
    assert_eq!(body_data(&dom, "rendered"), Some(n), "every node is drawn with a size");
    let hits: usize = body_data(&dom, "search-hits").unwrap().parse().unwrap();
    assert!(hits >= 1, "the search finds {name}");
    assert_eq!(body_data(&dom, "selected"), Some(format!("person:{name}")), "the first hit is the person");
    let results = &dom[dom.find("<ol id=\"results\"").unwrap()..];
    assert!(results[..results.find("</ol>").unwrap()].contains(&name), "{name} listed in the results");
    let panel = &dom[dom.find("<aside id=\"panel\"").unwrap()..];
    assert!(
        panel.contains("Relations and evidence") && panel.contains("<blockquote>") && panel.contains("<mark>"),
        "evidence shown"
    );

    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("viewer.png");
    let _ = std::fs::remove_file(&shot);
    run(
        &browser,
        &page,
        &format!("search={}", encode(&name)),
        &[format!("--screenshot={}", shot.display()), "--window-size=1500,950".into(), "--hide-scrollbars".into()],
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "a real screenshot ({} bytes)", png.len());
    eprintln!("viewer screenshot: {}", shot.display());
}

#[test]
fn a_script_as_a_name_does_not_run() {
    let browser = browser_or_skip!();
    let graph = hostile_graph();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("hostile.html");
    let mut out = Vec::new();
    html::write(&graph, &mut out).unwrap();
    std::fs::write(&page, out).unwrap();
    for fragment in [format!("search={}", encode("<")), format!("node={}", encode("person:<script>alert(1)</script>"))]
    {
        let dom = run(&browser, &page, &fragment, &["--dump-dom".into()]);
        assert_eq!(body_data(&dom, "ready").as_deref(), Some("1"), "the viewer's own script runs");
        assert_eq!(body_data(&dom, "pwned"), None, "a script from a name ran");
        assert_eq!(dom.matches("<script").count(), 2, "no script element came from a name");
        assert!(!dom.contains("<img"), "no element came from a name");
        assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown as text");
        assert_eq!(body_data(&dom, "rendered"), Some(graph.node_count().to_string()));
    }
}

/// Drives the filters, the zoom buttons and clicks from a script appended to a copy of the
/// page (without its CSP, which would rightly refuse the extra script), and reads back what
/// the viewer shows.
const DRIVER: &str = r##"<script>
(function () {
  var r = {}, body = document.body, visible = function () { return Number(body.getAttribute("data-visible")); };
  var change = function (e) { e.dispatchEvent(new Event("change")); };
  r.all = visible();
  var select = document.getElementById("meeting");
  select.value = select.options[1].value; change(select);
  r.oneMeeting = visible();
  select.value = ""; change(select);
  var box = document.querySelector("#kinds input[value=meeting]");
  box.checked = false; change(box);
  r.noMeetings = visible();
  box.checked = true; change(box);
  var from = document.getElementById("from");
  from.value = "2025-01-01"; change(from);
  r.from2025 = visible();
  document.getElementById("reset").click();
  r.afterReset = visible();
  var svg = document.getElementById("graph"), before = svg.getAttribute("viewBox");
  document.getElementById("zoom-in").click();
  r.zoomed = svg.getAttribute("viewBox") !== before;
  document.getElementById("n0").dispatchEvent(new MouseEvent("click", { bubbles: true }));
  r.nodePanel = document.querySelector("#panel h2").textContent;
  document.querySelector("#a0 path").dispatchEvent(new MouseEvent("click", { bubbles: true }));
  r.arrowPanel = document.querySelector("#panel h2").textContent;
  r.quotes = document.querySelectorAll("#panel blockquote").length;
  body.setAttribute("data-test", JSON.stringify(r));
})();
</script>"##;

#[test]
fn filters_zoom_and_clicks_work() {
    let browser = browser_or_skip!();
    let (_dir, g) = fixture_graph();
    let graph = RelationGraph::load(&g.join("graph.json")).unwrap();
    let page = std::fs::read_to_string(g.join("graph.html")).unwrap();
    let csp_start = page.find("<meta http-equiv=\"Content-Security-Policy\"").unwrap();
    let csp_end = csp_start + page[csp_start..].find('>').unwrap() + 1;
    let driven =
        format!("{}{}", &page[..csp_start], &page[csp_end..]).replace("</body>", &format!("{DRIVER}\n</body>"));
    let copy = g.join("driven.html");
    std::fs::write(&copy, driven).unwrap();
    let dom = run(&browser, &copy, "", &["--dump-dom".into()]);
    let raw = body_data(&dom, "test").expect("the driver ran");
    let r: serde_json::Value = serde_json::from_str(&raw.replace("&quot;", "\"").replace("&amp;", "&")).unwrap();
    eprintln!("viewer interactions: {r}");
    let n = graph.node_count() as u64;
    let meetings = graph.count(NodeKind::Meeting) as u64;
    assert_eq!(r["all"], n);
    assert!(
        r["oneMeeting"].as_u64().unwrap() < n && r["oneMeeting"].as_u64().unwrap() > 1,
        "one meeting and its people: {r}"
    );
    assert_eq!(r["noMeetings"], n - meetings, "meetings hidden: {r}");
    assert!(r["from2025"].as_u64().unwrap() < n, "dates filter: {r}");
    assert_eq!(r["afterReset"], n);
    assert_eq!(r["zoomed"], true);
    assert_eq!(r["nodePanel"], graph.node(graph.nodes_sorted()[0]).label.as_str());
    assert!(r["arrowPanel"].as_str().unwrap().contains(" → "), "{r}");
    assert!(r["quotes"].as_u64().unwrap() >= 1, "the arrow's evidence: {r}");
}

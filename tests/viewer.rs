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

use common::{fixture_graph, hostile_graph, shared};
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
    let panel = &dom[dom.find("id=\"panel\"").unwrap()..];
    assert!(
        panel.contains("Relations and evidence")
            && panel.contains("<blockquote>")
            && panel.contains("<mark class=\"name\">"),
        "evidence shown, the person's name marked"
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
  r.linked = visible();
  var lone = document.getElementById("lone");
  lone.checked = true; change(lone);
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
  var undated = document.getElementById("undated");
  undated.checked = false; change(undated);
  r.from2025dated = visible();
  undated.checked = true; change(undated);
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
    let undated_meetings = graph
        .nodes_sorted()
        .into_iter()
        .filter(|&ix| graph.node(ix).kind == NodeKind::Meeting && graph.node(ix).date.is_none())
        .count() as u64;
    if undated_meetings > 0 {
        assert!(
            r["from2025dated"].as_u64().unwrap() < r["from2025"].as_u64().unwrap(),
            "undated meetings kept, then left out: {r}"
        );
    }
    let lone = graph
        .nodes_sorted()
        .into_iter()
        .filter(|&ix| {
            graph.edges_of(ix, Direction::Outgoing).is_empty() && graph.edges_of(ix, Direction::Incoming).is_empty()
        })
        .count() as u64;
    assert_eq!(r["linked"], n - lone, "nodes without relations hidden at first");
    assert_eq!(r["afterReset"], n - lone);
    assert_eq!(r["zoomed"], true);
    assert_eq!(r["nodePanel"], graph.node(graph.nodes_sorted()[0]).label.as_str());
    assert!(r["arrowPanel"].as_str().unwrap().contains(" → "), "{r}");
    assert!(r["quotes"].as_u64().unwrap() >= 1, "the arrow's evidence: {r}");
}

/// Measures the corpus viewer from inside the page (appended to a copy without its CSP): the
/// labels shown on the first view and whether any two overlap (their boxes on screen), then,
/// with the meeting filter set to the meeting that shows the most nodes, the part of the
/// canvas its nodes' symbols fill.
const MEASURE: &str = r##"<script>
(function () {
  var body = document.body, canvas = document.getElementById("graph").getBoundingClientRect();
  function labels() {
    var boxes = [];
    document.querySelectorAll("#nodes .node:not(.hidden) text.label:not(.off)").forEach(function (t) {
      var b = t.getBoundingClientRect();
      if (b.width > 0 && b.right > canvas.left && b.left < canvas.right && b.bottom > canvas.top && b.top < canvas.bottom) boxes.push(b);
    });
    var overlaps = 0, tol = 0.5;
    for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], c = boxes[j];
      if (a.left < c.right - tol && c.left < a.right - tol && a.top < c.bottom - tol && c.top < a.bottom - tol) overlaps++;
    }
    return { labels: boxes.length, overlaps: overlaps };
  }
  var r = { canvas: [canvas.width, canvas.height] };
  r.first = labels();
  r.firstVisible = Number(body.getAttribute("data-visible"));
  var data = JSON.parse(document.getElementById("guanxi-data").textContent), best = null;
  Object.keys(data.focus).forEach(function (m) { if (best === null || data.focus[m].length > data.focus[best].length) best = m; });
  var select = document.getElementById("meeting");
  select.value = best; select.dispatchEvent(new Event("change"));
  r.meeting = labels();
  r.meetingVisible = Number(body.getAttribute("data-visible"));
  var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  document.querySelectorAll("#nodes .node:not(.hidden) .sym").forEach(function (e) {
    var b = e.getBoundingClientRect();
    x0 = Math.min(x0, b.left); y0 = Math.min(y0, b.top); x1 = Math.max(x1, b.right); y1 = Math.max(y1, b.bottom);
  });
  x0 = Math.max(x0, canvas.left); y0 = Math.max(y0, canvas.top); x1 = Math.min(x1, canvas.right); y1 = Math.min(y1, canvas.bottom);
  r.fill = Math.max(0, x1 - x0) * Math.max(0, y1 - y0) / (canvas.width * canvas.height);
  r.fillWidth = (x1 - x0) / canvas.width;
  r.fillHeight = (y1 - y0) / canvas.height;
  body.setAttribute("data-test", JSON.stringify(r));
})();
</script>"##;

/// The page data of a viewer page.
fn page_data(page: &str) -> serde_json::Value {
    let start = page.find("id=\"guanxi-data\">").unwrap() + "id=\"guanxi-data\">".len();
    serde_json::from_str(&page[start..start + page[start..].find("</script>").unwrap()]).unwrap()
}

#[test]
fn on_the_corpus_the_first_view_is_readable_and_a_meeting_fills_the_canvas() {
    let browser = browser_or_skip!();
    let Some(corpus) = shared("corpus/reports") else {
        eprintln!("corpus viewer test skipped: ../shared/corpus/reports not found");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g");
    let built = common::guanxi(&["build", corpus.to_str().unwrap(), "--out", g.to_str().unwrap(), "--no-svg"]);
    assert!(g.join("graph.html").is_file(), "the corpus viewer: {}", String::from_utf8_lossy(&built.stderr));
    let page_path = g.join("graph.html");
    let page = std::fs::read_to_string(&page_path).unwrap();
    let csp_start = page.find("<meta http-equiv=\"Content-Security-Policy\"").unwrap();
    let csp_end = csp_start + page[csp_start..].find('>').unwrap() + 1;
    let measured =
        format!("{}{}", &page[..csp_start], &page[csp_end..]).replace("</body>", &format!("{MEASURE}\n</body>"));
    let copy = g.join("measured.html");
    std::fs::write(&copy, measured).unwrap();
    let window = ["--window-size=1500,950".to_string(), "--hide-scrollbars".to_string()];
    let dom = run(&browser, &copy, "", &[&window[..], &["--dump-dom".to_string()]].concat());
    let raw = body_data(&dom, "test").expect("the measuring script ran");
    let r: serde_json::Value = serde_json::from_str(&raw.replace("&quot;", "\"").replace("&amp;", "&")).unwrap();
    eprintln!("corpus viewer: {r}");
    let first = r["first"]["labels"].as_u64().unwrap();
    assert!((20..=150).contains(&first), "the first view labels at most 150 nodes (and some): {r}");
    assert_eq!(r["first"]["overlaps"], 0, "no label overlaps another: {r}");
    assert_eq!(r["meeting"]["overlaps"], 0, "no label overlaps another in the meeting's view: {r}");
    assert!(r["fill"].as_f64().unwrap() >= 0.5, "the meeting's nodes fill half the canvas: {r}");
    assert!(r["meetingVisible"].as_u64().unwrap() < r["firstVisible"].as_u64().unwrap());

    // Screenshots of both states, to look at.
    let data = page_data(&page);
    let focus = data["focus"].as_object().unwrap();
    let best =
        focus.iter().max_by_key(|(m, v)| (v.as_array().unwrap().len(), std::cmp::Reverse(m.parse::<usize>().unwrap())));
    let meeting = data["nodes"][best.unwrap().0.parse::<usize>().unwrap()]["id"].as_str().unwrap().to_string();
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    for (name, fragment) in [
        ("viewer-corpus-overview.png", String::new()),
        ("viewer-corpus-meeting.png", format!("meeting={}", encode(&meeting))),
    ] {
        let shot = tmp.join(name);
        let _ = std::fs::remove_file(&shot);
        run(&browser, &page_path, &fragment, &[&window[..], &[format!("--screenshot={}", shot.display())]].concat());
        let png = std::fs::read(&shot).expect("screenshot written");
        assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "a real screenshot ({} bytes)", png.len());
        eprintln!("corpus viewer screenshot: {}", shot.display());
    }
}

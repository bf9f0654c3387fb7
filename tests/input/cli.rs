//! The input side of `extract` and `build` as users meet it: folders with more than reports,
//! scraped corpora, manifests, shareable sources, odd files and odd names, one set of flags.
//! Every test here reproduces a finding of the inputs issue.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use guanxi::Extraction;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_guanxi"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports")
}

/// Runs a command, killing it (and failing) if it takes longer than `limit`: a hang is a bug.
fn run_with_timeout(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let (mut o, mut e) = (Vec::new(), Vec::new());
        out.read_to_end(&mut o).ok();
        err.read_to_end(&mut e).ok();
        (o, e)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("{cmd:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (stdout, stderr) = reader.join().unwrap();
    Output { status, stdout, stderr }
}

fn records(out: &Output) -> Vec<Extraction> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder `reports/` holding the fixture reports, inside a fresh temp dir.
fn reports_folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("reports")).unwrap();
    for e in std::fs::read_dir(fixtures()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, d.path().join("reports").join(p.file_name().unwrap())).unwrap();
    }
    d
}

fn build_in(dir: &Path, args: &[&str]) -> Output {
    let out = bin().current_dir(dir).arg("build").args(args).arg("--no-svg").output().unwrap();
    assert!(out.status.success(), "build {args:?}: {}", stderr(&out));
    out
}

#[test]
fn a_folder_with_tables_records_and_old_outputs_builds_as_its_reports_alone() {
    let d = reports_folder();
    build_in(d.path(), &["reports", "--out", "alone"]);
    let reports = d.path().join("reports");
    // What the issue found read as reports: a table of sources, records, a previous build.
    std::fs::write(
        reports.join("SOURCES.tsv"),
        "file\tsource\ttitle\tdate\n01.txt\thttps://example.org\t会议\t2024-03-12\n",
    )
    .unwrap();
    let rec = bin().arg("extract").arg(&reports).output().unwrap();
    std::fs::write(reports.join("records.jsonl"), &rec.stdout).unwrap();
    build_in(d.path(), &["reports", "--out", "reports"]);
    build_in(d.path(), &["reports", "--out", "reports/old"]);
    std::fs::write(reports.join(".notes.txt"), "市长张三出席会议。").unwrap();
    let out = build_in(d.path(), &["reports", "--out", "again"]);
    let err = stderr(&out);
    assert!(err.contains("3 documents read"), "{err}");
    assert!(err.contains("guanxi outputs") && err.contains("hidden") && err.contains("not reports"), "{err}");
    assert_eq!(
        std::fs::read(d.path().join("again/graph.json")).unwrap(),
        std::fs::read(d.path().join("alone/graph.json")).unwrap()
    );
}

#[test]
fn records_named_on_the_command_line_are_merged_as_they_are() {
    let d = reports_folder();
    let rec = bin().current_dir(d.path()).args(["extract", "reports"]).output().unwrap();
    std::fs::write(d.path().join("rec.jsonl"), &rec.stdout).unwrap();
    build_in(d.path(), &["reports", "--out", "from-reports"]);
    let out = build_in(d.path(), &["rec.jsonl", "--out", "from-records"]);
    assert!(stderr(&out).contains("0 documents and 3 records read"), "{}", stderr(&out));
    let ids = |dir: &str| -> std::collections::BTreeSet<String> {
        let g = guanxi::RelationGraph::load(&d.path().join(dir).join("graph.json")).unwrap();
        g.nodes_sorted().into_iter().map(|ix| g.node(ix).id.clone()).collect()
    };
    assert_eq!(ids("from-records"), ids("from-reports"));
    // `extract` has nothing to do with records: it says so.
    let again = bin().current_dir(d.path()).args(["extract", "rec.jsonl"]).output().unwrap();
    assert!(again.stdout.is_empty());
    assert!(stderr(&again).contains("rec.jsonl: skipped: extraction records written by guanxi"), "{}", stderr(&again));
}

/// A scraped corpus of invented articles: the text says only 10月31日, the item's field has
/// the year.
const SCRAPED: &str = concat!(
    r#"{"title": "青川市召开安全生产工作会议", "content": "10月31日，青川市召开安全生产工作会议。市长林志远出席会议并讲话，副市长陈晓梅主持会议。", "publish_time": "2023-11-01 08:30:00", "url": "https://news.example.org/qc/1031.html"}"#,
    "\n",
    r#"{"title": "青川市召开防汛工作会议", "content": "<p>6月2日，青川市召开防汛工作会议，部署今年防汛抗旱各项工作。</p><p>副市长陈晓梅出席会议并讲话，强调要压实责任、抓好落实。</p>", "publish_time": 1685750400}"#,
    "\n"
);

#[test]
fn json_lines_items_are_documents_with_their_dates_and_urls() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("scraped.jsonl"), SCRAPED).unwrap();
    let out = bin().current_dir(d.path()).args(["extract", "scraped.jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let r = records(&out);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].source, "https://news.example.org/qc/1031.html");
    assert_eq!(r[0].published.as_deref(), Some("2023-11-01"));
    assert_eq!(r[0].meetings[0].date.as_deref(), Some("2023-10-31"), "{:?}", r[0].meetings);
    assert_eq!(r[1].source, "scraped.jsonl#2", "an item without URL is named by its number");
    assert_eq!(r[1].meetings[0].date.as_deref(), Some("2023-06-02"));
    // Spans count chars of the item's text as extracted (the title line, then the text).
    let name = &r[0].persons.iter().find(|p| p.name == "林志远").unwrap().mentions[0];
    let text = format!(
        "青川市召开安全生产工作会议\n{}",
        "10月31日，青川市召开安全生产工作会议。市长林志远出席会议并讲话，副市长陈晓梅主持会议。"
    );
    assert_eq!(text.chars().skip(name.start).take(name.end - name.start).collect::<String>(), "林志远");

    // The graph's meetings carry the full dates and its documents the URLs.
    build_in(d.path(), &["scraped.jsonl", "--out", "g"]);
    let g = guanxi::RelationGraph::load(&d.path().join("g/graph.json")).unwrap();
    let paths: Vec<&str> = g.documents().iter().map(|doc| doc.path.as_str()).collect();
    assert!(paths.contains(&"https://news.example.org/qc/1031.html"), "{paths:?}");
    let dates: Vec<Option<String>> =
        g.nodes_of(guanxi::graph::NodeKind::Meeting).map(|ix| g.node(ix).date.clone()).collect();
    assert!(dates.contains(&Some("2023-10-31".into())), "{dates:?}");

    // Other field names, given with --field; CSV the same.
    let csv = "标题,正文,发布日期\n青川市召开安全生产工作会议,\"10月31日，青川市召开安全生产工作会议。市长林志远出席会议并讲话。\",2023-11-01\n";
    std::fs::write(d.path().join("scraped.csv"), csv).unwrap();
    let out = bin()
        .current_dir(d.path())
        .args(["extract", "scraped.csv", "--field", "text=正文", "--field", "title=标题", "--field", "date=发布日期"])
        .output()
        .unwrap();
    let r = records(&out);
    assert_eq!(r.len(), 1, "{}", stderr(&out));
    assert_eq!(r[0].meetings[0].date.as_deref(), Some("2023-10-31"));
    let bad = bin().current_dir(d.path()).args(["extract", "scraped.csv", "--field", "author=x"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown field \"author\""), "{}", stderr(&bad));
}

#[test]
fn a_manifest_and_published_date_the_texts() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("in")).unwrap();
    let text = "青川市召开安全生产工作会议\n\n10月31日，青川市召开安全生产工作会议。市长林志远出席会议并讲话，副市长陈晓梅主持会议。\n";
    std::fs::write(d.path().join("in/a.txt"), text).unwrap();
    std::fs::write(d.path().join("in/b.txt"), text).unwrap();
    std::fs::write(
        d.path().join("m.tsv"),
        "path\tpublished\turl\ttitle\nin/a.txt\t2022-11-02\thttps://example.org/a\t\n",
    )
    .unwrap();
    let out = bin().current_dir(d.path()).args(["extract", "in", "--manifest", "m.tsv"]).output().unwrap();
    let r = records(&out);
    assert_eq!(r[0].source, "https://example.org/a");
    assert_eq!(r[0].meetings[0].date.as_deref(), Some("2022-10-31"));
    assert_eq!(r[1].source, "in/b.txt");
    assert_eq!(r[1].meetings[0].date, None);
    // The spans still count chars of the file as read.
    let plain = records(&bin().current_dir(d.path()).args(["extract", "in/b.txt"]).output().unwrap());
    assert_eq!(r[0].persons, plain[0].persons);
    let one = bin().current_dir(d.path()).args(["extract", "in/b.txt", "--published", "2021/11/2"]).output().unwrap();
    assert_eq!(records(&one)[0].meetings[0].date.as_deref(), Some("2021-10-31"));
    let many = bin().current_dir(d.path()).args(["extract", "in", "--published", "2021-11-02"]).output().unwrap();
    assert_eq!(many.status.code(), Some(2));
    assert!(stderr(&many).contains("--published is for one report"), "{}", stderr(&many));
}

/// Every file under `dir`, as text.
fn all_outputs(dir: &Path) -> Vec<(PathBuf, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned()))
        .collect()
}

#[test]
fn no_output_holds_an_absolute_path() {
    let d = reports_folder();
    let abs = d.path().join("reports");
    let home = std::fs::canonicalize(d.path()).unwrap();
    for (name, input) in
        [("rel", PathBuf::from("reports")), ("abs", abs.clone()), ("file", abs.join("01-nanjing-forum.txt"))]
    {
        let out = bin().current_dir(d.path()).arg("build").arg(&input).args(["--out", name]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let extracted = bin().current_dir(d.path()).arg("extract").arg(&input).output().unwrap();
        std::fs::write(d.path().join(name).join("records.jsonl"), &extracted.stdout).unwrap();
        for (file, text) in all_outputs(&d.path().join(name)) {
            for prefix in [d.path(), home.as_path()] {
                assert!(!text.contains(prefix.to_str().unwrap()), "{} holds {}", file.display(), prefix.display());
            }
        }
        let g = guanxi::RelationGraph::load(&d.path().join(name).join("graph.json")).unwrap();
        assert!(g.documents().iter().all(|doc| !doc.path.starts_with('/')), "{:?}", g.documents()[0].path);
    }
}

#[test]
fn one_set_of_flags_and_threads_capped() {
    let d = reports_folder();
    // -j far beyond the machine, the old --jobs, -q: no panic, no summary.
    for flags in [&["-j", "100000"][..], &["--jobs", "3"], &["--threads", "2", "-q"]] {
        let out = bin()
            .current_dir(d.path())
            .args(["build", "reports", "--out", "g", "--no-svg"])
            .args(flags)
            .output()
            .unwrap();
        assert!(out.status.success(), "{flags:?}: {}", stderr(&out));
        assert_eq!(stderr(&out).is_empty(), flags.contains(&"-q"), "{flags:?}: {}", stderr(&out));
    }
    let out =
        bin().current_dir(d.path()).args(["extract", "reports", "-j", "100000", "--glob", "01*"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(records(&out).len(), 1);
    let out = bin()
        .current_dir(d.path())
        .args(["build", "reports", "--out", "g2", "--no-svg", "--glob", "0[12]*"])
        .output()
        .unwrap();
    assert!(stderr(&out).contains("2 documents read"), "{}", stderr(&out));
}

#[test]
fn a_closed_pipe_ends_quietly_and_errors_are_said_once() {
    let d = reports_folder();
    build_in(d.path(), &["reports", "--out", "g"]);
    let mut child = bin()
        .current_dir(d.path())
        .args(["export", "g", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then close the pipe, as `| head -c 10` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("Broken pipe"), "{}", stderr(&out));

    let out = bin().current_dir(d.path()).args(["query", "no-such-graph", "stats"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
    assert_eq!(err.matches("no-such-graph").count(), 1, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn bad_bytes_in_utf8_and_mixed_encodings_are_read_and_warned() {
    let d = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/qingchuan-report.txt"))
            .unwrap();
    let clean = records(&bin().arg("extract").arg("-").stdin(Stdio::piped()).output_with(&text));
    // A stray byte in the middle and a char cut short at the end.
    let mut bytes = text.clone().into_bytes();
    let at = text.char_indices().nth(60).unwrap().0;
    bytes.insert(at, 0xff);
    bytes.extend_from_slice(&"会".as_bytes()[..2]);
    std::fs::write(d.path().join("slips.txt"), &bytes).unwrap();
    let out = bin().current_dir(d.path()).args(["extract", "slips.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("slips.txt: warning: 2 malformed UTF-8 sequences at byte offsets {at}, ")), "{err}");
    let r = records(&out);
    let names = |r: &Extraction| r.persons.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&r[0]), names(&clean[0]), "read as UTF-8, not windows-1252");

    // A paragraph pasted from a GBK page.
    let mut mixed = text.clone().into_bytes();
    mixed.extend_from_slice(&encoding_rs::GBK.encode("副市长李华出席会议并讲话，强调要抓好落实。\n").0);
    std::fs::write(d.path().join("mixed.txt"), &mixed).unwrap();
    let out = bin().current_dir(d.path()).args(["extract", "mixed.txt"]).output().unwrap();
    assert!(stderr(&out).contains("mixed.txt: warning: mixed encodings: 1 line in GBK"), "{}", stderr(&out));
    assert!(records(&out)[0].persons.iter().any(|p| p.name == "李华"), "the GBK line is read");
}

trait OutputWith {
    fn output_with(&mut self, input: &str) -> Output;
}

impl OutputWith for Command {
    fn output_with(&mut self, input: &str) -> Output {
        use std::io::Write;
        let mut child = self.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    }
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_stay_apart() {
    use std::os::unix::ffi::OsStrExt;
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    let text = std::fs::read_to_string(fixtures().join("01-nanjing-forum.txt")).unwrap();
    // 北京.txt and 重庆.txt with GBK names: the same replacement chars as lossy UTF-8.
    let names: [&[u8]; 2] = [b"\xb1\xb1\xbe\xa9.txt", b"\xd6\xd8\xc7\xec.txt"];
    for name in names {
        let path = dir.join(std::ffi::OsStr::from_bytes(name));
        if std::fs::write(&path, &text).is_err() {
            eprintln!("skipped: this file system refuses non-UTF-8 names");
            return;
        }
    }
    let out = bin().current_dir(d.path()).args(["extract", "in"]).output().unwrap();
    let sources: Vec<String> = records(&out).into_iter().map(|r| r.source).collect();
    assert_eq!(sources, ["in/\\xB1\\xB1\\xBE\\xA9.txt", "in/\\xD6\\xD8\\xC7\\xEC.txt"]);
    // Built one by one with --update, the second is no "already in".
    let first = dir.join(std::ffi::OsStr::from_bytes(names[0]));
    let second = dir.join(std::ffi::OsStr::from_bytes(names[1]));
    bin().current_dir(d.path()).arg("build").arg(&first).args(["--out", "g", "--no-svg"]).output().unwrap();
    let out = bin()
        .current_dir(d.path())
        .arg("build")
        .arg(&second)
        .args(["--update", "g", "--out", "g", "--no-svg"])
        .output()
        .unwrap();
    assert!(stderr(&out).contains("1 document(s) new") || stderr(&out).contains("(1 new)"), "{}", stderr(&out));
    assert_eq!(guanxi::RelationGraph::load(&d.path().join("g/graph.json")).unwrap().documents().len(), 2);
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_huge_files_are_refused_without_reading() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let sparse = d.path().join("huge.txt");
    std::fs::File::create(&sparse).unwrap().set_len(1 << 30).unwrap();
    let mut args = vec![PathBuf::from("/dev/zero"), sparse.clone()];
    if made {
        args.push(fifo.clone());
    }
    for command in ["extract", "build"] {
        let mut cmd = bin();
        cmd.arg(command).args(&args);
        if command == "build" {
            cmd.args(["--out"]).arg(d.path().join("g")).arg("--no-svg");
        }
        let start = Instant::now();
        let out = run_with_timeout(cmd, Duration::from_secs(20));
        assert!(start.elapsed() < Duration::from_secs(20));
        let err = stderr(&out);
        assert_ne!(out.status.code(), Some(0), "{err}");
        assert!(err.contains("/dev/zero: is a character device, not a regular file"), "{err}");
        assert!(err.contains("huge.txt: is 1073741824 bytes, over the limit"), "{err}");
        if made {
            assert!(err.contains("pipe.txt: is a FIFO (named pipe), not a regular file"), "{err}");
        }
    }
    // The limit can be raised, or lowered.
    std::fs::write(d.path().join("small.txt"), "会议由林志远主持。").unwrap();
    let out = bin().arg("extract").arg(d.path().join("small.txt")).args(["--max-bytes", "10"]).output().unwrap();
    assert!(stderr(&out).contains("over the limit of 10 bytes"), "{}", stderr(&out));
}

#[test]
fn traditional_reports_give_the_simplified_names_with_the_written_forms_kept() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/qingchuan-report.txt"))
            .unwrap();
    let simplified = records(&bin().args(["extract", "-"]).stdin(Stdio::piped()).output_with(&text));
    for config in [ferrous_opencc::config::BuiltinConfig::S2hk, ferrous_opencc::config::BuiltinConfig::S2tw] {
        let traditional = ferrous_opencc::OpenCC::from_config(config).unwrap().convert(&text);
        assert_ne!(traditional, text);
        let r = records(&bin().args(["extract", "-"]).stdin(Stdio::piped()).output_with(&traditional));
        let (s, t) = (&simplified[0], &r[0]);
        let persons =
            |r: &Extraction| r.persons.iter().map(|p| (p.name.clone(), p.mentions.clone())).collect::<Vec<_>>();
        assert!(!s.persons.is_empty());
        assert_eq!(persons(t), persons(s), "same persons at the same offsets");
        let roles = |r: &Extraction| {
            r.roles.iter().map(|x| (x.person.clone(), x.title.clone(), x.organization.clone())).collect::<Vec<_>>()
        };
        assert_eq!(roles(t), roles(s));
        let attendance = |r: &Extraction| r.attendance.iter().map(|a| (a.person.clone(), a.role)).collect::<Vec<_>>();
        assert_eq!(attendance(t), attendance(s));
        // The written forms are kept: a person whose name changes script has it as an alias.
        let chars: Vec<char> = traditional.chars().collect();
        for p in &t.persons {
            let written: String = chars[p.mentions[0].start..p.mentions[0].end].iter().collect();
            if written != p.name {
                assert!(p.aliases.contains(&written), "{} lacks {written}", p.name);
            }
        }
        assert!(t.persons.iter().any(|p| !p.aliases.is_empty()), "some name is written in Traditional");
        assert!(t.organizations.iter().any(|o| o.aliases.iter().any(|a| a.contains('會') || a.contains('學'))));
    }
}

//! The output set of `build` (graph.db and its exports) as a user meets it: never lost to a
//! mistyped path, replaced as a whole even when a build is killed, the same ids whatever the
//! order of the inputs, records of `extract` built like the reports, and stores that are not
//! stores refused with one line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn guanxi_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_guanxi"));
    cmd.args(args).current_dir(root());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run guanxi")
}

fn guanxi(args: &[&str]) -> Output {
    guanxi_env(args, &[])
}

fn ok(args: &[&str]) -> String {
    let out = guanxi(args);
    assert!(out.status.success(), "guanxi {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const R1: &str = "tests/fixtures/reports/01-nanjing-forum.txt";
const R2: &str = "tests/fixtures/reports/02-nanjing-seminar.txt";
const R3: &str = "tests/fixtures/reports/03-suzhou-meeting.txt";

/// Every entry of a folder (hidden ones too) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let bytes = if e.path().is_file() { std::fs::read(e.path()).unwrap() } else { b"<dir>".to_vec() };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

fn built(reports: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g");
    let mut args = vec!["build"];
    args.extend_from_slice(reports);
    let gs = g.to_str().unwrap().to_string();
    args.extend(["--out", &gs, "--no-svg"]);
    ok(&args);
    (dir, g)
}

fn documents(g: &Path) -> String {
    let v: serde_json::Value = serde_json::from_str(&ok(&["query", g.to_str().unwrap(), "stats", "--json"])).unwrap();
    v["documents"].to_string()
}

#[test]
fn a_build_that_reads_no_report_leaves_the_graph_untouched() {
    let (dir, g) = built(&[R1, R2]);
    let before = snapshot(&g);
    let gs = g.to_str().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let image = dir.path().join("images");
    std::fs::create_dir(&image).unwrap();
    std::fs::write(image.join("a.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    for input in ["/no/such", empty.to_str().unwrap(), image.to_str().unwrap()] {
        let out = guanxi(&["build", input, "--out", gs]);
        assert_eq!(out.status.code(), Some(2), "{input}: {}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no report read") && err.contains("left as it was"), "{err}");
        assert!(snapshot(&g) == before, "{input}: the folder changed");
    }
    // An update that brings nothing new changes nothing either, and says so.
    let out = guanxi(&["build", R1, "--update", gs, "--out", gs]);
    assert_eq!(out.status.code(), Some(0));
    assert!(snapshot(&g) == before);
}

#[test]
fn the_order_of_the_inputs_does_not_change_ids() {
    let (_a, forward) = built(&[R1, R2, R3]);
    let (_b, backward) = built(&[R3, R2, R1]);
    let json = |g: &Path| std::fs::read(g.join("graph.json")).unwrap();
    assert!(json(&forward) == json(&backward));
    assert!(String::from_utf8(json(&forward)).unwrap().contains("person:林书远#2"));
}

#[test]
fn the_set_is_listed_in_its_manifest_and_matches_the_store() {
    let (_dir, g) = built(&[R1, R2, R3]);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(g.join("guanxi-set.json")).unwrap()).unwrap();
    let files: Vec<&str> = manifest["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    assert!(files.contains(&"graph.db") && files.contains(&"graph.json") && !files.contains(&"graph.svg"));
    let names: Vec<String> = snapshot(&g).into_keys().collect();
    assert_eq!(names, ["graph.db", "graph.dot", "graph.html", "graph.json", "guanxi-set.json"]);
    // Another set's manifest beside this store: refused, naming the store.
    let mut other = manifest.clone();
    other["set"] = serde_json::json!("0000");
    std::fs::write(g.join("guanxi-set.json"), other.to_string()).unwrap();
    let out = guanxi(&["query", g.to_str().unwrap(), "stats"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("graph.db") && err.contains("another output set"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_killed_build_leaves_the_old_set_or_the_new_one() {
    let (_dir, g) = built(&[R1]);
    let gs = g.to_str().unwrap();
    let old = snapshot(&g);
    // Killed before the commit: the old set, whole; the next build clears the staging folder.
    let out = guanxi_env(&["build", R1, R2, "--out", gs, "--no-svg"], &[("GUANXI_TEST_ABORT", "before-commit")]);
    assert!(!out.status.success());
    assert_eq!(documents(&g), "1");
    assert!(snapshot(&g).keys().any(|k| k.starts_with(".guanxi-staging-")), "the killed build's staging folder");
    let kept: BTreeMap<_, _> = snapshot(&g).into_iter().filter(|(k, _)| !k.starts_with('.')).collect();
    assert!(kept == old);
    // Killed in the middle of moving the new set in: readers see the new set already.
    let out = guanxi_env(&["build", R1, R2, "--out", gs, "--no-svg"], &[("GUANXI_TEST_ABORT", "mid-commit")]);
    assert!(!out.status.success());
    assert_eq!(documents(&g), "2");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["export", gs, "--format", "json"])).expect("the new set's graph exports");
    assert_eq!(json["graph"]["documents"].as_array().unwrap().len(), 2);
    // The next build completes it and leaves nothing behind.
    ok(&["build", R3, "--update", gs, "--out", gs, "--no-svg"]);
    assert_eq!(documents(&g), "3");
    let names: Vec<String> = snapshot(&g).into_keys().collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(g.join("guanxi-set.json")).unwrap()).unwrap();
    assert_eq!(manifest["files"].as_array().unwrap().len(), names.len() - 1);
}

#[test]
fn stale_temporary_files_are_cleaned_by_the_next_build() {
    let (_dir, g) = built(&[R1]);
    std::fs::create_dir(g.join(".guanxi-staging-99999")).unwrap();
    std::fs::write(g.join(".guanxi-staging-99999/graph.db"), b"half").unwrap();
    std::fs::write(g.join(".guanxi-a1b2.tmp"), b"half").unwrap();
    ok(&["build", R1, R2, "--out", g.to_str().unwrap(), "--no-svg"]);
    assert!(snapshot(&g).keys().all(|k| !k.starts_with('.')));
}

#[test]
fn records_of_extract_build_the_graph_of_the_reports() {
    let dir = tempfile::tempdir().unwrap();
    let records = ok(&["extract", R3, R1, R2]);
    // Shards in any order, as an engine writes them (one without a file extension).
    let lines: Vec<&str> = records.lines().collect();
    std::fs::write(dir.path().join("part-00000"), format!("{}\n{}\n", lines[2], lines[0])).unwrap();
    std::fs::write(dir.path().join("part-00001.jsonl"), format!("{}\n", lines[1])).unwrap();
    let from_records = dir.path().join("r");
    ok(&[
        "build",
        dir.path().join("part-00000").to_str().unwrap(),
        dir.path().join("part-00001.jsonl").to_str().unwrap(),
        "--out",
        from_records.to_str().unwrap(),
    ]);
    let (_d, direct) = built(&[R1, R2, R3]);
    assert_eq!(without_sentences(&from_records), without_sentences(&direct));
    // Records and reports together: the same graph again.
    let mixed = dir.path().join("m");
    ok(&["build", dir.path().join("part-00001.jsonl").to_str().unwrap(), R2, R3, R1, "--out", mixed.to_str().unwrap()]);
    assert_eq!(without_sentences(&mixed), without_sentences(&direct));
}

/// graph.json without the evidence sentences (records carry no report text).
fn without_sentences(g: &Path) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(g.join("graph.json")).unwrap()).unwrap();
    for d in v["graph"]["documents"].as_array_mut().unwrap() {
        d.as_object_mut().unwrap().remove("sentences");
    }
    v
}

#[test]
fn files_that_are_not_stores_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let (_g, g) = built(&[R1]);
    let cases: Vec<(PathBuf, &str)> = vec![
        (dir.path().join("noise.db"), "not a guanxi store"),
        (dir.path().join("other.db"), "another SQLite database"),
        (dir.path().join("newer.db"), "newer than this guanxi reads"),
        (dir.path().join("cut.db"), "graph.db"),
    ];
    // A file that starts like a database and is not one; another program's database; a
    // store of a later version; a store cut short.
    let mut noise = b"SQLite format 3\0".to_vec();
    noise.extend(std::iter::repeat_n(0xA5u8, 8192));
    std::fs::write(&cases[0].0, noise).unwrap();
    let other = rusqlite::Connection::open(&cases[1].0).unwrap();
    other.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    drop(other);
    std::fs::copy(g.join("graph.db"), &cases[2].0).unwrap();
    rusqlite::Connection::open(&cases[2].0).unwrap().execute_batch("PRAGMA user_version = 99").unwrap();
    let bytes = std::fs::read(g.join("graph.db")).unwrap();
    let cut = dir.path().join("cut");
    std::fs::create_dir(&cut).unwrap();
    std::fs::write(cut.join("graph.db"), &bytes[..bytes.len() / 3]).unwrap();
    let cases: Vec<(PathBuf, &str)> = cases.into_iter().take(3).chain([(cut.clone(), "graph.db")]).collect();
    for (path, want) in cases {
        let out = guanxi(&["query", path.to_str().unwrap(), "stats"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", path.display());
        assert!(
            err.contains(want) && err.contains(path.file_name().unwrap().to_str().unwrap()),
            "{}: {err}",
            path.display()
        );
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}

#[test]
fn an_interrupted_build_removes_its_temporary_files() {
    let (dir, g) = built(&[R1]);
    let old = snapshot(&g);
    // Enough reports that the build is still running when the signal comes.
    let many = dir.path().join("many");
    std::fs::create_dir(&many).unwrap();
    let text = std::fs::read_to_string(root().join(R2)).unwrap();
    for i in 0..3000 {
        std::fs::write(many.join(format!("{i:05}.txt")), &text).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_guanxi"))
        .args(["build", many.to_str().unwrap(), "--out", g.to_str().unwrap(), "--no-svg", "-j", "1"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the staging folder, then interrupt.
    let started = std::time::Instant::now();
    while !snapshot(&g).keys().any(|k| k.starts_with(".guanxi-staging-")) && started.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    if status.success() {
        eprintln!("the build finished before the signal; nothing to check");
        return;
    }
    assert!(snapshot(&g) == old, "the old set is whole and nothing is left behind");
}

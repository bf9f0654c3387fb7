//! Integration tests of the input layer: encodings, HTML pages, bad and pathological inputs,
//! the `extract` command end to end, and properties of the records' spans.
//!
//! The fixture `fixtures/qingchuan-report.txt` is a fictional report; its GB18030, BOM and
//! HTML copies are made here. Large inputs are generated here, never committed.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use guanxi::input::{extract_prepared, prepare};
use guanxi::{Error, Extraction, Extractor, Lexicon};

mod cli;
mod spans;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(Lexicon::embedded().expect("embedded dictionaries")))
}

fn fixture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/qingchuan-report.txt")).unwrap()
}

fn extract_bytes(name: &str, bytes: &[u8]) -> guanxi::Result<Extraction> {
    let path = Path::new(name);
    let p = prepare(path, bytes)?;
    extract_prepared(extractor(), path, &p)
}

fn persons(r: &Extraction) -> BTreeSet<String> {
    r.persons.iter().map(|p| p.name.clone()).collect()
}

fn roles(r: &Extraction) -> BTreeSet<(String, String, Option<String>)> {
    r.roles.iter().map(|x| (x.person.clone(), x.title.clone(), x.organization.clone())).collect()
}

/// The fixture as a typical government news page: scripts, navigation, a header, an info
/// line, the article paragraphs, a footer.
fn html_page(report: &str) -> String {
    let mut lines = report.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap();
    let info = lines.next().unwrap();
    let body: Vec<&str> = lines.filter(|l| !l.starts_with("责任编辑")).collect();
    let paragraphs: String = body.iter().map(|p| format!("<p style=\"text-indent:2em\">{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>{title}_青川市人民政府</title>\n\
         <meta name=\"PubDate\" content=\"2024-03-12 10:05\">\n<style>body {{ font: 14px sans-serif }}</style>\n\
         <script>var nav = \"首页 新闻 市领导张三出席会议\";</script></head>\n<body>\n\
         <div class=\"header\"><div class=\"top-nav\"><a href=\"/\">网站首页</a> | <a href=\"/xw\">新闻中心</a> | <a href=\"/zw\">政务公开</a></div></div>\n\
         <div class=\"breadcrumb\">当前位置：首页 &gt; 新闻中心 &gt; 青川要闻</div>\n\
         <div class=\"main\"><h1 class=\"title\">{title}</h1>\n<div class=\"info\">{info}</div>\n\
         <div id=\"zoom\" class=\"TRS_Editor\">\n{paragraphs}</div>\n<div class=\"editor\">责任编辑：孙明</div></div>\n\
         <div class=\"sidebar\"><ul><li><a>相关新闻：市长李四会见客人</a></li></ul></div>\n\
         <div class=\"footer\">主办：青川市人民政府办公室 版权所有 青ICP备00000000号</div>\n\
         <script>document.write('统计');</script></body></html>\n"
    )
}

#[test]
fn gb18030_copy_gives_the_same_record() {
    let text = fixture();
    let original = extract_bytes("r.txt", text.as_bytes()).unwrap();
    assert!(persons(&original).len() >= 4, "the fixture names persons: {:?}", persons(&original));
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let copy = extract_bytes("r.txt", &gb).unwrap();
    // Same text, so the very same record, offsets included.
    assert_eq!(copy, original);
}

#[test]
fn utf8_bom_copy_gives_the_same_record() {
    let text = fixture();
    let mut bytes = vec![0xef, 0xbb, 0xbf];
    bytes.extend_from_slice(text.as_bytes());
    assert_eq!(extract_bytes("r.txt", &bytes).unwrap(), extract_bytes("r.txt", text.as_bytes()).unwrap());
}

#[test]
fn html_copy_gives_the_same_persons_and_roles() {
    let text = fixture();
    let original = extract_bytes("r.txt", text.as_bytes()).unwrap();
    let page = html_page(&text);
    for (name, bytes) in [("r.html", page.clone().into_bytes()), ("r.txt", page.clone().into_bytes())] {
        let copy = extract_bytes(name, &bytes).unwrap();
        assert_eq!(persons(&copy), persons(&original), "{name}");
        assert_eq!(roles(&copy), roles(&original), "{name}");
        assert_eq!(copy.title, original.title);
        assert_eq!(copy.published.as_deref(), Some("2024-03-12"));
    }
    // A GBK page that declares its charset.
    let gbk_page = page.replace("charset=\"utf-8\"", "charset=\"gbk\"");
    let (gb, _, _) = encoding_rs::GBK.encode(&gbk_page);
    let copy = extract_bytes("r.htm", &gb).unwrap();
    assert_eq!(roles(&copy), roles(&original));
}

#[test]
fn html_offsets_index_the_article_text() {
    let page = html_page(&fixture());
    let p = prepare(Path::new("r.html"), page.as_bytes()).unwrap();
    assert!(p.html);
    assert!(p.text.starts_with("青川市召开科技创新工作座谈会\n"), "{}", p.text);
    assert!(
        !p.text.contains("网站首页")
            && !p.text.contains("统计")
            && !p.text.contains("李四")
            && !p.text.contains("张三")
    );
    let record = extract_prepared(extractor(), Path::new("r.html"), &p).unwrap();
    let chars: Vec<char> = p.text.chars().collect();
    for person in &record.persons {
        for m in &person.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), person.name);
        }
    }
}

#[test]
fn binary_empty_and_missing_inputs_are_reported() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let e = extract_bytes("a.png", png).unwrap_err();
    assert!(matches!(e, Error::NotText { .. }));
    assert_eq!(e.to_string(), "a.png: skipped: a PNG image, not text");
    let e = extract_bytes("a.bin", &[7u8, 0, 1, 2, 3, 250, 0, 9]).unwrap_err();
    assert!(e.to_string().contains("NUL byte"), "{e}");

    let empty = extract_bytes("empty.txt", b"").unwrap();
    assert!(empty.persons.is_empty() && empty.roles.is_empty() && empty.meetings.is_empty());
    let blank = extract_bytes("blank.html", b"<html><body></body></html>").unwrap();
    assert!(blank.persons.is_empty());

    let missing = Path::new("no/such/report.txt");
    let e = guanxi::input::read_prepared(missing).unwrap_err();
    assert!(matches!(e, Error::Io { .. }));
    assert!(e.to_string().starts_with("no/such/report.txt: "), "{e}");
}

/// A bound with room for a busy machine (the test profile is optimised, with overflow checks).
fn time_bound(release_secs: u64) -> Duration {
    Duration::from_secs(release_secs * 2)
}

#[test]
fn a_five_megabyte_single_line_finishes() {
    let sentence: String = fixture().lines().skip(3).collect::<Vec<_>>().join("");
    let line = sentence.repeat(5_000_000 / sentence.len() + 1);
    assert!(line.len() >= 5_000_000 && !line.contains('\n'));
    let t = Instant::now();
    let r = extract_bytes("line.txt", line.as_bytes()).unwrap();
    let took = t.elapsed();
    eprintln!("5 MB single line: {took:?}, {} persons, {} roles", r.persons.len(), r.roles.len());
    assert!(took < time_bound(15), "took {took:?}");
    let chars: Vec<char> = line.chars().collect();
    for p in &r.persons {
        for m in &p.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), p.name);
        }
    }
}

/// 100,000 distinct names (two and three chars, common surnames) in one enumeration.
fn many_names() -> Vec<String> {
    let surnames: Vec<char> = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".chars().collect();
    let given: Vec<char> = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰".chars().collect();
    let mut out = Vec::with_capacity(100_000);
    'all: for &s in &surnames {
        for &a in &given {
            for &b in &given {
                out.push(format!("{s}{a}{b}"));
                for &c in &given {
                    if out.len() == 100_000 {
                        break 'all;
                    }
                    out.push(format!("{s}{a}{b}{c}"));
                }
            }
        }
    }
    out.truncate(100_000);
    out
}

#[test]
fn one_hundred_thousand_names_in_one_enumeration_finish() {
    let names = many_names();
    assert_eq!(names.len(), 100_000);
    for (label, text) in [
        ("list", format!("青川市召开工作会议\n\n市领导{}出席会议。\n", names.join("、"))),
        ("colon", format!("青川市召开工作会议\n\n出席会议的有：{}等同志。\n", names.join("、"))),
    ] {
        let t = Instant::now();
        let r = extract_bytes("names.txt", text.as_bytes()).unwrap();
        let took = t.elapsed();
        eprintln!("100,000 names ({label}): {took:?}, {} persons", r.persons.len());
        assert!(took < time_bound(15), "{label} took {took:?}");
    }
}

/// Regression for a slowdown in `src/extract` (not the input layer): with a title before each
/// of N names in one sentence, `Extractor::bare_names_in` clones the set of known names once
/// per dictionary hit and once per char position (`people.names().clone()`, src/extract/mod.rs
/// around lines 233 and 298), so time grows faster than N²: 5,000 names 6 s, 10,000 37 s,
/// 20,000 354 s (release). Fixed: the extractor no longer copies the name set.
#[test]
fn regression_titled_names_in_one_sentence_are_superquadratic() {
    let names = many_names();
    let text = format!(
        "青川市召开工作会议\n\n{}出席会议。\n",
        names.iter().map(|n| format!("副市长{n}")).collect::<Vec<_>>().join("，")
    );
    let t = Instant::now();
    let r = extract_bytes("titled-names.txt", text.as_bytes()).unwrap();
    eprintln!("100,000 titled names: {:?}, {} persons", t.elapsed(), r.persons.len());
    assert!(t.elapsed() < time_bound(15), "took {:?}", t.elapsed());
}

#[test]
fn deeply_nested_and_huge_html_finish() {
    let deep = format!(
        "<html><body>{}<p>会议由市长张明主持。</p>{}</body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    let t = Instant::now();
    let r = extract_bytes("deep.html", deep.as_bytes()).unwrap();
    assert!(t.elapsed() < time_bound(10));
    let _ = r;
    let many_p = format!("<html><body>{}</body></html>", "<p>会议由市长张明主持，副市长李华出席。</p>".repeat(10_000));
    let t = Instant::now();
    extract_bytes("big.html", many_p.as_bytes()).unwrap();
    assert!(t.elapsed() < time_bound(10), "{:?}", t.elapsed());
}

/// Regression for a slowdown in `src/extract`: `attendance::sentence_participation` scans
/// every name mention of the document for each sentence (src/extract/attendance.rs around
/// lines 57 and 64), so time grows with sentences × mentions: 10,000 one-line sentences
/// 1.2 s, 20,000 4.4 s, 100,000 about two minutes (release). Fixed: each sentence sees only its own mentions.
#[test]
fn regression_many_sentences_are_quadratic() {
    let text = "会议由市长张明主持，副市长李华出席。\n".repeat(100_000);
    let t = Instant::now();
    extract_bytes("many-sentences.txt", text.as_bytes()).unwrap();
    assert!(t.elapsed() < time_bound(15), "{:?}", t.elapsed());
}

// ---------------------------------------------------------------------------------------
// The `extract` command, end to end.

fn guanxi() -> Command {
    Command::new(env!("CARGO_BIN_EXE_guanxi"))
}

fn corpus_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let text = fixture();
    std::fs::create_dir_all(p.join("2024/03")).unwrap();
    std::fs::write(p.join("a-report.txt"), &text).unwrap();
    std::fs::write(p.join("b-report-gbk.txt"), encoding_rs::GB18030.encode(&text).0).unwrap();
    std::fs::write(p.join("2024/03/c-page.html"), html_page(&text)).unwrap();
    std::fs::write(p.join("d-image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(p.join("d-image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(p.join("e-empty.txt"), b"").unwrap();
    std::fs::write(p.join(".hidden.txt"), &text).unwrap();
    for i in 0..20 {
        std::fs::write(
            p.join(format!("f{i:02}.txt")),
            text.replace("林志远", &format!("林志{}", "甲乙丙丁戊己庚辛壬癸".chars().nth(i % 10).unwrap())),
        )
        .unwrap();
    }
    d
}

fn sources(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str::<Extraction>(l).expect("a JSON record per line").source)
        .collect()
}

#[test]
fn cli_walks_reports_errors_and_keeps_order_whatever_the_threads() {
    let d = corpus_dir();
    let missing = d.path().join("missing.txt");
    let run = |threads: &str| {
        guanxi().arg("extract").arg(d.path()).arg(&missing).args(["--threads", threads]).output().unwrap()
    };
    let one = run("1");
    let two = run("2");
    let four = run("4");
    assert_eq!(one.status.code(), Some(1), "a missing file fails the run");
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
    let got = sources(&one.stdout);
    // Sources are relative to the folder given: its name, then the path inside it.
    let root = d.path().file_name().unwrap().to_str().unwrap();
    let rel: Vec<String> = got
        .iter()
        .map(|s| {
            Path::new(s).strip_prefix(root).unwrap_or_else(|_| panic!("{s} not under {root}")).display().to_string()
        })
        .collect();
    let mut expected: Vec<String> =
        vec!["2024/03/c-page.html".into(), "a-report.txt".into(), "b-report-gbk.txt".into(), "e-empty.txt".into()];
    expected.extend((0..20).map(|i| format!("f{i:02}.txt")));
    assert_eq!(rel, expected);
    let stderr = String::from_utf8_lossy(&one.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].contains("d-image.txt: skipped: a PNG image, not text"), "{stderr}");
    assert!(lines[1].contains("missing.txt: ") && lines[1].contains("No such file"), "{stderr}");
    assert_eq!(lines[2], "guanxi: 24 documents read, skipped 1 hidden, 1 not reports, 1 not text, 1 failed; 0.0 MB");

    // The same persons from the UTF-8, GB18030 and HTML copies.
    let records: Vec<Extraction> =
        String::from_utf8_lossy(&one.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(persons(&records[0]), persons(&records[1]));
    assert_eq!(roles(&records[1]), roles(&records[2]));
}

#[test]
fn cli_glob_quiet_and_success_exit() {
    let d = corpus_dir();
    let out = guanxi().arg("extract").arg(d.path()).args(["--glob", "*.html", "--glob", "a-*", "-q"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(sources(&out.stdout).len(), 2);
    let bad = guanxi().arg("extract").arg(d.path()).args(["--glob", "a["]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("guanxi: invalid glob \"a[\""));
}

#[test]
fn cli_reads_standard_input() {
    let mut child = guanxi().args(["extract", "-", "-q"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&encoding_rs::GB18030.encode(&fixture()).0).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let r: Extraction = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.source, "-");
    assert!(r.persons.iter().any(|p| p.name == "陈晓梅"));
}

#[test]
fn cli_stops_quietly_when_output_is_closed() {
    let d = corpus_dir();
    let mut child = guanxi().arg("extract").arg(d.path()).arg("-q").stdout(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert!(status.code().is_some_and(|c| c <= 1), "{status:?}");
}

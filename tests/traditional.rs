//! Reports in Traditional script give what their Simplified forms give: the 71 dev reports,
//! converted to Traditional (OpenCC's standard and Taiwan tables, phrases included, as Hong
//! Kong, Macau and Taiwan outlets write), score within 0.02 of the Simplified reports on every
//! metric of `../shared/tools/score.py`. Skipped where `../shared` (or `$GUANXI_SHARED`) is
//! absent, or without `python3`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("GUANXI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let ok = dir.join("eval/dev").is_dir() && dir.join("tools/score.py").is_file();
    let python = Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success());
    (ok && python).then_some(dir)
}

/// The dev reports, by file name.
fn reports(shared: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(shared.join("eval/dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_name().unwrap().to_str().unwrap().to_string(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// Extracts the files of `dir` and scores them: F1 by metric.
fn score(shared: &Path, dir: &Path) -> BTreeMap<String, f64> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_guanxi")).arg("extract").arg("-q").args(&files).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let records = dir.with_extension("jsonl");
    std::fs::write(&records, &out.stdout).unwrap();
    let scored = Command::new("python3")
        .arg(shared.join("tools/score.py"))
        .arg(shared.join("eval/dev"))
        .arg(&records)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&scored.stdout);
    let last = text.lines().last().unwrap_or_default();
    let summary = last.strip_prefix("F1: ").unwrap_or_else(|| panic!("no F1 line in {text}"));
    summary
        .split(", ")
        .map(|kv| {
            let (k, v) = kv.split_once(' ').unwrap();
            (k.to_string(), v.parse().unwrap())
        })
        .collect()
}

#[test]
fn traditional_reports_score_as_their_simplified_forms() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/eval/dev or python3 not found");
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let reports = reports(&shared);
    assert!(reports.len() >= 70, "{} dev reports", reports.len());
    let simplified = work.path().join("simplified");
    std::fs::create_dir(&simplified).unwrap();
    for (name, text) in &reports {
        std::fs::write(simplified.join(name), text).unwrap();
    }
    let base = score(&shared, &simplified);
    for config in [BuiltinConfig::S2t, BuiltinConfig::S2tw] {
        let opencc = OpenCC::from_config(config).unwrap();
        let dir = work.path().join(format!("traditional-{}", opencc.name()));
        std::fs::create_dir(&dir).unwrap();
        let mut changed = 0;
        for (name, text) in &reports {
            let trad = opencc.convert(text);
            changed += usize::from(trad != *text);
            std::fs::write(dir.join(name), trad).unwrap();
        }
        assert_eq!(changed, reports.len(), "every report has chars that change script");
        let got = score(&shared, &dir);
        println!("{}:", opencc.name());
        for (metric, simp) in &base {
            let trad = got[metric];
            println!("  {metric:<12} simplified {simp:.3}  traditional {trad:.3}  diff {:+.3}", trad - simp);
            assert!((trad - simp).abs() <= 0.02, "{}: {metric} {trad:.3} against {simp:.3}", opencc.name());
        }
    }
}

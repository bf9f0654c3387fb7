//! The map/reduce with a real engine: a PySpark job in local mode runs `guanxi extract` as a
//! pipe stage over the corpus reports (tests/spark/extract_job.py), and `guanxi build` merges
//! the part files Spark wrote into the graph a direct build of the reports gives. Skipped,
//! with a message, when PySpark or Java is not installed (`.ci/run` installs PySpark).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> Option<Vec<PathBuf>> {
    let dir = [root().join("../shared/corpus/reports"), PathBuf::from("/work/shared/corpus/reports")]
        .into_iter()
        .find(|d| d.is_dir())?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path().canonicalize().unwrap())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(files)
}

fn spark_ready() -> Result<(), String> {
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Err("java is not installed".into());
    }
    let pyspark = Command::new("python3").args(["-c", "import pyspark"]).output();
    if !pyspark.is_ok_and(|o| o.status.success()) {
        return Err("pyspark is not installed (pip install pyspark)".into());
    }
    Ok(())
}

fn graph_without_sentences(g: &Path) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(g.join("graph.json")).unwrap()).unwrap();
    for d in v["graph"]["documents"].as_array_mut().unwrap() {
        d.as_object_mut().unwrap().remove("sentences");
    }
    v
}

fn build(inputs: &[PathBuf], out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_guanxi"))
        .arg("build")
        .args(inputs)
        .args(["--out", out.to_str().unwrap(), "--no-svg", "--no-html"])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_spark_job_extracts_and_build_merges_its_output() {
    if let Err(why) = spark_ready() {
        eprintln!("skipped: {why}");
        return;
    }
    let Some(reports) = corpus() else {
        eprintln!("skipped: the corpus reports are not there");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records");
    let out = Command::new("python3")
        .arg(root().join("tests/spark/extract_job.py"))
        .arg(env!("CARGO_BIN_EXE_guanxi"))
        .arg(&records)
        .args(&reports)
        .output()
        .unwrap();
    assert!(out.status.success(), "the Spark job failed: {}", String::from_utf8_lossy(&out.stderr));
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&records)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("part-"))
        .collect();
    parts.sort();
    assert!(parts.len() > 1, "the job ran in several partitions");
    let from_spark = dir.path().join("spark");
    build(&parts, &from_spark);
    let direct = dir.path().join("direct");
    build(&reports, &direct);
    let (a, b) = (graph_without_sentences(&from_spark), graph_without_sentences(&direct));
    assert_eq!(a["graph"]["documents"].as_array().unwrap().len(), reports.len());
    assert!(a == b, "the graph from the Spark job's records differs from a direct build");
}

//! Corpus benchmark: `extract` against jieba-rs `cut` (HMM on) on the same texts in the same
//! run, extraction throughput per thread count, and peak memory.
//!
//! ```text
//! cargo run --release --example corpus_bench -- DIR... [--min-mb 10] [--threads 1,2] [--reps 2]
//! ```
//!
//! The files under DIR (walked like `guanxi extract` does) are read and decoded once, then
//! replicated in memory until they reach `--min-mb` megabytes. Each timing is the best of
//! `--reps` runs. Peak memory is the process's resident high-water mark (VmHWM), reset before
//! each stage where the kernel allows it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use guanxi::input::{map_in_order, prepare, Walk, WalkOptions};
use guanxi::{Extractor, Lexicon};

#[derive(Parser)]
struct Args {
    /// Report files or directories.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Replicate the corpus to at least this many megabytes.
    #[arg(long, default_value_t = 10.0)]
    min_mb: f64,
    /// Thread counts to measure extraction with.
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    threads: Vec<usize>,
    /// Runs per measurement (the best counts).
    #[arg(long, default_value_t = 2)]
    reps: usize,
    /// Only files matching these globs.
    #[arg(long)]
    glob: Vec<String>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let walk = Walk::new(&args.paths, &WalkOptions { globs: args.glob.clone(), hidden: false })?;
    let mut texts = Vec::new();
    for found in walk {
        let guanxi::input::Found::File(file) = found? else { continue };
        let path = file.path;
        let bytes = std::fs::read(&path)?;
        match prepare(&path, &bytes) {
            Ok(p) => texts.push(p.text),
            Err(e) => eprintln!("skipping {e}"),
        }
    }
    anyhow::ensure!(!texts.is_empty(), "no text files found");
    let one_copy: usize = texts.iter().map(String::len).sum();
    let copies = ((args.min_mb * 1e6) / one_copy as f64).ceil().max(1.0) as usize;
    let corpus: Vec<&str> = (0..copies).flat_map(|_| texts.iter().map(String::as_str)).collect();
    let bytes: usize = corpus.iter().map(|t| t.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!("corpus: {} files x {copies} copies = {} texts, {mb:.2} MB (UTF-8)", texts.len(), corpus.len());

    let extractor = Extractor::new(Lexicon::embedded()?);
    let jieba = jieba_rs::Jieba::new();
    // Warm up both (lazy regexes, caches).
    for t in corpus.iter().take(texts.len()) {
        std::hint::black_box(extractor.extract("warm", t));
        std::hint::black_box(jieba.cut(t, true));
    }
    println!("memory after loading: {:.1} MB peak", peak_mb());

    reset_peak();
    let jieba_time = best(args.reps, || {
        let mut tokens = 0usize;
        for t in &corpus {
            tokens += jieba.cut(t, true).len();
        }
        std::hint::black_box(tokens);
    });
    let jieba_peak = peak_mb();
    println!(
        "jieba cut (HMM), 1 thread: {:>7.3} s  {:>6.2} MB/s  peak {jieba_peak:.1} MB",
        secs(jieba_time),
        mb / secs(jieba_time)
    );

    let mut one_thread = None;
    for &n in &args.threads {
        reset_peak();
        let cpu0 = cpu_secs();
        let t = best(args.reps, || {
            let mut out = 0usize;
            map_in_order(
                corpus.iter(),
                n,
                |t| serde_json::to_vec(&extractor.extract("bench", t)).map_or(0, |v| v.len()),
                |len| out += len,
            );
            std::hint::black_box(out);
        });
        let peak = peak_mb();
        let cpu = (cpu_secs() - cpu0) / args.reps.max(1) as f64;
        let rate = mb / secs(t);
        print!("extract, {n} thread{}: {:>10.3} s  {rate:>6.2} MB/s  {:>6.2} MB/s per thread  cpu {cpu:.2} s/run  peak {peak:.1} MB", if n == 1 { " " } else { "s" }, secs(t), rate / n as f64);
        match one_thread {
            None if n == 1 => {
                one_thread = Some(t);
                print!("  = {:.2}x jieba's time", secs(t) / secs(jieba_time));
            }
            Some(t1) => print!("  speedup {:.2}x over 1 thread", secs(t1) / secs(t)),
            None => {}
        }
        println!();
    }
    Ok(())
}

fn best(reps: usize, mut f: impl FnMut()) -> Duration {
    (0..reps.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// CPU time (user + system) of this process so far, in seconds (Linux), 0 elsewhere.
/// Comparing it across thread counts separates parallel overhead from a busy machine.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // After the command name (in parentheses): state, ppid, ..., utime is the 12th field, stime the 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    match (f.get(11).and_then(|x| x.parse::<u64>().ok()), f.get(12).and_then(|x| x.parse::<u64>().ok())) {
        (Some(u), Some(s)) => (u + s) as f64 / 100.0,
        _ => 0.0,
    }
}

/// Resident high-water mark in MB (Linux), 0 elsewhere.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Resets the high-water mark to the current resident size (Linux 4.0+; ignored elsewhere).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

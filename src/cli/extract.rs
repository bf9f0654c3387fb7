//! `guanxi extract`: reports in, extraction records out.

use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use super::Outcome;
use guanxi::{Extractor, Lexicon};

/// Arguments of `guanxi extract`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  guanxi extract report.txt\n  guanxi extract reports/ > records.jsonl\n  cat report.txt | guanxi extract - --pretty")]
pub struct ExtractArgs {
    /// Report files or directories (read recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Indented JSON instead of one record per line.
    #[arg(long)]
    pub pretty: bool,
    /// A folder of extra dictionary files (same names and headers as `dictionaries/`).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
}

/// Loads the built-in dictionaries, plus the user's when given.
pub fn load_lexicon(dict: Option<&Path>) -> anyhow::Result<Lexicon> {
    Ok(match dict {
        Some(dir) => Lexicon::with_user_dir(dir)?,
        None => Lexicon::embedded().context("the built-in dictionaries are broken")?,
    })
}

/// Expands directories into their files (sorted, recursively, hidden entries skipped).
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut files = Vec::new();
            while let Some(dir) = stack.pop() {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    files.push(dir);
                    continue;
                };
                for entry in entries.flatten() {
                    let path = entry.path();
                    let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
                    if hidden {
                        continue;
                    }
                    match entry.file_type() {
                        Ok(t) if t.is_dir() => stack.push(path),
                        Ok(t) if t.is_file() => files.push(path),
                        _ => {}
                    }
                }
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Reads one input as text.
pub fn read_input(path: &Path) -> guanxi::Result<String> {
    let bytes = if path == Path::new("-") {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b).map_err(|e| guanxi::Error::Io { path: path.into(), source: e })?;
        b
    } else {
        std::fs::read(path).map_err(|e| guanxi::Error::Io { path: path.into(), source: e })?
    };
    String::from_utf8(bytes).map_err(|_| guanxi::Error::Input { path: path.into(), message: "not UTF-8 text".into() })
}

/// Runs `guanxi extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let extractor = Extractor::new(load_lexicon(args.dict.as_deref())?);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    for path in expand_paths(&args.paths) {
        let text = match read_input(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("guanxi: {e}");
                failed += 1;
                continue;
            }
        };
        let record = extractor.extract(&path.display().to_string(), &text);
        if args.pretty {
            serde_json::to_writer_pretty(&mut out, &record)?;
        } else {
            serde_json::to_writer(&mut out, &record)?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if failed > 0 { Outcome::PartialFailure } else { Outcome::Ok })
}

//! `guanxi extract`: reports in, extraction records out (JSON Lines, in input order).

use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use clap::Args;

use super::inputs::{read_all, summary_line, InputArgs};
use super::Outcome;
use guanxi::input::InputItem;
use guanxi::Extractor;

/// Arguments of `guanxi extract`.
#[derive(Debug, Args)]
#[command(after_help = "Inputs may be plain text or HTML pages, in UTF-8 (with or without BOM), GB18030/GBK, Big5 \
or UTF-16 with a BOM; the encoding is detected. Traditional characters are read as their Simplified forms. JSON \
Lines, JSON and CSV files of scraped articles give one record per article. In folders, only report kinds are read \
(.txt, .html, .htm, .shtml, .jsonl, .json, .csv); hidden files and guanxi's own outputs are skipped. For an HTML \
page, offsets count chars in its article text: the title line, the date line (when the page gives one), then one \
line per paragraph. Sources are URLs where known, else paths relative to the inputs given. See docs/inputs.md.\n\n\
Exit status: 0 when every input was read (files that are not reports are skipped), 1 when some failed, 2 on \
error.\n\n\
Examples:\n  guanxi extract report.txt\n  guanxi extract reports/ --glob '*.txt' --threads 4 > records.jsonl\n  \
guanxi extract scraped.jsonl --field text=正文 > records.jsonl\n  \
cat report.html | guanxi extract - --published 2024-10-31 --pretty")]
pub struct ExtractArgs {
    /// The inputs and how to read them.
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Indented JSON instead of one record per line.
    #[arg(long)]
    pub pretty: bool,
}

/// Runs `guanxi extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let extractor = Extractor::new(args.inputs.lexicon()?);
    let options = args.inputs.read_options(false)?;
    // Stop taking inputs once standard output is closed (`guanxi extract dir | head`).
    let closed = AtomicBool::new(false);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut write_error: Option<io::Error> = None;
    let pretty = args.pretty;
    let render = |record: guanxi::Extraction, _: &guanxi::input::Prepared| -> Vec<u8> {
        let mut buf = Vec::with_capacity(4096);
        let written = if pretty {
            serde_json::to_writer_pretty(&mut buf, &record)
        } else {
            serde_json::to_writer(&mut buf, &record)
        };
        written.expect("records serialise to JSON");
        buf.push(b'\n');
        buf
    };
    let summary = read_all(&args.inputs, &extractor, options, &closed, render, |_, item| {
        if let (InputItem::Report(json), None) = (item, &write_error) {
            if let Err(e) = out.write_all(&json) {
                closed.store(true, Ordering::Relaxed);
                write_error = Some(e);
            }
        }
    })?;
    if write_error.is_none() {
        write_error = out.flush().err();
    }
    if let Some(e) = write_error {
        // A closed pipe ends the run quietly (see main).
        return Err(e).context("writing the records to standard output");
    }
    if !args.inputs.quiet {
        eprintln!("guanxi: {}", summary_line(&summary));
    }
    Ok(if summary.failed > 0 { Outcome::PartialFailure } else { Outcome::Ok })
}

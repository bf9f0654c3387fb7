//! The progress bar of long runs: on standard error when it is a terminal, otherwise nothing.

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Shows a run's progress on standard error, or stays silent.
pub struct Bar {
    bar: Option<ProgressBar>,
    bytes: u64,
}

impl Bar {
    /// A bar when `wanted` and standard error is a terminal.
    pub fn new(wanted: bool) -> Bar {
        let on = wanted && std::io::stderr().is_terminal();
        Bar { bar: on.then(|| ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())), bytes: 0 }
    }

    /// Whether a bar is shown.
    pub fn is_shown(&self) -> bool {
        self.bar.is_some()
    }

    /// A handle that prints lines while the bar runs.
    pub fn printer(&self) -> Printer {
        Printer { bar: self.bar.clone() }
    }
}

/// Prints lines to standard error without tearing the bar.
pub struct Printer {
    bar: Option<ProgressBar>,
}

impl Printer {
    /// Prints `line` to standard error.
    pub fn message(&self, line: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }
}

impl guanxi::input::Progress for Bar {
    fn start(&mut self, total: Option<usize>) {
        let Some(b) = &self.bar else { return };
        let style = match total {
            Some(n) => {
                b.set_length(n as u64);
                ProgressStyle::with_template("{bar:30} {pos}/{len} files {msg} [{elapsed_precise}, eta {eta}]")
            }
            None => ProgressStyle::with_template("{spinner} {pos} files {msg} [{elapsed_precise}]"),
        };
        if let Ok(s) = style {
            b.set_style(s);
        }
    }

    fn advance(&mut self, _path: &Path, bytes: usize) {
        if let Some(b) = &self.bar {
            b.inc(1);
            self.bytes += bytes as u64;
            let secs = b.elapsed().as_secs_f64().max(1e-3);
            b.set_message(format!("{:.2} MB/s", self.bytes as f64 / 1e6 / secs));
        }
    }

    fn finish(&mut self) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
    }
}

//! The `guanxi` binary: parse the command line, run it, map the result to an exit status
//! (0 success, 1 some inputs failed, 2 error).

mod cli;

use clap::Parser;
use cli::{Cli, Outcome};

fn main() {
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(Outcome::Ok) => {}
        Ok(Outcome::PartialFailure) => std::process::exit(1),
        // Output read by a pipe that was closed (`guanxi export … | head`): nothing is wrong.
        Err(e) if is_broken_pipe(&e) => {}
        Err(e) => {
            eprintln!("guanxi: {}", message(&e));
            std::process::exit(2);
        }
    }
}

/// Whether the error comes from writing to a closed pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().or_else(|| match cause.downcast_ref::<guanxi::Error>() {
            Some(guanxi::Error::Io { source, .. }) => Some(source),
            _ => None,
        });
        io.is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes on one line, each said once: a cause whose text the line already
/// holds (a library error that names its own cause, a path given again) is left out.
fn message(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        // `cannot load g/graph.json` + `g/graph.json: No such file …` says the path once.
        let new = match line.rfind(": ").map(|i| &line[i + 2..]).or(Some(line.as_str())) {
            Some(tail) if !tail.is_empty() && text.starts_with(&format!("{tail}: ")) => &text[tail.len() + 2..],
            _ => text.as_str(),
        };
        let new = match line.split(' ').next_back() {
            Some(last) if !last.is_empty() && new.starts_with(&format!("{last}: ")) => &new[last.len() + 2..],
            _ => new,
        };
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(new);
    }
    line
}

//! The `guanxi` binary: parse the command line, run it, map the result to an exit status
//! (0 success, 1 some inputs failed, 2 error).

mod cli;

use clap::Parser;
use cli::{Cli, Outcome};

// Extraction and merging allocate many small strings and vectors on several threads:
// mimalloc spends markedly less time on them than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(Outcome::Ok) => {}
        Ok(Outcome::PartialFailure) => std::process::exit(1),
        // Output read by a pipe that was closed (`guanxi export … | head`): nothing is wrong.
        // A pipe to another program (Graphviz) that broke is an error like any other.
        Err(e) if is_broken_pipe(&e) && stdout_closed() => {}
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

/// Whether standard output is a pipe whose reader has gone.
#[cfg(unix)]
fn stdout_closed() -> bool {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    use std::os::fd::AsFd;
    let stdout = std::io::stdout();
    let fd = stdout.as_fd();
    let mut fds = [PollFd::new(&fd, PollFlags::empty())];
    let now = Timespec { tv_sec: 0, tv_nsec: 0 };
    poll(&mut fds, Some(&now)).is_ok_and(|n| n == 1) && fds[0].revents().contains(PollFlags::ERR)
}

#[cfg(not(unix))]
fn stdout_closed() -> bool {
    true
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

#[cfg(test)]
mod tests {
    use super::message;

    #[test]
    fn each_part_is_said_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory (os error 2)");
        let lib = guanxi::Error::Io { path: "g/graph.json".into(), source: io };
        let e = anyhow::Error::new(lib).context("cannot load the graph g/graph.json");
        assert_eq!(message(&e), "cannot load the graph g/graph.json: No such file or directory (os error 2)");
        let plain = anyhow::anyhow!("one").context("two");
        assert_eq!(message(&plain), "two: one");
    }
}

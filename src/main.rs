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
        Err(e) => {
            eprintln!("guanxi: {e:#}");
            std::process::exit(2);
        }
    }
}

//! The yardstick of extraction speed: jieba-rs `cut` (HMM on) over the same reports that
//! `guanxi extract` reads, read and decoded the same way, as a whole process.
//!
//! ```text
//! cargo build --release --example jieba_cut
//! target/release/examples/jieba_cut ../shared/corpus/reports     # prints the token count
//! ```
//! Time it against `guanxi extract -j 1 -q DIR` with `/usr/bin/time -v` or any whole-process
//! timer, in turn, several runs each.

use guanxi::input::{prepare, Found, Walk, WalkOptions};

fn main() -> anyhow::Result<()> {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    anyhow::ensure!(!paths.is_empty(), "usage: jieba_cut DIR|FILE...");
    let jieba = jieba_rs::Jieba::new();
    let mut tokens = 0usize;
    for found in Walk::new(&paths, &WalkOptions { globs: Vec::new(), hidden: false })? {
        let Found::File(file) = found? else { continue };
        let bytes = std::fs::read(&file.path)?;
        if let Ok(p) = prepare(&file.path, &bytes) {
            tokens += jieba.cut(&p.text, true).len();
        }
    }
    println!("{tokens} tokens");
    Ok(())
}

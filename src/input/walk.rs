//! Finding the input files: named files as given, directories walked recursively.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::{Error, Result};

/// How directories are walked.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Glob patterns a file found in a directory must match (any of them), relative to the
    /// directory given (`*.txt`, `2024/**/*.htm*`). A pattern starting with `!` excludes.
    /// Files named on the command line are always taken.
    pub globs: Vec<String>,
    /// Also walk hidden files and directories (names starting with `.`).
    pub hidden: bool,
}

type Entries = Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>;

/// The input files, in a deterministic order: arguments in the order given, each directory's
/// files sorted by name, recursively. Symbolic links are followed; a link back to an enclosing
/// directory is reported once and not followed. A file reached twice (named twice, or through
/// a link) is yielded once. `-` (standard input) and paths that do not exist are yielded as
/// given, so that reading them reports the problem in its place.
///
/// ```
/// let dir = std::env::temp_dir().join("guanxi-walk-doc");
/// std::fs::create_dir_all(dir.join("b")).unwrap();
/// std::fs::write(dir.join("b/2.txt"), "乙").unwrap();
/// std::fs::write(dir.join("1.txt"), "甲").unwrap();
/// std::fs::write(dir.join("skip.png"), "").unwrap();
/// let opts = guanxi::input::WalkOptions { globs: vec!["*.txt".into()], ..Default::default() };
/// let files: Vec<_> = guanxi::input::Walk::new(&[dir.clone()], &opts).unwrap().map(|f| f.unwrap()).collect();
/// assert_eq!(files, vec![dir.join("1.txt"), dir.join("b/2.txt")]);
/// ```
pub struct Walk {
    roots: std::vec::IntoIter<PathBuf>,
    current: Option<(PathBuf, Entries)>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    hidden: bool,
    seen: HashSet<FileId>,
}

impl Walk {
    /// A walk over `paths`. Fails only on a malformed glob.
    pub fn new(paths: &[PathBuf], options: &WalkOptions) -> Result<Walk> {
        let (mut inc, mut exc) = (GlobSetBuilder::new(), GlobSetBuilder::new());
        let (mut n_inc, mut n_exc) = (0, 0);
        for pattern in &options.globs {
            let (builder, text) = match pattern.strip_prefix('!') {
                Some(rest) => {
                    n_exc += 1;
                    (&mut exc, rest)
                }
                None => {
                    n_inc += 1;
                    (&mut inc, pattern.as_str())
                }
            };
            let glob =
                Glob::new(text).map_err(|e| Error::Glob { pattern: pattern.clone(), message: e.kind().to_string() })?;
            builder.add(glob);
        }
        let build = |b: GlobSetBuilder, n: usize| -> Result<Option<GlobSet>> {
            if n == 0 {
                return Ok(None);
            }
            b.build()
                .map(Some)
                .map_err(|e| Error::Glob { pattern: options.globs.join(" "), message: e.kind().to_string() })
        };
        Ok(Walk {
            roots: Vec::from(paths).into_iter(),
            current: None,
            include: build(inc, n_inc)?,
            exclude: build(exc, n_exc)?,
            hidden: options.hidden,
            seen: HashSet::new(),
        })
    }

    fn wanted(&self, root: &Path, path: &Path) -> bool {
        let rel = path.strip_prefix(root).unwrap_or(path);
        self.include.as_ref().is_none_or(|g| g.is_match(rel)) && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }

    /// Whether this file was already yielded (same device and inode).
    fn first_time(&mut self, meta: Option<std::fs::Metadata>) -> bool {
        match meta.and_then(|m| file_id(&m)) {
            Some(id) => self.seen.insert(id),
            None => true,
        }
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf>;

    fn next(&mut self) -> Option<Result<PathBuf>> {
        loop {
            if let Some((root, entries)) = self.current.as_mut() {
                let root = root.clone();
                match entries.next() {
                    None => self.current = None,
                    Some(Err(e)) => return Some(Err(walk_error(&root, e))),
                    Some(Ok(entry)) => {
                        if entry.file_type().is_file()
                            && self.wanted(&root, entry.path())
                            && self.first_time(entry.metadata().ok())
                        {
                            return Some(Ok(entry.into_path()));
                        }
                    }
                }
                continue;
            }
            let path = self.roots.next()?;
            if path.is_dir() {
                let hidden = self.hidden;
                let entries = walkdir::WalkDir::new(&path)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(move |e| hidden || e.depth() == 0 || !is_hidden(e.file_name()));
                self.current = Some((path, Box::new(entries)));
                continue;
            }
            if path == Path::new("-") || self.first_time(std::fs::metadata(&path).ok()) {
                return Some(Ok(path));
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn walk_error(root: &Path, e: walkdir::Error) -> Error {
    let path = e.path().unwrap_or(root).to_path_buf();
    if let Some(ancestor) = e.loop_ancestor() {
        return Error::Input {
            path,
            message: format!("symbolic link loop back to {}, not followed", ancestor.display()),
        };
    }
    match e.into_io_error() {
        Some(source) => Error::Io { path, source },
        None => Error::Input { path, message: "could not be walked".into() },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FileId(u64, u64);

#[cfg(unix)]
fn file_id(m: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some(FileId(m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &std::fs::Metadata) -> Option<FileId> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path, opts: &WalkOptions) -> Vec<String> {
        Walk::new(&[dir.to_path_buf()], opts)
            .unwrap()
            .map(|r| match r {
                Ok(p) => p.strip_prefix(dir).unwrap().display().to_string(),
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    #[test]
    fn walks_sorted_skips_hidden_and_filters() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        std::fs::create_dir_all(p.join("sub/deeper")).unwrap();
        std::fs::create_dir_all(p.join(".git")).unwrap();
        for f in ["b.txt", "a.html", "sub/c.txt", "sub/deeper/d.txt", ".hidden.txt", ".git/x.txt", "e.png"] {
            std::fs::write(p.join(f), "x").unwrap();
        }
        assert_eq!(names(p, &WalkOptions::default()), ["a.html", "b.txt", "e.png", "sub/c.txt", "sub/deeper/d.txt"]);
        let txt = WalkOptions { globs: vec!["*.txt".into()], ..Default::default() };
        assert_eq!(names(p, &txt), ["b.txt", "sub/c.txt", "sub/deeper/d.txt"]);
        let not_deep = WalkOptions { globs: vec!["*.txt".into(), "!sub/deeper/**".into()], ..Default::default() };
        assert_eq!(names(p, &not_deep), ["b.txt", "sub/c.txt"]);
        let hidden = WalkOptions { hidden: true, ..Default::default() };
        assert_eq!(names(p, &hidden).len(), 7);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_duplicates_are_handled() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        std::fs::create_dir_all(p.join("a")).unwrap();
        std::fs::write(p.join("a/f.txt"), "x").unwrap();
        std::os::unix::fs::symlink(p, p.join("a/loop")).unwrap();
        std::os::unix::fs::symlink(p.join("a/f.txt"), p.join("a/g.txt")).unwrap();
        let got = names(p, &WalkOptions::default());
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], "a/f.txt");
        assert!(got[1].starts_with("error: ") && got[1].contains("loop"), "{got:?}");
    }

    #[test]
    fn bad_glob_is_an_error() {
        let e = Walk::new(&[], &WalkOptions { globs: vec!["a[".into()], ..Default::default() }).err().unwrap();
        assert!(e.to_string().starts_with("invalid glob \"a[\""), "{e}");
    }
}

//! Finding the input files: named files as given, directories walked recursively, with
//! the files that are not reports set aside and counted.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::kind::{is_hidden, own_output_by_name, FileKind, SkipReason};
use super::source::source_name;
use crate::{Error, Result};

/// How directories are walked.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Glob patterns a file found in a directory must match (any of them), relative to the
    /// directory given (`*.txt`, `2024/**/*.htm*`). A pattern starting with `!` excludes.
    /// Without a pattern that includes, the report kinds are taken ([`FileKind::by_name`]).
    /// Files named on the command line are always taken.
    pub globs: Vec<String>,
    /// Also walk hidden files and directories (names starting with `.`).
    pub hidden: bool,
}

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where it is (`-` is standard input).
    pub path: PathBuf,
    /// What records and graphs call it (see [`source_name`]).
    pub source: String,
    /// How it is read.
    pub kind: FileKind,
    /// Whether it was named on the command line rather than found in a folder.
    pub named: bool,
}

/// What a walk finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A file to read.
    File(InputFile),
    /// A file (or folder) set aside, and why.
    Skipped {
        /// The file or folder.
        path: PathBuf,
        /// Why it is not read.
        reason: SkipReason,
    },
}

impl Found {
    /// The path found.
    pub fn path(&self) -> &Path {
        match self {
            Found::File(f) => &f.path,
            Found::Skipped { path, .. } => path,
        }
    }
}

/// The input files, in a deterministic order: arguments in the order given, each directory's
/// files sorted by name, recursively. Symbolic links are followed; a link back to an enclosing
/// directory is reported once and not followed. A file reached twice (named twice, or through
/// a link) is yielded once. `-` (standard input) and paths that do not exist are yielded as
/// given, so that reading them reports the problem in its place.
///
/// In directories, hidden entries, files guanxi wrote (`graph.json`, `graph.html` ...) and
/// files of other kinds are yielded as [`Found::Skipped`], so that they can be counted.
///
/// ```
/// use guanxi::input::{Found, Walk, WalkOptions};
/// let dir = std::env::temp_dir().join("guanxi-walk-doc");
/// std::fs::create_dir_all(dir.join("b")).unwrap();
/// std::fs::write(dir.join("b/2.txt"), "乙").unwrap();
/// std::fs::write(dir.join("1.txt"), "甲").unwrap();
/// std::fs::write(dir.join("skip.png"), "").unwrap();
/// let files: Vec<_> = Walk::new(&[dir.clone()], &WalkOptions::default()).unwrap()
///     .filter_map(|f| match f.unwrap() { Found::File(f) => Some(f.path), Found::Skipped { .. } => None })
///     .collect();
/// assert_eq!(files, vec![dir.join("1.txt"), dir.join("b/2.txt")]);
/// ```
pub struct Walk {
    roots: std::vec::IntoIter<PathBuf>,
    current: Option<(PathBuf, walkdir::IntoIter)>,
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

    /// Whether a file found in a directory is taken, and how it is read; `Err` says why not.
    fn classify(&self, root: &Path, path: &Path) -> std::result::Result<FileKind, Option<SkipReason>> {
        let rel = path.strip_prefix(root).unwrap_or(path);
        if self.exclude.as_ref().is_some_and(|g| g.is_match(rel)) {
            return Err(None);
        }
        if let Some(what) = own_output_by_name(path) {
            return Err(Some(SkipReason::OwnOutput(what)));
        }
        match &self.include {
            Some(g) if g.is_match(rel) => Ok(FileKind::of_named(path)),
            Some(_) => Err(None),
            None => FileKind::by_name(path).ok_or(Some(SkipReason::NotReport)),
        }
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
    type Item = Result<Found>;

    fn next(&mut self) -> Option<Result<Found>> {
        loop {
            if let Some((root, entries)) = self.current.as_mut() {
                let root = root.clone();
                let entry = match entries.next() {
                    None => {
                        self.current = None;
                        continue;
                    }
                    Some(Err(e)) => return Some(Err(walk_error(&root, e))),
                    Some(Ok(entry)) => entry,
                };
                if entry.depth() > 0 && !self.hidden && is_hidden(entry.file_name()) {
                    if entry.file_type().is_dir() {
                        entries.skip_current_dir();
                    }
                    return Some(Ok(Found::Skipped { path: entry.into_path(), reason: SkipReason::Hidden }));
                }
                if !entry.file_type().is_file() {
                    continue;
                }
                let kind = match self.classify(&root, entry.path()) {
                    Ok(kind) => kind,
                    Err(None) => continue,
                    Err(Some(reason)) => {
                        return Some(Ok(Found::Skipped { path: entry.into_path(), reason }));
                    }
                };
                if !self.first_time(entry.metadata().ok()) {
                    continue;
                }
                let path = entry.into_path();
                let source = source_name(&root, &path);
                return Some(Ok(Found::File(InputFile { path, source, kind, named: false })));
            }
            let path = self.roots.next()?;
            if path.is_dir() {
                let entries = walkdir::WalkDir::new(&path).follow_links(true).sort_by_file_name().into_iter();
                self.current = Some((path, entries));
                continue;
            }
            if path == Path::new("-") || self.first_time(std::fs::metadata(&path).ok()) {
                let source = source_name(&path, &path);
                let kind = FileKind::of_named(&path);
                return Some(Ok(Found::File(InputFile { path, source, kind, named: true })));
            }
        }
    }
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
            .filter_map(|r| match r {
                Ok(Found::File(f)) => Some(f.path.strip_prefix(dir).unwrap().display().to_string()),
                Ok(Found::Skipped { .. }) => None,
                Err(e) => Some(format!("error: {e}")),
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
        assert_eq!(names(p, &WalkOptions::default()), ["a.html", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]);
        let skipped: Vec<(String, SkipReason)> = Walk::new(&[p.to_path_buf()], &WalkOptions::default())
            .unwrap()
            .filter_map(|r| match r.unwrap() {
                Found::Skipped { path, reason } => Some((path.strip_prefix(p).unwrap().display().to_string(), reason)),
                Found::File(_) => None,
            })
            .collect();
        assert_eq!(
            skipped,
            [
                (".git".into(), SkipReason::Hidden),
                (".hidden.txt".into(), SkipReason::Hidden),
                ("e.png".into(), SkipReason::NotReport)
            ]
        );
        let txt = WalkOptions { globs: vec!["*.txt".into()], ..Default::default() };
        assert_eq!(names(p, &txt), ["b.txt", "sub/c.txt", "sub/deeper/d.txt"]);
        let not_deep = WalkOptions { globs: vec!["*.txt".into(), "!sub/deeper/**".into()], ..Default::default() };
        assert_eq!(names(p, &not_deep), ["b.txt", "sub/c.txt"]);
        let hidden = WalkOptions { hidden: true, ..Default::default() };
        assert_eq!(names(p, &hidden).len(), 6);
        let everything = WalkOptions { globs: vec!["*".into()], hidden: true };
        assert_eq!(names(p, &everything).len(), 7);
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

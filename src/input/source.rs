//! What a document is called in records and graphs (its source), and how a file name is
//! shown.
//!
//! A source can be shared: it is the document's URL when one is known, else its path relative
//! to the input given on the command line, never an absolute path of the user's machine.
//! File names are kept as bytes; a name that is not UTF-8 is shown with its odd bytes
//! escaped, one-to-one, so that two such names never read the same.

use std::borrow::Cow;
use std::path::{Component, Path};

/// A path as text, one-to-one: a valid UTF-8 path without backslashes reads as itself; in any
/// other, every backslash is doubled and every byte that is not UTF-8 is written `\xHH`
/// (`北京.txt` in GBK is `\xB1\xB1\xBE\xA9.txt`).
///
/// ```
/// use std::path::Path;
/// assert_eq!(guanxi::input::display_path(Path::new("报告/a.txt")), "报告/a.txt");
/// # #[cfg(unix)] {
/// use std::os::unix::ffi::OsStrExt;
/// let gbk = Path::new(std::ffi::OsStr::from_bytes(b"\xb1\xb1\xbe\xa9.txt"));
/// assert_eq!(guanxi::input::display_path(gbk), "\\xB1\\xB1\\xBE\\xA9.txt");
/// # }
/// ```
pub fn display_path(path: &Path) -> Cow<'_, str> {
    match path.to_str() {
        Some(s) if !s.contains('\\') => Cow::Borrowed(s),
        _ => Cow::Owned(escape_bytes(&path_bytes(path))),
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    Cow::Borrowed(path.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Cow<'_, [u8]> {
    match path.to_string_lossy() {
        Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
        Cow::Owned(s) => Cow::Owned(s.into_bytes()),
    }
}

fn escape_bytes(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 8);
    while !bytes.is_empty() {
        let (valid, rest) = match std::str::from_utf8(bytes) {
            Ok(s) => (s, &[][..]),
            Err(e) => {
                let (ok, bad) = bytes.split_at(e.valid_up_to());
                (std::str::from_utf8(ok).unwrap_or_default(), bad)
            }
        };
        out.push_str(&valid.replace('\\', "\\\\"));
        let Some((&b, tail)) = rest.split_first() else { break };
        out.push_str(&format!("\\x{b:02X}"));
        bytes = tail;
    }
    out
}

/// The source of a file found under `root` (a path given on the command line; `path` is
/// `root` itself or a file below it). A relative `root` that stays below the current folder
/// is kept as written (`reports/2024/a.txt`); an absolute one, or one that climbs out with
/// `..`, is replaced by its last name (`/home/me/reports` → `reports/2024/a.txt`, `../a.txt` →
/// `a.txt`). `-` is standard input.
///
/// ```
/// use std::path::Path;
/// use guanxi::input::source_name;
/// assert_eq!(source_name(Path::new("reports"), Path::new("reports/2024/a.txt")), "reports/2024/a.txt");
/// assert_eq!(source_name(Path::new("./a.txt"), Path::new("./a.txt")), "a.txt");
/// assert_eq!(source_name(Path::new("/home/me/reports"), Path::new("/home/me/reports/a.txt")), "reports/a.txt");
/// assert_eq!(source_name(Path::new("../x/a.txt"), Path::new("../x/a.txt")), "a.txt");
/// ```
pub fn source_name(root: &Path, path: &Path) -> String {
    if path == Path::new("-") {
        return "-".into();
    }
    let below = path.strip_prefix(root).unwrap_or(Path::new(""));
    let mut shown = if stays_below(root) { normal(root) } else { last_name(root) };
    if !below.as_os_str().is_empty() {
        shown.push(below);
    }
    display_path(&shown).into_owned()
}

/// Whether `path` is relative and never climbs above its start.
fn stays_below(path: &Path) -> bool {
    path.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// `path` without `.` components.
fn normal(path: &Path) -> std::path::PathBuf {
    path.components().filter(|c| matches!(c, Component::Normal(_))).collect()
}

/// The last name of `path` (through `..` and `.`, as the folder it names); nothing for `/`.
fn last_name(path: &Path) -> std::path::PathBuf {
    if let Some(name) = path.file_name().filter(|_| !path.ends_with("..")) {
        return name.into();
    }
    std::fs::canonicalize(path).ok().and_then(|p| p.file_name().map(Into::into)).unwrap_or_default()
}

/// The source of item `n` (1-based) of a structured file whose own source is `file`, when the
/// item has no URL: `file#n`.
pub fn item_source(file: &str, n: usize) -> String {
    format!("{file}#{n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backslashes_and_odd_bytes_stay_apart() {
        assert_eq!(display_path(Path::new("a\\b")), "a\\\\b");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let odd = |b: &[u8]| display_path(Path::new(std::ffi::OsStr::from_bytes(b))).into_owned();
            // 北京 and 重庆 in GBK, and a name that spells the escape out.
            let (a, b, c) =
                (odd(b"\xb1\xb1\xbe\xa9.txt"), odd(b"\xd6\xd8\xc7\xec.txt"), odd(b"\\xB1\\xB1\\xBE\\xA9.txt"));
            assert_ne!(a, b);
            assert_ne!(a, c);
            assert_eq!(odd("张明\\".as_bytes()), "张明\\\\");
        }
    }

    #[test]
    fn sources_are_never_absolute() {
        let d = tempfile::tempdir().unwrap();
        let abs = d.path().join("r.txt");
        let s = source_name(d.path(), &abs);
        assert!(!s.starts_with('/') && s.ends_with("/r.txt"), "{s}");
        assert_eq!(source_name(&abs, &abs), "r.txt");
        assert_eq!(source_name(Path::new("-"), Path::new("-")), "-");
        assert_eq!(source_name(Path::new("."), Path::new("./sub/r.txt")), "sub/r.txt");
    }
}

//! Reading an input's bytes: only regular files and standard input, never more than a limit.

use std::io::Read;
use std::path::Path;

use crate::{Error, Result};

/// The largest input read by default, in bytes (256 MiB). Larger files are refused before a
/// byte is read; `--max-bytes` changes it.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a regular file, or standard input for `-`, whole, when it holds at most `max` bytes.
///
/// Anything else is refused with a clear error and without being read: a folder, a FIFO (whose
/// opening would wait for a writer), a device such as `/dev/zero` (endless), a socket, and a
/// file over the limit (its size is checked first, so a huge sparse file costs nothing).
/// Standard input is read up to the limit and refused past it.
pub fn read_bytes_limited(path: &Path, max: u64) -> Result<Vec<u8>> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().lock().take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() as u64 > max {
            return Err(too_large(path, None, max));
        }
        return Ok(bytes);
    }
    let meta = std::fs::metadata(path).map_err(io)?;
    check_regular(path, &meta)?;
    if meta.len() > max {
        return Err(too_large(path, Some(meta.len()), max));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // The file may have been swapped or grown since: check the open file again, and never read
    // past the limit.
    let meta = file.metadata().map_err(io)?;
    check_regular(path, &meta)?;
    let mut bytes = Vec::with_capacity(meta.len().min(max) as usize);
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(too_large(path, Some(bytes.len() as u64), max));
    }
    Ok(bytes)
}

fn check_regular(path: &Path, meta: &std::fs::Metadata) -> Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() { "a directory" } else { special_kind(meta) };
    Err(Error::Input { path: path.to_path_buf(), message: format!("is {what}, not a regular file: not read") })
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::Metadata) -> &'static str {
    "a special file"
}

fn too_large(path: &Path, size: Option<u64>, max: u64) -> Error {
    let size = size.map_or_else(|| "more than the limit".to_string(), |s| format!("{} bytes", s));
    Error::Input {
        path: path.to_path_buf(),
        message: format!("is {size}, over the limit of {max} bytes: not read (raise it with --max-bytes)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_is_checked_before_reading() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("big.txt");
        let f = std::fs::File::create(&p).unwrap();
        // Sparse: no block is written, so a read would be the only cost.
        f.set_len(1 << 30).unwrap();
        let t = std::time::Instant::now();
        let e = read_bytes_limited(&p, 1 << 20).unwrap_err().to_string();
        assert!(e.contains("over the limit") && e.contains("1073741824"), "{e}");
        assert!(t.elapsed() < std::time::Duration::from_secs(1));
        std::fs::write(&p, "会议").unwrap();
        assert_eq!(read_bytes_limited(&p, 6).unwrap(), "会议".as_bytes());
        assert!(read_bytes_limited(&p, 5).is_err());
    }

    #[test]
    fn folders_and_devices_are_refused() {
        let d = tempfile::tempdir().unwrap();
        assert!(read_bytes_limited(d.path(), 100).unwrap_err().to_string().contains("is a directory"));
        #[cfg(unix)]
        {
            let e = read_bytes_limited(Path::new("/dev/zero"), 1 << 30).unwrap_err().to_string();
            assert!(e.contains("character device"), "{e}");
        }
    }
}

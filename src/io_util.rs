//! Replacing files atomically: write a temporary file next to the target, then rename it
//! over the target, so that an interrupted run leaves the old file whole.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// A file being written: invisible under its final name until [`StagedFile::commit`].
/// Dropping it without committing deletes the temporary file and leaves the target alone.
#[derive(Debug)]
pub struct StagedFile {
    target: PathBuf,
    temp: BufWriter<NamedTempFile>,
}

impl StagedFile {
    /// Starts writing `target` (a temporary file in the same folder).
    pub fn create(target: &Path) -> Result<StagedFile> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".guanxi-").suffix(".tmp");
        // Keep the target's permissions; a new file gets the usual rw-r--r--, not the
        // owner-only mode of temporary files.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(target).map_or(0o644, |m| m.permissions().mode() & 0o7777);
            builder.permissions(std::fs::Permissions::from_mode(mode));
        }
        let temp = builder.tempfile_in(dir).map_err(|e| Error::Io { path: dir.into(), source: e })?;
        Ok(StagedFile { target: target.into(), temp: BufWriter::new(temp) })
    }

    /// The writer to fill.
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.temp
    }

    /// The final path.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes, syncs and renames the file over its target.
    pub fn commit(self) -> Result<()> {
        let io = |e: std::io::Error, path: &Path| Error::Io { path: path.into(), source: e };
        let temp = self.temp.into_inner().map_err(|e| io(e.into_error(), &self.target))?;
        temp.as_file().sync_all().map_err(|e| io(e, &self.target))?;
        temp.persist(&self.target).map_err(|e| io(e.error, &self.target))?;
        Ok(())
    }
}

/// Writes `target` atomically with what `fill` writes.
pub fn write_atomically(target: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut staged = StagedFile::create(target)?;
    fill(staged.writer()).map_err(|e| Error::Io { path: target.into(), source: e })?;
    staged.commit()
}

/// Runs `program` with `args`, `input` on its standard input, and returns its standard
/// output; `Ok(None)` when the program is not installed. A run longer than `timeout` is
/// killed and is an error of kind `TimedOut`; a failed run is an error with its stderr.
pub fn run_with_timeout(
    program: &str,
    args: &[&str],
    input: Vec<u8>,
    timeout: std::time::Duration,
) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    use std::process::{Command, Stdio};
    use wait_timeout::ChildExt;
    let mut child = match Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut stdin = child.stdin.take().expect("piped");
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).map(|_| out)
    });
    let mut stderr = child.stderr.take().expect("piped");
    let errors = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stderr.read_to_end(&mut out);
        out
    });
    let status = match child.wait_timeout(timeout)? {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("{program} ran longer than {} s and was stopped", timeout.as_secs()),
            ));
        }
    };
    let _ = writer.join();
    let out = reader.join().map_err(|_| std::io::Error::other("reader thread failed"))??;
    let err = errors.join().unwrap_or_default();
    if !status.success() {
        let text = String::from_utf8_lossy(&err);
        let first = text.lines().next().unwrap_or("").trim();
        return Err(std::io::Error::other(format!("{program} failed ({status}): {first}")));
    }
    Ok(Some(out))
}

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

//! The output set: `graph.db` and the exports `build` writes beside it, replaced as a whole.
//!
//! A build writes every file into a staging folder (`DIR/.guanxi-staging-PID`), then a
//! manifest (`guanxi-set.json`: the set's id and its files), then renames the staging
//! folder to `DIR/.guanxi-commit`: that rename is the commit. The files are then moved into
//! `DIR` (files of the old set that the new one lacks are removed) and the manifest last.
//! A build killed before the commit leaves the old set (its staging folder is removed by the
//! next run); one killed after it leaves a set that readers already read as the new one (the
//! files still in `.guanxi-commit` first) and that the next build completes. The store holds
//! the set's id too ([`super::Store::set_id`]): a reader refuses a `graph.db` of another set
//! than the manifest beside it. Only one build writes a folder at a time (it locks the folder).

use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::{Error, Result};

/// The manifest of a set.
pub const MANIFEST: &str = "guanxi-set.json";
/// The store's file name.
pub const STORE_FILE: &str = "graph.db";
/// Every file a build writes; those the new set lacks are removed with the old set.
pub const OUTPUT_FILES: [&str; 5] = [STORE_FILE, "graph.json", "graph.dot", "graph.html", "graph.svg"];
const STAGING_PREFIX: &str = ".guanxi-staging-";
const COMMIT_DIR: &str = ".guanxi-commit";
/// What [`crate::io_util::StagedFile`] and older builds left when killed.
const TEMP_PREFIX: &str = ".guanxi-";
const TEMP_SUFFIX: &str = ".tmp";

/// The manifest's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// `guanxi-set`.
    pub format: String,
    /// The set's id: a digest of what was merged.
    pub set: String,
    /// The files of the set.
    pub files: Vec<String>,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io { path: path.into(), source }
}

/// A new output set being written.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    staging: PathBuf,
    files: Vec<String>,
    done: bool,
    _lock: File,
}

impl Staging {
    /// Starts a set in `out` (made when missing): locks it, finishes or removes what a killed
    /// build left there, and makes the staging folder.
    pub fn begin(out: &Path) -> Result<Staging> {
        std::fs::create_dir_all(out).map_err(io(out))?;
        let lock = File::open(out).map_err(io(out))?;
        lock.try_lock()
            .map_err(|_| Error::Input { path: out.into(), message: "another build is writing this folder".into() })?;
        recover(out)?;
        let staging = out.join(format!("{STAGING_PREFIX}{}", std::process::id()));
        std::fs::create_dir(&staging).map_err(io(&staging))?;
        Ok(Staging { out: out.into(), staging, files: Vec::new(), done: false, _lock: lock })
    }

    /// Where to write the set's file `name` (one of [`OUTPUT_FILES`]); it becomes part of the set.
    pub fn file(&mut self, name: &str) -> PathBuf {
        if !self.files.iter().any(|f| f == name) {
            self.files.push(name.to_string());
        }
        self.staging.join(name)
    }

    /// Leaves a file out of the set after all (it was not written).
    pub fn forget(&mut self, name: &str) {
        self.files.retain(|f| f != name);
        let _ = std::fs::remove_file(self.staging.join(name));
    }

    /// The staging folder (removed when the set is dropped uncommitted).
    pub fn staging_dir(&self) -> &Path {
        &self.staging
    }

    /// The output folder.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Makes the set the folder's: see the module docs.
    pub fn commit(mut self, set: &str) -> Result<()> {
        for name in &self.files {
            let path = self.staging.join(name);
            File::open(&path).and_then(|f| f.sync_all()).map_err(io(&path))?;
        }
        let manifest = Manifest { format: "guanxi-set".into(), set: set.into(), files: self.files.clone() };
        let path = self.staging.join(MANIFEST);
        let text = serde_json::to_string_pretty(&manifest).expect("manifests serialise") + "\n";
        std::fs::write(&path, text).map_err(io(&path))?;
        File::open(&path).and_then(|f| f.sync_all()).map_err(io(&path))?;
        sync_dir(&self.staging)?;
        fault("before-commit");
        let commit = self.out.join(COMMIT_DIR);
        std::fs::rename(&self.staging, &commit).map_err(io(&commit))?;
        sync_dir(&self.out)?;
        self.done = true;
        roll_forward(&self.out)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// For tests of interrupted builds: `GUANXI_TEST_ABORT=STEP` aborts the process at that step
/// of the commit (`before-commit`, `mid-commit`).
fn fault(step: &str) {
    if std::env::var_os("GUANXI_TEST_ABORT").is_some_and(|v| v == step) {
        std::process::abort();
    }
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|f| f.sync_all()).map_err(io(dir))
}

fn read_manifest(path: &Path) -> Result<Option<Manifest>> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| Error::Input { path: path.into(), message: format!("not a guanxi set manifest: {e}") }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(path)(e)),
    }
}

/// Moves a committed set from `.guanxi-commit` into `out`, the manifest last.
fn roll_forward(out: &Path) -> Result<()> {
    let commit = out.join(COMMIT_DIR);
    let manifest = read_manifest(&commit.join(MANIFEST))?
        .ok_or_else(|| Error::Input { path: commit.clone(), message: "a committed set without its manifest".into() })?;
    let mut first = true;
    for name in OUTPUT_FILES {
        let (from, to) = (commit.join(name), out.join(name));
        if manifest.files.iter().any(|f| f == name) {
            if from.exists() {
                std::fs::rename(&from, &to).map_err(io(&to))?;
                if first {
                    fault("mid-commit");
                    first = false;
                }
            }
        } else if to.exists() {
            std::fs::remove_file(&to).map_err(io(&to))?;
        }
    }
    let to = out.join(MANIFEST);
    std::fs::rename(commit.join(MANIFEST), &to).map_err(io(&to))?;
    std::fs::remove_dir_all(&commit).map_err(io(&commit))?;
    sync_dir(out)
}

/// Completes a set a killed build committed, and removes staging folders and temporary
/// files killed builds left. The caller holds the folder's lock.
fn recover(out: &Path) -> Result<()> {
    if out.join(COMMIT_DIR).join(MANIFEST).exists() {
        roll_forward(out)?;
    }
    for entry in std::fs::read_dir(out).map_err(io(out))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with(STAGING_PREFIX) || name == COMMIT_DIR {
            std::fs::remove_dir_all(&path).map_err(io(&path))?;
        } else if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
            std::fs::remove_file(&path).map_err(io(&path))?;
        }
    }
    Ok(())
}

/// Opens the store of the set in folder `out` for reading, or `None` when the folder holds
/// no store (a graph.json from an older build). Reads a set committed by a build that was
/// killed before moving it into place from where it is; refuses a store of another set than
/// the manifest names.
pub fn open_store(out: &Path) -> Result<Option<Store>> {
    let commit = out.join(COMMIT_DIR);
    for attempt in 0..3 {
        let manifest_path = if commit.join(MANIFEST).exists() { commit.join(MANIFEST) } else { out.join(MANIFEST) };
        let store_path = if commit.join(STORE_FILE).exists() { commit.join(STORE_FILE) } else { out.join(STORE_FILE) };
        if !store_path.exists() {
            if attempt == 0 && commit.exists() {
                continue;
            }
            return Ok(None);
        }
        let manifest = match read_manifest(&manifest_path) {
            Ok(m) => m,
            // A build is moving the files at this moment: look again.
            Err(_) if attempt < 2 => continue,
            Err(e) => return Err(e),
        };
        let store = match Store::open(&store_path) {
            Ok(s) => s,
            Err(Error::Input { .. }) if attempt < 2 && !store_path.exists() => continue,
            Err(e) => return Err(e),
        };
        match (&manifest, store.set_id()?) {
            (Some(m), Some(id)) if m.set != id => {
                if attempt < 2 {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    continue;
                }
                return Err(Error::Input {
                    path: store_path,
                    message: format!(
                        "belongs to another output set than {} (an interrupted build?); build again",
                        manifest_path.display()
                    ),
                });
            }
            _ => return Ok(Some(store)),
        }
    }
    Ok(None)
}

/// The file of the set in `out` named `name`, where a reader finds it (in `.guanxi-commit`
/// while a killed build's set is not yet moved into place).
pub fn locate(out: &Path, name: &str) -> PathBuf {
    let committed = out.join(COMMIT_DIR).join(name);
    if committed.exists() {
        committed
    } else {
        out.join(name)
    }
}

/// Whether `path` is a store file (an SQLite database), by its first bytes.
pub fn is_store_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && &head == b"SQLite format 3\0"
}

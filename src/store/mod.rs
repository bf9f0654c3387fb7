//! The embedded store: the relation graph in one SQLite file (`graph.db`), written by
//! `build` and read by `query` and `export`.
//!
//! A build merges records into the store a batch at a time ([`Store::merge_batch`]): only the
//! nodes a batch names are read into a [`RelationGraph`] (the same merge code as in memory,
//! so namesake decisions are those of an in-memory merge), and what the batch changed is
//! written back. Memory depends on the batch, not on the graph. Readers open the file
//! read-only and load what a question needs as a [`RelationGraph`]: one node's edges
//! ([`Store::star`]), a neighbourhood ([`Store::around`]), the shortest paths between two
//! nodes ([`Store::path_graph`]), or all of it ([`Store::whole`]). See [`schema`] for the
//! tables.
//!
//! ```
//! # let dir = tempfile::tempdir().unwrap();
//! use guanxi::store::Store;
//! let record: guanxi::Extraction = serde_json::from_str(r#"{"source": "a.txt",
//!   "persons": [{"name": "张明"}], "meetings": [{"name": "工作会议", "date": "2024-03-01"}],
//!   "attendance": [{"person": "张明", "meeting": 0, "role": "attended"}]}"#).unwrap();
//! let mut store = Store::create(&dir.path().join("graph.db")).unwrap();
//! store.merge_batch(vec![(record, Vec::new())]).unwrap();
//! store.finish().unwrap();
//! let store = Store::open(&dir.path().join("graph.db")).unwrap();
//! let m = store.resolve("工作会议", Some(guanxi::graph::NodeKind::Meeting)).unwrap();
//! let sub = store.star(m, petgraph::Direction::Incoming, &[guanxi::graph::EdgeKind::Attended]).unwrap();
//! assert_eq!(sub.node_count(), 2);
//! ```

mod json;
mod merge;
mod path;
mod read;
mod resolve;
pub mod schema;
pub mod set;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::error::{Error, Result};

pub use read::NodeId;

/// A store file, open for reading or for a build.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    writable: bool,
}

impl Store {
    /// Makes a new store at `path` (which must not exist) for a build. Nothing is durable
    /// until [`Store::finish`]: a build writes into a staging folder and discards it on failure.
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(Error::Input { path: path.into(), message: "already exists".into() });
        }
        let store = Store::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)?;
        store.tune_for_build()?;
        store
            .conn
            .execute_batch(&format!(
                "PRAGMA application_id = {}; PRAGMA user_version = {}; {}",
                schema::APPLICATION_ID,
                schema::VERSION,
                schema::SCHEMA
            ))
            .map_err(|e| store.error(e))?;
        store.set_meta("format", schema::FORMAT)?;
        store.conn.execute_batch("BEGIN").map_err(|e| store.error(e))?;
        Ok(store)
    }

    /// Opens an existing store for a build that adds to it (`build --update`, on a copy in
    /// the staging folder).
    pub fn open_for_update(path: &Path) -> Result<Store> {
        let store = Store::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        store.check()?;
        store.tune_for_build()?;
        store.conn.execute_batch("BEGIN").map_err(|e| store.error(e))?;
        Ok(store)
    }

    /// Opens a store read-only.
    pub fn open(path: &Path) -> Result<Store> {
        let store = Store::open_with(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        store.check()?;
        // One read transaction for the reader's life: the file is locked once, not at every
        // statement, and every answer comes from one state of the file.
        store.conn.execute_batch("BEGIN").map_err(|e| store.error(e))?;
        Ok(store)
    }

    fn open_with(path: &Path, flags: OpenFlags) -> Result<Store> {
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| Error::Input {
            path: path.into(),
            message: format!("cannot open the store: {}", one_line(&e)),
        })?;
        conn.set_prepared_statement_cache_capacity(64);
        let writable = flags.contains(OpenFlags::SQLITE_OPEN_READ_WRITE);
        let store = Store { conn, path: path.into(), writable };
        // Readers need little cache; a build keeps the indexes it inserts into in memory.
        store.conn.execute_batch("PRAGMA cache_size = -16384").map_err(|e| store.error(e))?;
        Ok(store)
    }

    /// A build's file lives in a staging folder until the output set is committed, so it
    /// needs no journal: a failed build throws the whole file away.
    fn tune_for_build(&self) -> Result<()> {
        self.conn
            .execute_batch(
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -393216;
                 PRAGMA temp_store = FILE; PRAGMA locking_mode = EXCLUSIVE;",
            )
            .map_err(|e| self.error(e))
    }

    /// Refuses files that are not stores of a version this build reads.
    fn check(&self) -> Result<()> {
        let bad = |message: String| Error::Input { path: self.path.clone(), message };
        let pragma = |name: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .map_err(|e| bad(format!("not a guanxi store ({})", one_line(&e))))
        };
        let app = pragma("application_id")?;
        if app != i64::from(schema::APPLICATION_ID) {
            return Err(bad("not a guanxi store (another SQLite database)".into()));
        }
        let version = pragma("user_version")?;
        if version > i64::from(schema::VERSION) {
            return Err(bad(format!("store version {version} is newer than this guanxi reads ({})", schema::VERSION)));
        }
        match self.meta("format") {
            Ok(Some(f)) if f == schema::FORMAT => Ok(()),
            Ok(_) => Err(bad("not a guanxi store (no format mark)".into())),
            Err(e) => Err(bad(format!("not a guanxi store or damaged ({e})"))),
        }
    }

    /// The store's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A database error as an error naming the store file.
    fn error(&self, e: rusqlite::Error) -> Error {
        let message = match &e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                "not a guanxi store (not a database, or damaged)".to_string()
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseCorrupt => {
                "the store is damaged; build it again".to_string()
            }
            _ => format!("store: {}", one_line(&e)),
        };
        Error::Input { path: self.path.clone(), message }
    }

    /// A value of the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT CAST(value AS TEXT) FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.error(e))
    }

    fn meta_count(&self, key: &str) -> Result<i64> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get::<_, i64>(0))
            .optional()
            .map(|v| v.unwrap_or(0))
            .map_err(|e| self.error(e))
    }

    fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute((key, value)))
            .map(drop)
            .map_err(|e| self.error(e))
    }

    fn add_count(&self, key: &str, delta: i64) -> Result<()> {
        if delta == 0 {
            return Ok(());
        }
        self.conn
            .prepare_cached(
                "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = value + ?2",
            )
            .and_then(|mut s| s.execute((key, delta)))
            .map(drop)
            .map_err(|e| self.error(e))
    }

    /// The output set this store belongs to (see [`set`]).
    pub fn set_id(&self) -> Result<Option<String>> {
        self.meta("set")
    }

    /// Marks the store as part of output set `id`.
    pub fn set_set_id(&self, id: &str) -> Result<()> {
        self.set_meta("set", id)
    }

    /// A digest of everything merged so far (every record, in merge order): the same
    /// reports give the same digest.
    pub fn content_digest(&self) -> Result<String> {
        Ok(self.meta("content")?.unwrap_or_default())
    }

    /// Whether a document (by path) is in the store.
    pub fn contains_document(&self, path: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM documents WHERE path = ?1")
            .and_then(|mut s| s.exists([path]))
            .map_err(|e| self.error(e))
    }

    /// The paths (sources) of every document, sorted.
    pub fn document_paths(&self) -> Result<Vec<String>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT path FROM documents ORDER BY path").map_err(|e| self.error(e))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(|e| self.error(e))?;
        rows.collect::<rusqlite::Result<Vec<String>>>().map_err(|e| self.error(e))
    }

    /// Number of documents.
    pub fn document_count(&self) -> Result<usize> {
        Ok(self.meta_count("documents")? as usize)
    }

    /// Writes what a build merged and closes the file.
    pub fn finish(self) -> Result<()> {
        if !self.writable {
            return Ok(());
        }
        self.conn.execute_batch("COMMIT").map_err(|e| self.error(e))?;
        self.conn.close().map_err(|(c, e)| Store { conn: c, path: self.path.clone(), writable: true }.error(e))
    }
}

/// An SQLite error on one line.
fn one_line(e: &rusqlite::Error) -> String {
    e.to_string().replace('\n', " ")
}

//! The store: the library's SQLite database, the source of truth.
//!
//! One file per table or aggregate holds its row struct and its queries
//! ([`actors`], [`documents`], [`statements`], [`places`], [`corrections`],
//! [`themes`]); [`migrations`] brings any older library up to date. Every change the
//! search index reflects bumps the write generation (`generation.rs`) in its own
//! transaction. [`places`] and the generation sit below the rest, so that documents
//! and corrections can both use them: writing a document reads corrections, never the
//! other way round.
//!
//! Invariant: nothing outside `store/` writes SQL.
//! Invariant: a library written by a newer Plenary, or a file that is not SQLite, is
//! refused before anything is written to it.

pub mod actors;
pub mod corrections;
pub mod documents;
mod generation;
pub use generation::Pending;
pub mod migrations;
pub mod places;
pub mod positions;
pub mod search_rows;
pub mod statements;
pub mod themes;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result};

/// The library database's file name inside the library directory.
pub const DB_FILE: &str = "library.sqlite3";

/// How long a writer waits for another one before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Prepared statements kept per connection (`prepare_cached`).
const STATEMENT_CACHE: usize = 96;

/// Runs a query that returns one row through the connection's statement cache.
pub(crate) fn query_cached<T, P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    row: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.prepare_cached(sql)?.query_row(params, row)
}

/// Runs a statement through the connection's statement cache.
pub(crate) fn execute_cached<P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

/// An open library database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to
    /// [`migrations::LATEST`].
    pub fn open(path: &Path) -> Result<Store> {
        // The file is never opened other than through SQLite: closing any other handle
        // on it would drop every POSIX lock this process holds on it, and another
        // process could then take the write-ahead log from under a connection still
        // open here (the desktop app keeps one open while importing on another).
        // SQLite itself refuses a file that is not a database before writing to it.
        let sql = |doing: &'static str| {
            let path = path.to_path_buf();
            move |source| Error::Sqlite {
                path,
                doing,
                source,
            }
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|source| open_error(path, source))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(sql("setting the busy timeout"))?;
        // Read the version before anything writes: a newer library is left untouched.
        let found = migrations::version(&conn).map_err(|source| open_error(path, source))?;
        if found > migrations::LATEST {
            return Err(Error::LibraryTooNew {
                path: path.to_path_buf(),
                found,
                supported: migrations::LATEST,
            });
        }
        // A database of another program (version 0, tables of its own) is not migrated.
        if found == 0 {
            let tables: Vec<String> = conn
                .prepare(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name LIMIT 5",
                )
                .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
                .map_err(|source| open_error(path, source))?;
            if !tables.is_empty() {
                return Err(Error::ForeignDatabase {
                    path: path.to_path_buf(),
                    tables: tables.join(", "),
                });
            }
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|source| open_error(path, source))?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql("enabling foreign keys"))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql("setting synchronous mode"))?;
        // Every transaction here writes: taking the write lock at BEGIN lets the busy
        // timeout wait for another process's import. A deferred one that read first
        // could not be promoted once the other process wrote ("database is locked",
        // SQLITE_BUSY_SNAPSHOT), whatever the timeout.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        migrations::migrate(&mut conn).map_err(sql("migrating the schema"))?;
        // Writing a document runs a few dozen statements; each is prepared once.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        migrations::version(&self.conn).map_err(self.err("reading the schema version"))
    }

    /// The schema as SQLite reports it: one `CREATE` statement per table and index,
    /// sorted by name. Tests pin it.
    pub fn schema_sql(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL \
                 AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name",
            )
            .map_err(self.err("reading the schema"))?;
        let rows = stmt
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(self.err("reading the schema"))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err("reading the schema"))
    }

    /// Reads a value from the `library_meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row(
                "SELECT value FROM library_meta WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.err("reading library metadata"))
    }

    /// Writes a value to the `library_meta` table.
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO library_meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(|_| ())
            .map_err(self.err("writing library metadata"))
    }

    /// Maps a SQLite error to [`Error::Sqlite`] naming this database and the task.
    pub(crate) fn err(&self, doing: &'static str) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |source| Error::Sqlite {
            path: self.path.clone(),
            doing,
            source,
        }
    }
}

/// Maps a failure to open or first read the database to the error a user can act on.
fn open_error(path: &Path, source: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotALibrary {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
            Error::LibraryDir {
                path: path.parent().unwrap_or(path).to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, source),
            }
        }
        _ => Error::Sqlite {
            path: path.to_path_buf(),
            doing: "opening the library",
            source,
        },
    }
}

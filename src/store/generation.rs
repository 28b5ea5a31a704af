//! The library's write generation: a counter in `library_meta` that every change the
//! search index reflects bumps, in the transaction that makes the change. The index
//! records the generation it was built at, so opening the library can tell it is stale.

use rusqlite::{Connection, OptionalExtension};

use super::Store;
use crate::error::Result;

impl Store {
    /// The library's write generation: bumped by every change the index reflects.
    pub fn generation(&self) -> Result<u64> {
        let value: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM library_meta WHERE key = 'generation'")
            .and_then(|mut stmt| stmt.query_row([], |r| r.get(0)).optional())
            .map_err(self.err("reading the library generation"))?;
        Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
    }
}

/// Bumps the write generation the search index compares itself with.
pub(super) fn bump_generation(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO library_meta (key, value) VALUES ('generation', '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
        [],
    )?;
    Ok(())
}

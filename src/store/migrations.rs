//! Forward-only schema migrations; the version lives in `PRAGMA user_version`.
//!
//! Each migration is applied in its own transaction together with the new version
//! number, so a library is always at exactly one known version. Never edit a shipped
//! migration: add a new one at the end.

use rusqlite::Connection;

/// The migrations in order; migration `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_footnotes_and_times.sql"),
    include_str!("migrations/0003_link_indexes.sql"),
    include_str!("migrations/0004_review_queue.sql"),
    include_str!("migrations/0005_document_corrections.sql"),
    include_str!("migrations/0006_co_speakers.sql"),
    include_str!("migrations/0007_index_queue.sql"),
    include_str!("migrations/0008_former_states.sql"),
    include_str!("migrations/0009_smaller_statements.sql"),
    include_str!("migrations/0010_manual_tags_index.sql"),
];

/// The schema version this build writes and understands.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The schema version recorded in the database (0 for a new, empty file).
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies every migration above the database's version. The caller has checked the
/// version is not newer than [`LATEST`].
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current = version(conn)?;
    if current >= LATEST {
        return Ok(());
    }
    // A migration that rebuilds a table must not fire the foreign keys' cascades
    // (dropping the old `statements` would delete every tag): keys are off while
    // migrating (a pragma that only takes effect outside a transaction) and checked
    // before each migration commits.
    let keys: bool = conn.pragma_query_value(None, "foreign_keys", |row| row.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = (|| {
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            let broken: Option<String> = tx
                .query_row(
                    "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .ok();
            if let Some(table) = broken {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT),
                    Some(format!(
                        "migration {} broke a foreign key in {table}",
                        index + 1
                    )),
                ));
            }
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    })();
    conn.pragma_update(None, "foreign_keys", keys)?;
    result
}

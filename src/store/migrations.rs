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
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

//! The library's write generation and the queue of changes the search index has yet to
//! reflect.
//!
//! Every change the index reflects bumps the generation (a counter in `library_meta`)
//! and queues the documents it touched, in the transaction that makes the change
//! ([`record_change`]). The index records the generation it reached; whoever holds its
//! writer reads what is queued since ([`Store::pending_changes`]), applies it, commits,
//! and removes it ([`Store::forget_changes`]). So an edit made while another process
//! holds the writer is never lost: it waits in the queue, in the database, for the
//! next writer — even if the process that made it is gone.

use rusqlite::{params, Connection, OptionalExtension};

use super::Store;
use crate::error::Result;

/// The `library_meta` key of the highest generation removed from the queue.
const APPLIED_THROUGH: &str = "queue_applied_through";

/// What the search index has yet to reflect of the database.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Nothing: the index is at the library's generation.
    Nothing,
    /// These documents changed (or went) since the index's generation; applying them
    /// brings the index to generation `through`.
    Documents { through: u64, documents: Vec<i64> },
    /// The index must be rebuilt to reach generation `through`, for the reason given.
    Everything { through: u64, why: String },
}

impl Store {
    /// The library's write generation: bumped by every change the index reflects.
    pub fn generation(&self) -> Result<u64> {
        self.meta_number("generation", "reading the library generation")
    }

    /// What the index, at generation `since` (`None`: it records none), has yet to
    /// reflect. The generation is read before the queue, and the caller reads the
    /// documents' rows after: what it indexes is never older than what it claims.
    pub fn pending_changes(&self, since: Option<u64>) -> Result<Pending> {
        let through = self.generation()?;
        let applied = self.meta_number(APPLIED_THROUGH, "reading the index queue")?;
        let everything = |why: String| Ok(Pending::Everything { through, why });
        let since = match since {
            Some(since) if since == through => return Ok(Pending::Nothing),
            Some(since) if since > through => {
                return everything(format!(
                    "it reflected generation {since}, newer than the library's {through}"
                ))
            }
            Some(since) if since < applied => {
                return everything(format!(
                    "it reflected generation {since}; the changes since were already applied to another index"
                ))
            }
            Some(since) => since,
            None => return everything("it recorded no generation".into()),
        };
        let doing = "reading the index queue";
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT document FROM index_queue WHERE generation > ?1 AND generation <= ?2",
            )
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map(params![since as i64, through as i64], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .map_err(self.err(doing))?;
        let documents: Option<Vec<i64>> = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))?
            .into_iter()
            .collect();
        match documents {
            Some(documents) => Ok(Pending::Documents { through, documents }),
            None => everything(format!(
                "the whole library changed since generation {since} (automatic tags recomputed)"
            )),
        }
    }

    /// Removes from the queue what an index committed at generation `through` holds.
    pub fn forget_changes(&self, through: u64) -> Result<()> {
        let doing = "clearing the index queue";
        let tx = self.conn.unchecked_transaction().map_err(self.err(doing))?;
        tx.execute(
            "DELETE FROM index_queue WHERE generation <= ?1",
            [through as i64],
        )
        .map_err(self.err(doing))?;
        tx.execute(
            "INSERT INTO library_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), ?2) AS TEXT)",
            params![APPLIED_THROUGH, through.to_string()],
        )
        .map_err(self.err(doing))?;
        tx.commit().map_err(self.err(doing))
    }

    /// A counter of `library_meta` (0 when absent).
    fn meta_number(&self, key: &str, doing: &'static str) -> Result<u64> {
        let value: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM library_meta WHERE key = ?1")
            .and_then(|mut stmt| stmt.query_row([key], |r| r.get(0)).optional())
            .map_err(self.err(doing))?;
        Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
    }
}

/// Bumps the write generation and queues `documents` (`None`: the whole library) for
/// the search index, in the caller's transaction.
pub(super) fn record_change(conn: &Connection, documents: Option<&[i64]>) -> rusqlite::Result<()> {
    let generation: i64 = conn.query_row(
        "INSERT INTO library_meta (key, value) VALUES ('generation', '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
         RETURNING CAST(value AS INTEGER)",
        [],
        |r| r.get(0),
    )?;
    let mut queue =
        conn.prepare_cached("INSERT INTO index_queue (generation, document) VALUES (?1, ?2)")?;
    match documents {
        Some(documents) => {
            for document in documents {
                queue.execute(params![generation, document])?;
            }
        }
        None => {
            queue.execute(params![generation, None::<i64>])?;
        }
    }
    Ok(())
}

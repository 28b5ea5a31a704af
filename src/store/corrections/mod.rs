//! A person's corrections to a document's title, process, session, meeting and date.
//!
//! A correction is kept apart from the document, keyed by the file it came from (its
//! source path, and the content hash of the version corrected), so that importing the
//! file again — the same bytes, or a changed version that replaces the document —
//! applies it again inside the same transaction that writes the document
//! ([`super::documents`]'s `write`).
//!
//! Invariant: a person's correction is never overwritten by a re-import.

mod edit;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::generation::record_change;
use super::places::{ensure_process, place, session_text, upsert_agenda_item};
use super::Store;
use crate::error::{Error, Result};
use edit::invalid;

pub use super::places::{Process, SessionRef};
pub use edit::DocumentEdit;

type Sql<T> = rusqlite::Result<T>;

/// A checked correction: what a person said about a document. `None` keeps what the
/// document itself says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Correction {
    pub title: Option<String>,
    /// The process's key and name.
    pub process: Option<(String, String)>,
    pub session: Option<SessionRef>,
    pub meeting: Option<i64>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
}

impl Correction {
    /// Whether it corrects nothing.
    pub fn is_empty(&self) -> bool {
        self.fields().is_empty()
    }

    /// The names of the fields it corrects, in a fixed order.
    pub fn fields(&self) -> Vec<&'static str> {
        [
            ("title", self.title.is_some()),
            ("process", self.process.is_some()),
            ("session", self.session.is_some()),
            ("meeting", self.meeting.is_some()),
            ("date", self.date.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }

    /// This correction with `newer`'s fields laid over it.
    fn merged(self, newer: &Correction) -> Correction {
        Correction {
            title: newer.title.clone().or(self.title),
            process: newer.process.clone().or(self.process),
            session: newer.session.clone().or(self.session),
            meeting: newer.meeting.or(self.meeting),
            date: newer.date.clone().or(self.date),
        }
    }
}

/// The correction that applies to a file written from `source_path` with these bytes:
/// the one made on that path, else one made on the same bytes elsewhere. Returns its
/// row id with it.
pub(super) fn find(
    conn: &Connection,
    source_path: &str,
    content_hash: &str,
) -> Sql<Option<(i64, Correction)>> {
    conn.query_row(
        "SELECT id, title, process_key, process_name, session_number, session_name, meeting, date
         FROM document_corrections
         WHERE source_path = ?1 OR content_hash = ?2
         ORDER BY source_path = ?1 DESC, updated_at DESC, id DESC LIMIT 1",
        params![source_path, content_hash],
        |r| {
            let key: Option<String> = r.get(2)?;
            let name: Option<String> = r.get(3)?;
            let number: Option<i64> = r.get(4)?;
            let session_name: Option<String> = r.get(5)?;
            Ok((
                r.get(0)?,
                Correction {
                    title: r.get(1)?,
                    process: key.zip(name),
                    session: number
                        .map(SessionRef::Number)
                        .or(session_name.map(SessionRef::Name)),
                    meeting: r.get(6)?,
                    date: r.get(7)?,
                },
            ))
        },
    )
    .optional()
}

/// Records that the correction `id` now sits on the version with `content_hash`, when
/// that version comes from the path it was made on.
pub(super) fn applied(
    conn: &Connection,
    id: i64,
    source_path: &str,
    content_hash: &str,
) -> Sql<()> {
    conn.execute(
        "UPDATE document_corrections SET content_hash = ?3 WHERE id = ?1 AND source_path = ?2",
        params![id, source_path, content_hash],
    )?;
    Ok(())
}

/// Writes the correction of the file at `source_path` (replacing what was recorded).
fn save(conn: &Connection, source_path: &str, content_hash: &str, c: &Correction) -> Sql<()> {
    let (number, name) = match &c.session {
        Some(SessionRef::Number(n)) => (Some(*n), None),
        Some(SessionRef::Name(s)) => (None, Some(s.as_str())),
        None => (None, None),
    };
    conn.execute(
        "INSERT INTO document_corrections (source_path, content_hash, title, process_key,
            process_name, session_number, session_name, meeting, date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         ON CONFLICT (source_path) DO UPDATE SET content_hash = excluded.content_hash,
            title = excluded.title, process_key = excluded.process_key,
            process_name = excluded.process_name, session_number = excluded.session_number,
            session_name = excluded.session_name, meeting = excluded.meeting,
            date = excluded.date, updated_at = excluded.updated_at",
        params![
            source_path,
            content_hash,
            c.title,
            c.process.as_ref().map(|(k, _)| k),
            c.process.as_ref().map(|(_, n)| n),
            number,
            name,
            c.meeting,
            c.date,
        ],
    )?;
    Ok(())
}

/// A document's description as stored.
struct Current {
    source_path: String,
    content_hash: String,
    process: Option<(i64, String)>,
    session_id: Option<i64>,
    session: Option<SessionRef>,
    meeting: Option<i64>,
    date: Option<String>,
}

impl Store {
    /// The correction that a file from `source_path` with these bytes would receive.
    pub fn document_correction(
        &self,
        source_path: &str,
        content_hash: &str,
    ) -> Result<Option<Correction>> {
        find(&self.conn, source_path, content_hash)
            .map(|found| found.map(|(_, c)| c))
            .map_err(self.err("reading a document's correction"))
    }

    /// Corrects a document (only the fields `fix` gives) and records the correction so
    /// that a re-import of its file applies it again. A session needs a process, a
    /// meeting a session: the document's own, or one given with it. Returns false when
    /// there is no such document.
    pub fn correct_document(&mut self, id: i64, fix: &Correction) -> Result<bool> {
        let path = self.path.clone();
        let sql = |source| Error::Sqlite {
            path: path.clone(),
            doing: "correcting a document",
            source,
        };
        let tx = self.conn.transaction().map_err(sql)?;
        let Some(current) = current(&tx, id).map_err(sql)? else {
            return Ok(false);
        };
        let process = match &fix.process {
            Some((key, name)) => Some((ensure_process(&tx, key, name).map_err(sql)?, key.clone())),
            None => current.process.clone(),
        };
        let session = fix.session.clone().or(current.session.clone());
        check_place(fix, process.is_some(), session.is_some())?;
        let meeting = fix.meeting.or(current.meeting);
        let date = fix.date.clone().or(current.date.clone());
        let (session_id, meeting_id) = place(
            &tx,
            process.as_ref().map(|(p, k)| (*p, k.as_str())),
            session.as_ref(),
            meeting,
            date.as_deref(),
        )
        .map_err(sql)?;
        tx.execute(
            "UPDATE documents SET title = coalesce(?2, title), date = ?3, process_id = ?4,
                session_id = ?5, meeting_id = ?6
             WHERE id = ?1",
            params![
                id,
                fix.title,
                date,
                process.as_ref().map(|(p, _)| *p),
                session_id,
                meeting_id
            ],
        )
        .map_err(sql)?;
        if session_id != current.session_id {
            if let Some(session) = session_id {
                move_agenda_items(&tx, id, session).map_err(sql)?;
            }
        }
        record(&tx, &current, fix).map_err(sql)?;
        record_change(&tx, Some(&[id])).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(true)
    }
}

/// Refuses a correction that gives a session to a document without a process, or a
/// meeting to one without a session (after the correction).
fn check_place(fix: &Correction, has_process: bool, has_session: bool) -> Result<()> {
    if let (Some(s), false) = (&fix.session, has_process) {
        return Err(invalid(
            "session",
            &session_text(s),
            "the document has no process, and a session belongs to one",
            "Give its process too (--process KEY)",
        ));
    }
    if let (Some(m), false) = (fix.meeting, has_session) {
        return Err(invalid(
            "meeting",
            &m.to_string(),
            "the document has no session, and a meeting belongs to one",
            "Give its session too (--session N)",
        ));
    }
    Ok(())
}

/// Records `fix` on the document's file, laid over what was recorded before, so that
/// a re-import applies both.
fn record(conn: &Connection, current: &Current, fix: &Correction) -> Sql<()> {
    let recorded = find(conn, &current.source_path, &current.content_hash)?
        .map(|(_, c)| c)
        .unwrap_or_default();
    save(
        conn,
        &current.source_path,
        &current.content_hash,
        &recorded.merged(fix),
    )
}

/// The document's description as stored, or `None` when there is no such document.
fn current(conn: &Connection, id: i64) -> Sql<Option<Current>> {
    conn.query_row(
        "SELECT d.source_path, d.content_hash, d.process_id, p.key, d.session_id, s.number, s.name,
                m.number, d.date
         FROM documents d
         LEFT JOIN processes p ON p.id = d.process_id
         LEFT JOIN sessions s ON s.id = d.session_id
         LEFT JOIN meetings m ON m.id = d.meeting_id
         WHERE d.id = ?1",
        [id],
        |r| {
            let process_id: Option<i64> = r.get(2)?;
            let key: Option<String> = r.get(3)?;
            let session_id: Option<i64> = r.get(4)?;
            let number: Option<i64> = r.get(5)?;
            let name: Option<String> = r.get(6)?;
            Ok(Current {
                source_path: r.get(0)?,
                content_hash: r.get(1)?,
                process: process_id.zip(key),
                session_id,
                session: session_id.and(
                    number
                        .map(SessionRef::Number)
                        .or(name.map(SessionRef::Name)),
                ),
                meeting: r.get(7)?,
                date: r.get(8)?,
            })
        },
    )
    .optional()
}

/// Agenda items belong to a session: a document moved to another session takes the
/// items its statements cite along (the same number and title, in the new session).
fn move_agenda_items(conn: &Connection, document: i64, session: i64) -> Sql<()> {
    let items: Vec<(i64, String, Option<String>)> = {
        let mut stmt = conn.prepare(
            "SELECT DISTINCT ai.id, ai.number, ai.title FROM statements st
             JOIN agenda_items ai ON ai.id = st.agenda_item_id
             WHERE st.document_id = ?1 AND ai.session_id <> ?2",
        )?;
        let rows = stmt.query_map(params![document, session], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        rows.collect::<Sql<_>>()?
    };
    for (old, number, title) in items {
        let new = upsert_agenda_item(conn, session, &number, title.as_deref())?;
        conn.execute(
            "UPDATE statements SET agenda_item_id = ?3 WHERE document_id = ?1 AND agenda_item_id = ?2",
            params![document, old, new],
        )?;
    }
    Ok(())
}

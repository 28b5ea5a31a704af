//! Where a document sits: its process, session and meeting, and the agenda items of a
//! session. Rows are created as documents (or a person's corrections) name them, and
//! shared by every document that names the same one.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::Store;
use crate::error::Result;
use crate::text::ordinal;

use crate::store::{execute_cached, query_cached};

type Sql<T> = rusqlite::Result<T>;

/// A process the library knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Process {
    /// `"global-mechanism"`: what [`DocumentEdit::process`] takes.
    ///
    /// [`DocumentEdit::process`]: super::corrections::DocumentEdit::process
    pub key: String,
    /// `"Global Mechanism on ICT security"`: what documents and search results show.
    pub name: String,
}

/// A session as a document or a person names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionRef {
    /// Numbered: "11th substantive session".
    Number(i64),
    /// Known by its name only: "substantive plenary session of 2026".
    Name(String),
}

impl Store {
    /// Every process the library knows, by key.
    pub fn processes(&self) -> Result<Vec<Process>> {
        let doing = "listing processes";
        let mut stmt = self
            .conn
            .prepare("SELECT key, name FROM processes ORDER BY key")
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Process {
                    key: r.get(0)?,
                    name: r.get(1)?,
                })
            })
            .map_err(self.err(doing))?;
        rows.collect::<Sql<Vec<_>>>().map_err(self.err(doing))
    }
}

/// The process with this key, named `name` (a process read again takes the name the
/// newer document gives it).
pub(super) fn upsert_process(tx: &Connection, key: &str, name: &str) -> Sql<i64> {
    query_cached(
        tx,
        "INSERT INTO processes (key, name) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET name = excluded.name RETURNING id",
        params![key, name],
        |r| r.get(0),
    )
}

/// The process with this key, added with `name` if the library does not have it yet
/// (an existing process keeps its name).
pub(super) fn ensure_process(conn: &Connection, key: &str, name: &str) -> Sql<i64> {
    execute_cached(
        conn,
        "INSERT INTO processes (key, name) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
        params![key, name],
    )?;
    query_cached(
        conn,
        "SELECT id FROM processes WHERE key = ?1",
        [key],
        |r| r.get(0),
    )
}

fn upsert_session(tx: &Connection, process: i64, number: Option<i64>, name: &str) -> Sql<i64> {
    query_cached(
        tx,
        "INSERT INTO sessions (process_id, number, name) VALUES (?1, ?2, ?3)
         ON CONFLICT (process_id, name) DO UPDATE SET number = excluded.number RETURNING id",
        params![process, number, name],
        |r| r.get(0),
    )
}

/// A session known by its name: the process's session of that name (in any case),
/// else a new one without a number.
fn named_session(tx: &Connection, process: i64, name: &str) -> Sql<i64> {
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM sessions WHERE process_id = ?1 AND name = ?2 COLLATE NOCASE
             ORDER BY name = ?2 DESC, id LIMIT 1",
            params![process, name],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(id) => Ok(id),
        None => upsert_session(tx, process, None, name),
    }
}

/// The name of a numbered session: "3rd substantive session" in an OEWG, "80th session"
/// elsewhere.
fn session_name(process_key: &str, number: i64) -> String {
    if process_key.starts_with("oewg") {
        format!("{} substantive session", ordinal(number))
    } else {
        format!("{} session", ordinal(number))
    }
}

/// How a session was given, for messages.
pub(super) fn session_text(s: &SessionRef) -> String {
    match s {
        SessionRef::Number(n) => n.to_string(),
        SessionRef::Name(name) => name.clone(),
    }
}

/// Where a document sits: the ids of its session and meeting in the process `(id,
/// key)`, created as needed. A session needs a process and a meeting a session; without
/// them they are `None`.
pub(super) fn place(
    tx: &Connection,
    process: Option<(i64, &str)>,
    session: Option<&SessionRef>,
    meeting: Option<i64>,
    date: Option<&str>,
) -> Sql<(Option<i64>, Option<i64>)> {
    let session = match (process, session) {
        (Some((p, key)), Some(SessionRef::Number(n))) => {
            Some(upsert_session(tx, p, Some(*n), &session_name(key, *n))?)
        }
        (Some((p, _)), Some(SessionRef::Name(name))) => Some(named_session(tx, p, name)?),
        _ => None,
    };
    let meeting = match (session, meeting) {
        (Some(s), Some(n)) => Some(upsert_meeting(
            tx,
            s,
            n,
            &format!("{} meeting", ordinal(n)),
            date,
        )?),
        _ => None,
    };
    Ok((session, meeting))
}

fn upsert_meeting(
    tx: &Connection,
    session: i64,
    number: i64,
    name: &str,
    date: Option<&str>,
) -> Sql<i64> {
    query_cached(tx,
        "INSERT INTO meetings (session_id, number, name, date) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (session_id, name) DO UPDATE SET date = coalesce(excluded.date, date) RETURNING id",
        params![session, number, name, date],
        |r| r.get(0),
    )
}

/// The session's agenda item with this number; an item read again keeps the title it
/// was first given.
pub(super) fn upsert_agenda_item(
    tx: &Connection,
    session: i64,
    number: &str,
    title: Option<&str>,
) -> Sql<i64> {
    query_cached(tx,
        "INSERT INTO agenda_items (session_id, number, title) VALUES (?1, ?2, ?3)
         ON CONFLICT (session_id, number) DO UPDATE SET title = coalesce(title, excluded.title) RETURNING id",
        params![session, number, title],
        |r| r.get(0),
    )
}

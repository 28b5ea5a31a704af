//! A person's corrections to a document's title, process, session, meeting and date.
//!
//! A correction is kept apart from the document, keyed by the file it came from (its
//! source path, and the content hash of the version corrected), so that importing the
//! file again — the same bytes, or a changed version that replaces the document —
//! applies it again inside the same transaction that writes the document
//! ([`super::documents`]'s `write`).
//!
//! Invariant: a person's correction is never overwritten by a re-import.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::documents::{bump_generation, place, upsert_agenda_item};
use super::Store;
use crate::error::{Error, Result};

type Sql<T> = rusqlite::Result<T>;

/// What to change in a document's description; a field left `None` stays as it is.
///
/// Values are given as a person types them and checked by [`DocumentEdit::check`]:
/// - `process`: a process key the library knows (`"global-mechanism"`), or `KEY=NAME`
///   to add a new process (`"oewg-2026=OEWG 2026"`);
/// - `session`: a number (`"11"`, named like the sessions Plenary reads: "11th
///   substantive session" in an OEWG, "11th session" elsewhere) or a name
///   (`"substantive plenary session of 2026"`); it belongs to the document's process;
/// - `meeting`: its number within the session, from 1;
/// - `date`: `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentEdit {
    pub title: Option<String>,
    pub process: Option<String>,
    pub session: Option<String>,
    pub meeting: Option<i64>,
    pub date: Option<String>,
}

/// A process the library knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Process {
    /// `"global-mechanism"`: what [`DocumentEdit::process`] takes.
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

fn invalid(field: &'static str, value: &str, problem: &str, fix: &str) -> Error {
    Error::InvalidEdit {
        field,
        value: value.to_string(),
        problem: problem.to_string(),
        fix: fix.to_string(),
    }
}

impl DocumentEdit {
    /// Checks every given field, against the processes the library knows, and returns
    /// the correction it stands for.
    pub fn check(&self, processes: &[Process]) -> Result<Correction> {
        let title = match &self.title {
            Some(t) if t.trim().is_empty() => {
                return Err(invalid(
                    "title",
                    t,
                    "it is empty",
                    "Give the title in words, or leave the title out to keep it",
                ))
            }
            Some(t) => Some(t.trim().to_string()),
            None => None,
        };
        let process = self
            .process
            .as_deref()
            .map(|p| check_process(p, processes))
            .transpose()?;
        let session = self.session.as_deref().map(check_session).transpose()?;
        if let Some(m) = self.meeting.filter(|m| *m < 1) {
            return Err(invalid(
                "meeting",
                &m.to_string(),
                "meetings are numbered from 1",
                "Give the meeting's number within its session (1, 2, …)",
            ));
        }
        let date = self.date.as_deref().map(check_date).transpose()?;
        Ok(Correction {
            title,
            process,
            session,
            meeting: self.meeting,
            date,
        })
    }
}

fn check_process(value: &str, processes: &[Process]) -> Result<(String, String)> {
    let known = |key: &str| processes.iter().find(|p| p.key == key).map(|p| &p.name);
    match value.split_once('=') {
        None => {
            let key = value.trim().to_lowercase();
            match known(&key) {
                Some(name) => Ok((key, name.clone())),
                None => Err(Error::UnknownProcess {
                    key: value.trim().to_string(),
                    known: if processes.is_empty() {
                        "none yet".to_string()
                    } else {
                        processes
                            .iter()
                            .map(|p| format!("{} ({})", p.key, p.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                }),
            }
        }
        Some((key, name)) => {
            let (key, name) = (key.trim().to_lowercase(), name.trim());
            let well_formed = !key.is_empty()
                && !key.starts_with('-')
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !well_formed {
                return Err(invalid(
                    "process",
                    value,
                    "a process key is lower-case letters, digits and hyphens",
                    "Write KEY=NAME, e.g. oewg-2026=OEWG 2026",
                ));
            }
            if name.is_empty() {
                return Err(invalid(
                    "process",
                    value,
                    "the new process has no name",
                    "Write KEY=NAME, e.g. oewg-2026=OEWG 2026",
                ));
            }
            match known(&key) {
                Some(existing) if existing.to_lowercase() != name.to_lowercase() => Err(invalid(
                    "process",
                    value,
                    &format!("the library already has the process {key} named {existing:?}"),
                    &format!(
                        "Give the key alone ({key}) to use it, or another key for a new process"
                    ),
                )),
                Some(existing) => Ok((key, existing.clone())),
                None => Ok((key, name.to_string())),
            }
        }
    }
}

fn check_session(value: &str) -> Result<SessionRef> {
    let text = value.trim();
    if text.is_empty() {
        return Err(invalid(
            "session",
            value,
            "it is empty",
            "Give the session's number (11) or its name (substantive plenary session of 2026)",
        ));
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        return match text.parse::<i64>() {
            Ok(n) if n >= 1 => Ok(SessionRef::Number(n)),
            _ => Err(invalid(
                "session",
                value,
                "sessions are numbered from 1",
                "Give the session's number (1, 2, …) or its name",
            )),
        };
    }
    Ok(SessionRef::Name(text.to_string()))
}

fn check_date(value: &str) -> Result<String> {
    let text = value.trim();
    let fix = "Write the date as YYYY-MM-DD, e.g. 2026-07-21";
    let shaped = text.len() == 10
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return Err(invalid(
            "date",
            value,
            "it is not a date in the form YYYY-MM-DD",
            fix,
        ));
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => Ok(date.to_string()),
        Err(_) => Err(invalid("date", value, "there is no such day", fix)),
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
        if let (Some(s), None) = (&fix.session, &process) {
            return Err(invalid(
                "session",
                &session_text(s),
                "the document has no process, and a session belongs to one",
                "Give its process too (--process KEY)",
            ));
        }
        let meeting = fix.meeting.or(current.meeting);
        if let (Some(m), None) = (fix.meeting, &session) {
            return Err(invalid(
                "meeting",
                &m.to_string(),
                "the document has no session, and a meeting belongs to one",
                "Give its session too (--session N)",
            ));
        }
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
        let recorded = find(&tx, &current.source_path, &current.content_hash)
            .map_err(sql)?
            .map(|(_, c)| c)
            .unwrap_or_default();
        save(
            &tx,
            &current.source_path,
            &current.content_hash,
            &recorded.merged(fix),
        )
        .map_err(sql)?;
        bump_generation(&tx).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(true)
    }
}

/// How a session was given, for messages.
pub(super) fn session_text(s: &SessionRef) -> String {
    match s {
        SessionRef::Number(n) => n.to_string(),
        SessionRef::Name(name) => name.clone(),
    }
}

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

/// The process with this key, added with `name` if the library does not have it yet
/// (an existing process keeps its name).
pub(super) fn ensure_process(conn: &Connection, key: &str, name: &str) -> Sql<i64> {
    conn.execute(
        "INSERT INTO processes (key, name) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
        params![key, name],
    )?;
    conn.query_row("SELECT id FROM processes WHERE key = ?1", [key], |r| {
        r.get(0)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn processes() -> Vec<Process> {
        vec![Process {
            key: "oewg-2021-2025".into(),
            name: "OEWG 2021–2025".into(),
        }]
    }

    /// Checks one field's value: `Ok(debug of the checked value)` or `Err(error code and
    /// the start of the problem)`.
    fn check(edit: DocumentEdit, expected: Result<&str, &str>) {
        let got = edit
            .check(&processes())
            .map(|c| {
                let fields = [
                    c.title.map(|t| format!("{t:?}")),
                    c.process.map(|p| format!("{p:?}")),
                    c.session.map(|s| format!("{s:?}")),
                    c.meeting.map(|m| m.to_string()),
                    c.date,
                ];
                fields.into_iter().flatten().collect::<Vec<_>>().join(" ")
            })
            .map_err(|e| format!("{}: {e}", e.code()));
        match (&got, expected) {
            (Ok(value), Ok(want)) => assert_eq!(value, want),
            (Err(message), Err(want)) => assert!(message.starts_with(want), "{message}"),
            _ => panic!("{edit:?}: got {got:?}, expected {expected:?}"),
        }
    }

    fn title(t: &str) -> DocumentEdit {
        DocumentEdit {
            title: Some(t.into()),
            ..DocumentEdit::default()
        }
    }
    fn process(p: &str) -> DocumentEdit {
        DocumentEdit {
            process: Some(p.into()),
            ..DocumentEdit::default()
        }
    }
    fn session(s: &str) -> DocumentEdit {
        DocumentEdit {
            session: Some(s.into()),
            ..DocumentEdit::default()
        }
    }
    fn meeting(m: i64) -> DocumentEdit {
        DocumentEdit {
            meeting: Some(m),
            ..DocumentEdit::default()
        }
    }
    fn date(d: &str) -> DocumentEdit {
        DocumentEdit {
            date: Some(d.into()),
            ..DocumentEdit::default()
        }
    }

    #[test]
    fn titles() {
        check(title("  Third meeting "), Ok("\"Third meeting\""));
        check(
            title(" \t"),
            Err("invalid_edit: cannot set the document's title to \" \\t\": it is empty"),
        );
    }

    #[test]
    fn processes_by_key_or_new_with_a_name() {
        check(
            process("oewg-2021-2025"),
            Ok("(\"oewg-2021-2025\", \"OEWG 2021–2025\")"),
        );
        check(
            process(" OEWG-2021-2025 "),
            Ok("(\"oewg-2021-2025\", \"OEWG 2021–2025\")"),
        );
        check(
            process("oewg-2021-2025=oewg 2021–2025"),
            Ok("(\"oewg-2021-2025\", \"OEWG 2021–2025\")"),
        );
        check(
            process("oewg-2026 = OEWG 2026"),
            Ok("(\"oewg-2026\", \"OEWG 2026\")"),
        );
        check(process("global-mechanism"), Err("unknown_process: process \"global-mechanism\" is not in the library (it knows: oewg-2021-2025 (OEWG 2021–2025))"));
        check(process("oewg-2021-2025=Something else"), Err("invalid_edit: cannot set the document's process to \"oewg-2021-2025=Something else\": the library already has"));
        check(process("new process=New"), Err("invalid_edit: cannot set the document's process to \"new process=New\": a process key is lower-case"));
        check(process("=New"), Err("invalid_edit"));
        check(process("new-one= "), Err("invalid_edit: cannot set the document's process to \"new-one= \": the new process has no name"));
    }

    #[test]
    fn sessions_by_number_or_name() {
        check(session("11"), Ok("Number(11)"));
        check(
            session(" substantive plenary session of 2026 "),
            Ok("Name(\"substantive plenary session of 2026\")"),
        );
        check(session("0"), Err("invalid_edit: cannot set the document's session to \"0\": sessions are numbered from 1"));
        check(session("99999999999999999999"), Err("invalid_edit"));
        check(
            session(""),
            Err("invalid_edit: cannot set the document's session to \"\": it is empty"),
        );
    }

    #[test]
    fn meetings_from_one() {
        check(meeting(3), Ok("3"));
        check(meeting(0), Err("invalid_edit: cannot set the document's meeting to \"0\": meetings are numbered from 1"));
        check(meeting(-2), Err("invalid_edit"));
    }

    #[test]
    fn dates_are_real_days_written_yyyy_mm_dd() {
        check(date("2026-07-21"), Ok("2026-07-21"));
        check(date(" 2024-02-29 "), Ok("2024-02-29"));
        check(date("2023-02-29"), Err("invalid_edit: cannot set the document's date to \"2023-02-29\": there is no such day. Write the date as YYYY-MM-DD"));
        check(date("21/07/2026"), Err("invalid_edit: cannot set the document's date to \"21/07/2026\": it is not a date in the form YYYY-MM-DD"));
        check(date("2026-7-21"), Err("invalid_edit"));
        check(date("2026"), Err("invalid_edit"));
        check(date("２０２６-07-21"), Err("invalid_edit"));
    }

    #[test]
    fn only_given_fields_are_corrected() {
        let fix = DocumentEdit {
            title: Some("T".into()),
            meeting: Some(2),
            ..DocumentEdit::default()
        }
        .check(&processes())
        .unwrap();
        assert_eq!(fix.fields(), ["title", "meeting"]);
        assert!(DocumentEdit::default().check(&[]).unwrap().is_empty());
        let newer = Correction {
            session: Some(SessionRef::Name("x".into())),
            meeting: Some(5),
            ..Correction::default()
        };
        let merged = fix.merged(&newer);
        assert_eq!(merged.fields(), ["title", "session", "meeting"]);
        assert_eq!(merged.meeting, Some(5));
    }
}

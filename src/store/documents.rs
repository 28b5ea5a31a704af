//! Documents and everything parsed from them: statements, speaker lists, footnotes,
//! cited symbols, and the process / session / meeting / agenda item they belong to.
//!
//! A document is written in one transaction; replacing a changed version carries the
//! human work (manual speakers, manual tags) over to statements whose text is
//! unchanged, and a person's correction of the document's title, process, session,
//! meeting or date ([`super::corrections`]) over to the new version, in that same
//! transaction.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use super::corrections::{self, SessionRef};
use super::Store;
use crate::error::{Error, Result};
use crate::formats::{ParsedDocument, SourceType};

/// A parsed document with its actors resolved, ready to be written.
#[derive(Debug)]
pub struct DocumentRecord<'a> {
    pub parsed: &'a ParsedDocument,
    pub content_hash: &'a str,
    pub source_path: &'a str,
    pub container: &'a str,
    pub notices: &'a [String],
    /// ISO 8601 date (or year, for sources that give only a year).
    pub date: Option<String>,
    /// `(speaker, on behalf of, aligned with)` actor ids, one per statement.
    pub statement_actors: Vec<[Option<i64>; 3]>,
    /// Resolved co-speakers of joint statements, per statement.
    pub co_speakers: Vec<Vec<i64>>,
    /// Actor id per speaker-list entry.
    pub speaker_list_actors: Vec<Option<i64>>,
    /// Folded-text hash per statement, to match statements across versions.
    pub text_hashes: Vec<String>,
    /// Automatic tags per statement.
    pub auto_tags: Vec<Vec<crate::themes::AutoTag>>,
}

/// What writing a document did.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct WriteOutcome {
    pub document_id: i64,
    /// Manual speakers and tags carried over from the replaced version.
    pub carried: usize,
    /// Human work that could not be carried over (its statement changed or vanished).
    pub lost: Vec<String>,
    /// Statements that went to the review queue.
    pub to_review: usize,
}

/// A document as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub container: String,
    pub process: Option<String>,
    pub session: Option<String>,
    pub meeting: Option<String>,
    pub date: Option<String>,
    pub un_symbol: Option<String>,
    pub statements: i64,
    pub source_path: String,
    pub unofficial: bool,
    pub ai_generated: bool,
    pub provenance: Option<String>,
    pub summary: Option<String>,
    pub symbols: Vec<String>,
    pub notices: Vec<String>,
    pub content_hash: String,
    /// The fields a person corrected (`title`, `process`, `session`, `meeting`,
    /// `date`); a re-import of the file keeps them.
    pub corrected: Vec<String>,
}

/// A statement as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementRow {
    pub id: i64,
    pub document: i64,
    pub seq: i64,
    pub speaker: Option<String>,
    pub speaker_label: Option<String>,
    pub speaker_kind: Option<String>,
    pub speaker_person: Option<String>,
    pub on_behalf_of: Option<String>,
    pub aligned_with: Option<String>,
    pub method: String,
    pub confidence: f64,
    pub agenda_item: Option<String>,
    pub section: Option<String>,
    pub number: Option<String>,
    pub words: i64,
    pub source_line: Option<i64>,
    pub footnotes: Vec<String>,
    pub text: String,
    /// The words that named the speaker.
    pub evidence: Option<String>,
    /// Why a person should check the speaker; `None` once nobody needs to.
    pub review: Option<String>,
    /// Other speakers the evidence points to.
    pub alternatives: Vec<String>,
    /// The other members of a joint statement.
    pub co_speakers: Vec<String>,
}

/// Which statements to list.
#[derive(Debug, Clone, Default)]
pub struct StatementFilter {
    pub document: Option<i64>,
    pub speaker: Option<i64>,
    /// Only this statement.
    pub id: Option<i64>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
    /// Only statements in the review queue.
    pub in_review: bool,
}

impl StatementFilter {
    fn default_for_statement(id: i64) -> Self {
        StatementFilter {
            id: Some(id),
            ..StatementFilter::default()
        }
    }
}

/// An entry of a speaker list as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerEntryRow {
    pub order: i64,
    pub label: String,
    pub speaker: Option<String>,
    pub announced: bool,
    pub spoke: bool,
    pub statement: Option<i64>,
    pub words: Option<i64>,
    pub seconds: Option<f64>,
    pub words_per_minute: Option<f64>,
}

type Sql<T> = rusqlite::Result<T>;

fn upsert_process(tx: &Connection, key: &str, name: &str) -> Sql<i64> {
    tx.query_row(
        "INSERT INTO processes (key, name) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET name = excluded.name RETURNING id",
        params![key, name],
        |r| r.get(0),
    )
}

fn upsert_session(tx: &Connection, process: i64, number: Option<i64>, name: &str) -> Sql<i64> {
    tx.query_row(
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
    tx.query_row(
        "INSERT INTO meetings (session_id, number, name, date) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (session_id, name) DO UPDATE SET date = coalesce(excluded.date, date) RETURNING id",
        params![session, number, name, date],
        |r| r.get(0),
    )
}

pub(super) fn upsert_agenda_item(
    tx: &Connection,
    session: i64,
    number: &str,
    title: Option<&str>,
) -> Sql<i64> {
    tx.query_row(
        "INSERT INTO agenda_items (session_id, number, title) VALUES (?1, ?2, ?3)
         ON CONFLICT (session_id, number) DO UPDATE SET title = coalesce(title, excluded.title) RETURNING id",
        params![session, number, title],
        |r| r.get(0),
    )
}

pub use crate::text::ordinal;

/// A manual tag as read back: span start and end, theme, stance, note, author,
/// created and updated timestamps.
type ManualTag = (
    Option<i64>,
    Option<i64>,
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
);

/// Human work on a statement of a version about to be replaced.
struct HumanWork {
    text_hash: String,
    seq: i64,
    manual_speaker: Option<i64>,
    tags: Vec<ManualTag>,
}

fn human_work(tx: &Transaction, document: i64) -> Sql<Vec<HumanWork>> {
    let mut out: Vec<HumanWork> = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT id, text_hash, seq, CASE WHEN method = 'manual' THEN speaker_id END FROM statements
         WHERE document_id = ?1 AND (method = 'manual' OR id IN
           (SELECT statement_id FROM tags WHERE origin = 'manual'))
         ORDER BY seq",
    )?;
    let rows = stmt.query_map([document], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get(2)?,
            r.get(3)?,
        ))
    })?;
    let mut tag_stmt = tx.prepare(
        "SELECT span_start, span_end, theme_id, stance, note, author, created_at, updated_at
         FROM tags WHERE statement_id = ?1 AND origin = 'manual'",
    )?;
    for row in rows {
        let (id, text_hash, seq, manual_speaker) = row?;
        let tags = tag_stmt
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                ))
            })?
            .collect::<Sql<Vec<_>>>()?;
        out.push(HumanWork {
            text_hash,
            seq,
            manual_speaker,
            tags,
        });
    }
    Ok(out)
}

impl Store {
    /// The document with this content hash, if present.
    pub fn document_by_hash(&self, hash: &str) -> Result<Option<(i64, i64)>> {
        self.conn
            .query_row(
                "SELECT d.id, (SELECT count(*) FROM statements s WHERE s.document_id = d.id)
                 FROM documents d WHERE content_hash = ?1",
                [hash],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.err("looking up a document by content"))
    }

    /// The newest document imported from this source path, if any.
    pub fn document_by_source_path(&self, path: &str) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT id FROM documents WHERE source_path = ?1 ORDER BY id DESC LIMIT 1",
                [path],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.err("looking up a document by path"))
    }

    /// Writes a document in one transaction, replacing `replaces` (an older version of
    /// the same source) if given and carrying its human work over.
    pub fn write_document(
        &mut self,
        rec: &DocumentRecord,
        replaces: Option<i64>,
    ) -> Result<WriteOutcome> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|source| Error::Sqlite {
            path: path.clone(),
            doing: "starting an import",
            source,
        })?;
        let outcome = write(&tx, rec, replaces).map_err(|source| Error::Sqlite {
            path: path.clone(),
            doing: "writing a document",
            source,
        })?;
        tx.commit().map_err(|source| Error::Sqlite {
            path,
            doing: "committing an import",
            source,
        })?;
        Ok(outcome)
    }

    /// Every document, newest session first, then by title.
    pub fn documents(&self) -> Result<Vec<DocumentRow>> {
        self.documents_where(None)
    }

    /// One document by id.
    pub fn document(&self, id: i64) -> Result<Option<DocumentRow>> {
        Ok(self.documents_where(Some(id))?.pop())
    }

    fn documents_where(&self, id: Option<i64>) -> Result<Vec<DocumentRow>> {
        let doing = "listing documents";
        let mut stmt = self
            .conn
            .prepare(
                "WITH corrected_fields AS (
                     SELECT id, source_path, content_hash, updated_at,
                            (title IS NOT NULL) || (process_key IS NOT NULL)
                            || (coalesce(session_number, session_name) IS NOT NULL)
                            || (meeting IS NOT NULL) || (date IS NOT NULL) AS fields
                     FROM document_corrections)
                 SELECT d.id, d.title, d.kind, d.container, p.name, s.name, m.name, d.date, d.un_symbol,
                        (SELECT count(*) FROM statements st WHERE st.document_id = d.id),
                        d.source_path, d.unofficial, d.ai_generated, d.provenance, d.summary,
                        (SELECT group_concat(symbol, char(31)) FROM document_symbols ds WHERE ds.document_id = d.id),
                        d.notices, d.content_hash,
                        coalesce(
                            (SELECT c.fields FROM corrected_fields c WHERE c.source_path = d.source_path),
                            (SELECT c.fields FROM corrected_fields c WHERE c.content_hash = d.content_hash
                             ORDER BY c.updated_at DESC, c.id DESC LIMIT 1))
                 FROM documents d
                 LEFT JOIN processes p ON p.id = d.process_id
                 LEFT JOIN sessions s ON s.id = d.session_id
                 LEFT JOIN meetings m ON m.id = d.meeting_id
                 WHERE ?1 IS NULL OR d.id = ?1
                 ORDER BY p.name, s.number, m.number, d.date, d.title, d.id",
            )
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([id], |r| {
                let symbols: Option<String> = r.get(15)?;
                let notices: String = r.get(16)?;
                // One digit per field, "1" where a person's correction applies.
                let flags: Option<String> = r.get(18)?;
                let corrected = ["title", "process", "session", "meeting", "date"]
                    .into_iter()
                    .zip(flags.unwrap_or_default().chars())
                    .filter(|(_, flag)| *flag == '1')
                    .map(|(field, _)| field.to_string())
                    .collect();
                Ok(DocumentRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    kind: r.get(2)?,
                    container: r.get(3)?,
                    process: r.get(4)?,
                    session: r.get(5)?,
                    meeting: r.get(6)?,
                    date: r.get(7)?,
                    un_symbol: r.get(8)?,
                    statements: r.get(9)?,
                    source_path: r.get(10)?,
                    unofficial: r.get(11)?,
                    ai_generated: r.get(12)?,
                    provenance: r.get(13)?,
                    summary: r.get(14)?,
                    symbols: symbols
                        .map(|s| s.split('\u{1f}').map(String::from).collect())
                        .unwrap_or_default(),
                    notices: serde_json::from_str(&notices).unwrap_or_default(),
                    content_hash: r.get(17)?,
                    corrected,
                })
            })
            .map_err(self.err(doing))?;
        rows.collect::<Sql<Vec<_>>>().map_err(self.err(doing))
    }

    /// Statements matching `filter`, in document order.
    pub fn statements(&self, filter: &StatementFilter) -> Result<Vec<StatementRow>> {
        let doing = "listing statements";
        let mut stmt = self
            .conn
            .prepare(
                "SELECT st.id, st.document_id, st.seq, a.name, st.speaker_label, a.kind, st.speaker_person,
                        b.name, w.name, st.method, st.confidence,
                        CASE WHEN ai.id IS NULL THEN NULL
                             ELSE ai.number || coalesce(': ' || ai.title, '') END,
                        st.section, st.number, st.source_line, st.text,
                        (SELECT group_concat(f.number || ' ' || f.text, char(31)) FROM footnotes f WHERE f.statement_id = st.id),
                        st.evidence, st.review, st.alternatives,
                        (SELECT group_concat(ca.name, char(31)) FROM statement_co_speakers cs
                           JOIN actors ca ON ca.id = cs.actor_id WHERE cs.statement_id = st.id)
                 FROM statements st
                 LEFT JOIN actors a ON a.id = st.speaker_id
                 LEFT JOIN actors b ON b.id = st.on_behalf_of_id
                 LEFT JOIN actors w ON w.id = st.aligned_with_id
                 LEFT JOIN agenda_items ai ON ai.id = st.agenda_item_id
                 WHERE (?1 IS NULL OR st.document_id = ?1) AND (?2 IS NULL OR st.speaker_id = ?2)
                   AND (?5 IS NULL OR st.id = ?5) AND (NOT ?6 OR st.review IS NOT NULL)
                 ORDER BY st.document_id, st.seq
                 LIMIT coalesce(?3, -1) OFFSET coalesce(?4, 0)",
            )
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map(
                params![
                    filter.document,
                    filter.speaker,
                    filter.limit,
                    filter.offset,
                    filter.id,
                    filter.in_review
                ],
                |r| {
                    let text: String = r.get(15)?;
                    let footnotes: Option<String> = r.get(16)?;
                    let alternatives: String = r.get(19)?;
                    let co_speakers: Option<String> = r.get(20)?;
                    Ok(StatementRow {
                        co_speakers: co_speakers
                            .map(|c| c.split('\u{1f}').map(String::from).collect())
                            .unwrap_or_default(),
                        evidence: r.get(17)?,
                        review: r.get(18)?,
                        alternatives: serde_json::from_str(&alternatives).unwrap_or_default(),
                        id: r.get(0)?,
                        document: r.get(1)?,
                        seq: r.get(2)?,
                        speaker: r.get(3)?,
                        speaker_label: r.get(4)?,
                        speaker_kind: r.get(5)?,
                        speaker_person: r.get(6)?,
                        on_behalf_of: r.get(7)?,
                        aligned_with: r.get(8)?,
                        method: r.get(9)?,
                        confidence: r.get(10)?,
                        agenda_item: r.get(11)?,
                        section: r.get(12)?,
                        number: r.get(13)?,
                        words: text.split_whitespace().count() as i64,
                        source_line: r.get(14)?,
                        footnotes: footnotes
                            .map(|f| f.split('\u{1f}').map(String::from).collect())
                            .unwrap_or_default(),
                        text,
                    })
                },
            )
            .map_err(self.err(doing))?;
        rows.collect::<Sql<Vec<_>>>().map_err(self.err(doing))
    }

    /// One statement by id.
    pub fn statement(&self, id: i64) -> Result<Option<StatementRow>> {
        let mut rows = self.statements(&StatementFilter::default_for_statement(id))?;
        Ok(rows.pop())
    }

    /// A document's speaker list, in order.
    pub fn speaker_list(&self, document: i64) -> Result<Vec<SpeakerEntryRow>> {
        let doing = "reading the speaker list";
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.seq, e.label, a.name, e.announced, e.spoke, e.statement_id, e.words, e.seconds, e.words_per_minute
                 FROM speaker_list_entries e LEFT JOIN actors a ON a.id = e.actor_id
                 WHERE e.document_id = ?1 ORDER BY e.seq",
            )
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([document], |r| {
                Ok(SpeakerEntryRow {
                    order: r.get(0)?,
                    label: r.get(1)?,
                    speaker: r.get(2)?,
                    announced: r.get(3)?,
                    spoke: r.get(4)?,
                    statement: r.get(5)?,
                    words: r.get(6)?,
                    seconds: r.get(7)?,
                    words_per_minute: r.get(8)?,
                })
            })
            .map_err(self.err(doing))?;
        rows.collect::<Sql<Vec<_>>>().map_err(self.err(doing))
    }

    /// Whether a document with this id exists.
    pub fn document_exists(&self, id: i64) -> Result<bool> {
        self.conn
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(self.err("looking up a document"))
    }

    /// Sets a statement's speaker by hand (method `manual`). Returns false when there is
    /// no such statement.
    pub fn set_manual_speaker(&mut self, statement: i64, actor: i64) -> Result<bool> {
        let tx = self
            .conn
            .transaction()
            .map_err(|source| crate::error::Error::Sqlite {
                path: self.path.clone(),
                doing: "setting a speaker",
                source,
            })?;
        let result = tx
            .execute(
                "UPDATE statements SET speaker_id = ?2, method = 'manual', confidence = 1.0, review = NULL WHERE id = ?1",
                params![statement, actor],
            )
            .and_then(|changed| bump_generation(&tx).map(|()| changed))
            .and_then(|changed| tx.commit().map(|()| changed));
        let changed = result.map_err(|source| crate::error::Error::Sqlite {
            path: self.path.clone(),
            doing: "setting a speaker",
            source,
        })?;
        Ok(changed == 1)
    }
}

/// Bumps the write generation the search index compares itself with.
pub(crate) fn bump_generation(conn: &rusqlite::Connection) -> Sql<()> {
    conn.execute(
        "INSERT INTO library_meta (key, value) VALUES ('generation', '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
        [],
    )?;
    Ok(())
}

fn write(tx: &Transaction, rec: &DocumentRecord, replaces: Option<i64>) -> Sql<WriteOutcome> {
    let doc = rec.parsed;
    let carried_work = match replaces {
        Some(old) => human_work(tx, old)?,
        None => Vec::new(),
    };
    if let Some(old) = replaces {
        tx.execute("DELETE FROM documents WHERE id = ?1", [old])?;
    }

    // A person's correction of this file (by path, else by these bytes) wins over what
    // the parser read.
    let correction = corrections::find(tx, rec.source_path, rec.content_hash)?;
    let fix = correction.as_ref().map(|(_, c)| c);
    let process = match (fix.and_then(|c| c.process.as_ref()), &doc.sitting.process) {
        (Some((key, name)), _) => Some((corrections::ensure_process(tx, key, name)?, key.as_str())),
        (None, Some((key, name))) => Some((upsert_process(tx, key, name)?, key.as_str())),
        (None, None) => None,
    };
    let session = fix.and_then(|c| c.session.clone()).or_else(|| {
        doc.sitting
            .session
            .map(SessionRef::Number)
            // A session known by its name only ("substantive plenary session of 2026").
            .or_else(|| doc.sitting.session_name.clone().map(SessionRef::Name))
    });
    let meeting = fix.and_then(|c| c.meeting).or(doc.sitting.meeting);
    let date = fix
        .and_then(|c| c.date.clone())
        .or_else(|| rec.date.clone());
    let title = fix.and_then(|c| c.title.as_deref()).unwrap_or(&doc.title);
    let (session, meeting) = place(tx, process, session.as_ref(), meeting, date.as_deref())?;
    let process = process.map(|(id, _)| id);
    let mut agenda_ids = Vec::new();
    for item in &doc.agenda_items {
        agenda_ids.push(match session {
            Some(s) => Some(upsert_agenda_item(
                tx,
                s,
                &item.number,
                item.title.as_deref(),
            )?),
            None => None,
        });
    }

    let document_id: i64 = tx.query_row(
        "INSERT INTO documents (content_hash, source_path, container, kind, title, date, un_symbol,
            process_id, session_id, meeting_id, summary, source_url, unofficial, ai_generated,
            provenance, imported_at, start_time, end_time, notices)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?16, ?17, ?18)
         RETURNING id",
        params![
            rec.content_hash,
            rec.source_path,
            rec.container,
            doc.source_type.as_str(),
            title,
            date,
            doc.un_symbol,
            process,
            session,
            meeting,
            doc.summary,
            doc.source_url,
            doc.unofficial,
            doc.ai_generated,
            doc.provenance,
            doc.start_time,
            doc.end_time,
            serde_json::to_string(rec.notices).unwrap_or_else(|_| "[]".into()),
        ],
        |r| r.get(0),
    )?;
    {
        let mut symbol = tx.prepare(
            "INSERT OR IGNORE INTO document_symbols (document_id, symbol) VALUES (?1, ?2)",
        )?;
        for s in &doc.symbols {
            symbol.execute(params![document_id, s])?;
        }
    }

    let mut statement_ids = Vec::with_capacity(doc.statements.len());
    let mut to_review = 0;
    {
        let mut co_speaker = tx.prepare(
            "INSERT OR IGNORE INTO statement_co_speakers (statement_id, actor_id) VALUES (?1, ?2)",
        )?;
        let mut insert = tx.prepare(
            "INSERT INTO statements (document_id, seq, speaker_id, speaker_label, speaker_person,
                on_behalf_of_id, aligned_with_id, agenda_item_id, section, text, start_offset,
                end_offset, source_line, method, confidence, number, text_hash, evidence, review,
                alternatives)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19, ?20)
             RETURNING id",
        )?;
        for (i, s) in doc.statements.iter().enumerate() {
            let [speaker, behalf, aligned] =
                rec.statement_actors.get(i).copied().unwrap_or_default();
            let method = s.speaker.method.map_or("unknown", |m| m.as_str());
            let label = s.speaker.label.clone().or_else(|| s.speaker.name.clone());
            // The review queue: what the parser doubted, and any speech turn whose
            // speaker is a weak guess.
            let turns = matches!(
                doc.source_type,
                SourceType::Transcript | SourceType::SessionReport
            );
            let review = s.review.clone().or_else(|| {
                (turns && s.speaker.confidence < 0.5 && method != "manual")
                    .then(|| "the speaker is a weak guess".to_string())
            });
            let alternatives =
                serde_json::to_string(&s.alternatives).unwrap_or_else(|_| "[]".to_string());
            to_review += usize::from(review.is_some());
            let id: i64 = insert.query_row(
                params![
                    document_id,
                    i as i64 + 1,
                    speaker,
                    label,
                    s.speaker.person,
                    behalf,
                    aligned,
                    s.agenda_item
                        .and_then(|a| agenda_ids.get(a).copied().flatten()),
                    s.section,
                    s.text,
                    s.start as i64,
                    s.end as i64,
                    s.line as i64,
                    method,
                    s.speaker.confidence.clamp(0.0, 1.0),
                    s.number,
                    rec.text_hashes
                        .get(i)
                        .map(String::as_str)
                        .unwrap_or_default(),
                    s.evidence,
                    review,
                    alternatives,
                ],
                |r| r.get(0),
            )?;
            statement_ids.push(id);
            for actor in rec.co_speakers.get(i).into_iter().flatten() {
                co_speaker.execute(params![id, actor])?;
            }
        }
    }
    {
        let mut entry = tx.prepare(
            "INSERT INTO speaker_list_entries (document_id, seq, actor_id, label, announced, spoke,
                statement_id, words, seconds, words_per_minute)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for (i, e) in doc.speaker_list.iter().enumerate() {
            entry.execute(params![
                document_id,
                i as i64 + 1,
                rec.speaker_list_actors.get(i).copied().flatten(),
                e.label,
                e.announced,
                e.spoke,
                e.statement.and_then(|s| statement_ids.get(s).copied()),
                e.words,
                e.seconds,
                e.words_per_minute,
            ])?;
        }
        let mut footnote = tx.prepare(
            "INSERT INTO footnotes (document_id, statement_id, number, text) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for f in &doc.footnotes {
            footnote.execute(params![
                document_id,
                f.statement.and_then(|s| statement_ids.get(s).copied()),
                f.number,
                f.text
            ])?;
        }
    }

    {
        let theme_ids: std::collections::HashMap<String, i64> = {
            let mut stmt = tx.prepare("SELECT key, id FROM themes")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Sql<_>>()?
        };
        let mut insert = tx.prepare(
            "INSERT INTO tags (statement_id, theme_id, span_start, span_end, stance, origin, confidence, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'auto', ?6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        )?;
        for (i, tags) in rec.auto_tags.iter().enumerate() {
            let Some(statement) = statement_ids.get(i) else {
                continue;
            };
            for tag in tags {
                if let Some(theme) = theme_ids.get(&tag.theme) {
                    insert.execute(params![
                        statement,
                        theme,
                        tag.span.0 as i64,
                        tag.span.1 as i64,
                        tag.stance.as_str(),
                        tag.confidence
                    ])?;
                }
            }
        }
    }
    bump_generation(tx)?;

    // Carry human work to the statement with the same text (nearest in order when the
    // same text occurs twice).
    let mut outcome = WriteOutcome {
        document_id,
        to_review,
        ..WriteOutcome::default()
    };
    if let Some((id, fix)) = &correction {
        corrections::applied(tx, *id, rec.source_path, rec.content_hash)?;
        if replaces.is_some() {
            outcome.carried += 1;
        }
        if let (Some(s), None) = (&fix.session, session) {
            outcome.lost.push(format!(
                "the corrected session {:?} (this version names no process)",
                corrections::session_text(s)
            ));
        }
        if let (Some(m), None) = (fix.meeting, meeting) {
            outcome.lost.push(format!(
                "the corrected meeting {m} (this version names no session)"
            ));
        }
    }
    for work in carried_work {
        let target = rec
            .text_hashes
            .iter()
            .enumerate()
            .filter(|(_, h)| **h == work.text_hash)
            .min_by_key(|(i, _)| (*i as i64 + 1 - work.seq).abs())
            .map(|(i, _)| statement_ids[i]);
        let Some(target) = target else {
            if work.manual_speaker.is_some() {
                outcome.lost.push(format!(
                    "the manual speaker of statement {} (its text changed)",
                    work.seq
                ));
            }
            for _ in &work.tags {
                outcome.lost.push(format!(
                    "a manual tag on statement {} (its text changed)",
                    work.seq
                ));
            }
            continue;
        };
        if let Some(actor) = work.manual_speaker {
            tx.execute(
                "UPDATE statements SET speaker_id = ?2, method = 'manual', confidence = 1.0, review = NULL WHERE id = ?1",
                params![target, actor],
            )?;
            outcome.carried += 1;
        }
        for (span_start, span_end, theme, stance, note, author, created, updated) in work.tags {
            tx.execute(
                "INSERT INTO tags (statement_id, theme_id, span_start, span_end, stance, note, author,
                    origin, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'manual', ?8, ?9)",
                params![target, theme, span_start, span_end, stance, note, author, created, updated],
            )?;
            outcome.carried += 1;
        }
    }
    Ok(outcome)
}

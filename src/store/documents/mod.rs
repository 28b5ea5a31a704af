//! Documents and everything parsed from them: statements, speaker lists, footnotes,
//! cited symbols, and the process / session / meeting / agenda item they belong to.
//!
//! A document is written in one transaction (`record.rs`); replacing a changed version
//! carries the human work (manual speakers, manual tags) over to statements whose text
//! is unchanged (`human_work.rs`), and a person's correction of the document's title,
//! process, session, meeting or date ([`super::corrections`]) over to the new version,
//! in that same transaction.

mod human_work;
mod record;

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};

pub use super::statements::{StatementFilter, StatementRow};
pub use crate::text::ordinal;
pub use record::{DocumentRecord, WriteOutcome};

type Sql<T> = rusqlite::Result<T>;

/// What a reader shows of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DocumentView {
    pub document: DocumentRow,
    pub statements: Vec<StatementRow>,
    /// Every tag of the document's statements, automatic and human.
    pub tags: Vec<crate::store::themes::TagRow>,
    pub speakers: Vec<SpeakerEntryRow>,
}

/// A document as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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

/// An entry of a speaker list as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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
        let outcome = record::write(&tx, rec, replaces).map_err(|source| Error::Sqlite {
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
}

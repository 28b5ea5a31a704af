//! Statements: one speech turn, paragraph or entry of a document each, with its
//! speaker, agenda item, footnotes and place in the review queue.

use rusqlite::params;
use serde::Serialize;

use super::generation::record_change;
use super::Store;
use crate::error::{Error, Result};

type Sql<T> = rusqlite::Result<T>;

/// A statement as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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

impl Store {
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
    /// The texts of statements `ids`, in that order (`None` for an id the library no
    /// longer holds): the search index keeps no copy, so snippets are cut from these.
    pub fn texts(&self, ids: &[i64]) -> Result<Vec<Option<String>>> {
        let read = |id: &i64| {
            super::query_cached(
                &self.conn,
                "SELECT text FROM statements WHERE id = ?1",
                [id],
                |r| r.get::<_, String>(0),
            )
        };
        ids.iter()
            .map(|id| match read(id) {
                Ok(text) => Ok(Some(text)),
                Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
                Err(e) => Err(self.err("reading the texts of search hits")(e)),
            })
            .collect()
    }

    pub fn statement(&self, id: i64) -> Result<Option<StatementRow>> {
        let mut rows = self.statements(&StatementFilter::default_for_statement(id))?;
        Ok(rows.pop())
    }

    /// Sets a statement's speaker by hand (method `manual`). Returns false when there is
    /// no such statement.
    pub fn set_manual_speaker(&mut self, statement: i64, actor: i64) -> Result<bool> {
        let tx = self.conn.transaction().map_err(|source| Error::Sqlite {
            path: self.path.clone(),
            doing: "setting a speaker",
            source,
        })?;
        let result = tx
            .execute(
                "UPDATE statements SET speaker_id = ?2, method = 'manual', confidence = 1.0, review = NULL WHERE id = ?1",
                params![statement, actor],
            )
            // Nothing changed (no such statement): the index stays current.
            .and_then(|changed| match changed {
                0 => Ok(0),
                _ => tx
                    .query_row(
                        "SELECT document_id FROM statements WHERE id = ?1",
                        [statement],
                        |r| r.get::<_, i64>(0),
                    )
                    .and_then(|document| record_change(&tx, Some(&[document])))
                    .map(|()| changed),
            })
            .and_then(|changed| tx.commit().map(|()| changed));
        let changed = result.map_err(|source| Error::Sqlite {
            path: self.path.clone(),
            doing: "setting a speaker",
            source,
        })?;
        Ok(changed == 1)
    }
}

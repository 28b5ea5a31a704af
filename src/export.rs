//! Export: every statement joined with its document, speaker and effective tags, one
//! row each, for a spreadsheet or CSV.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::Result;
use crate::store::documents::{DocumentRow, StatementFilter};
use crate::store::Store;

/// A statement as exported: one row of a spreadsheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportRow {
    pub statement: i64,
    pub document: i64,
    pub document_title: String,
    pub document_kind: String,
    pub date: Option<String>,
    pub process: Option<String>,
    pub session: Option<String>,
    pub meeting: Option<String>,
    pub seq: i64,
    pub speaker: Option<String>,
    pub speaker_label: Option<String>,
    pub method: String,
    pub confidence: f64,
    pub on_behalf_of: Option<String>,
    pub aligned_with: Option<String>,
    pub agenda_item: Option<String>,
    /// "theme:stance" pairs, separated by "; ".
    pub tags: String,
    pub text: String,
}

/// Every statement of the library, in document order, with its effective tags.
pub fn rows(store: &Store) -> Result<Vec<ExportRow>> {
    let documents: HashMap<i64, DocumentRow> =
        store.documents()?.into_iter().map(|d| (d.id, d)).collect();
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    for t in store.tags(None, None, None, None)? {
        if !t.overridden {
            let pair = format!("{}:{}", t.theme, t.stance);
            tags.entry(t.statement).or_default().push(pair);
        }
    }
    let rows = store.statements(&StatementFilter::default())?;
    Ok(rows
        .into_iter()
        .map(|s| {
            let d = documents.get(&s.document);
            ExportRow {
                statement: s.id,
                document: s.document,
                document_title: d.map(|d| d.title.clone()).unwrap_or_default(),
                document_kind: d.map(|d| d.kind.clone()).unwrap_or_default(),
                date: d.and_then(|d| d.date.clone()),
                process: d.and_then(|d| d.process.clone()),
                session: d.and_then(|d| d.session.clone()),
                meeting: d.and_then(|d| d.meeting.clone()),
                seq: s.seq,
                speaker: s.speaker,
                speaker_label: s.speaker_label,
                method: s.method,
                confidence: s.confidence,
                on_behalf_of: s.on_behalf_of,
                aligned_with: s.aligned_with,
                agenda_item: s.agenda_item,
                tags: tags.remove(&s.id).unwrap_or_default().join("; "),
                text: s.text,
            }
        })
        .collect())
}

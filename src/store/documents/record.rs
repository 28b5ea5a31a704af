//! Writing a document: a parsed document with its actors resolved
//! ([`DocumentRecord`]) goes into the database in one transaction, as one row per
//! table it touches, with a person's correction of the file and the human work on the
//! version it replaces applied again.

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use super::human_work;
use crate::formats::{ParsedDocument, SourceType};
use crate::store::corrections::{self, Correction};
use crate::store::generation::record_change;
use crate::store::places::{
    ensure_process, place, session_text, upsert_agenda_item, upsert_process, SessionRef,
};
use crate::store::themes::{insert_auto_tag, INSERT_AUTO_TAG};
use crate::themes::AutoTag;

use crate::store::{execute_cached, query_cached};

type Sql<T> = rusqlite::Result<T>;

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
    /// Automatic tags per statement.
    pub auto_tags: Vec<Vec<AutoTag>>,
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

/// Where a document sits and what it is called, once a person's correction is laid
/// over what the parser read.
struct Placement<'r> {
    title: &'r str,
    date: Option<String>,
    process: Option<i64>,
    session: Option<i64>,
    meeting: Option<i64>,
}

/// Writes `rec`, replacing the document `replaces` if given (carrying its human work
/// over), and bumps the write generation. The caller holds the transaction.
pub(super) fn write(
    tx: &Transaction,
    rec: &DocumentRecord,
    replaces: Option<i64>,
) -> Sql<WriteOutcome> {
    let carried_work = match replaces {
        Some(old) => human_work::read(tx, old)?,
        None => Vec::new(),
    };
    if let Some(old) = replaces {
        execute_cached(tx, "DELETE FROM documents WHERE id = ?1", [old])?;
    }
    // A person's correction of this file (by path, else by these bytes) wins over what
    // the parser read.
    let correction = corrections::find(tx, rec.source_path, rec.content_hash)?;
    let placement = placement(tx, rec, correction.as_ref().map(|(_, c)| c))?;
    let agenda_ids = agenda_items(tx, rec.parsed, placement.session)?;
    let document_id = insert_document(tx, rec, &placement)?;
    insert_symbols(tx, document_id, &rec.parsed.symbols)?;
    let (statement_ids, to_review) = insert_statements(tx, rec, document_id, &agenda_ids)?;
    insert_speaker_list(tx, rec, document_id, &statement_ids)?;
    insert_footnotes(tx, rec.parsed, document_id, &statement_ids)?;
    insert_auto_tags(tx, rec, &statement_ids)?;
    let touched: Vec<i64> = std::iter::once(document_id).chain(replaces).collect();
    record_change(tx, Some(&touched))?;

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
        outcome.lost.extend(correction_lost(fix, &placement));
    }
    let texts: Vec<&str> = rec
        .parsed
        .statements
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    let carried = human_work::carry(tx, carried_work, &texts, &statement_ids)?;
    outcome.carried += carried.carried;
    outcome.lost.extend(carried.lost);
    Ok(outcome)
}

/// Finds or creates the document's process, session and meeting — a person's
/// correction first, then what the parser read — and settles its title and date.
fn placement<'r>(
    tx: &Connection,
    rec: &DocumentRecord<'r>,
    fix: Option<&'r Correction>,
) -> Sql<Placement<'r>> {
    let doc = rec.parsed;
    let process = match (fix.and_then(|c| c.process.as_ref()), &doc.sitting.process) {
        (Some((key, name)), _) => Some((ensure_process(tx, key, name)?, key.as_str())),
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
    Ok(Placement {
        title,
        date,
        process: process.map(|(id, _)| id),
        session,
        meeting,
    })
}

/// What of a correction this version cannot hold: a session without a process to put
/// it in, a meeting without a session.
fn correction_lost(fix: &Correction, placement: &Placement) -> Vec<String> {
    let mut lost = Vec::new();
    if let (Some(s), None) = (&fix.session, placement.session) {
        lost.push(format!(
            "the corrected session {:?} (this version names no process)",
            session_text(s)
        ));
    }
    if let (Some(m), None) = (fix.meeting, placement.meeting) {
        lost.push(format!(
            "the corrected meeting {m} (this version names no session)"
        ));
    }
    lost
}

/// Writes the agenda items the document lists into its session; returns their ids in
/// the document's order (`None` each when the document has no session).
fn agenda_items(
    tx: &Connection,
    doc: &ParsedDocument,
    session: Option<i64>,
) -> Sql<Vec<Option<i64>>> {
    let mut ids = Vec::new();
    for item in &doc.agenda_items {
        ids.push(match session {
            Some(s) => Some(upsert_agenda_item(
                tx,
                s,
                &item.number,
                item.title.as_deref(),
            )?),
            None => None,
        });
    }
    Ok(ids)
}

/// Writes the `documents` row; returns its id.
fn insert_document(tx: &Connection, rec: &DocumentRecord, placement: &Placement) -> Sql<i64> {
    let doc = rec.parsed;
    query_cached(
        tx,
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
            placement.title,
            placement.date,
            doc.un_symbol,
            placement.process,
            placement.session,
            placement.meeting,
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
    )
}

/// Writes the UN symbols the document cites (`document_symbols`).
fn insert_symbols(tx: &Connection, document_id: i64, symbols: &[String]) -> Sql<()> {
    let mut symbol = tx.prepare_cached(
        "INSERT OR IGNORE INTO document_symbols (document_id, symbol) VALUES (?1, ?2)",
    )?;
    for s in symbols {
        symbol.execute(params![document_id, s])?;
    }
    Ok(())
}

/// Writes the `statements` rows and their co-speakers (`statement_co_speakers`);
/// returns the statements' ids in order and how many went to the review queue.
fn insert_statements(
    tx: &Connection,
    rec: &DocumentRecord,
    document_id: i64,
    agenda_ids: &[Option<i64>],
) -> Sql<(Vec<i64>, usize)> {
    let doc = rec.parsed;
    let mut co_speaker = tx.prepare_cached(
        "INSERT OR IGNORE INTO statement_co_speakers (statement_id, actor_id) VALUES (?1, ?2)",
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO statements (document_id, seq, speaker_id, speaker_label, speaker_person,
            on_behalf_of_id, aligned_with_id, agenda_item_id, section, text, start_offset,
            end_offset, source_line, method, confidence, number, evidence, review, alternatives)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19)
         RETURNING id",
    )?;
    // The review queue: what the parser doubted, and any speech turn whose speaker is
    // a weak guess.
    let turns = matches!(
        doc.source_type,
        SourceType::Transcript | SourceType::SessionReport
    );
    let mut ids = Vec::with_capacity(doc.statements.len());
    let mut to_review = 0;
    for (i, s) in doc.statements.iter().enumerate() {
        let [speaker, behalf, aligned] = rec.statement_actors.get(i).copied().unwrap_or_default();
        let method = s.speaker.method.map_or("unknown", |m| m.as_str());
        let label = s.speaker.label.clone().or_else(|| s.speaker.name.clone());
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
                s.evidence,
                review,
                alternatives,
            ],
            |r| r.get(0),
        )?;
        ids.push(id);
        for actor in rec.co_speakers.get(i).into_iter().flatten() {
            co_speaker.execute(params![id, actor])?;
        }
    }
    Ok((ids, to_review))
}

/// Writes the document's speaker list (`speaker_list_entries`), each entry linked to
/// the statement it became.
fn insert_speaker_list(
    tx: &Connection,
    rec: &DocumentRecord,
    document_id: i64,
    statement_ids: &[i64],
) -> Sql<()> {
    let mut entry = tx.prepare_cached(
        "INSERT INTO speaker_list_entries (document_id, seq, actor_id, label, announced, spoke,
            statement_id, words, seconds, words_per_minute)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, e) in rec.parsed.speaker_list.iter().enumerate() {
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
    Ok(())
}

/// Writes the document's footnotes (`footnotes`), each linked to its statement.
fn insert_footnotes(
    tx: &Connection,
    doc: &ParsedDocument,
    document_id: i64,
    statement_ids: &[i64],
) -> Sql<()> {
    let mut footnote = tx.prepare_cached(
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
    Ok(())
}

/// Writes the automatic tags (`tags`, origin `auto`) of themes the library knows.
fn insert_auto_tags(tx: &Connection, rec: &DocumentRecord, statement_ids: &[i64]) -> Sql<()> {
    let theme_ids: HashMap<String, i64> = {
        let mut stmt = tx.prepare_cached("SELECT key, id FROM themes")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Sql<_>>()?
    };
    let mut insert = tx.prepare_cached(INSERT_AUTO_TAG)?;
    for (i, tags) in rec.auto_tags.iter().enumerate() {
        let Some(&statement) = statement_ids.get(i) else {
            continue;
        };
        for tag in tags {
            if let Some(&theme) = theme_ids.get(&tag.theme) {
                insert_auto_tag(&mut insert, statement, theme, tag)?;
            }
        }
    }
    Ok(())
}

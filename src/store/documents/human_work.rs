//! Human work on a document — speakers set by hand, manual tags — read from a version
//! about to be replaced and carried over to the statements of the new version whose
//! text is unchanged.

use rusqlite::{params, Transaction};
use sha2::{Digest, Sha256};

use crate::gazetteer::names;

/// What identifies a statement's text across versions of a document: SHA-256 of the
/// text normalised as names are (case, accents, punctuation and spacing folded), so
/// a re-extraction that only changes spacing or quotes keeps the human work.
pub(crate) fn text_key(text: &str) -> [u8; 32] {
    Sha256::digest(names::normalize(text).as_bytes()).into()
}

type Sql<T> = rusqlite::Result<T>;

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
pub(super) struct HumanWork {
    text_key: [u8; 32],
    seq: i64,
    manual_speaker: Option<i64>,
    tags: Vec<ManualTag>,
}

/// The human work on the statements of `document`, in statement order.
pub(super) fn read(tx: &Transaction, document: i64) -> Sql<Vec<HumanWork>> {
    let mut out: Vec<HumanWork> = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT id, text, seq, CASE WHEN method = 'manual' THEN speaker_id END FROM statements
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
        let (id, text, seq, manual_speaker) = row?;
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
            text_key: text_key(&text),
            seq,
            manual_speaker,
            tags,
        });
    }
    Ok(out)
}

/// What carrying human work over did.
#[derive(Debug, Default)]
pub(super) struct Carried {
    /// Manual speakers and tags carried over.
    pub carried: usize,
    /// Human work that could not be carried over (its statement changed or vanished).
    pub lost: Vec<String>,
}

/// Carries human work to the new version's statement with the same text (nearest in
/// order when the same text occurs twice): sets its manual speaker and writes its
/// manual tags again. `texts` and `statement_ids` are the new statements'.
pub(super) fn carry(
    tx: &Transaction,
    work: Vec<HumanWork>,
    texts: &[&str],
    statement_ids: &[i64],
) -> Sql<Carried> {
    let mut out = Carried::default();
    if work.is_empty() {
        return Ok(out);
    }
    let keys: Vec<[u8; 32]> = texts.iter().map(|t| text_key(t)).collect();
    for work in work {
        let target = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| **k == work.text_key)
            .min_by_key(|(i, _)| (*i as i64 + 1 - work.seq).abs())
            .map(|(i, _)| statement_ids[i]);
        let Some(target) = target else {
            if work.manual_speaker.is_some() {
                out.lost.push(format!(
                    "the manual speaker of statement {} (its text changed)",
                    work.seq
                ));
            }
            for _ in &work.tags {
                out.lost.push(format!(
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
            out.carried += 1;
        }
        for (span_start, span_end, theme, stance, note, author, created, updated) in work.tags {
            tx.execute(
                "INSERT INTO tags (statement_id, theme_id, span_start, span_end, stance, note, author,
                    origin, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'manual', ?8, ?9)",
                params![target, theme, span_start, span_end, stance, note, author, created, updated],
            )?;
            out.carried += 1;
        }
    }
    Ok(out)
}

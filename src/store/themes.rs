//! The `themes` and `tags` tables: the codebook as the library holds it, automatic
//! tags (recomputed at will) and human tags (never touched by recomputation).
//!
//! Invariant: a human tag overrides the automatic one for the same statement and
//! theme; every query that reads positions uses [`EFFECTIVE_TAGS`].

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::generation::record_change;
use super::Store;
use crate::error::{Error, Result};
use crate::themes::codebook::Codebook;
use crate::themes::{AutoTag, Stance, TagOrigin};

type Sql<T> = rusqlite::Result<T>;

/// The tags that count: human tags, and automatic tags where no human tag exists for
/// the same statement and theme.
pub const EFFECTIVE_TAGS: &str = "(SELECT t.* FROM tags t WHERE t.origin = 'manual' OR NOT EXISTS
     (SELECT 1 FROM tags m WHERE m.statement_id = t.statement_id AND m.theme_id = t.theme_id AND m.origin = 'manual'))";

/// A theme as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ThemeRow {
    pub id: i64,
    pub key: String,
    pub parent: Option<String>,
    pub label: String,
    pub description: Option<String>,
    /// Statements tagged with it (effective tags).
    pub statements: i64,
}

/// A tag as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TagRow {
    pub id: i64,
    pub statement: i64,
    pub document: i64,
    pub speaker: Option<String>,
    pub theme: String,
    pub stance: Stance,
    pub span: Option<(i64, i64)>,
    pub note: Option<String>,
    pub author: Option<String>,
    pub origin: TagOrigin,
    pub confidence: Option<f64>,
    /// Overridden by a human tag on the same statement and theme.
    pub overridden: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// A new human tag.
#[derive(Debug, Clone, Default)]
pub struct NewTag {
    pub statement: i64,
    pub theme: String,
    pub stance: Stance,
    pub span: Option<(i64, i64)>,
    pub note: Option<String>,
    pub author: Option<String>,
}

/// Library metadata key holding the codebook text the library uses.
pub const CODEBOOK: &str = "codebook";

impl Store {
    fn sql_err(&self, doing: &'static str) -> impl Fn(rusqlite::Error) -> Error + '_ {
        self.err(doing)
    }

    /// Loads a codebook into `themes` (by key; themes dropped from the codebook stay
    /// while human tags use them) and records its text. Returns, per theme removed,
    /// how many automatic tags went with it.
    pub fn sync_codebook(&mut self, book: &Codebook, text: &str) -> Result<HashMap<String, i64>> {
        let path = self.path.clone();
        let err = |source| Error::Sqlite {
            path: path.clone(),
            doing: "loading the codebook",
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        let removed;
        {
            let mut upsert = tx
                .prepare(
                    "INSERT INTO themes (key, label, description, signals, exclusions) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (key) DO UPDATE SET label = excluded.label, description = excluded.description,
                       signals = excluded.signals, exclusions = excluded.exclusions",
                )
                .map_err(err)?;
            for t in &book.themes {
                upsert
                    .execute(params![
                        t.key,
                        t.label,
                        t.description,
                        serde_json::to_string(&t.signals).unwrap_or_default(),
                        serde_json::to_string(&t.exclusions).unwrap_or_default()
                    ])
                    .map_err(err)?;
            }
            for t in &book.themes {
                tx.execute(
                    "UPDATE themes SET parent_id = (SELECT id FROM themes WHERE key = ?2) WHERE key = ?1",
                    params![t.key, t.parent()],
                )
                .map_err(err)?;
            }
            let keys: Vec<String> = book.themes.iter().map(|t| t.key.clone()).collect();
            let json = serde_json::to_string(&keys).unwrap_or_default();
            let dropped = "key NOT IN (SELECT value FROM json_each(?1))
                 AND NOT EXISTS (SELECT 1 FROM tags WHERE tags.theme_id = themes.id AND origin = 'manual')";
            removed = tx
                .prepare(&format!(
                    "SELECT key, (SELECT count(*) FROM tags WHERE tags.theme_id = themes.id) FROM themes WHERE {dropped}"
                ))
                .and_then(|mut stmt| {
                    let rows = stmt.query_map([&json], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    rows.collect::<Sql<HashMap<String, i64>>>()
                })
                .map_err(err)?;
            tx.execute(&format!("DELETE FROM themes WHERE {dropped}"), [json])
                .map_err(err)?;
            tx.execute(
                "INSERT INTO library_meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![CODEBOOK, text],
            )
            .map_err(err)?;
            // Theme keys and parents are in every statement's index document.
            record_change(&tx, None).map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(removed)
    }

    /// The codebook text the library uses, if one was loaded.
    pub fn codebook_text(&self) -> Result<Option<String>> {
        self.meta(CODEBOOK)
    }

    /// Replaces automatic tags — of every statement, or of some documents' — with
    /// `tags` ((statement id, tag) pairs). Human tags are untouched. Returns, per theme
    /// key, (added, removed) counts.
    pub fn replace_auto_tags(
        &mut self,
        documents: Option<&[i64]>,
        tags: &[(i64, AutoTag)],
    ) -> Result<HashMap<String, (i64, i64)>> {
        let path = self.path.clone();
        let err = |source| Error::Sqlite {
            path: path.clone(),
            doing: "writing automatic tags",
            source,
        };
        let scope = match documents {
            None => "1".to_string(),
            Some(ids) => format!(
                "statement_id IN (SELECT id FROM statements WHERE document_id IN ({}))",
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        };
        let tx = self.conn.transaction().map_err(err)?;
        let changes = rewrite_auto_tags(&tx, &scope, documents, tags).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(changes)
    }

    /// Every theme with its statement count, in key order.
    pub fn themes(&self) -> Result<Vec<ThemeRow>> {
        let doing = "listing themes";
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT th.id, th.key, p.key, th.label, th.description,
                        (SELECT count(DISTINCT e.statement_id) FROM {EFFECTIVE_TAGS} e WHERE e.theme_id = th.id)
                 FROM themes th LEFT JOIN themes p ON p.id = th.parent_id ORDER BY th.key"
            ))
            .map_err(self.sql_err(doing))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(ThemeRow {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    parent: r.get(2)?,
                    label: r.get(3)?,
                    description: r.get(4)?,
                    statements: r.get(5)?,
                })
            })
            .map_err(self.sql_err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.sql_err(doing))
    }

    /// The id of the theme with this key.
    pub fn theme_id(&self, key: &str) -> Result<Option<i64>> {
        self.conn
            .query_row("SELECT id FROM themes WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(self.sql_err("looking up a theme"))
    }

    /// Adds a human tag, or updates the human tag of the same statement and theme.
    pub fn add_tag(&mut self, tag: &NewTag, theme_id: i64) -> Result<i64> {
        let path = self.path.clone();
        let err = |source| Error::Sqlite {
            path: path.clone(),
            doing: "adding a tag",
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM tags WHERE statement_id = ?1 AND theme_id = ?2 AND origin = 'manual'",
                params![tag.statement, theme_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)?;
        let (start, end) = tag.span.map_or((None, None), |(s, e)| (Some(s), Some(e)));
        let id = match existing {
            Some(id) => {
                tx.execute(
                    "UPDATE tags SET stance = ?2, span_start = ?3, span_end = ?4, note = ?5, author = ?6,
                       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
                    params![id, tag.stance, start, end, tag.note, tag.author],
                )
                .map_err(err)?;
                id
            }
            None => tx
                .query_row(
                    "INSERT INTO tags (statement_id, theme_id, span_start, span_end, stance, note, author, origin, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'manual', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                     RETURNING id",
                    params![tag.statement, theme_id, start, end, tag.stance, tag.note, tag.author],
                    |r| r.get(0),
                )
                .map_err(err)?,
        };
        let document = statement_document(&tx, tag.statement).map_err(err)?;
        record_change(&tx, Some(&[document])).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(id)
    }

    /// Removes a human tag; returns its statement's document, or None if no such tag.
    /// Automatic tags are not removed this way: they come back when re-tagging.
    pub fn remove_tag(&mut self, id: i64) -> Result<Option<(i64, String)>> {
        let path = self.path.clone();
        let err = |source| Error::Sqlite {
            path: path.clone(),
            doing: "removing a tag",
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        let found: Option<(i64, String)> = tx
            .query_row(
                "SELECT s.document_id, t.origin FROM tags t JOIN statements s ON s.id = t.statement_id WHERE t.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(err)?;
        if let Some((document, origin)) = &found {
            if origin == "manual" {
                tx.execute("DELETE FROM tags WHERE id = ?1", [id])
                    .map_err(err)?;
                record_change(&tx, Some(&[*document])).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(found)
    }

    /// Tags of a statement, a document, a theme and/or an origin.
    pub fn tags(
        &self,
        statement: Option<i64>,
        document: Option<i64>,
        theme: Option<&str>,
        origin: Option<TagOrigin>,
    ) -> Result<Vec<TagRow>> {
        let doing = "listing tags";
        let mut stmt = self
            .conn
            .prepare(
                "SELECT t.id, t.statement_id, s.document_id, a.name, th.key, t.stance, t.span_start, t.span_end, t.note,
                        t.author, t.origin, t.confidence,
                        t.origin = 'auto' AND EXISTS (SELECT 1 FROM tags m WHERE m.statement_id = t.statement_id
                          AND m.theme_id = t.theme_id AND m.origin = 'manual'),
                        t.created_at, t.updated_at
                 FROM tags t JOIN statements s ON s.id = t.statement_id JOIN themes th ON th.id = t.theme_id
                 LEFT JOIN actors a ON a.id = s.speaker_id
                 WHERE (?1 IS NULL OR t.statement_id = ?1) AND (?2 IS NULL OR s.document_id = ?2)
                   AND (?3 IS NULL OR th.key = ?3 OR th.key LIKE ?3 || '/%') AND (?4 IS NULL OR t.origin = ?4)
                 ORDER BY s.document_id, s.seq, th.key, t.origin",
            )
            .map_err(self.sql_err(doing))?;
        let rows = stmt
            .query_map(
                params![statement, document, theme, origin.map(TagOrigin::as_str)],
                |r| {
                    let start: Option<i64> = r.get(6)?;
                    let end: Option<i64> = r.get(7)?;
                    Ok(TagRow {
                        id: r.get(0)?,
                        statement: r.get(1)?,
                        document: r.get(2)?,
                        speaker: r.get(3)?,
                        theme: r.get(4)?,
                        stance: r.get(5)?,
                        span: start.zip(end),
                        note: r.get(8)?,
                        author: r.get(9)?,
                        origin: r.get(10)?,
                        confidence: r.get(11)?,
                        overridden: r.get(12)?,
                        created_at: r.get(13)?,
                        updated_at: r.get(14)?,
                    })
                },
            )
            .map_err(self.sql_err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.sql_err(doing))
    }

    /// (statement id, text, process key) of every statement, or of some documents', for tagging.
    pub fn statements_for_tagging(
        &self,
        documents: Option<&[i64]>,
    ) -> Result<Vec<(i64, String, Option<String>)>> {
        let doing = "reading statements to tag";
        let scope = match documents {
            None => "1".to_string(),
            Some(ids) => format!(
                "s.document_id IN ({})",
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        };
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT s.id, s.text, p.key FROM statements s JOIN documents d ON d.id = s.document_id
                 LEFT JOIN processes p ON p.id = d.process_id WHERE {scope} ORDER BY s.id"
            ))
            .map_err(self.sql_err(doing))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(self.sql_err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.sql_err(doing))
    }
}

/// The automatic tags in `scope` (an SQL condition on `tags`), as (statement, theme
/// key, stance).
fn auto_tags(tx: &Connection, scope: &str) -> Sql<HashMap<(i64, String, String), ()>> {
    let mut before = HashMap::new();
    let mut stmt = tx.prepare(&format!("SELECT t.statement_id, th.key, t.stance FROM tags t JOIN themes th ON th.id = t.theme_id WHERE t.origin = 'auto' AND {scope}"))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    for row in rows {
        before.insert(row?, ());
    }
    Ok(before)
}

/// Deletes the automatic tags in `scope`, writes `tags` (of themes the library knows)
/// and queues `documents` (`None`: all) for the index. Returns, per theme key, (added, removed) counts.
fn rewrite_auto_tags(
    tx: &Connection,
    scope: &str,
    documents: Option<&[i64]>,
    tags: &[(i64, AutoTag)],
) -> Sql<HashMap<String, (i64, i64)>> {
    let mut before = auto_tags(tx, scope)?;
    tx.execute(
        &format!("DELETE FROM tags WHERE origin = 'auto' AND {scope}"),
        [],
    )?;
    let theme_ids: HashMap<String, i64> = {
        let mut stmt = tx.prepare("SELECT key, id FROM themes")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Sql<_>>()?
    };
    let mut changes: HashMap<String, (i64, i64)> = HashMap::new();
    {
        let mut insert = tx.prepare(INSERT_AUTO_TAG)?;
        for (statement, tag) in tags {
            let Some(&theme) = theme_ids.get(&tag.theme) else {
                continue;
            };
            insert_auto_tag(&mut insert, *statement, theme, tag)?;
            if before
                .remove(&(
                    *statement,
                    tag.theme.clone(),
                    tag.stance.as_str().to_string(),
                ))
                .is_none()
            {
                changes.entry(tag.theme.clone()).or_default().0 += 1;
            }
        }
    }
    for (_, key, _) in before.into_keys() {
        changes.entry(key).or_default().1 += 1;
    }
    record_change(tx, documents)?;
    Ok(changes)
}

/// The document a statement belongs to.
fn statement_document(tx: &Connection, statement: i64) -> Sql<i64> {
    tx.query_row(
        "SELECT document_id FROM statements WHERE id = ?1",
        [statement],
        |r| r.get(0),
    )
}

/// Inserts an automatic tag (with [`insert_auto_tag`]).
pub(super) const INSERT_AUTO_TAG: &str = "INSERT INTO tags (statement_id, theme_id, span_start, span_end, stance, origin, confidence, created_at, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, 'auto', ?6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

/// Writes one automatic tag of `statement` on `theme` through a prepared
/// [`INSERT_AUTO_TAG`].
pub(super) fn insert_auto_tag(
    insert: &mut rusqlite::Statement,
    statement: i64,
    theme: i64,
    tag: &AutoTag,
) -> Sql<usize> {
    let (start, end) = (tag.span.0 as i64, tag.span.1 as i64);
    insert.execute(params![
        statement,
        theme,
        start,
        end,
        tag.stance,
        tag.confidence
    ])
}

/// Stances and origins as the `tags` table holds them: their lower-case names.
mod sql {
    use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

    use crate::themes::{Stance, TagOrigin};

    fn parsed<T: std::str::FromStr>(value: ValueRef<'_>) -> FromSqlResult<T>
    where
        T::Err: std::error::Error + Send + Sync + 'static,
    {
        value
            .as_str()?
            .parse()
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }

    impl FromSql for Stance {
        fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
            parsed(value)
        }
    }

    impl ToSql for Stance {
        fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            Ok(self.as_str().into())
        }
    }

    impl FromSql for TagOrigin {
        fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
            parsed(value)
        }
    }
}

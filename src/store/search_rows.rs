//! What the search index needs to know of each statement, read from SQLite in one
//! pass, and the names behind the ids it stores (for facets and hits).

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;

use super::Store;
use crate::error::Result;

type Sql<T> = rusqlite::Result<T>;

/// One tag as the index holds it: theme id, theme key with its ancestors, stance.
type IndexTag = (i64, Vec<String>, String);

/// One statement as the index sees it.
#[derive(Debug, Clone, Default)]
pub struct IndexRow {
    pub id: i64,
    pub document: i64,
    pub text: String,
    pub speaker: Option<i64>,
    pub speaker_kind: Option<String>,
    /// Groups and organisations the speaker belongs to.
    pub groups: Vec<i64>,
    pub region: Option<i64>,
    pub on_behalf_of: Option<i64>,
    pub aligned_with: Option<i64>,
    pub doc_kind: String,
    pub process: Option<String>,
    pub session: Option<i64>,
    pub session_number: Option<i64>,
    pub meeting: Option<i64>,
    pub agenda_item: Option<String>,
    /// YYYYMMDD (YYYY0000 for a year alone).
    pub date: Option<i64>,
    /// (theme id, theme key with its ancestors, stance) per tag.
    pub tags: Vec<(i64, Vec<String>, String)>,
    pub unofficial: bool,
    pub ai_generated: bool,
    pub symbols: Vec<String>,
    /// The speaker as the source names them, and where the statement starts.
    pub speaker_label: Option<String>,
    pub source_line: Option<i64>,
}

/// Where a hit comes from, for display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HitContext {
    pub id: i64,
    pub document: i64,
    pub document_title: String,
    pub speaker: Option<String>,
    pub speaker_label: Option<String>,
    pub process: Option<String>,
    pub session: Option<String>,
    pub meeting: Option<String>,
    pub date: Option<String>,
    pub source_line: Option<i64>,
}

/// Names behind the ids the index stores.
#[derive(Debug, Clone, Default)]
pub struct FacetNames {
    pub actors: HashMap<u64, String>,
    pub themes: HashMap<u64, String>,
    pub sessions: HashMap<u64, String>,
    /// Each document's title, process, session, meeting and date, for naming hits.
    pub documents: HashMap<i64, DocumentContext>,
}

/// What a hit shows of its document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentContext {
    pub title: String,
    pub process: Option<String>,
    pub session: Option<String>,
    pub meeting: Option<String>,
    pub date: Option<String>,
}

/// ISO date text ("2024-05-10", "2023") as YYYYMMDD.
pub fn date_number(date: &str) -> Option<i64> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let year = parts.next()??;
    let month = parts.next().flatten().unwrap_or(0);
    let day = parts.next().flatten().unwrap_or(0);
    Some(year * 10_000 + month * 100 + day)
}

impl Store {
    /// How many statements the library holds.
    pub fn statement_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM statements", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .map_err(self.err("counting statements"))
    }

    /// Every document's id, in order.
    pub fn document_ids(&self) -> Result<Vec<i64>> {
        let doing = "listing documents";
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM documents ORDER BY id")
            .map_err(self.err(doing))?;
        let ids = stmt
            .query_map([], |r| r.get(0))
            .map_err(self.err(doing))?
            .collect::<rusqlite::Result<Vec<i64>>>()
            .map_err(self.err(doing))?;
        Ok(ids)
    }

    /// How many documents the library holds.
    pub fn document_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(self.err("counting documents"))
    }

    /// Index rows of every statement, or of some documents' (`Some(&[ids])`).
    pub fn index_rows(&self, documents: Option<&[i64]>) -> Result<Vec<IndexRow>> {
        // The ids are integers: a literal list is safe and lets SQLite use its index.
        let in_documents = |column: &str| match documents {
            None => "1".to_string(),
            Some(ids) => format!(
                "{column} IN ({})",
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        };
        let doing = "reading statements for the index";
        let memberships = memberships(&self.conn).map_err(self.err(doing))?;
        let symbols = symbols(&self.conn, &in_documents("document_id")).map_err(self.err(doing))?;
        let themes = self.theme_paths()?;
        let mut tags =
            tags(&self.conn, &in_documents("s.document_id"), &themes).map_err(self.err(doing))?;
        let mut rows =
            statements(&self.conn, &in_documents("st.document_id")).map_err(self.err(doing))?;
        for row in &mut rows {
            if let Some(speaker) = row.speaker {
                row.groups = memberships.get(&speaker).cloned().unwrap_or_default();
            }
            row.symbols = symbols.get(&row.document).cloned().unwrap_or_default();
            row.tags = tags.remove(&row.id).unwrap_or_default();
        }
        Ok(rows)
    }

    /// Theme id → its key and every ancestor's key.
    fn theme_paths(&self) -> Result<HashMap<i64, Vec<String>>> {
        let doing = "reading themes";
        let mut stmt = self
            .conn
            .prepare("SELECT id, key, parent_id FROM themes")
            .map_err(self.err(doing))?;
        let rows: Vec<(i64, String, Option<i64>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(self.err(doing))?
            .collect::<rusqlite::Result<_>>()
            .map_err(self.err(doing))?;
        let by_id: HashMap<i64, (String, Option<i64>)> = rows
            .iter()
            .map(|(id, k, p)| (*id, (k.clone(), *p)))
            .collect();
        let mut out = HashMap::new();
        for (id, key, parent) in &rows {
            let mut path = vec![key.clone()];
            let mut next = *parent;
            while let Some(p) = next {
                let Some((k, pp)) = by_id.get(&p) else { break };
                if path.contains(k) {
                    break;
                }
                path.push(k.clone());
                next = *pp;
            }
            out.insert(*id, path);
        }
        Ok(out)
    }

    /// Display context of statements, by id, in one query.
    pub fn hit_contexts(&self, ids: &[i64]) -> Result<HashMap<i64, HitContext>> {
        let doing = "reading search hits";
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        // One cached statement whatever the ids: they travel as a JSON array.
        let list = format!(
            "[{}]",
            ids.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT st.id, st.document_id, d.title, a.name, st.speaker_label, p.name, s.name, m.name, d.date, st.source_line
                 FROM statements st JOIN documents d ON d.id = st.document_id
                 LEFT JOIN actors a ON a.id = st.speaker_id
                 LEFT JOIN processes p ON p.id = d.process_id
                 LEFT JOIN sessions s ON s.id = d.session_id
                 LEFT JOIN meetings m ON m.id = d.meeting_id
                 WHERE st.id IN (SELECT value FROM json_each(?1))",
            )
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([list], |r| {
                Ok(HitContext {
                    id: r.get(0)?,
                    document: r.get(1)?,
                    document_title: r.get(2)?,
                    speaker: r.get(3)?,
                    speaker_label: r.get(4)?,
                    process: r.get(5)?,
                    session: r.get(6)?,
                    meeting: r.get(7)?,
                    date: r.get(8)?,
                    source_line: r.get(9)?,
                })
            })
            .map_err(self.err(doing))?;
        let mut out = HashMap::new();
        for row in rows {
            let row = row.map_err(self.err(doing))?;
            out.insert(row.id, row);
        }
        Ok(out)
    }

    /// Every id → name of actors, themes (keys) and sessions ("OEWG 2021–2025, 2nd
    /// substantive session"), for naming facets without a query each.
    pub fn facet_names(&self) -> Result<FacetNames> {
        let doing = "reading names";
        let read = |sql: &str| -> Result<HashMap<u64, String>> {
            let mut stmt = self.conn.prepare(sql).map_err(self.err(doing))?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((r.get::<_, i64>(0)? as u64, r.get::<_, String>(1)?))
                })
                .map_err(self.err(doing))?;
            rows.collect::<rusqlite::Result<HashMap<_, _>>>()
                .map_err(self.err(doing))
        };
        Ok(FacetNames {
            actors: read("SELECT id, name FROM actors")?,
            themes: read("SELECT id, key FROM themes")?,
            sessions: read("SELECT s.id, p.name || ', ' || s.name FROM sessions s JOIN processes p ON p.id = s.process_id")?,
            documents: self.document_contexts()?,
        })
    }

    fn document_contexts(&self) -> Result<HashMap<i64, DocumentContext>> {
        let doing = "reading document names";
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.id, d.title, p.name, s.name, m.name, d.date FROM documents d
                 LEFT JOIN processes p ON p.id = d.process_id
                 LEFT JOIN sessions s ON s.id = d.session_id
                 LEFT JOIN meetings m ON m.id = d.meeting_id",
            )
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DocumentContext {
                        title: r.get(1)?,
                        process: r.get(2)?,
                        session: r.get(3)?,
                        meeting: r.get(4)?,
                        date: r.get(5)?,
                    },
                ))
            })
            .map_err(self.err(doing))?;
        rows.collect::<rusqlite::Result<HashMap<_, _>>>()
            .map_err(self.err(doing))
    }

    /// SQLite's own integrity check: "ok", or the problems it found.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let doing = "checking the database";
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(self.err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))
    }
}

/// The groups each actor belongs to.
fn memberships(conn: &Connection) -> Sql<HashMap<i64, Vec<i64>>> {
    let mut memberships: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare("SELECT member_id, group_id FROM memberships")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (member, group) = row?;
        memberships.entry(member).or_default().push(group);
    }
    Ok(memberships)
}

/// The symbols each document cites, of the documents `condition` selects.
fn symbols(conn: &Connection, condition: &str) -> Sql<HashMap<i64, Vec<String>>> {
    let mut symbols: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT document_id, symbol FROM document_symbols WHERE {condition}"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (doc, symbol) = row?;
        symbols.entry(doc).or_default().push(symbol);
    }
    Ok(symbols)
}

/// The tags that count on each statement `condition` selects, as (theme id, theme
/// path from `themes`, stance).
fn tags(
    conn: &Connection,
    condition: &str,
    themes: &HashMap<i64, Vec<String>>,
) -> Sql<HashMap<i64, Vec<IndexTag>>> {
    let mut tags: HashMap<i64, Vec<IndexTag>> = HashMap::new();
    // A human tag overrides the automatic one for the same statement and theme.
    let mut stmt = conn.prepare(&format!(
        "SELECT t.statement_id, t.theme_id, t.stance FROM tags t
         JOIN statements s ON s.id = t.statement_id
         WHERE {condition}
           AND (t.origin = 'manual' OR NOT EXISTS (SELECT 1 FROM tags m
                WHERE m.statement_id = t.statement_id AND m.theme_id = t.theme_id AND m.origin = 'manual'))"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (statement, theme, stance) = row?;
        let path = themes.get(&theme).cloned().unwrap_or_default();
        tags.entry(statement)
            .or_default()
            .push((theme, path, stance));
    }
    Ok(tags)
}

/// The statements `condition` selects, with their document's and speaker's facets;
/// groups, symbols and tags are left empty.
fn statements(conn: &Connection, condition: &str) -> Sql<Vec<IndexRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT st.id, st.document_id, st.text, st.speaker_id, a.kind, a.region_id,
                st.on_behalf_of_id, st.aligned_with_id, d.kind, p.key, d.session_id, s.number,
                d.meeting_id, ai.number, d.date, d.unofficial, d.ai_generated,
                st.speaker_label, st.source_line
         FROM statements st
         JOIN documents d ON d.id = st.document_id
         LEFT JOIN actors a ON a.id = st.speaker_id
         LEFT JOIN processes p ON p.id = d.process_id
         LEFT JOIN sessions s ON s.id = d.session_id
         LEFT JOIN agenda_items ai ON ai.id = st.agenda_item_id
         WHERE {condition}
         ORDER BY st.id"
    ))?;
    let rows = stmt.query_map([], |r| {
        let date: Option<String> = r.get(14)?;
        Ok(IndexRow {
            id: r.get(0)?,
            document: r.get(1)?,
            text: r.get(2)?,
            speaker: r.get(3)?,
            speaker_kind: r.get(4)?,
            region: r.get(5)?,
            on_behalf_of: r.get(6)?,
            aligned_with: r.get(7)?,
            doc_kind: r.get(8)?,
            process: r.get(9)?,
            session: r.get(10)?,
            session_number: r.get(11)?,
            meeting: r.get(12)?,
            agenda_item: r.get(13)?,
            date: date.as_deref().and_then(date_number),
            unofficial: r.get(15)?,
            ai_generated: r.get(16)?,
            speaker_label: r.get(17)?,
            source_line: r.get(18)?,
            ..IndexRow::default()
        })
    })?;
    rows.collect()
}

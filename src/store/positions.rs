//! Reading positions: effective tags joined with their statements, speakers and dates,
//! for actors × themes.

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::themes::EFFECTIVE_TAGS;
use super::Store;
use crate::error::Result;

/// Which statements count.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PositionFilter {
    /// Session number.
    pub session: Option<i64>,
    pub document: Option<i64>,
    /// Dates as ISO text, compared as text.
    pub after: Option<String>,
    pub before: Option<String>,
}

/// One effective tag on a statement, credited to an actor (its speaker, or the group
/// it speaks on behalf of).
#[derive(Debug, Clone, PartialEq)]
pub struct TagFact {
    pub actor: i64,
    pub theme: String,
    pub stance: crate::themes::Stance,
    pub statement: i64,
    pub date: Option<String>,
    /// The evidence, when asked for: the tagged span of the statement.
    pub quote: Option<String>,
}

impl Store {
    /// Effective tags of `themes` (keys), credited to actors (all, or `actors`).
    pub fn position_facts(
        &self,
        actors: Option<&[i64]>,
        themes: &[String],
        filter: &PositionFilter,
        quotes: bool,
    ) -> Result<Vec<TagFact>> {
        let doing = "reading positions";
        let (conditions, args) = conditions(actors, themes, filter);
        let text = if quotes {
            "st.text, e.span_start, e.span_end"
        } else {
            "NULL, NULL, NULL"
        };
        // Start from the tags (few) rather than the statements (many); a statement
        // counts for its speaker and for the group it speaks on behalf of.
        let branch = |actor: &str, extra: &str| {
            format!(
                "SELECT {actor} AS actor, th.key, e.stance, st.id, d.date, {text}, st.document_id AS doc, st.seq AS seq
                 FROM {EFFECTIVE_TAGS} e
                 JOIN themes th ON th.id = e.theme_id
                 JOIN statements st ON st.id = e.statement_id
                 JOIN documents d ON d.id = st.document_id
                 WHERE {actor} IS NOT NULL {extra} AND {}",
                conditions.join(" AND ").replace("x.actor", actor)
            )
        };
        let sql = format!(
            "{} UNION ALL {} ORDER BY 5, doc, seq",
            branch("st.speaker_id", ""),
            branch(
                "st.on_behalf_of_id",
                "AND st.on_behalf_of_id != coalesce(st.speaker_id, -1)"
            )
        );
        let mut stmt = self.conn.prepare(&sql).map_err(self.err(doing))?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                let text: Option<String> = r.get(5)?;
                let start: Option<i64> = r.get(6)?;
                let end: Option<i64> = r.get(7)?;
                let quote = text.map(|t| quote(&t, start, end));
                Ok(TagFact {
                    actor: r.get(0)?,
                    theme: r.get(1)?,
                    stance: r.get(2)?,
                    statement: r.get(3)?,
                    date: r.get(4)?,
                    quote,
                })
            })
            .map_err(self.err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))
    }

    /// How many statements an actor made (as speaker, or spoken on its behalf), per
    /// document date ("undated" when the document has none), oldest first.
    pub fn actor_timeline(&self, actor: i64) -> Result<Vec<(String, i64)>> {
        let doing = "reading an actor's timeline";
        let mut stmt = self
            .conn
            .prepare(
                "SELECT coalesce(d.date, 'undated') AS day, count(*)
                 FROM statements st JOIN documents d ON d.id = st.document_id
                 WHERE st.speaker_id = ?1 OR st.on_behalf_of_id = ?1
                 GROUP BY day ORDER BY day = 'undated', day",
            )
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([actor], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))
    }

    /// Speakers of statements that align with `group`, with how many such statements.
    pub fn aligned_with(&self, group: i64) -> Result<Vec<(String, i64)>> {
        let doing = "reading alignments";
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.name, count(*) FROM statements s JOIN actors a ON a.id = s.speaker_id
                 WHERE s.aligned_with_id = ?1 GROUP BY a.name ORDER BY a.name",
            )
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([group], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))
    }

    /// Actors that have spoken at least one statement (or had one spoken on their behalf).
    pub fn speaking_actors(&self) -> Result<Vec<i64>> {
        let doing = "listing speakers";
        let mut stmt = self
            .conn
            .prepare_cached(
                // Skips from one distinct id to the next through the indexes (one seek
                // per actor) instead of reading a million statements.
                "WITH RECURSIVE
                   sp(id) AS (SELECT (SELECT min(speaker_id) FROM statements)
                              UNION ALL SELECT (SELECT min(speaker_id) FROM statements WHERE speaker_id > sp.id)
                              FROM sp WHERE sp.id IS NOT NULL),
                   ob(id) AS (SELECT (SELECT min(on_behalf_of_id) FROM statements WHERE on_behalf_of_id IS NOT NULL)
                              UNION ALL SELECT (SELECT min(on_behalf_of_id) FROM statements WHERE on_behalf_of_id > ob.id)
                              FROM ob WHERE ob.id IS NOT NULL)
                 SELECT id FROM sp WHERE id IS NOT NULL UNION SELECT id FROM ob WHERE id IS NOT NULL",
            )
            .map_err(self.err(doing))?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(self.err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))
    }

    /// Members of a group (or the states of a regional group).
    pub fn members(&self, group: i64) -> Result<Vec<i64>> {
        let doing = "listing members";
        let mut stmt = self
            .conn
            .prepare("SELECT member_id FROM memberships WHERE group_id = ?1 UNION SELECT id FROM actors WHERE region_id = ?1")
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([group], |r| r.get(0))
            .map_err(self.err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))
    }
}

/// The conditions `position_facts` puts on tags (`x.actor` standing for the actor
/// column), and the arguments their placeholders number.
fn conditions(
    actors: Option<&[i64]>,
    themes: &[String],
    filter: &PositionFilter,
) -> (Vec<String>, Vec<Value>) {
    let mut args: Vec<Value> = Vec::new();
    let placeholders = |values: Vec<Value>, args: &mut Vec<Value>| {
        let start = args.len();
        args.extend(values);
        (start + 1..=args.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let theme_list = placeholders(
        themes.iter().map(|t| Value::Text(t.clone())).collect(),
        &mut args,
    );
    let mut conditions = vec![format!("th.key IN ({theme_list})")];
    if let Some(actors) = actors {
        let list = placeholders(
            actors.iter().map(|a| Value::Integer(*a)).collect(),
            &mut args,
        );
        conditions.push(format!("x.actor IN ({list})"));
    }
    if let Some(n) = filter.session {
        let p = placeholders(vec![Value::Integer(n)], &mut args);
        conditions.push(format!(
            "d.session_id IN (SELECT id FROM sessions WHERE number = {p})"
        ));
    }
    if let Some(doc) = filter.document {
        let p = placeholders(vec![Value::Integer(doc)], &mut args);
        conditions.push(format!("st.document_id = {p}"));
    }
    if let Some(after) = &filter.after {
        let p = placeholders(vec![Value::Text(after.clone())], &mut args);
        conditions.push(format!("d.date >= {p}"));
    }
    if let Some(before) = &filter.before {
        let p = placeholders(vec![Value::Text(before.clone())], &mut args);
        conditions.push(format!("d.date < {p}"));
    }
    (conditions, args)
}

/// The tagged span of a statement's text, or its opening when the tag has no span.
fn quote(text: &str, start: Option<i64>, end: Option<i64>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if e > s => text
            .chars()
            .skip(s as usize)
            .take((e - s) as usize)
            .collect::<String>()
            .trim()
            .to_string(),
        _ => text.chars().take(300).collect(),
    }
}

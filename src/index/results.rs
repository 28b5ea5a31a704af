//! Search results as the front-ends receive them: raw hits named from memory (speakers,
//! documents, facet values), facets ranked.

use std::collections::HashMap;

use serde::Serialize;

use super::search::RawResults;
use crate::store::search_rows::FacetNames;

/// How many entries each facet lists.
const FACET_LIMIT: usize = 20;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Hit {
    pub id: i64,
    pub document: i64,
    pub document_title: String,
    pub speaker: Option<String>,
    pub process: Option<String>,
    pub session: Option<String>,
    pub meeting: Option<String>,
    pub date: Option<String>,
    pub source_line: Option<i64>,
    pub score: f32,
    /// The hit in context: HTML-escaped text with the hits in `<mark>`.
    pub snippet: String,
    /// The same fragment as plain text, and the byte ranges of the hits in it (for
    /// front-ends that render text, never HTML).
    pub fragment: String,
    pub highlights: Vec<(usize, usize)>,
}

/// A facet value and how many matching statements have it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FacetCount {
    pub name: String,
    pub count: u64,
}

/// Counts of the matching statements, top values first.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Facets {
    pub speaker: Vec<FacetCount>,
    pub group: Vec<FacetCount>,
    pub theme: Vec<FacetCount>,
    pub session: Vec<FacetCount>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SearchResults {
    pub query: String,
    /// Exact number of matching statements.
    pub total: usize,
    pub took_ms: f64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// What was read leniently or added ("also searching: Programme of Action").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
}

impl SearchResults {
    /// Names the ids of raw results: the index stores each hit's document and speaker
    /// ids, and `names` (read once per library generation) says who and what they are.
    /// A hit whose document is unknown to `names` is left out.
    pub fn named(query: &str, raw: RawResults, names: &FacetNames) -> SearchResults {
        let hits = raw
            .hits
            .into_iter()
            .filter_map(|h| {
                let d = names.documents.get(&h.document)?;
                let speaker = h
                    .speaker
                    .and_then(|s| names.actors.get(&(s as u64)).cloned())
                    .or(h.speaker_label);
                Some(Hit {
                    id: h.id,
                    document: h.document,
                    document_title: d.title.clone(),
                    speaker,
                    process: d.process.clone(),
                    session: d.session.clone(),
                    meeting: d.meeting.clone(),
                    date: d.date.clone(),
                    source_line: h.source_line,
                    score: h.score,
                    snippet: h.snippet,
                    fragment: h.fragment,
                    highlights: h.highlights,
                })
            })
            .collect();
        SearchResults {
            query: query.to_string(),
            total: raw.total,
            took_ms: 0.0,
            hits,
            facets: Facets {
                speaker: ranked(raw.facets.speaker, &names.actors),
                group: ranked(raw.facets.group, &names.actors),
                theme: ranked(raw.facets.theme, &names.themes),
                session: ranked(raw.facets.session, &names.sessions),
            },
            notices: raw.notices,
        }
    }
}

/// The most frequent facet values, named; ties in id order.
fn ranked(counts: HashMap<u64, u64>, table: &HashMap<u64, String>) -> Vec<FacetCount> {
    let mut top: Vec<(u64, u64)> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.into_iter()
        .filter_map(|(id, count)| {
            table.get(&id).map(|name| FacetCount {
                name: name.clone(),
                count,
            })
        })
        .take(FACET_LIMIT)
        .collect()
}

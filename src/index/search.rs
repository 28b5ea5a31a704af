//! Running a query: compile it against the index, collect the top hits, the exact
//! total and facet counts in one pass, and cut snippets with the hits marked.

use std::collections::HashMap;
use std::ops::Bound;
use std::sync::Arc;

use serde::Serialize;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, MoreLikeThisQuery, Occur, PhraseQuery,
    Query, RangeQuery, RegexQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::{DocAddress, DocId, Order, Score, SegmentReader, TantivyDocument};

use super::analyzer::{may_fold_to, ExactTokenizer, FoldingTokenizer, PairTokenizer};
use super::query::{self, Clause, Field, Item};
use super::schema::Fields;
use super::SearchIndex;
use crate::error::{Error, Result};
use crate::formats::SourceType;
use crate::gazetteer::{ActorKind, Resolution, Resolver};
use crate::store::search_rows::date_number;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

/// A search as asked.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    /// Extra filters, as `field:value` strings (the CLI's `--speaker` and friends).
    pub filters: Vec<String>,
    pub exact: bool,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}

/// What compiling needs from the library.
pub struct QueryContext<'a> {
    pub resolver: &'a Resolver,
    /// Acronym (lower case) → its expansion, from the codebook.
    pub acronyms: &'a HashMap<String, String>,
    /// Session id → its full name ("OEWG 2021–2025, 2nd substantive session"), for
    /// `session:` filters that name a session rather than give its number.
    pub sessions: &'a HashMap<u64, String>,
}

/// A compiled query and what was read leniently or added.
pub struct Compiled {
    pub query: Box<dyn Query>,
    pub notices: Vec<String>,
    /// Whether the query has words to highlight.
    pub has_text: bool,
    /// The words to highlight, as terms of the text field the query searched.
    pub highlight: Vec<Term>,
}

fn bad(column: usize, message: impl Into<String>) -> Error {
    Error::Query {
        column,
        message: message.into(),
    }
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        term,
        IndexRecordOption::WithFreqsAndPositions,
    ))
}

fn filter(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(q, 0.0))
}

/// The query for a run of terms on a text field: a term, or a phrase.
fn text_query(field: tantivy::schema::Field, terms: &[String]) -> Option<Box<dyn Query>> {
    let terms: Vec<Term> = terms
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(term_query(terms.into_iter().next()?)),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

/// The query for a run of folded terms: a term; a phrase of two terms is one term of
/// the pair field; a longer one is a phrase of pairs (no position checks on the
/// common words a phrase is made of). With `exact`, a phrase on the exact field.
fn words_query(fields: &Fields, exact: bool, terms: &[String]) -> Option<Box<dyn Query>> {
    if exact {
        return text_query(fields.text_exact, terms);
    }
    if terms.len() < 2 {
        return text_query(fields.text, terms);
    }
    text_query(fields.text_pairs, &PairTokenizer::pairs(terms))
}

/// Compiles a query string and extra filters.
pub fn compile(fields: &Fields, ctx: &QueryContext, request: &SearchRequest) -> Result<Compiled> {
    let mut parsed = query::parse(&request.query).map_err(|e| bad(e.column, e.message))?;
    for extra in &request.filters {
        let more = query::parse(extra)
            .map_err(|e| bad(e.column, format!("in the filter {extra:?}: {}", e.message)))?;
        parsed.groups.extend(more.groups);
    }
    let mut notices = parsed.notices.clone();
    let folding = FoldingTokenizer::default();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut has_text = false;
    let mut highlight = Vec::new();
    let mut positive = 0;
    // A theme and a stance asked together mean the same tag.
    let themes: Vec<String> = parsed
        .groups
        .iter()
        .flatten()
        .filter_map(|i| match &i.clause {
            Clause::Filter {
                field: Field::Theme,
                value,
            } if !i.negated => Some(value.to_lowercase()),
            _ => None,
        })
        .collect();
    for group in &parsed.groups {
        let mut alternatives = Vec::new();
        let negated = group.iter().all(|i| i.negated);
        for item in group {
            let q = compile_item(
                fields,
                ctx,
                &folding,
                request.exact,
                item,
                &themes,
                &mut notices,
                &mut has_text,
                &mut highlight,
            )?;
            if let Some(q) = q {
                alternatives.push(q);
            }
        }
        let q: Box<dyn Query> = match alternatives.len() {
            0 => continue,
            1 => alternatives.pop().unwrap_or_else(|| Box::new(EmptyQuery)),
            _ => Box::new(BooleanQuery::new(
                alternatives
                    .into_iter()
                    .map(|q| (Occur::Should, q))
                    .collect(),
            )),
        };
        if negated {
            clauses.push((Occur::MustNot, q));
        } else {
            positive += 1;
            clauses.push((Occur::Must, q));
        }
    }
    if parsed.groups.is_empty() && request.filters.is_empty() {
        return Err(bad(
            1,
            "the query is empty; type some words, a \"phrase\" or a filter such as speaker:France",
        ));
    }
    if positive == 0 {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Ok(Compiled {
        query: Box::new(BooleanQuery::new(clauses)),
        notices,
        has_text,
        highlight,
    })
}

#[allow(clippy::too_many_arguments)]
fn compile_item(
    fields: &Fields,
    ctx: &QueryContext,
    folding: &FoldingTokenizer,
    exact: bool,
    item: &Item,
    themes: &[String],
    notices: &mut Vec<String>,
    has_text: &mut bool,
    highlight: &mut Vec<Term>,
) -> Result<Option<Box<dyn Query>>> {
    let text_field = if exact {
        fields.text_exact
    } else {
        fields.text
    };
    let mut analyze = |text: &str| {
        let terms = if exact {
            ExactTokenizer::terms(text)
        } else {
            folding.terms(text)
        };
        highlight.extend(terms.iter().map(|t| Term::from_field_text(text_field, t)));
        terms
    };
    match &item.clause {
        Clause::Word { text, prefix: true } => {
            *has_text = true;
            let prefix: String = ExactTokenizer::terms(text).join(" ");
            let pattern = format!("{}.*", regex::escape(&prefix));
            let q = RegexQuery::from_pattern(&pattern, fields.text_exact)
                .map_err(|e| bad(1, format!("cannot search for {text}*: {e}")))?;
            Ok(Some(Box::new(q)))
        }
        Clause::Word {
            text,
            prefix: false,
        } => {
            *has_text = true;
            let Some(q) = words_query(fields, exact, &analyze(text)) else {
                notices.push(format!("{text:?} has no letters or digits and was ignored"));
                return Ok(None);
            };
            if exact {
                return Ok(Some(q));
            }
            match ctx.acronyms.get(&text.to_lowercase()) {
                Some(expansion) => {
                    notices.push(format!("also searching: {expansion}"));
                    let mut alternatives = vec![(Occur::Should, q)];
                    if let Some(e) = words_query(fields, exact, &analyze(expansion)) {
                        alternatives.push((Occur::Should, e));
                    }
                    Ok(Some(Box::new(BooleanQuery::new(alternatives))))
                }
                None => Ok(Some(q)),
            }
        }
        Clause::Phrase(phrase) => {
            *has_text = true;
            let terms = analyze(phrase);
            let Some(q) = words_query(fields, exact, &terms) else {
                notices.push("an empty phrase was ignored".into());
                return Ok(None);
            };
            if exact {
                return Ok(Some(q));
            }
            // The phrase a codebook acronym stands for also finds the acronym
            // ("programme of action" finds "PoA"), and says so.
            let mut acronyms: Vec<&String> = ctx
                .acronyms
                .iter()
                .filter(|(_, expansion)| folding.terms(expansion) == terms)
                .map(|(acronym, _)| acronym)
                .collect();
            acronyms.sort();
            if acronyms.is_empty() {
                return Ok(Some(q));
            }
            let mut alternatives = vec![(Occur::Should, q)];
            let mut shown = Vec::new();
            for a in acronyms {
                if let Some(aq) = words_query(fields, exact, &analyze(a)) {
                    alternatives.push((Occur::Should, aq));
                    shown.push(a.to_uppercase());
                }
            }
            shown.dedup();
            notices.push(format!("also searching: {}", shown.join(", ")));
            Ok(Some(Box::new(BooleanQuery::new(alternatives))))
        }
        Clause::Filter { field, value } => {
            compile_filter(fields, ctx, *field, value, themes).map(|q| Some(filter(q)))
        }
    }
}

fn actor(ctx: &QueryContext, field: Field, value: &str) -> Result<(i64, ActorKind)> {
    match ctx.resolver.resolve(value) {
        Resolution::Known { actor_id, kind, .. } => Ok((actor_id, kind)),
        Resolution::Unknown { suggestions } => {
            let hint = if suggestions.is_empty() {
                "see `plenary actors list`".to_string()
            } else {
                format!("did you mean {}?", suggestions.join(", "))
            };
            Err(bad(
                1,
                format!(
                    "unknown {} {value:?} in {}:{value}; {hint}",
                    field.name(),
                    field.name()
                ),
            ))
        }
    }
}

/// `session:2` (or `2nd`): that session number in every process. `session:"OEWG
/// 2021–2025, 2nd substantive session"`: that one session, as the session facet names
/// it; a name without its process (`session:"2nd substantive session"`) matches it in
/// every process. Sessions without a number can only be named.
fn session_filter(fields: &Fields, ctx: &QueryContext, value: &str) -> Result<Box<dyn Query>> {
    let value = value.trim();
    let digits: String = value.chars().take_while(|c| c.is_ascii_digit()).collect();
    let ordinal = value[digits.len()..].to_lowercase();
    if !digits.is_empty() && matches!(ordinal.as_str(), "" | "st" | "nd" | "rd" | "th") {
        let n: u64 = digits.parse().map_err(|_| {
            bad(
                1,
                format!("session:{value} is not a session number; use e.g. session:2"),
            )
        })?;
        return Ok(term_query(Term::from_field_u64(fields.session_number, n)));
    }
    let wanted = value.to_lowercase();
    let mut ids: Vec<u64> = ctx
        .sessions
        .iter()
        .filter(|(_, name)| {
            let name = name.to_lowercase();
            name == wanted
                || name
                    .rsplit_once(", ")
                    .is_some_and(|(_, session)| session == wanted)
        })
        .map(|(id, _)| *id)
        .collect();
    ids.sort_unstable();
    if ids.is_empty() {
        let mut known: Vec<&str> = ctx.sessions.values().map(String::as_str).collect();
        known.sort_unstable();
        known.truncate(3);
        let examples = if known.is_empty() {
            "the library holds no sessions yet".to_string()
        } else {
            format!("e.g. session:\"{}\"", known.join("\", session:\""))
        };
        return Err(bad(
            1,
            format!("no session is named {value:?} in session:{value}; give a session number (session:2) or a session's full name as the session filter lists it ({examples})"),
        ));
    }
    Ok(Box::new(BooleanQuery::new(
        ids.into_iter()
            .map(|id| {
                (
                    Occur::Should,
                    term_query(Term::from_field_u64(fields.session, id)),
                )
            })
            .collect(),
    )))
}

fn compile_filter(
    fields: &Fields,
    ctx: &QueryContext,
    field: Field,
    value: &str,
    themes: &[String],
) -> Result<Box<dyn Query>> {
    let u64_term = |f, v: i64| term_query(Term::from_field_u64(f, v as u64));
    let text_term = |f, v: &str| term_query(Term::from_field_text(f, v));
    Ok(match field {
        Field::Speaker => u64_term(fields.speaker, actor(ctx, field, value)?.0),
        Field::Group => {
            let (id, _) = actor(ctx, field, value)?;
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, u64_term(fields.groups, id)),
                (Occur::Should, u64_term(fields.speaker, id)),
            ]))
        }
        Field::Region => u64_term(fields.region, actor(ctx, field, value)?.0),
        Field::Kind => {
            if let Some(t) = SourceType::parse(value) {
                text_term(fields.doc_kind, t.as_str())
            } else if let Ok(kind) = value.parse::<ActorKind>() {
                text_term(fields.speaker_kind, kind.as_str())
            } else {
                let docs: Vec<&str> = SourceType::ALL.iter().map(|t| t.as_str()).collect();
                let actors: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
                return Err(bad(
                    1,
                    format!(
                        "kind:{value} is neither a document kind ({}) nor a speaker kind ({})",
                        docs.join(", "),
                        actors.join(", ")
                    ),
                ));
            }
        }
        Field::Session => session_filter(fields, ctx, value)?,
        Field::Theme => text_term(fields.theme, &value.to_lowercase()),
        Field::Stance => {
            let stance = value.to_lowercase();
            if !matches!(
                stance.as_str(),
                "support" | "oppose" | "conditional" | "mention"
            ) {
                return Err(bad(1, format!("stance:{value} is not a stance; use support, oppose, conditional or mention")));
            }
            match themes.len() {
                0 => text_term(fields.stance, &stance),
                _ => Box::new(BooleanQuery::new(
                    themes
                        .iter()
                        .map(|t| {
                            (
                                Occur::Should,
                                text_term(fields.theme_stance, &format!("{t}:{stance}")),
                            )
                        })
                        .collect(),
                )),
            }
        }
        Field::After | Field::Before => {
            let n = date_number(value)
                .filter(|_| value.len() >= 4)
                .ok_or_else(|| {
                    bad(
                        1,
                        format!(
                            "{}:{value} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                            field.name()
                        ),
                    )
                })?;
            let (lower, upper) = if field == Field::After {
                (
                    Bound::Included(Term::from_field_i64(fields.date, n)),
                    Bound::Unbounded,
                )
            } else {
                (
                    Bound::Included(Term::from_field_i64(fields.date, 1)),
                    Bound::Excluded(Term::from_field_i64(fields.date, n)),
                )
            };
            Box::new(RangeQuery::new(lower, upper))
        }
        Field::Symbol => text_term(fields.symbol, value.trim()),
        Field::Document => {
            let id: i64 = value.trim().parse().map_err(|_| {
                bad(
                    1,
                    format!("document:{value} needs a document id (see `plenary documents`)"),
                )
            })?;
            u64_term(fields.document, id)
        }
    })
}

/// Counts of the matching statements per speaker, group, theme and session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetIds {
    pub speaker: HashMap<u64, u64>,
    pub group: HashMap<u64, u64>,
    pub theme: HashMap<u64, u64>,
    pub session: HashMap<u64, u64>,
}

/// The facet columns, in the order of [`FacetIds`]'s fields.
const FACET_COLUMNS: [&str; 4] = ["speaker", "groups", "theme_id", "session"];

/// One facet column of one segment, decoded: the values of document `d` are
/// `values[offsets[d]..offsets[d + 1]]`.
#[derive(Debug, Default)]
struct DecodedColumn {
    offsets: Vec<u32>,
    values: Vec<u32>,
    /// One more than the largest value: the length of a count vector.
    len: usize,
}

/// A segment's facet columns, decoded once: counting a match is then a few array
/// reads instead of four column lookups (which cost most of a common-word query).
#[derive(Debug, Default)]
pub struct SegmentFacets {
    columns: [DecodedColumn; 4],
    /// When every statement's groups are its speaker's memberships (as the index
    /// writes them), the groups of each speaker: group counts are then summed from
    /// speaker counts instead of counted statement by statement.
    speaker_groups: Option<HashMap<u32, Vec<u32>>>,
}

const SPEAKER: usize = 0;
const GROUPS: usize = 1;

impl SegmentFacets {
    fn decode(reader: &SegmentReader) -> SegmentFacets {
        let ff = reader.fast_fields();
        let max_doc = reader.max_doc();
        let mut out = SegmentFacets::default();
        for (name, decoded) in FACET_COLUMNS.iter().zip(out.columns.iter_mut()) {
            decoded.offsets.reserve(max_doc as usize + 1);
            decoded.offsets.push(0);
            let column: Option<Column<u64>> = ff.u64(name).ok();
            for doc in 0..max_doc {
                if let Some(column) = &column {
                    // Row ids are small; anything else is never expected and skipped.
                    decoded.values.extend(
                        column
                            .values_for_doc(doc)
                            .filter(|v| *v < 1 << 24)
                            .map(|v| v as u32),
                    );
                }
                decoded.offsets.push(decoded.values.len() as u32);
            }
            decoded.len = decoded.values.iter().max().map_or(0, |m| *m as usize + 1);
        }
        out.speaker_groups = out.groups_by_speaker();
        out
    }
}

impl SegmentFacets {
    fn values(&self, column: usize, doc: usize) -> &[u32] {
        let c = &self.columns[column];
        match (c.offsets.get(doc), c.offsets.get(doc + 1)) {
            (Some(&from), Some(&to)) => &c.values[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Each speaker's groups, if every statement's groups are exactly its speaker's.
    fn groups_by_speaker(&self) -> Option<HashMap<u32, Vec<u32>>> {
        let mut map: HashMap<u32, Vec<u32>> = HashMap::new();
        for doc in 0..self.columns[SPEAKER].offsets.len().saturating_sub(1) {
            let groups = self.values(GROUPS, doc);
            match self.values(SPEAKER, doc) {
                [] if groups.is_empty() => {}
                [speaker] => match map.get(speaker) {
                    Some(known) if known.as_slice() != groups => return None,
                    Some(_) => {}
                    None => {
                        map.insert(*speaker, groups.to_vec());
                    }
                },
                _ => return None,
            }
        }
        Some(map)
    }
}

/// Decoded facet columns by segment; segments no longer searched are dropped.
#[derive(Debug, Default)]
pub struct FacetCache {
    segments: std::sync::Mutex<HashMap<SegmentId, Arc<SegmentFacets>>>,
}

impl FacetCache {
    fn get(&self, reader: &SegmentReader) -> Arc<SegmentFacets> {
        let id = reader.segment_id();
        let Ok(mut segments) = self.segments.lock() else {
            return Arc::new(SegmentFacets::decode(reader));
        };
        segments
            .entry(id)
            .or_insert_with(|| Arc::new(SegmentFacets::decode(reader)))
            .clone()
    }

    /// Forgets segments the searcher no longer has (merged away, deleted).
    fn retain(&self, searcher: &tantivy::Searcher) {
        if let Ok(mut segments) = self.segments.lock() {
            let live: Vec<SegmentId> = searcher
                .segment_readers()
                .iter()
                .map(|r| r.segment_id())
                .collect();
            segments.retain(|id, _| live.contains(id));
        }
    }
}

/// Collects [`FacetIds`] over every matching statement.
pub struct FacetCollector<'a> {
    pub cache: &'a FacetCache,
}

/// Per-segment counts, in vectors indexed by id (ids are small SQLite row ids).
pub struct FacetSegment {
    facets: Arc<SegmentFacets>,
    counts: [Vec<u64>; 4],
}

impl Collector for FacetCollector<'_> {
    type Fruit = FacetIds;
    type Child = FacetSegment;

    fn for_segment(&self, _segment: u32, reader: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let facets = self.cache.get(reader);
        let counts = std::array::from_fn(|i| vec![0; facets.columns[i].len]);
        Ok(FacetSegment { facets, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<[Vec<u64>; 4]>) -> tantivy::Result<FacetIds> {
        let mut merged: [HashMap<u64, u64>; 4] = Default::default();
        for fruit in fruits {
            for (into, counts) in merged.iter_mut().zip(fruit) {
                for (id, n) in counts.into_iter().enumerate().filter(|(_, n)| *n > 0) {
                    *into.entry(id as u64).or_default() += n;
                }
            }
        }
        let [speaker, group, theme, session] = merged;
        Ok(FacetIds {
            speaker,
            group,
            theme,
            session,
        })
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = [Vec<u64>; 4];

    fn collect(&mut self, doc: DocId, _score: Score) {
        let derived = self.facets.speaker_groups.is_some();
        for (i, counts) in self.counts.iter_mut().enumerate() {
            if i == GROUPS && derived {
                continue;
            }
            for &v in self.facets.values(i, doc as usize) {
                // Every value is below the vector's length, sized in `for_segment`.
                if let Some(n) = counts.get_mut(v as usize) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(mut self) -> [Vec<u64>; 4] {
        if let Some(by_speaker) = &self.facets.speaker_groups {
            let [speakers, groups, ..] = &mut self.counts;
            for (speaker, n) in speakers.iter().enumerate().filter(|(_, n)| **n > 0) {
                for g in by_speaker.get(&(speaker as u32)).into_iter().flatten() {
                    if let Some(count) = groups.get_mut(*g as usize) {
                        *count += n;
                    }
                }
            }
        }
        self.counts
    }
}

/// One raw hit: statement id, score, snippet (escaped HTML with `<mark>`), plain
/// fragment and highlighted ranges in it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawHit {
    pub id: i64,
    pub document: i64,
    pub speaker: Option<i64>,
    pub speaker_label: Option<String>,
    pub source_line: Option<i64>,
    pub score: f32,
    pub snippet: String,
    pub fragment: String,
    pub highlights: Vec<(usize, usize)>,
}

/// The raw result of a search, ids not yet named.
#[derive(Debug, Clone)]
pub struct RawResults {
    pub total: usize,
    pub hits: Vec<RawHit>,
    pub facets: FacetIds,
    pub notices: Vec<String>,
}

/// Escapes text for HTML and wraps `ranges` in `<mark>`.
pub fn mark(text: &str, ranges: &[(usize, usize)]) -> String {
    let escape = |s: &str, out: &mut String| {
        for c in s.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        escape(&text[at..s], &mut out);
        out.push_str("<mark>");
        escape(&text[s..e], &mut out);
        out.push_str("</mark>");
        at = e;
    }
    escape(&text[at..], &mut out);
    out
}

const SNIPPET_CHARS: usize = 220;

impl SearchIndex {
    /// Runs a compiled query: top hits (by relevance or date), exact total, facets.
    pub fn run(&self, compiled: &Compiled, request: &SearchRequest) -> Result<RawResults> {
        let searcher = self.reader().searcher();
        let limit = request.limit.max(1);
        let top = TopDocs::with_limit(limit).and_offset(request.offset);
        // Two passes: the top hits alone (tantivy can then skip blocks that cannot
        // reach the top), and the exact total with facets without scoring.
        let addresses: Vec<(f32, DocAddress)> = match request.sort {
            Sort::Relevance => searcher
                .search(&*compiled.query, &top.order_by_score())
                .map_err(self.err("searching"))?,
            Sort::Date => searcher
                .search(
                    &*compiled.query,
                    &top.order_by_fast_field::<i64>("date", Order::Desc),
                )
                .map_err(self.err("searching"))?
                .into_iter()
                .map(|(_, a)| (0.0, a))
                .collect(),
        };
        self.facets.retain(&searcher);
        let (total, facets) = searcher
            .search(
                &*compiled.query,
                &(
                    Count,
                    FacetCollector {
                        cache: &self.facets,
                    },
                ),
            )
            .map_err(self.err("searching"))?;
        let highlighter = compiled
            .has_text
            .then(|| Highlighter::new(compiled, request.exact));
        let hits = addresses
            .into_iter()
            .map(|(score, address)| self.read_hit(&searcher, score, address, highlighter.as_ref()))
            .collect::<Result<Vec<_>>>()?;
        Ok(RawResults {
            total,
            hits,
            facets,
            notices: compiled.notices.clone(),
        })
    }

    /// Reads a hit's stored fields and cuts its snippet (the opening of the text when
    /// there is nothing to highlight).
    fn read_hit(
        &self,
        searcher: &tantivy::Searcher,
        score: f32,
        address: DocAddress,
        highlighter: Option<&Highlighter>,
    ) -> Result<RawHit> {
        let fields = self.fields();
        let doc: TantivyDocument = searcher.doc(address).map_err(self.err("reading a hit"))?;
        let number = |field| doc.get_first(field).and_then(|v| v.as_u64());
        let text = doc
            .get_first(fields.text)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let (fragment, highlights) = highlighter
            .and_then(|h| h.snippet(text))
            .unwrap_or_else(|| (lead(text), Vec::new()));
        Ok(RawHit {
            id: number(fields.id).unwrap_or(0) as i64,
            document: number(fields.document).unwrap_or(0) as i64,
            speaker: number(fields.speaker).map(|s| s as i64),
            speaker_label: doc
                .get_first(fields.speaker_label)
                .and_then(|v| v.as_str())
                .map(str::to_string),
            source_line: number(fields.source_line).map(|l| l as i64),
            score,
            snippet: mark(&fragment, &highlights),
            fragment,
            highlights,
        })
    }

    /// Statements most like statement `id`, optionally not by `exclude_speaker`.
    pub fn similar(
        &self,
        id: i64,
        exclude_speaker: Option<i64>,
        limit: usize,
    ) -> Result<Option<RawResults>> {
        let searcher = self.reader().searcher();
        let fields = self.fields();
        let found = searcher
            .search(
                &TermQuery::new(
                    Term::from_field_u64(fields.id, id as u64),
                    IndexRecordOption::Basic,
                ),
                &TopDocs::with_limit(1).order_by_score(),
            )
            .map_err(self.err("finding the statement"))?;
        let Some((_, address)) = found.first() else {
            return Ok(None);
        };
        let mlt = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(1)
            .with_min_term_frequency(1)
            .with_max_query_terms(30)
            .with_min_word_length(3)
            .with_document(*address);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, Box::new(mlt)),
            (
                Occur::MustNot,
                term_query(Term::from_field_u64(fields.id, id as u64)),
            ),
        ];
        if let Some(speaker) = exclude_speaker {
            clauses.push((
                Occur::MustNot,
                term_query(Term::from_field_u64(fields.speaker, speaker as u64)),
            ));
        }
        let query = BooleanQuery::new(clauses);
        let (docs, total) = searcher
            .search(
                &query,
                &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count),
            )
            .map_err(self.err("finding similar statements"))?;
        let hits = docs
            .into_iter()
            .map(|(score, address)| self.read_hit(&searcher, score, address, None))
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(RawResults {
            total,
            hits,
            facets: FacetIds::default(),
            notices: Vec::new(),
        }))
    }
}

/// Finds the query's words in a text and cuts the fragment that shows most of them.
pub struct Highlighter {
    /// Terms as the searched field holds them (folded, or lower-cased with `--exact`).
    terms: Vec<String>,
    /// The first letters of the terms: other words are not folded at all.
    letters: Vec<u8>,
    exact: bool,
    folding: FoldingTokenizer,
}

/// How far before the first highlighted word a fragment starts, when it can.
const LEAD_IN: usize = 40;

impl Highlighter {
    fn new(compiled: &Compiled, exact: bool) -> Self {
        let mut terms: Vec<String> = compiled
            .highlight
            .iter()
            .filter_map(|t| t.value().as_str().map(str::to_string))
            .collect();
        terms.sort();
        terms.dedup();
        let mut letters: Vec<u8> = terms.iter().filter_map(|t| t.bytes().next()).collect();
        letters.dedup();
        Highlighter {
            terms,
            letters,
            exact,
            folding: FoldingTokenizer::default(),
        }
    }

    /// The fragment (at most [`SNIPPET_CHARS`] bytes, cut at spaces) holding the most
    /// distinct query words, and the byte ranges of the words in it; `None` when the
    /// text holds none of them.
    fn snippet(&self, text: &str) -> Option<(String, Vec<(usize, usize)>)> {
        if self.terms.is_empty() {
            return None;
        }
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut emit = |start: usize, end: usize, term: String| {
            if let Ok(i) = self.terms.binary_search(&term) {
                if found.last().is_none_or(|last| last.0 != start) {
                    found.push((start, end, i));
                }
            }
        };
        if self.exact {
            ExactTokenizer::analyze(text, emit);
        } else {
            let keep = |raw: &str| may_fold_to(raw, &self.letters);
            self.folding.analyze_some(text, keep, &mut emit);
        }
        let first = found.first()?;
        // The window starting at the hit that covers the most distinct words.
        let mut best = (0, first.0);
        for (i, &(start, ..)) in found.iter().enumerate().take(64) {
            let mut seen: Vec<usize> = found[i..]
                .iter()
                .take_while(|h| h.1 <= start + SNIPPET_CHARS)
                .map(|h| h.2)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            if seen.len() > best.0 {
                best = (seen.len(), start);
            }
        }
        let anchor = best.1;
        let last_hit_end = found
            .iter()
            .filter(|h| h.0 >= anchor && h.1 <= anchor + SNIPPET_CHARS)
            .map(|h| h.1)
            .max()
            .unwrap_or(anchor);
        // Some words before the first hit, if the hits leave room for them.
        let room = (anchor + SNIPPET_CHARS).saturating_sub(last_hit_end);
        let mut from = anchor.saturating_sub(LEAD_IN.min(room));
        // Near the end of the text, start earlier so the fragment is full.
        from = from.min(text.len().saturating_sub(SNIPPET_CHARS));
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        // Start at a word: skip the part of a word the cut fell into.
        if from > 0 && from < anchor && !text[..from].ends_with(char::is_whitespace) {
            from = text[from..anchor]
                .find(' ')
                .map_or(anchor, |i| from + i + 1);
        }
        let mut to = (from + SNIPPET_CHARS).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        if to < text.len() {
            if let Some(space) = text[last_hit_end.min(to)..to].rfind(' ') {
                to = last_hit_end.min(to) + space;
            }
        }
        let ranges = found
            .iter()
            .filter(|h| h.0 >= from && h.1 <= to)
            .map(|h| (h.0 - from, h.1 - from));
        let fragment = text[from..to].to_string();
        let highlights = merge_adjacent(&fragment, ranges);
        Some((fragment, highlights))
    }
}

/// Joins highlighted words separated only by spaces ("Programme of Action" is one
/// mark, not three), then drops lone function words ("of" highlighted on its own
/// because a phrase contained it).
fn merge_adjacent(text: &str, ranges: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    const FUNCTION_WORDS: &[&str] = &[
        "of", "the", "and", "to", "in", "a", "an", "for", "on", "by", "with", "at", "or", "as",
        "is",
    ];
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last)
                if last.1 <= s
                    && text
                        .get(last.1..s)
                        .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-')) =>
            {
                last.1 = e
            }
            _ => out.push((s, e)),
        }
    }
    let function_word = |w: &str| FUNCTION_WORDS.contains(&w.to_lowercase().as_str());
    let lone = |&(s, e): &(usize, usize)| text.get(s..e).is_some_and(function_word);
    if out.iter().any(|r| !lone(r)) {
        out.retain(|r| !lone(r));
        // "of Program of Action" → "Program of Action": a function word only counts
        // inside a run of marked words, not at its edges.
        for (s, e) in out.iter_mut() {
            while let Some((first, _)) = text[*s..*e].split_once([' ', '-']) {
                if !function_word(first) {
                    break;
                }
                *s += first.len() + 1;
            }
            while let Some((_, last)) = text[*s..*e].rsplit_once([' ', '-']) {
                if !function_word(last) {
                    break;
                }
                *e -= last.len() + 1;
            }
        }
    }
    out
}

/// The opening of a text, cut at a word boundary.
fn lead(text: &str) -> String {
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlighter(words: &[&str]) -> Highlighter {
        let field = Fields::new().text;
        let folding = FoldingTokenizer::default();
        let highlight = words
            .iter()
            .flat_map(|w| folding.terms(w))
            .map(|t| Term::from_field_text(field, &t))
            .collect();
        let compiled = Compiled {
            query: Box::new(EmptyQuery),
            notices: Vec::new(),
            has_text: true,
            highlight,
        };
        Highlighter::new(&compiled, false)
    }

    fn marked(fragment: &str, ranges: &[(usize, usize)]) -> Vec<String> {
        ranges
            .iter()
            .map(|&(s, e)| fragment[s..e].to_string())
            .collect()
    }

    #[test]
    fn the_fragment_shows_the_most_query_words_with_their_variants() {
        let filler = "Nothing of interest is said here at all. ".repeat(12);
        let text = format!(
            "Capacity is mentioned early. {filler}Then the Programmes of Action on \
             capacity-building come together. {filler}The end."
        );
        let h = highlighter(&["programme of action", "capacity building"]);
        let (fragment, ranges) = h.snippet(&text).unwrap();
        assert!(fragment.len() <= SNIPPET_CHARS, "{fragment}");
        assert_eq!(
            marked(&fragment, &ranges),
            ["Programmes of Action", "capacity-building"],
            "{fragment}"
        );
        assert!(!fragment.starts_with(' ') && !fragment.ends_with(' '));
        assert!(h.snippet("no match at all").is_none());
        // Function words of the phrase are marked inside it, not around it.
        let (fragment, ranges) = h.snippet("a proposal of Program of Action on it").unwrap();
        assert_eq!(marked(&fragment, &ranges), ["Program of Action"]);
    }

    #[test]
    fn a_short_text_is_shown_whole_and_a_late_hit_fills_the_fragment() {
        let h = highlighter(&["cybersecurity"]);
        let (fragment, ranges) = h.snippet("We talk about cyber-security.").unwrap();
        assert_eq!(fragment, "We talk about cyber-security.");
        assert_eq!(marked(&fragment, &ranges), ["cyber-security"]);
        let long = format!("{} ends with cybersecurity", "word ".repeat(100));
        let (fragment, _) = h.snippet(&long).unwrap();
        assert!(fragment.ends_with("cybersecurity"));
        assert!(fragment.len() > SNIPPET_CHARS - 10, "{}", fragment.len());
    }

    #[test]
    fn snippets_escape_everything_but_the_markers() {
        let text = "Use <script>alert(1)</script> & <img src=x onerror=alert(1)> here";
        let hit = text.find("here").unwrap();
        let marked = mark(text, &[(hit, hit + 4)]);
        assert_eq!(marked, "Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; <mark>here</mark>");
        assert!(!marked.contains("<script") && !marked.contains("<img"));
    }
}

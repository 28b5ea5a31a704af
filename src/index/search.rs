//! Running a query: the top hits, the exact total and the facet counts of a compiled
//! query ([`super::compiler`]), each hit with its snippet ([`super::highlight`]); and
//! the statements most like a given one.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue, Term, Value};
use tantivy::{DocAddress, Order, TantivyDocument};

use super::compiler::term_query;
use super::highlight::lead;
use super::SearchIndex;
use crate::error::Result;

pub use super::compiler::{compile, Compiled, QueryContext};
pub use super::facets::{FacetCache, FacetCollector, FacetIds, FacetSegment, SegmentFacets};
pub use super::highlight::{mark, Highlighter};
pub use super::request::{SearchRequest, Sort};
pub use super::verify::{Texts, Verifier};

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

impl SearchIndex {
    /// Runs a compiled query: top hits (by relevance or date), exact total, facets;
    /// each hit's snippet is cut from its text as `texts` gives it.
    /// Runs on `searcher`, the one the query was compiled against (a query that checked
    /// texts holds that searcher's documents: [`Verifier::searcher`]).
    pub fn run(
        &self,
        searcher: &tantivy::Searcher,
        compiled: &Compiled,
        request: &SearchRequest,
        texts: &Texts,
    ) -> Result<RawResults> {
        // A page can hold no more than every statement, and start no later than the
        // last: tantivy sizes its heap by both.
        let statements = (searcher.num_docs() as usize).max(1);
        let limit = request.limit.clamp(1, statements);
        let top = TopDocs::with_limit(limit).and_offset(request.offset.min(statements));
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
        self.facets.retain(searcher);
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
        let hits = self.read_hits(searcher, addresses, highlighter.as_ref(), texts)?;
        Ok(RawResults {
            total,
            hits,
            facets,
            notices: compiled.notices.clone(),
        })
    }

    /// Reads the hits' stored fields, then their texts in one go, and cuts each
    /// snippet (the opening of the text when there is nothing to highlight).
    fn read_hits(
        &self,
        searcher: &tantivy::Searcher,
        addresses: Vec<(f32, DocAddress)>,
        highlighter: Option<&Highlighter>,
        texts: &Texts,
    ) -> Result<Vec<RawHit>> {
        let fields = self.fields();
        let mut hits = addresses
            .into_iter()
            .map(|(score, address)| {
                let doc: TantivyDocument =
                    searcher.doc(address).map_err(self.err("reading a hit"))?;
                let number = |field| doc.get_first(field).and_then(|v| v.as_u64());
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
                    snippet: String::new(),
                    fragment: String::new(),
                    highlights: Vec::new(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let ids: Vec<i64> = hits.iter().map(|h| h.id).collect();
        for (hit, text) in hits.iter_mut().zip(texts(&ids)?) {
            let text = text.unwrap_or_default();
            let (fragment, highlights) = highlighter
                .and_then(|h| h.snippet(&text))
                .unwrap_or_else(|| (lead(&text), Vec::new()));
            hit.snippet = mark(&fragment, &highlights);
            hit.fragment = fragment;
            hit.highlights = highlights;
        }
        Ok(hits)
    }

    /// Statements most like statement `id`, whose text is `text`, optionally not by
    /// `exclude_speaker`; `None` when the index does not hold the statement.
    pub fn similar(
        &self,
        (id, text): (i64, &str),
        exclude_speaker: Option<i64>,
        limit: usize,
        texts: &Texts,
    ) -> Result<Option<RawResults>> {
        let searcher = self.reader().searcher();
        let fields = self.fields();
        let held = searcher
            .search(
                &TermQuery::new(
                    Term::from_field_u64(fields.id, id as u64),
                    IndexRecordOption::Basic,
                ),
                &Count,
            )
            .map_err(self.err("finding the statement"))?;
        if held == 0 {
            return Ok(None);
        }
        let mlt = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(1)
            .with_min_term_frequency(1)
            .with_max_query_terms(30)
            .with_min_word_length(3)
            .with_document_fields(vec![(fields.text, vec![OwnedValue::from(text)])]);
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
        let hits = self.read_hits(&searcher, docs, None, texts)?;
        Ok(Some(RawResults {
            total,
            hits,
            facets: FacetIds::default(),
            notices: Vec::new(),
        }))
    }
}

//! Running a query: the top hits, the exact total and the facet counts of a compiled
//! query ([`super::compiler`]), each hit with its snippet ([`super::highlight`]); and
//! the statements most like a given one.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::{DocAddress, Order, TantivyDocument};

use super::compiler::term_query;
use super::highlight::lead;
use super::SearchIndex;
use crate::error::Result;

pub use super::compiler::{compile, Compiled, QueryContext};
pub use super::facets::{FacetCache, FacetCollector, FacetIds, FacetSegment, SegmentFacets};
pub use super::highlight::{mark, Highlighter};
pub use super::request::{SearchRequest, Sort};

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
    /// Runs a compiled query: top hits (by relevance or date), exact total, facets.
    pub fn run(&self, compiled: &Compiled, request: &SearchRequest) -> Result<RawResults> {
        let searcher = self.reader().searcher();
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

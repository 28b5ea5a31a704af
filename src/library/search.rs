//! Searching the statements.

use std::sync::Arc;

use super::Library;
use crate::error::{Error, Remedy, Result};
use crate::index::search::{compile, QueryContext, SearchRequest, Verifier};
use crate::index::SearchResults;
use crate::store::search_rows::FacetNames;

impl Library {
    /// Searches the statements. See [`crate::index::query`] for the syntax.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = std::time::Instant::now();
        let names = self.facet_names()?;
        let texts = |ids: &[i64]| self.store.texts(ids);
        let verifier = Verifier::new(&self.index, &texts);
        let ctx = QueryContext {
            resolver: &self.resolver,
            acronyms: &self.acronyms,
            sessions: &names.sessions,
            verifier: Some(&verifier),
        };
        let compiled = compile(self.index.fields(), &ctx, request)?;
        let raw = self
            .index
            .run(verifier.searcher(), &compiled, request, &texts)?;
        let mut results = SearchResults::named(&request.query, raw, &names);
        results.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(results)
    }

    /// Statements most like statement `id` ("who else said something like this?"),
    /// optionally leaving out its own speaker.
    pub fn similar(
        &self,
        id: i64,
        other_speakers_only: bool,
        limit: usize,
    ) -> Result<SearchResults> {
        let started = std::time::Instant::now();
        let statement = self.statement(id)?;
        let exclude = (statement.speaker.as_ref())
            .filter(|_| other_speakers_only)
            .and_then(|name| self.resolve(name).actor_id());
        let texts = |ids: &[i64]| self.store.texts(ids);
        let raw = self
            .index
            .similar((id, &statement.text), exclude, limit, &texts)?;
        let raw = raw.ok_or_else(|| Error::NotFound {
            what: "statement",
            value: id.to_string(),
            remedy: Remedy::Reindex,
        })?;
        let names = self.facet_names()?;
        let mut results = SearchResults::named(&format!("similar:{id}"), raw, &names);
        results.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(results)
    }

    /// The names behind facet ids, read once per library generation.
    fn facet_names(&self) -> Result<Arc<FacetNames>> {
        let generation = self.store.generation()?;
        let mut cache = self.names.lock().map_err(|_| Error::NotFound {
            what: "name cache",
            value: String::new(),
            remedy: Remedy::Restart,
        })?;
        match cache.as_ref() {
            Some((g, names)) if *g == generation => Ok(names.clone()),
            _ => {
                let names = Arc::new(self.store.facet_names()?);
                *cache = Some((generation, names.clone()));
                Ok(names)
            }
        }
    }
}

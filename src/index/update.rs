//! Keeping the index in step with the database: indexing written documents, and
//! opening an index that is missing, stale or damaged by rebuilding it from SQLite.

use std::path::Path;

use super::{Health, SearchIndex};
use crate::error::Result;
use crate::store::Store;

/// A document just written, and the older version it replaced, if any.
pub type Written = (i64, Option<i64>);

impl SearchIndex {
    /// Brings the index up to date with documents just written to `store` (and removes
    /// the versions they replaced), in one commit. A writer already held stays held.
    pub fn update(&mut self, store: &Store, written: &[Written]) -> Result<()> {
        if written.is_empty() {
            return Ok(());
        }
        let generation = store.generation()?;
        let documents: Vec<i64> = written.iter().map(|(d, _)| *d).collect();
        let rows = store.index_rows(Some(&documents))?;
        let mut remove = documents;
        remove.extend(written.iter().filter_map(|(_, replaced)| *replaced));
        self.replace(&remove, &rows, generation)
    }

    /// [`SearchIndex::update`] for documents whose statements changed in place.
    pub fn update_documents(&mut self, store: &Store, documents: &[i64]) -> Result<()> {
        let written: Vec<Written> = documents.iter().map(|d| (*d, None)).collect();
        self.update(store, &written)
    }

    /// Rebuilds the whole index from `store`, stopping when `cancel` is set (the index
    /// then stays as it was and the result is `None`).
    pub fn rebuild_from(
        &mut self,
        store: &Store,
        progress: &mut dyn FnMut(&str, usize, usize),
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<Option<usize>> {
        let rows = store.index_rows(None)?;
        let generation = store.generation()?;
        let result = self.rebuild(
            &rows,
            generation,
            |done, total| progress("indexing", done, total),
            Some(cancel),
        );
        Ok(result?.then_some(rows.len()))
    }

    /// Opens the index in `dir`, rebuilding it from the database when it is missing,
    /// stale or damaged; says why it was rebuilt, if it was. When another process
    /// holds the writer (an import is running), a stale index is used as it is: that
    /// import brings it up to date.
    pub fn open_or_rebuild(
        dir: &Path,
        store: &Store,
        progress: &mut dyn FnMut(&str, usize, usize),
    ) -> Result<(SearchIndex, Option<String>)> {
        let generation = store.generation()?;
        let statements = store.statement_count()?;
        let (mut index, reason) = match SearchIndex::open(dir) {
            Ok(index) => match index.health(generation, statements) {
                Health::Current => return Ok((index, None)),
                stale => (index, stale),
            },
            Err(health) => (SearchIndex::create(dir)?, health),
        };
        // A stale index another process is writing is searched as it is; a missing or
        // damaged one is rebuilt, waiting a while for the other process if need be.
        let mut silent = false;
        let rebuilt = {
            let writing = match reason {
                Health::Stale { .. } => index.try_lock_writer(),
                _ => Some(index.lock_writer()?),
            };
            match writing {
                None => false,
                Some(mut writing) => {
                    let rows = store.index_rows(None)?;
                    silent = matches!(reason, Health::Missing) && rows.is_empty();
                    let progress =
                        |done, total| progress("rebuilding the search index", done, total);
                    writing.rebuild(&rows, generation, progress, None)?;
                    true
                }
            }
        };
        if !rebuilt {
            let busy = "the index is being updated by another process";
            return Ok((index, Some(busy.into())));
        }
        // A new, empty library simply gets its index; that is no repair to report.
        let note = (!silent).then(|| format!("rebuilt the search index: {}", why(&reason)));
        Ok((index, note))
    }
}

impl SearchIndex {
    /// What is wrong with the index in `health`, in words, if anything (the database
    /// holds `statements`).
    pub fn problem(&self, health: &Health, statements: u64) -> Option<String> {
        match health {
            Health::Current => None,
            Health::Stale { index, library } => Some(format!(
                "index: holds {} statements at generation {} but the database has {statements} at generation {library}",
                self.num_docs(),
                index.map_or("none".to_string(), |g| g.to_string())
            )),
            other => Some(format!("index: {other:?}")),
        }
    }
}

/// Why an index was rebuilt, in words.
fn why(reason: &Health) -> String {
    match reason {
        Health::Missing => "it was missing".to_string(),
        Health::Stale { index, library } => format!(
            "it reflected generation {} of the library, which is at {library}",
            index.map_or("none".into(), |g| g.to_string())
        ),
        Health::Damaged(why) => format!("it was damaged ({why})"),
        Health::Current => "it was current".to_string(),
    }
}

//! Keeping the index in step with the database: applying the changes the database
//! queued for it ([`crate::store::Pending`]), and opening an index that is missing or
//! damaged by rebuilding it from SQLite.
//!
//! Invariant: the index records generation `g` only when it holds every change up to
//! `g`. Whoever holds the writer applies the queue; a process that finds the writer
//! taken leaves its change queued and goes on, and a process that releases the writer
//! looks at the queue again ([`SearchIndex::settle`]), so no change is left behind.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::{Health, SearchIndex};
use crate::error::Result;
use crate::store::{Pending, Store};

/// Documents whose rows are read from the database at once when the index is written:
/// memory holds one batch, whatever the size of the library or of an import.
pub(super) const DOCUMENTS_PER_BATCH: usize = 100;

/// What bringing the index up to date did.
#[derive(Debug, Clone, PartialEq)]
pub enum CatchUp {
    /// The index already held everything.
    Current,
    /// The changes of these many documents were applied.
    Applied(usize),
    /// The index was rebuilt from the database, for the reason given.
    Rebuilt(String),
    /// Another process holds the writer; it applies what is queued.
    Busy,
    /// Cancelled midway: the index stays as it was.
    Cancelled,
}

/// Progress of long index work: (what, done, total).
pub type IndexProgress<'a> = &'a mut dyn FnMut(&str, usize, usize);

impl SearchIndex {
    /// Applies what the database queued since the index's generation, in one commit,
    /// and removes it from the queue; rebuilds the whole index when the queue cannot
    /// bring it up to date. Takes the writer, waiting a while for another process,
    /// unless it is held already (then it stays held).
    pub fn catch_up(
        &mut self,
        store: &Store,
        progress: IndexProgress,
        cancel: Option<&AtomicBool>,
    ) -> Result<CatchUp> {
        let mut writing = self.lock_writer()?;
        writing.apply_queue(store, progress, cancel)
    }

    /// Brings the index up to date when no other process holds the writer, without
    /// waiting for it, and looks again after releasing it: a change another process
    /// queued meanwhile is applied too. `Busy` means the holder will apply the rest.
    pub fn settle(&mut self, store: &Store, progress: IndexProgress) -> Result<CatchUp> {
        let mut outcome = CatchUp::Current;
        while !self.is_current(store)? {
            let Some(mut writing) = self.try_lock_writer() else {
                return Ok(CatchUp::Busy);
            };
            let applied = writing.apply_queue(store, progress, None)?;
            drop(writing);
            if applied == CatchUp::Current {
                break;
            }
            outcome = match (outcome, applied) {
                (CatchUp::Rebuilt(why), _) | (_, CatchUp::Rebuilt(why)) => CatchUp::Rebuilt(why),
                (CatchUp::Applied(a), CatchUp::Applied(b)) => CatchUp::Applied(a + b),
                (_, applied) => applied,
            };
        }
        Ok(outcome)
    }

    /// Whether the index is at the library's generation and holds as many statements.
    fn is_current(&self, store: &Store) -> Result<bool> {
        Ok(self.generation() == Some(store.generation()?)
            && self.num_docs() == store.statement_count()?)
    }

    /// [`SearchIndex::catch_up`] with the writer held.
    fn apply_queue(
        &mut self,
        store: &Store,
        progress: IndexProgress,
        cancel: Option<&AtomicBool>,
    ) -> Result<CatchUp> {
        let (through, outcome) = match store.pending_changes(self.generation())? {
            Pending::Nothing => (None, CatchUp::Current),
            Pending::Documents { through, documents } => {
                let batches = documents
                    .chunks(DOCUMENTS_PER_BATCH)
                    .map(|some| store.index_rows(Some(some)));
                self.replace_batches(&documents, 0, batches, through)?;
                (Some(through), CatchUp::Applied(documents.len()))
            }
            Pending::Everything { through, why } => {
                if !self.rebuild_at(store, through, progress, cancel)? {
                    return Ok(CatchUp::Cancelled);
                }
                (Some(through), CatchUp::Rebuilt(why))
            }
        };
        if let Some(through) = through {
            store.forget_changes(through)?;
        }
        // The queue is the database's word; the count is a last check that nothing
        // changed behind its back (another program writing the file).
        self.reader
            .reload()
            .map_err(self.err("reloading the index"))?;
        let statements = store.statement_count()?;
        if self.num_docs() == statements || outcome == CatchUp::Cancelled {
            return Ok(outcome);
        }
        let why = format!(
            "it held {} statements but the database has {statements}",
            self.num_docs()
        );
        let through = store.generation()?;
        Ok(match self.rebuild_at(store, through, progress, cancel)? {
            true => CatchUp::Rebuilt(why),
            false => CatchUp::Cancelled,
        })
    }

    /// Rebuilds the whole index from `store`, stopping when `cancel` is set (the index
    /// then stays as it was and the result is `None`).
    pub fn rebuild_from(
        &mut self,
        store: &Store,
        progress: IndexProgress,
        cancel: &AtomicBool,
    ) -> Result<Option<usize>> {
        let mut writing = self.lock_writer()?;
        let through = store.generation()?;
        if !writing.rebuild_at(store, through, progress, Some(cancel))? {
            return Ok(None);
        }
        store.forget_changes(through)?;
        Ok(Some(writing.num_docs() as usize))
    }

    /// Rebuilds from every row of `store`, recording `through` (read before the rows).
    fn rebuild_at(
        &mut self,
        store: &Store,
        through: u64,
        progress: IndexProgress,
        cancel: Option<&AtomicBool>,
    ) -> Result<bool> {
        let documents = store.document_ids()?;
        let total = store.statement_count()? as usize;
        let batches = documents
            .chunks(DOCUMENTS_PER_BATCH)
            .map(|some| store.index_rows(Some(some)));
        let progress = |done, total| progress("rebuilding the search index", done, total);
        self.rebuild_batches(total, batches, through, progress, cancel)
    }

    /// Opens the index in `dir` and brings it up to date: a missing or damaged index is
    /// rebuilt (waiting a while for another process's writer), one behind the database
    /// applies the queue. Says what was repaired, if anything: catching up with queued
    /// edits is not a repair. When another process holds the writer (an import is
    /// running), the index is searched as it is: that process brings it up to date.
    pub fn open_or_rebuild(
        dir: &Path,
        store: &Store,
        progress: IndexProgress,
    ) -> Result<(SearchIndex, Option<String>)> {
        let mut index = match SearchIndex::open(dir) {
            Ok(index) => index,
            Err(health) => return SearchIndex::recreate(dir, store, &health, progress),
        };
        let note = match index.settle(store, progress)? {
            CatchUp::Rebuilt(why) => Some(format!("rebuilt the search index: {why}")),
            CatchUp::Busy => Some("the index is being updated by another process".into()),
            _ => None,
        };
        index.clean_leftovers()?;
        Ok((index, note))
    }

    /// Creates the index anew in `dir` and fills it from `store`.
    fn recreate(
        dir: &Path,
        store: &Store,
        health: &Health,
        progress: IndexProgress,
    ) -> Result<(SearchIndex, Option<String>)> {
        let mut index = SearchIndex::create(dir)?;
        let through = store.generation()?;
        {
            let mut writing = index.lock_writer()?;
            writing.rebuild_at(store, through, progress, None)?;
        }
        store.forget_changes(through)?;
        // A new, empty library simply gets its index; that is no repair to report.
        let new = matches!(health, Health::Missing) && index.num_docs() == 0;
        let note = (!new).then(|| format!("rebuilt the search index: {}", why(health)));
        Ok((index, note))
    }
}

/// Why an index was rebuilt, in words.
fn why(reason: &Health) -> String {
    match reason {
        Health::Missing => "it was missing".to_string(),
        Health::OtherSchema => "it was built by another version of Plenary".to_string(),
        Health::Damaged(why) => format!("it was damaged ({why})"),
    }
}

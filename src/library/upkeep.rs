//! Keeping a library healthy: the index's state, rebuilding it, checking the whole.

use std::sync::atomic::AtomicBool;

use super::{Library, ProgressFn};
use crate::error::Result;
use crate::index::Health;

impl Library {
    /// What opening did to the search index ("rebuilt: it was missing", …), if anything.
    pub fn index_repair(&self) -> Option<&str> {
        self.index_repair.as_deref()
    }

    /// Rebuilds the search index from the database.
    pub fn reindex(&mut self, progress: ProgressFn) -> Result<usize> {
        let cancel = AtomicBool::new(false);
        Ok(self.reindex_cancellable(progress, &cancel)?.unwrap_or(0))
    }

    /// Like [`Library::reindex`], stopping when `cancel` is set: the index then stays
    /// as it was and the result is `None`.
    pub fn reindex_cancellable(
        &mut self,
        progress: ProgressFn,
        cancel: &AtomicBool,
    ) -> Result<Option<usize>> {
        self.index.rebuild_from(&self.store, progress, cancel)
    }

    /// Checks the library: SQLite's integrity check, and the index against the
    /// database. Returns the problems found, each with what to do; empty when healthy.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let integrity = self.store.integrity_check()?;
        if integrity != ["ok"] {
            for p in integrity {
                problems.push(format!("database: {p} — restore library.sqlite3 from a backup; the index can then be rebuilt with `plenary reindex`"));
            }
        }
        let statements = self.store.statement_count()?;
        let generation = self.store.generation()?;
        match self.index.health(generation, statements) {
            Health::Current => {}
            Health::Stale { index, library } => problems.push(format!(
                "index: holds {} statements at generation {} but the database has {statements} at generation {library} — run `plenary reindex`",
                self.index.num_docs(),
                index.map_or("none".to_string(), |g| g.to_string())
            )),
            other => problems.push(format!("index: {other:?} — run `plenary reindex`")),
        }
        Ok(problems)
    }
}

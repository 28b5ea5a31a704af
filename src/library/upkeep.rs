//! Keeping a library healthy: the index's state, rebuilding it, checking the whole.

use std::sync::atomic::AtomicBool;

use super::{Library, ProgressFn};
use crate::error::{Problem, Remedy, Result};

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
    pub fn check(&self) -> Result<Vec<Problem>> {
        let mut integrity = self.store.integrity_check()?;
        integrity.retain(|p| p != "ok");
        let database = integrity.into_iter().map(|p| format!("database: {p}"));
        let mut problems: Vec<Problem> = database.map(restore_backup).collect();
        let statements = self.store.statement_count()?;
        let health = self.index.health(self.store.generation()?, statements);
        let index = self.index.problem(&health, statements);
        problems.extend(index.map(|message| Problem {
            message,
            remedy: Remedy::Reindex,
        }));
        Ok(problems)
    }
}

/// A problem of the database itself: its remedy is a backup.
fn restore_backup(message: String) -> Problem {
    Problem {
        message,
        remedy: Remedy::RestoreBackup,
    }
}

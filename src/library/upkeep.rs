//! Keeping a library healthy: the index's state, rebuilding it, checking the whole.

use std::sync::atomic::AtomicBool;

use super::{Library, ProgressFn};
use crate::error::{Problem, Remedy, Result};
use crate::index::{Difference, DifferenceKind};
use crate::store::Pending;

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
    /// database — what it holds of every statement, and files left in its folder by a
    /// write that was interrupted. Returns the problems found, each with what to do;
    /// empty when healthy.
    pub fn check(&mut self) -> Result<Vec<Problem>> {
        let mut integrity = self.store.integrity_check()?;
        integrity.retain(|p| p != "ok");
        let database = integrity.into_iter().map(|p| format!("database: {p}"));
        let mut problems: Vec<Problem> = database.map(restore_backup).collect();
        problems.extend(self.index_problems()?);
        Ok(problems)
    }

    /// Brings the index up to date after an edit when no other process holds its
    /// writer; otherwise the edit waits in the database's queue for that process. The
    /// edit is saved either way, so this never fails it: an index that cannot be
    /// written now catches up when the library next opens.
    pub(super) fn index_changes(&mut self) {
        let _ = self.index.settle(&self.store, &mut |_, _, _| {});
    }

    /// The index's disagreements with the database, and its leftover files. Holding
    /// the writer meanwhile, so no commit changes what is compared; changes another
    /// process queued meanwhile are not counted (the next writer applies them).
    fn index_problems(&mut self) -> Result<Vec<Problem>> {
        let Some(writing) = self.index.try_lock_writer() else {
            return Ok(vec![Problem {
                message: "index: another process is writing it (an import?), so it was not compared with the database".into(),
                remedy: Remedy::Wait,
            }]);
        };
        let mut differences = writing.differences(&self.store)?;
        let leftovers = writing.leftovers()?;
        match self.store.pending_changes(writing.generation())? {
            Pending::Nothing => {}
            Pending::Documents { documents, .. } => {
                differences.retain(|d| !documents.contains(&d.document))
            }
            Pending::Everything { .. } => differences.clear(),
        }
        drop(writing);
        let mut problems = Vec::new();
        if !differences.is_empty() {
            problems.push(Problem {
                message: describe(&differences),
                remedy: Remedy::Reindex,
            });
        }
        if !leftovers.is_empty() {
            let bytes: u64 = leftovers
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum();
            problems.push(Problem {
                message: format!(
                    "index: {} files ({:.1} MB) left in {} by a write that was interrupted",
                    leftovers.len(),
                    bytes as f64 / 1e6,
                    self.index.dir().display()
                ),
                remedy: Remedy::Reindex,
            });
        }
        Ok(problems)
    }
}

/// The index's disagreements with the database, in words: how many of each kind, and
/// the first few statements.
fn describe(differences: &[Difference]) -> String {
    let count = |kind| differences.iter().filter(|d| d.kind == kind).count();
    let kinds = [
        (DifferenceKind::Missing, "missing from the index"),
        (DifferenceKind::Changed, "changed since they were indexed"),
        (
            DifferenceKind::Extra,
            "indexed but no longer in the database",
        ),
    ];
    let counts: Vec<String> = kinds
        .iter()
        .filter(|(kind, _)| count(*kind) > 0)
        .map(|(kind, words)| format!("{} {words}", count(*kind)))
        .collect();
    let first: Vec<String> = differences
        .iter()
        .take(5)
        .map(|d| d.statement.to_string())
        .collect();
    format!(
        "index: {} statements differ from the database ({}; statements {}{})",
        differences.len(),
        counts.join(", "),
        first.join(", "),
        if differences.len() > 5 { ", …" } else { "" }
    )
}

/// A problem of the database itself: its remedy is a backup.
fn restore_backup(message: String) -> Problem {
    Problem {
        message,
        remedy: Remedy::RestoreBackup,
    }
}

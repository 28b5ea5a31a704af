//! A batch import: files one at a time into the store, the search index brought up to
//! date in batches.

use std::path::PathBuf;

use super::{cancelled, collect_files, import_file, ImportOptions, ImportOutcome};
use super::{ImportStatus, Progress};
use crate::error::Result;
use crate::gazetteer::Resolver;
use crate::index::SearchIndex;
use crate::store::Store;
use crate::themes::Tagger;

/// Documents indexed per commit during an import, at most.
const INDEX_BATCH: usize = 2000;
/// Time between index commits during an import, at most.
const INDEX_INTERVAL: std::time::Duration = std::time::Duration::from_secs(10);

/// What an import works with.
pub struct Importer<'a> {
    pub store: &'a mut Store,
    pub index: &'a mut SearchIndex,
    pub resolver: &'a Resolver,
    pub tagger: &'a Tagger,
}

/// Each file given, with what became of it.
pub type ImportResults = Vec<(PathBuf, Result<ImportOutcome>)>;

impl Importer<'_> {
    /// Imports files and folders (recursively). Each file is imported on its own, in
    /// one transaction: a file that fails is reported and the others still go in.
    /// `progress` is called before each file. Stops early when `options.cancel` is set.
    ///
    /// The index writer is held for the whole import: another process opening the
    /// library meanwhile sees the index busy and searches it as it is, rather than
    /// rebuilding it under our feet. Written documents wait in the database's index
    /// queue for the next commit: one commit per batch keeps a large import fast, each
    /// commit holds whole documents only, and edits other processes queue meanwhile go
    /// in with it.
    pub fn run(
        self,
        paths: &[PathBuf],
        options: &ImportOptions,
        mut progress: impl FnMut(Progress<'_>),
    ) -> Result<ImportResults> {
        let files = collect_files(paths)?;
        let mut index = self.index.lock_writer()?;
        let mut results = Vec::with_capacity(files.len());
        let mut unindexed = 0;
        let mut last_commit = std::time::Instant::now();
        for (i, file) in files.iter().enumerate() {
            if cancelled(options) {
                break;
            }
            let total = files.len();
            progress(Progress {
                done: i,
                total,
                path: file,
            });
            let result = import_file(self.store, self.resolver, self.tagger, file, options);
            if result
                .as_ref()
                .is_ok_and(|o| o.status != ImportStatus::AlreadyPresent)
            {
                unindexed += 1;
            }
            results.push((file.clone(), result));
            let due = last_commit.elapsed() >= INDEX_INTERVAL;
            if unindexed >= INDEX_BATCH || (unindexed > 0 && due) {
                flush(&mut index, self.store)?;
                unindexed = 0;
                last_commit = std::time::Instant::now();
            }
        }
        flush(&mut index, self.store)?;
        drop(index);
        // Edits other processes queued while we held the writer, after our last commit.
        self.index.settle(self.store, &mut |_, _, _| {})?;
        Ok(results)
    }
}

/// Indexes what the database queued since the last commit: the documents written, and
/// any edit another process made meanwhile. SQLite already holds them: if this fails,
/// they stay queued for the next writer.
fn flush(index: &mut SearchIndex, store: &Store) -> Result<()> {
    index.catch_up(store, &mut |_, _, _| {}, None).map(|_| ())
}

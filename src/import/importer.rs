//! A batch import: files one at a time into the store, the search index brought up to
//! date in batches.

use std::path::PathBuf;

use super::{cancelled, collect_files, import_file, ImportOptions, ImportOutcome};
use super::{ImportStatus, Progress};
use crate::error::Result;
use crate::gazetteer::Resolver;
use crate::index::{SearchIndex, Written};
use crate::store::Store;
use crate::themes::Tagger;

/// Documents indexed per commit during an import, at most.
const INDEX_BATCH: usize = 200;
/// Time between index commits during an import, at most.
const INDEX_INTERVAL: std::time::Duration = std::time::Duration::from_secs(2);

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
    /// rebuilding it under our feet. Written documents wait for the next index commit:
    /// one commit per batch keeps a large import fast, and each commit holds whole
    /// documents only.
    pub fn run(
        self,
        paths: &[PathBuf],
        options: &ImportOptions,
        mut progress: impl FnMut(Progress<'_>),
    ) -> Result<ImportResults> {
        let files = collect_files(paths)?;
        let mut index = self.index.lock_writer()?;
        let mut results = Vec::with_capacity(files.len());
        let mut pending: Vec<Written> = Vec::new();
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
            if let Ok(outcome) = &result {
                pending.extend(written(outcome));
            }
            results.push((file.clone(), result));
            let due = last_commit.elapsed() >= INDEX_INTERVAL;
            if pending.len() >= INDEX_BATCH || (!pending.is_empty() && due) {
                flush(&mut index, self.store, &mut pending)?;
                last_commit = std::time::Instant::now();
            }
        }
        flush(&mut index, self.store, &mut pending).map(|()| results)
    }
}

/// Indexes the documents written since the last commit. SQLite already holds them: if
/// this fails, the next open sees a stale index and rebuilds it.
fn flush(index: &mut SearchIndex, store: &Store, pending: &mut Vec<Written>) -> Result<()> {
    let result = index.update(store, pending);
    pending.clear();
    result
}

/// The document an import wrote, and the one it replaced; nothing when the same bytes
/// were already there.
fn written(outcome: &ImportOutcome) -> Option<Written> {
    match &outcome.status {
        ImportStatus::Imported => Some((outcome.document, None)),
        ImportStatus::Replaced { replaced, .. } => Some((outcome.document, Some(*replaced))),
        ImportStatus::AlreadyPresent => None,
    }
}

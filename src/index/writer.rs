//! Writing the index: one writer (tantivy enforces it with a lock file, shared with
//! other processes opening the same library), held through a [`WriterGuard`], and the
//! statements' index documents added, replaced or rebuilt in one commit each.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

use tantivy::schema::{TantivyDocument, Term};
use tantivy::{IndexWriter, TantivyError};

use super::SearchIndex;
use crate::error::{Error, Result};
use crate::store::search_rows::IndexRow;

/// How long to wait for another process's writer lock.
const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Memory for the writer: enough for one document or a rebuild.
const WRITER_HEAP: usize = 60_000_000;

/// Segments larger than this are not merged further. A merge holds memory in
/// proportion to the segments it merges, so without a bound an import's memory would
/// grow with the library; a million statements stay in about ten segments.
const MAX_MERGE_DOCS: usize = 100_000;

/// A writer of `index` with Plenary's threads, memory and merge policy.
fn new_writer(index: &tantivy::Index) -> tantivy::Result<IndexWriter> {
    let writer = index.writer_with_num_threads(2, WRITER_HEAP)?;
    let mut policy = tantivy::merge_policy::LogMergePolicy::default();
    policy.set_max_docs_before_merge(MAX_MERGE_DOCS);
    writer.set_merge_policy(Box::new(policy));
    Ok(writer)
}

/// The index writer, held until the guard is dropped.
///
/// Dropping the guard releases the writer lock (so another process can write), unless
/// the writer was already held when the guard was made — by an outer guard, or by
/// [`SearchIndex::take_writer`] — in which case whoever took it releases it. The guard
/// dereferences to the [`SearchIndex`], so writes go through it:
///
/// ```no_run
/// # fn reindex(
/// #     index: &mut plenary::index::SearchIndex,
/// #     rows: &[plenary::store::search_rows::IndexRow],
/// # ) -> plenary::Result<()> {
/// let mut writing = index.lock_writer()?;
/// writing.replace(&[1, 2], rows, 7)?;
/// writing.replace(&[3], &[], 8)?;
/// drop(writing); // the lock is released here
/// # Ok(())
/// # }
/// ```
pub struct WriterGuard<'a> {
    index: &'a mut SearchIndex,
    /// Whether this guard took the writer, and so releases it.
    owns: bool,
}

impl WriterGuard<'_> {
    /// The writer itself.
    pub(super) fn writer(&mut self) -> Result<&mut IndexWriter> {
        let index = &mut *self.index;
        index.writer.as_mut().ok_or_else(|| Error::IndexBusy {
            path: index.dir.clone(),
        })
    }
}

impl Deref for WriterGuard<'_> {
    type Target = SearchIndex;

    fn deref(&self) -> &SearchIndex {
        self.index
    }
}

impl DerefMut for WriterGuard<'_> {
    fn deref_mut(&mut self) -> &mut SearchIndex {
        self.index
    }
}

impl Drop for WriterGuard<'_> {
    fn drop(&mut self) {
        if self.owns {
            self.index.release_writer();
        }
    }
}

impl SearchIndex {
    /// Takes the writer, waiting a while for another process to release it, and holds
    /// it until the guard is dropped.
    pub fn lock_writer(&mut self) -> Result<WriterGuard<'_>> {
        let owns = self.writer.is_none();
        self.writer()?;
        Ok(WriterGuard { index: self, owns })
    }

    /// Takes the writer if no other process holds it, without waiting, and holds it
    /// until the guard is dropped; `None` when another process holds it.
    pub fn try_lock_writer(&mut self) -> Option<WriterGuard<'_>> {
        let owns = self.writer.is_none();
        if !self.try_take_writer() {
            return None;
        }
        Some(WriterGuard { index: self, owns })
    }

    /// The writer, taken on first use. Another process may hold the lock for a moment
    /// (a search rebuilding a stale index, a short import): wait for it a while.
    fn writer(&mut self) -> Result<&mut IndexWriter> {
        if self.writer.is_none() {
            let started = std::time::Instant::now();
            let writer = loop {
                match new_writer(&self.index) {
                    Ok(writer) => break writer,
                    Err(TantivyError::LockFailure(..)) if started.elapsed() < WRITER_WAIT => {
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                    Err(TantivyError::LockFailure(..)) => {
                        return Err(Error::IndexBusy {
                            path: self.dir.clone(),
                        })
                    }
                    Err(source) => {
                        return Err(Error::Index {
                            path: self.dir.clone(),
                            doing: "opening the index writer",
                            source: Box::new(source),
                        })
                    }
                }
            };
            self.writer = Some(writer);
        }
        self.writer.as_mut().ok_or_else(|| Error::IndexBusy {
            path: self.dir.clone(),
        })
    }

    /// Takes the writer if no other process holds it, without waiting.
    pub fn try_take_writer(&mut self) -> bool {
        if self.writer.is_none() {
            self.writer = new_writer(&self.index).ok();
        }
        self.writer.is_some()
    }

    /// Takes the writer, waiting a while for another process to release it.
    pub fn take_writer(&mut self) -> Result<()> {
        self.writer().map(|_| ())
    }

    /// Releases the writer lock, so another process can write.
    pub fn release_writer(&mut self) {
        if let Some(writer) = self.writer.take() {
            let _ = writer.wait_merging_threads();
        }
    }

    /// Replaces the statements of `documents` with `rows` and commits, recording
    /// `generation`. One commit: a search sees all of it or none.
    pub fn replace(&mut self, documents: &[i64], rows: &[IndexRow], generation: u64) -> Result<()> {
        let batches = std::iter::once(Ok(rows.to_vec()));
        self.replace_batches(documents, rows.len(), batches, generation)
    }

    /// [`SearchIndex::replace`] with the rows read batch by batch (`total` in all), so
    /// that only one batch is in memory at a time.
    pub fn replace_batches(
        &mut self,
        documents: &[i64],
        total: usize,
        batches: impl Iterator<Item = Result<Vec<IndexRow>>>,
        generation: u64,
    ) -> Result<()> {
        let field = self.fields.document;
        self.write(
            total,
            batches,
            generation,
            |writer| {
                for d in documents {
                    writer.delete_term(Term::from_field_u64(field, *d as u64));
                }
                Ok(())
            },
            |_, _| {},
            None,
        )
        .map(|_| ())
    }

    /// Rebuilds the whole index from `rows`, calling `progress(done, total)`.
    pub fn rebuild(
        &mut self,
        rows: &[IndexRow],
        generation: u64,
        progress: impl FnMut(usize, usize),
        cancel: Option<&AtomicBool>,
    ) -> Result<bool> {
        let batches = std::iter::once(Ok(rows.to_vec()));
        self.rebuild_batches(rows.len(), batches, generation, progress, cancel)
    }

    /// [`SearchIndex::rebuild`] with the rows read batch by batch (`total` in all).
    pub fn rebuild_batches(
        &mut self,
        total: usize,
        batches: impl Iterator<Item = Result<Vec<IndexRow>>>,
        generation: u64,
        progress: impl FnMut(usize, usize),
        cancel: Option<&AtomicBool>,
    ) -> Result<bool> {
        self.write(
            total,
            batches,
            generation,
            |writer| writer.delete_all_documents().map(|_| ()),
            progress,
            cancel,
        )
    }

    /// Clears what `clear` removes, adds the rows of every batch (`total` in all), and
    /// commits with `generation` as the payload, then reloads the reader. When `cancel`
    /// is set midway, or a batch cannot be read, nothing is committed (the index stays
    /// as it was) and the result is `false` or the error. The writer is released
    /// afterwards unless it was held before ([`WriterGuard`]).
    fn write(
        &mut self,
        total: usize,
        batches: impl Iterator<Item = Result<Vec<IndexRow>>>,
        generation: u64,
        clear: impl FnOnce(&mut IndexWriter) -> tantivy::Result<()>,
        mut progress: impl FnMut(usize, usize),
        cancel: Option<&AtomicBool>,
    ) -> Result<bool> {
        let dir = self.dir.clone();
        let err = |doing: &'static str| {
            let path = dir.clone();
            move |source: TantivyError| Error::Index {
                path,
                doing,
                source: Box::new(source),
            }
        };
        let mut guard = self.lock_writer()?;
        let fields = guard.fields.clone();
        let writer = guard.writer()?;
        clear(writer).map_err(err("clearing the index"))?;
        let mut done = 0;
        for batch in batches {
            let rows = match batch {
                Ok(rows) => rows,
                Err(e) => {
                    writer
                        .rollback()
                        .map_err(err("cancelling the index update"))?;
                    return Err(e);
                }
            };
            for row in &rows {
                if done % 2000 == 0 {
                    if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                        writer
                            .rollback()
                            .map_err(err("cancelling the index update"))?;
                        return Ok(false);
                    }
                    progress(done, total);
                }
                writer
                    .add_document(document(&fields, row))
                    .map_err(err("adding to the index"))?;
                done += 1;
            }
        }
        let mut commit = writer
            .prepare_commit()
            .map_err(err("preparing the index commit"))?;
        commit.set_payload(&generation.to_string());
        commit.commit().map_err(err("committing the index"))?;
        progress(done, done.max(total));
        guard
            .reader
            .reload()
            .map_err(guard.err("reloading the index"))?;
        Ok(true)
    }
}

/// The index document of one statement.
fn document(f: &super::schema::Fields, row: &IndexRow) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_u64(f.id, row.id as u64);
    doc.add_u64(f.document, row.document as u64);
    doc.add_text(f.text, &row.text);
    doc.add_text(f.text_pairs, &row.text);
    if let Some(label) = &row.speaker_label {
        doc.add_text(f.speaker_label, label);
    }
    if let Some(line) = row.source_line {
        doc.add_u64(f.source_line, line.max(0) as u64);
    }
    if let Some(s) = row.speaker {
        doc.add_u64(f.speaker, s as u64);
    }
    if let Some(k) = &row.speaker_kind {
        doc.add_text(f.speaker_kind, k);
    }
    for g in &row.groups {
        doc.add_u64(f.groups, *g as u64);
    }
    for (field, value) in [
        (f.region, row.region),
        (f.on_behalf_of, row.on_behalf_of),
        (f.aligned_with, row.aligned_with),
        (f.session, row.session),
        (f.session_number, row.session_number),
        (f.meeting, row.meeting),
    ] {
        if let Some(v) = value {
            doc.add_u64(field, v as u64);
        }
    }
    doc.add_text(f.doc_kind, &row.doc_kind);
    if let Some(p) = &row.process {
        doc.add_text(f.process, p);
    }
    if let Some(a) = &row.agenda_item {
        doc.add_text(f.agenda_item, a);
    }
    doc.add_i64(f.date, row.date.unwrap_or(0));
    for (theme_id, path, stance) in &row.tags {
        doc.add_u64(f.theme_id, *theme_id as u64);
        for key in path {
            doc.add_text(f.theme, key);
            doc.add_text(f.theme_stance, format!("{key}:{stance}"));
        }
        doc.add_text(f.stance, stance);
    }
    doc.add_u64(f.unofficial, row.unofficial as u64);
    doc.add_u64(f.ai_generated, row.ai_generated as u64);
    for s in &row.symbols {
        doc.add_text(f.symbol, s);
    }
    doc.add_u64(f.digest, super::audit::digest(row));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guard_releases_the_writer_it_took_and_only_that() {
        let dir = tempfile::tempdir().unwrap();
        let mut index = SearchIndex::create(dir.path()).unwrap();
        let mut other = SearchIndex::open(dir.path()).unwrap();
        let mut guard = index.lock_writer().unwrap();
        assert!(other.try_lock_writer().is_none(), "the lock is held");
        guard.replace(&[], &[], 3).unwrap();
        drop(guard);
        assert!(index.writer.is_none());
        assert_eq!(index.generation(), Some(3));
        assert!(other.try_lock_writer().is_some(), "the lock was released");

        // A writer taken by hand stays taken through a guard, and through a write.
        index.take_writer().unwrap();
        drop(index.lock_writer().unwrap());
        index.replace(&[], &[], 4).unwrap();
        assert!(index.writer.is_some());
        index.release_writer();
        assert!(index.writer.is_none());
    }
}

//! The search index: tantivy, derived from SQLite and rebuildable from it.
//!
//! One document per statement ([`schema::Fields`]), analysed with folding for search
//! ([`analyzer`]) and kept in `LIBRARY/index/`. Each commit carries the library's
//! write generation as its payload, so opening the library can tell a current index
//! from a stale, missing or damaged one and rebuild it from SQLite.
//!
//! A search runs in steps, each in its own file, none depending on a later one:
//! [`request`] (what is asked) → [`query`] (the syntax, parsed) → [`compiler`] (a
//! tantivy query) → [`search`] (top hits, total, [`facets`], snippets from
//! [`highlight`]).
//!
//! Invariant: the index can be rebuilt from the database alone.
//! Invariant: the index is committed once per imported document, so a search never
//! sees half of a document.

pub mod analyzer;
pub mod compiler;
pub mod facets;
pub mod highlight;
pub mod query;
pub mod request;
pub mod schema;
pub mod search;

use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicBool, Ordering};
use tantivy::directory::MmapDirectory;
use tantivy::schema::{TantivyDocument, Term};
use tantivy::tokenizer::TextAnalyzer;

use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyError};

use crate::error::{Error, Result};
use crate::store::search_rows::IndexRow;
use analyzer::{ExactTokenizer, FoldingTokenizer, PairTokenizer, EXACT, FOLDED, PAIRS};
use schema::Fields;

/// The index directory's name inside the library.
pub const DIR: &str = "index";

/// How long to wait for another process's writer lock.
const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Memory for the writer: enough for one document or a rebuild.
const WRITER_HEAP: usize = 60_000_000;

/// Why an index needed rebuilding.
#[derive(Debug, Clone, PartialEq)]
pub enum Health {
    Current,
    Missing,
    Stale { index: Option<u64>, library: u64 },
    Damaged(String),
}

/// The open index.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Option<IndexWriter>,
    /// Facet values decoded per segment, for counting without column lookups.
    facets: facets::FacetCache,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .finish()
    }
}

fn register(index: &Index) {
    index
        .tokenizers()
        .register(FOLDED, TextAnalyzer::from(FoldingTokenizer::default()));
    index
        .tokenizers()
        .register(EXACT, TextAnalyzer::from(ExactTokenizer::default()));
    index
        .tokenizers()
        .register(PAIRS, TextAnalyzer::from(PairTokenizer::default()));
}

impl SearchIndex {
    pub(crate) fn err(&self, doing: &'static str) -> impl Fn(TantivyError) -> Error + '_ {
        move |source| Error::Index {
            path: self.dir.clone(),
            doing,
            source: Box::new(source),
        }
    }

    /// Registers the analyzers on an opened or created index and starts its reader.
    fn wrap(dir: &Path, index: Index, fields: Fields) -> tantivy::Result<SearchIndex> {
        register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            writer: None,
            facets: facets::FacetCache::default(),
        })
    }

    /// Opens the index in `dir`, or says why it cannot be used as it is.
    pub fn open(dir: &Path) -> std::result::Result<SearchIndex, Health> {
        if !dir.join("meta.json").exists() {
            return Err(Health::Missing);
        }
        let damaged = |e: TantivyError| Health::Damaged(e.to_string());
        let directory = MmapDirectory::open(dir).map_err(|e| Health::Damaged(e.to_string()))?;
        let index = Index::open(directory).map_err(damaged)?;
        let fields = Fields::new();
        if index.schema() != fields.schema {
            return Err(Health::Damaged(
                "the index was built with another schema".into(),
            ));
        }
        SearchIndex::wrap(dir, index, fields).map_err(damaged)
    }

    /// Creates an empty index in `dir`, removing whatever was there.
    pub fn create(dir: &Path) -> Result<SearchIndex> {
        let io = |doing: &'static str| {
            let path = dir.to_path_buf();
            move |source| Error::Io {
                path,
                doing,
                source,
            }
        };
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(io("remove the old index"))?;
        }
        std::fs::create_dir_all(dir).map_err(io("create the index directory"))?;
        let tantivy = |doing: &'static str| {
            let path = dir.to_path_buf();
            move |source: TantivyError| Error::Index {
                path,
                doing,
                source: Box::new(source),
            }
        };
        let fields = Fields::new();
        let directory = MmapDirectory::open(dir).map_err(|e| Error::Index {
            path: dir.to_path_buf(),
            doing: "opening the index directory",
            source: Box::new(e.into()),
        })?;
        let index = Index::create(directory, fields.schema.clone(), Default::default())
            .map_err(tantivy("creating the index"))?;
        SearchIndex::wrap(dir, index, fields).map_err(tantivy("opening the index reader"))
    }

    /// The library generation the last commit reflects.
    pub fn generation(&self) -> Option<u64> {
        let metas = self.index.load_metas().ok()?;
        metas.payload?.parse().ok()
    }

    /// How many statements the index holds.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Compares the index with the library: the generation it reflects and its size.
    pub fn health(&self, library_generation: u64, statements: u64) -> Health {
        let generation = self.generation();
        if generation != Some(library_generation) || self.num_docs() != statements {
            Health::Stale {
                index: generation,
                library: library_generation,
            }
        } else {
            Health::Current
        }
    }

    /// The writer, taken on first use. Another process may hold the lock for a moment
    /// (a search rebuilding a stale index, a short import): wait for it a while.
    fn writer(&mut self) -> Result<&mut IndexWriter> {
        if self.writer.is_none() {
            let started = std::time::Instant::now();
            let writer = loop {
                match self.index.writer_with_num_threads(2, WRITER_HEAP) {
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
            self.writer = self.index.writer_with_num_threads(2, WRITER_HEAP).ok();
        }
        self.writer.is_some()
    }

    /// Takes the writer, waiting a while for another process to release it.
    pub fn take_writer(&mut self) -> Result<()> {
        self.writer().map(|_| ())
    }

    fn document(&self, row: &IndexRow) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.id, row.id as u64);
        doc.add_u64(f.document, row.document as u64);
        doc.add_text(f.text, &row.text);
        doc.add_text(f.text_exact, &row.text);
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
        doc
    }

    /// Replaces the statements of `documents` with `rows` and commits, recording
    /// `generation`. One commit: a search sees all of it or none.
    pub fn replace(&mut self, documents: &[i64], rows: &[IndexRow], generation: u64) -> Result<()> {
        let field = self.fields.document;
        self.write(
            rows,
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
        self.write(
            rows,
            generation,
            |writer| writer.delete_all_documents().map(|_| ()),
            progress,
            cancel,
        )
    }

    /// Clears what `clear` removes, adds `rows`, and commits with `generation` as the
    /// payload, then reloads the reader. When `cancel` is set midway, nothing is
    /// committed (the index stays as it was) and the result is `false`.
    fn write(
        &mut self,
        rows: &[IndexRow],
        generation: u64,
        clear: impl FnOnce(&mut IndexWriter) -> tantivy::Result<()>,
        mut progress: impl FnMut(usize, usize),
        cancel: Option<&AtomicBool>,
    ) -> Result<bool> {
        let docs: Vec<TantivyDocument> = rows.iter().map(|r| self.document(r)).collect();
        let total = docs.len();
        let dir = self.dir.clone();
        let err = |doing: &'static str| {
            let path = dir.clone();
            move |source: TantivyError| Error::Index {
                path,
                doing,
                source: Box::new(source),
            }
        };
        let writer = self.writer()?;
        clear(writer).map_err(err("clearing the index"))?;
        for (i, doc) in docs.into_iter().enumerate() {
            if i % 2000 == 0 {
                if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                    writer
                        .rollback()
                        .map_err(err("cancelling the index update"))?;
                    return Ok(false);
                }
                progress(i, total);
            }
            writer
                .add_document(doc)
                .map_err(err("adding to the index"))?;
        }
        let mut commit = writer
            .prepare_commit()
            .map_err(err("preparing the index commit"))?;
        commit.set_payload(&generation.to_string());
        commit.commit().map_err(err("committing the index"))?;
        progress(total, total);
        self.reader
            .reload()
            .map_err(self.err("reloading the index"))?;
        Ok(true)
    }

    /// The index's field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The reader (a fresh searcher per query).
    pub fn reader(&self) -> &IndexReader {
        &self.reader
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Releases the writer lock, so another process can write.
    pub fn release_writer(&mut self) {
        if let Some(writer) = self.writer.take() {
            let _ = writer.wait_merging_threads();
        }
    }
}

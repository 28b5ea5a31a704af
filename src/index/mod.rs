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
//! [`highlight`]). [`writer`] holds the one writer ([`WriterGuard`]) and commits.
//!
//! Invariant: the index can be rebuilt from the database alone.
//! Invariant: the index is committed once per imported document, so a search never
//! sees half of a document.

pub mod analyzer;
mod audit;
pub mod compiler;
pub mod facets;
pub mod highlight;
pub mod query;
pub mod request;
pub mod results;
pub mod schema;
pub mod search;
mod update;
pub mod verify;
pub mod writer;

pub use audit::{Difference, DifferenceKind};
pub use results::{FacetCount, Facets, Hit, SearchResults};
pub use update::{CatchUp, IndexProgress};

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyError};

use crate::error::{Error, Result};
use analyzer::{FoldingTokenizer, PairTokenizer, FOLDED, PAIRS};
use schema::Fields;

pub use writer::WriterGuard;

/// The index directory's name inside the library.
pub const DIR: &str = "index";

/// Why an index cannot be used as it is, and must be rebuilt.
#[derive(Debug, Clone, PartialEq)]
pub enum Health {
    Missing,
    /// Built by another version of Plenary, with other fields.
    OtherSchema,
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
            return Err(Health::OtherSchema);
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
}

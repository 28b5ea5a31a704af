//! The facade: the one API that every front-end calls.
//!
//! API boundary: the CLI and the desktop shell hold no SQL, no index and no parsing;
//! they open a [`Library`] and call its methods. Each method is a few lines that call
//! down into the stage that does the work; the methods are grouped by area:
//! opening and upkeep (here and [`upkeep`]), search ([`search`]), documents, statements
//! and the review queue ([`documents`]), themes, tags and the codebook ([`tags`]),
//! positions, comparisons and export ([`positions`]).

mod documents;
mod memory;
mod positions;
mod search;
mod tags;
mod upkeep;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::gazetteer::{self, GazetteerFile, Resolution, Resolver};
use crate::import::{sha256_hex, tagging};
use crate::index::{self, SearchIndex};
use crate::store::search_rows::FacetNames;
use crate::store::{self, actors::GAZETTEER_HASH, Store};
use crate::themes::{Codebook, Tagger};

/// The environment variable that names the library directory.
pub const LIBRARY_ENV: &str = "PLENARY_LIBRARY";

/// An open Plenary library: a directory holding `library.sqlite3` (the source of
/// truth) and the indexes derived from it.
#[derive(Debug)]
pub struct Library {
    dir: PathBuf,
    store: Store,
    resolver: Resolver,
    index: SearchIndex,
    /// Acronym (lower case) → expansion, from the codebook.
    acronyms: HashMap<String, String>,
    /// What happened to the index when the library was opened, if anything.
    index_repair: Option<String>,
    /// Facet names, with the library generation they were read at.
    names: Mutex<Option<(u64, Arc<FacetNames>)>>,
    /// The codebook in use and its compiled matcher.
    codebook: Codebook,
    tagger: Tagger,
}

/// Progress of long work: what, how far, out of how much.
pub type ProgressFn<'a> = &'a mut dyn FnMut(&str, usize, usize);

/// A summary of an open library.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LibraryStatus {
    pub dir: PathBuf,
    pub database: PathBuf,
    pub schema_version: i64,
    pub actors: usize,
    pub documents: u64,
    pub statements: u64,
}

impl Library {
    /// The default library directory: `PLENARY_LIBRARY` if set, else the OS data
    /// directory (`~/.local/share/plenary` on Linux).
    pub fn default_dir() -> Result<PathBuf> {
        if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        dirs::data_dir()
            .map(|d| d.join("plenary"))
            .ok_or_else(|| Error::LibraryDir {
                path: PathBuf::from("~/.local/share/plenary"),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "the OS data directory is unknown (is HOME set?)",
                ),
            })
    }

    /// Opens the library in `dir`, creating the directory and the database if needed,
    /// migrating an older schema, and loading the shipped gazetteer when it changed.
    pub fn open(dir: impl AsRef<Path>) -> Result<Library> {
        Library::open_with_progress(dir, &mut |_, _, _| {})
    }

    /// Like [`Library::open`], reporting progress when the search index has to be
    /// rebuilt (missing, stale after an interrupted import, or damaged).
    pub fn open_with_progress(dir: impl AsRef<Path>, progress: ProgressFn) -> Result<Library> {
        memory::limit_malloc_arenas();
        let dir = library_dir(dir.as_ref())?;
        let mut store = Store::open(&dir.join(store::DB_FILE))?;
        sync_gazetteer(&mut store)?;
        let resolver = Resolver::new(store.resolver_actors()?, store.aliases()?);
        let (codebook, tagger) = tagging::load_codebook(&mut store, progress)?;
        let (index, index_repair) =
            SearchIndex::open_or_rebuild(&dir.join(index::DIR), &store, progress)?;
        let acronyms = codebook.acronyms();
        let names = Mutex::new(None);
        Ok(Library {
            dir,
            store,
            resolver,
            index,
            acronyms,
            index_repair,
            names,
            codebook,
            tagger,
        })
    }

    /// The library directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A summary: where it is, its schema version, what it holds.
    pub fn status(&self) -> Result<LibraryStatus> {
        Ok(LibraryStatus {
            dir: self.dir.clone(),
            database: self.store.path().to_path_buf(),
            schema_version: self.store.schema_version()?,
            actors: self.resolver.len(),
            documents: self.store.document_count()?,
            statements: self.store.statement_count()?,
        })
    }

    /// Every actor, optionally only those of one kind, sorted by kind and name.
    pub fn actors(&self, kind: Option<gazetteer::ActorKind>) -> Result<Vec<store::actors::Actor>> {
        self.store.actors(kind)
    }

    /// Resolves a name as records write it ("UK", "the delegation of Türkiye", "NAM").
    pub fn resolve(&self, name: &str) -> Resolution {
        self.resolver.resolve(name)
    }

    /// Resolves a country code as file names use it: ISO 3166 alpha-3 first, then any
    /// alias (`NAM` is Namibia here, while [`Library::resolve`] reads it as the
    /// Non-Aligned Movement).
    pub fn resolve_code(&self, code: &str) -> Resolution {
        self.resolver.resolve_code(code)
    }

    /// The name resolver built from the library's actors.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    /// The schema of the library database, one `CREATE` statement per object.
    pub fn schema_sql(&self) -> Result<Vec<String>> {
        self.store.schema_sql()
    }
}

/// The library directory `dir`, created if needed; an error if it is not a directory.
fn library_dir(dir: &Path) -> Result<PathBuf> {
    let error = |source| Error::LibraryDir {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(error)?;
    if !dir.is_dir() {
        let not_dir = std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a directory");
        return Err(error(not_dir));
    }
    Ok(dir.to_path_buf())
}

/// Loads the shipped gazetteer and its translations when either changed.
fn sync_gazetteer(store: &mut Store) -> Result<()> {
    let hash = sha256_hex(gazetteer::BUILTIN_SOURCES.join("\0").as_bytes());
    if store.meta(GAZETTEER_HASH)?.as_deref() != Some(hash.as_str()) {
        store.sync_gazetteer(&GazetteerFile::builtin()?, &hash)?;
    }
    Ok(())
}

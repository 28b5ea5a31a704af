//! The facade: the one API that every front-end calls.
//!
//! API boundary: the CLI and the desktop shell hold no SQL, no index and no parsing;
//! they open a [`Library`] and call its methods.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::gazetteer::{self, ActorKind, GazetteerFile, Resolution, Resolver};
use crate::import::{self, ImportOptions, ImportOutcome, Progress};
use crate::store::documents::{DocumentRow, SpeakerEntryRow, StatementFilter, StatementRow};
use crate::store::{self, actors::Actor, actors::GAZETTEER_HASH, Store};

/// The environment variable that names the library directory.
pub const LIBRARY_ENV: &str = "PLENARY_LIBRARY";

/// An open Plenary library: a directory holding `library.sqlite3` (the source of
/// truth) and the indexes derived from it.
#[derive(Debug)]
pub struct Library {
    dir: PathBuf,
    store: Store,
    resolver: Resolver,
}

/// A summary of an open library.
#[derive(Debug, Clone, Serialize)]
pub struct LibraryStatus {
    pub dir: PathBuf,
    pub database: PathBuf,
    pub schema_version: i64,
    pub actors: usize,
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
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|source| Error::LibraryDir {
            path: dir.clone(),
            source,
        })?;
        if !dir.is_dir() {
            return Err(Error::LibraryDir {
                path: dir,
                source: std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a directory"),
            });
        }
        let mut store = Store::open(&dir.join(store::DB_FILE))?;
        let hash = hex_sha256(gazetteer::BUILTIN.as_bytes());
        if store.meta(GAZETTEER_HASH)?.as_deref() != Some(hash.as_str()) {
            let file = GazetteerFile::builtin()?;
            store.sync_gazetteer(&file, &hash)?;
        }
        let resolver = Resolver::new(store.resolver_actors()?, store.aliases()?);
        Ok(Library {
            dir,
            store,
            resolver,
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
        })
    }

    /// Every actor, optionally only those of one kind, sorted by kind and name.
    pub fn actors(&self, kind: Option<ActorKind>) -> Result<Vec<Actor>> {
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

    /// Imports files and folders (recursively). Each file is imported on its own, in
    /// one transaction: a file that fails is reported and the others still go in.
    /// `progress` is called before each file. Stops early when `options.cancel` is set.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        options: &ImportOptions,
        mut progress: impl FnMut(Progress<'_>),
    ) -> Result<Vec<(PathBuf, Result<ImportOutcome>)>> {
        let files = import::collect_files(paths)?;
        let mut results = Vec::with_capacity(files.len());
        for (i, file) in files.iter().enumerate() {
            if import::cancelled(options) {
                break;
            }
            progress(Progress {
                done: i,
                total: files.len(),
                path: file,
            });
            let result = import::import_file(&mut self.store, &self.resolver, file, options);
            results.push((file.clone(), result));
        }
        Ok(results)
    }

    /// Every document in the library.
    pub fn documents(&self) -> Result<Vec<DocumentRow>> {
        self.store.documents()
    }

    /// Statements of a document and/or a speaker (any name the gazetteer knows).
    pub fn statements(
        &self,
        document: Option<i64>,
        speaker: Option<&str>,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Vec<StatementRow>> {
        if let Some(id) = document {
            self.require_document(id)?;
        }
        let speaker = speaker.map(|name| self.actor_id(name)).transpose()?;
        self.store.statements(&StatementFilter {
            document,
            speaker,
            limit,
            offset,
            ..StatementFilter::default()
        })
    }

    /// A document's speaker list: who had or was given the floor, in order.
    pub fn speaker_list(&self, document: i64) -> Result<Vec<SpeakerEntryRow>> {
        self.require_document(document)?;
        self.store.speaker_list(document)
    }

    /// Sets a statement's speaker by hand; it survives re-import of the document.
    pub fn fix_speaker(&mut self, statement: i64, speaker: &str) -> Result<StatementRow> {
        let actor = self.actor_id(speaker)?;
        if !self.store.set_manual_speaker(statement, actor)? {
            return Err(Error::NotFound {
                what: "statement",
                value: statement.to_string(),
                hint: "list statement ids with `plenary statements --document ID`".into(),
            });
        }
        self.statement(statement)
    }

    /// One statement by id.
    pub fn statement(&self, id: i64) -> Result<StatementRow> {
        self.store.statement(id)?.ok_or_else(|| Error::NotFound {
            what: "statement",
            value: id.to_string(),
            hint: "list statement ids with `plenary statements --document ID`".into(),
        })
    }

    fn require_document(&self, id: i64) -> Result<()> {
        if self.store.document_exists(id)? {
            Ok(())
        } else {
            Err(Error::NotFound {
                what: "document",
                value: id.to_string(),
                hint: "list document ids with `plenary documents`".into(),
            })
        }
    }

    /// The id of the actor a name resolves to, or an error with suggestions.
    fn actor_id(&self, name: &str) -> Result<i64> {
        match self.resolver.resolve(name) {
            Resolution::Known { actor_id, .. } => Ok(actor_id),
            Resolution::Unknown { suggestions } => Err(Error::NotFound {
                what: "actor",
                value: format!("{name:?}"),
                hint: if suggestions.is_empty() {
                    "see `plenary actors list`".into()
                } else {
                    format!("did you mean {}?", suggestions.join(", "))
                },
            }),
        }
    }

    /// The schema of the library database, one `CREATE` statement per object.
    pub fn schema_sql(&self) -> Result<Vec<String>> {
        self.store.schema_sql()
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

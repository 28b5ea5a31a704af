//! The facade: the one API that every front-end calls.
//!
//! API boundary: the CLI and the desktop shell hold no SQL, no index and no parsing;
//! they open a [`Library`] and call its methods.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::gazetteer::{self, ActorKind, GazetteerFile, Resolution, Resolver};
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

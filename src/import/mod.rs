//! Importing files: extract → detect → parse → resolve → store, one document at a
//! time, each in its own transaction.
//!
//! Invariant: a document is parsed completely before anything is written; a file that
//! fails leaves the library as it was. The same bytes imported twice are recognised by
//! their SHA-256 and not duplicated; a changed file at the same path replaces its older
//! version and keeps the human work on statements whose text did not change.

mod importer;
mod prepare;
mod report;
pub mod tagging;

pub use importer::{ImportResults, Importer};
pub use prepare::{prepare, Input, Prepared};
pub use report::{FileReport, FileStatus, ImportCounts, ImportReport};

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::extract::Limits;
use crate::formats::SourceType;
use crate::gazetteer::Resolver;
use crate::store::Store;

/// File extensions picked up when a folder is imported.
pub const EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "pdf", "docx"];

/// How to import.
#[derive(Debug, Default)]
pub struct ImportOptions {
    /// Force this source type instead of detecting it.
    pub source_type: Option<SourceType>,
    pub limits: Limits,
    /// Set to stop after the file being imported.
    pub cancel: Option<std::sync::Arc<AtomicBool>>,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum ImportStatus {
    /// A new document.
    Imported,
    /// The same bytes were already in the library.
    AlreadyPresent,
    /// A changed version replaced the older one from the same path.
    Replaced {
        replaced: i64,
        carried: usize,
        lost: Vec<String>,
    },
}

/// The result of importing one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportOutcome {
    pub path: PathBuf,
    #[serde(flatten)]
    pub status: ImportStatus,
    pub document: i64,
    pub source_type: Option<SourceType>,
    pub statements: i64,
    /// Statements whose speaker a person should check (`plenary review`).
    pub to_review: usize,
    /// The most frequent speakers, for the one-line report.
    pub top_speakers: Vec<String>,
    pub notices: Vec<String>,
}

impl ImportOutcome {
    /// The outcome for a file whose bytes the library already holds as `document`.
    fn already_present(path: &Path, document: i64, statements: i64) -> ImportOutcome {
        ImportOutcome {
            path: path.to_path_buf(),
            status: ImportStatus::AlreadyPresent,
            document,
            source_type: None,
            statements,
            to_review: 0,
            top_speakers: Vec::new(),
            notices: Vec::new(),
        }
    }
}

/// Progress through a batch of files.
#[derive(Debug, Clone)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub path: &'a Path,
}

/// The files a list of paths stands for: files as given, folders walked recursively
/// (hidden entries skipped, only document extensions), sorted within each folder. A
/// path that cannot be read, or a folder that cannot be listed, is kept as it is: its
/// import then fails on its own, and the others still go in.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut out),
            _ => out.push(path.clone()),
        }
    }
    Ok(out)
}

/// A path as text, without loss: the document's identity (a changed file at the same
/// path replaces it), so two names that differ only in bytes that are not UTF-8 must not
/// meet. Such bytes are kept as `\xNN`.
fn path_text(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    if let Some(text) = path.to_str() {
        return text.to_string();
    }
    let mut text = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        text.push_str(chunk.valid());
        for byte in chunk.invalid() {
            text.push_str(&format!("\\x{byte:02X}"));
        }
    }
    text
}

/// A file's bytes. Only a regular file is read (a pipe or a device would block or never
/// end), and never more than `limit` bytes (a file that grows while it is read is cut
/// short and refused).
fn read(path: &Path, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        doing: "read",
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        let what = "a folder Plenary could not list; check that you may read it";
        return Err(io(std::io::Error::other(what)));
    }
    if !meta.is_file() {
        let what = "not a regular file (a pipe or a device); import the file itself";
        return Err(io(std::io::Error::other(what)));
    }
    let too_large = |size| Error::Extract {
        path: path.to_path_buf(),
        source: crate::extract::ExtractError::TooLarge { size, limit },
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let file = std::fs::File::open(path).map_err(io)?;
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Whether a file's extension is one of a document's.
fn is_document(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str());
    extension.is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The document files under `dir`, depth first, sorted by name within each folder.
/// Hidden entries are skipped; symbolic links are followed, but a link back into a
/// folder being walked is skipped rather than walked forever.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.loop_ancestor().is_some() => continue,
            // A dangling link is reported when it is read, like any unreadable file.
            Err(e)
                if e.io_error()
                    .is_some_and(|io| io.kind() == ErrorKind::NotFound) =>
            {
                out.extend(e.path().filter(|p| is_document(p)).map(Path::to_path_buf));
                continue;
            }
            // A folder that cannot be listed fails on its own when imported.
            Err(e) => {
                out.push(e.path().unwrap_or(dir).to_path_buf());
                continue;
            }
        };
        if !entry.file_type().is_dir() && is_document(entry.path()) {
            out.push(entry.into_path());
        }
    }
}

/// Whether the batch was asked to stop.
pub fn cancelled(options: &ImportOptions) -> bool {
    options
        .cancel
        .as_ref()
        .is_some_and(|c| c.load(Ordering::Relaxed))
}

/// SHA-256 as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Imports one file into `store`: reads it, skips it when the same bytes are already
/// there, [prepares](prepare) a complete record and writes it in one transaction.
pub fn import_file(
    store: &mut Store,
    resolver: &Resolver,
    tagger: &crate::themes::Tagger,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportOutcome> {
    let bytes = read(path, options.limits.max_bytes)?;
    let hash = sha256_hex(&bytes);
    if let Some((document, statements)) = store.document_by_hash(&hash)? {
        return Ok(ImportOutcome::already_present(path, document, statements));
    }
    let source_path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let source_path = path_text(&source_path);
    // Automatic tags depend on the process: a person's correction of it counts.
    let correction = store.document_correction(&source_path, &hash)?;
    let corrected_process = correction.and_then(|c| c.process).map(|(key, _)| key);
    let input = Input {
        path,
        bytes: &bytes,
        corrected_process: corrected_process.as_deref(),
    };
    let mut prepared = prepare(&input, resolver, tagger, options)?;
    let replaces = store.document_by_source_path(&source_path)?;
    let written = store.write_document(&prepared.record(&hash, &source_path), replaces)?;
    Ok(prepared.outcome(path, replaces, written))
}

//! Importing files: extract → detect → parse → resolve → store, one document at a
//! time, each in its own transaction.
//!
//! Invariant: a document is parsed completely before anything is written; a file that
//! fails leaves the library as it was. The same bytes imported twice are recognised by
//! their SHA-256 and not duplicated; a changed file at the same path replaces its older
//! version and keeps the human work on statements whose text did not change.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::extract::{self, Limits};
use crate::formats::{self, general_debate, SourceType};
use crate::gazetteer::{names, Resolution, Resolver};
use crate::store::documents::DocumentRecord;
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

/// Progress through a batch of files.
#[derive(Debug, Clone)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub path: &'a Path,
}

/// The files a list of paths stands for: files as given, folders walked recursively
/// (hidden entries skipped, only document extensions), sorted within each folder.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| Error::Io {
            path: path.clone(),
            doing: "read",
            source,
        })?;
        if meta.is_dir() {
            walk(path, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        doing: "list the folder",
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()
        .map_err(io)?;
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
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

/// Imports one file into `store`.
pub fn import_file(
    store: &mut Store,
    resolver: &Resolver,
    tagger: &crate::themes::Tagger,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportOutcome> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        doing: "read",
        source,
    })?;
    let hash = sha256_hex(&bytes);
    let source_path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let source_path_str = source_path.to_string_lossy().into_owned();
    if let Some((id, statements)) = store.document_by_hash(&hash)? {
        return Ok(ImportOutcome {
            path: path.to_path_buf(),
            status: ImportStatus::AlreadyPresent,
            document: id,
            source_type: None,
            statements,
            to_review: 0,
            top_speakers: Vec::new(),
            notices: Vec::new(),
        });
    }

    let extracted =
        extract::extract(path, &bytes, &options.limits).map_err(|source| Error::Extract {
            path: path.to_path_buf(),
            source,
        })?;
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let source_type = match options.source_type {
        Some(t) => t,
        None => {
            formats::detect(&extracted.text, file_name).ok_or_else(|| Error::UnknownSourceType {
                path: path.to_path_buf(),
                known: SourceType::ALL
                    .iter()
                    .map(|t| format!("{} ({})", t.as_str(), t.describe()))
                    .collect::<Vec<_>>()
                    .join("; "),
            })?
        }
    };
    let mut parsed =
        formats::parse(source_type, &extracted.text, file_name, resolver).map_err(|e| {
            Error::Parse {
                path: path.to_path_buf(),
                line: e.line,
                message: e.message,
                source_type: source_type.as_str(),
            }
        })?;
    let mut notices = extracted.notices.clone();
    notices.extend(parsed.notices.iter().cloned());
    if parsed.source_url.is_none() {
        parsed.source_url = extracted.source_url.clone();
    }
    if parsed.title.starts_with("Untitled") {
        if let Some(title) = &extracted.title {
            parsed.title = title.clone();
        }
    }

    // Resolve every name before anything is written.
    let id_of = |name: Option<&str>| {
        name.and_then(|n| match resolver.resolve(n) {
            Resolution::Known { actor_id, .. } => Some(actor_id),
            Resolution::Unknown { .. } => None,
        })
    };
    let co_speakers = parsed
        .statements
        .iter()
        .map(|s| {
            s.co_speakers
                .iter()
                .filter_map(|n| id_of(Some(n)))
                .collect()
        })
        .collect();
    let statement_actors = parsed
        .statements
        .iter()
        .map(|s| {
            [
                id_of(s.speaker.name.as_deref()),
                id_of(s.on_behalf_of.as_deref()),
                id_of(s.aligned_with.as_deref()),
            ]
        })
        .collect();
    let speaker_list_actors = parsed
        .speaker_list
        .iter()
        .map(|e| id_of(e.name.as_deref().or(Some(e.label.as_str()))))
        .collect();
    let text_hashes = parsed
        .statements
        .iter()
        .map(|s| sha256_hex(names::normalize(&s.text).as_bytes()))
        .collect();
    let date = parsed.date.map(|d| d.to_string()).or_else(|| {
        (source_type == SourceType::GeneralDebate)
            .then(|| {
                general_debate::file_name_parts(file_name).map(|(_, _, year)| year.to_string())
            })
            .flatten()
    });
    // Automatic tags depend on the process: a person's correction of it counts.
    let correction = store.document_correction(&source_path_str, &hash)?;
    let process = correction
        .as_ref()
        .and_then(|c| c.process.as_ref())
        .or(parsed.sitting.process.as_ref())
        .map(|(key, _)| key.as_str());
    let auto_tags = parsed
        .statements
        .iter()
        .map(|s| tagger.tag(&s.text, process))
        .collect();
    let record = DocumentRecord {
        parsed: &parsed,
        content_hash: &hash,
        source_path: &source_path_str,
        container: extracted.container.as_str(),
        notices: &notices,
        date,
        statement_actors,
        co_speakers,
        speaker_list_actors,
        text_hashes,
        auto_tags,
    };
    let replaces = store.document_by_source_path(&source_path_str)?;
    let written = store.write_document(&record, replaces)?;

    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in &parsed.statements {
        let Some(name) = s.speaker.name.clone().or_else(|| s.speaker.label.clone()) else {
            continue;
        };
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let status = match replaces {
        Some(old) => ImportStatus::Replaced {
            replaced: old,
            carried: written.carried,
            lost: written.lost,
        },
        None => ImportStatus::Imported,
    };
    Ok(ImportOutcome {
        path: path.to_path_buf(),
        status,
        document: written.document_id,
        source_type: Some(source_type),
        statements: parsed.statements.len() as i64,
        to_review: written.to_review,
        top_speakers: counts.into_iter().take(3).map(|(n, _)| n).collect(),
        notices,
    })
}

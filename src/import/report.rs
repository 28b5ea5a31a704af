//! The report of an import, as both front-ends give it: the CLI as lines or JSON
//! Lines, the desktop as the list under the import panel.

use serde::Serialize;

use super::{ImportOutcome, ImportResults, ImportStatus};
use crate::error::{Error, Failure};
use crate::formats::SourceType;

/// What became of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// A new document.
    Imported,
    /// The same bytes were already in the library.
    AlreadyPresent,
    /// A changed version replaced the older one from the same path.
    Replaced,
    /// The file could not be imported; the library is as it was.
    Failed,
}

/// One file of an import.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FileReport {
    pub path: String,
    pub status: FileStatus,
    /// The document it is (or already was) in the library.
    pub document: Option<i64>,
    /// The document a changed version replaced.
    pub replaced: Option<i64>,
    /// Human edits carried over to the new version, and those that could not be.
    pub carried: usize,
    pub lost: Vec<String>,
    pub source_type: Option<SourceType>,
    pub statements: i64,
    /// Statements whose speaker a person should check.
    pub to_review: usize,
    /// The most frequent speakers.
    pub top_speakers: Vec<String>,
    pub notices: Vec<String>,
    /// Why it failed.
    pub error: Option<Failure>,
}

/// How many files went which way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ImportCounts {
    pub imported: usize,
    pub already_present: usize,
    pub replaced: usize,
    pub failed: usize,
    pub to_review: usize,
}

/// The end of an import.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub counts: ImportCounts,
    /// Whether it was stopped before the last file.
    pub cancelled: bool,
}

impl ImportReport {
    /// The report of an import's results.
    pub fn new(results: ImportResults, cancelled: bool) -> ImportReport {
        let files: Vec<FileReport> = results.into_iter().map(FileReport::from).collect();
        let mut counts = ImportCounts::default();
        for f in &files {
            *match f.status {
                FileStatus::Imported => &mut counts.imported,
                FileStatus::AlreadyPresent => &mut counts.already_present,
                FileStatus::Replaced => &mut counts.replaced,
                FileStatus::Failed => &mut counts.failed,
            } += 1;
            counts.to_review += f.to_review;
        }
        ImportReport {
            files,
            counts,
            cancelled,
        }
    }
}

impl From<(std::path::PathBuf, Result<ImportOutcome, Error>)> for FileReport {
    fn from((path, result): (std::path::PathBuf, Result<ImportOutcome, Error>)) -> FileReport {
        let path = path.display().to_string();
        match result {
            Ok(o) => FileReport::done(path, o),
            Err(e) => FileReport {
                path,
                status: FileStatus::Failed,
                document: None,
                replaced: None,
                carried: 0,
                lost: Vec::new(),
                source_type: None,
                statements: 0,
                to_review: 0,
                top_speakers: Vec::new(),
                notices: Vec::new(),
                error: Some(Failure::from(&e)),
            },
        }
    }
}

impl FileReport {
    fn done(path: String, o: ImportOutcome) -> FileReport {
        let (status, replaced, carried, lost) = match o.status {
            ImportStatus::Imported => (FileStatus::Imported, None, 0, Vec::new()),
            ImportStatus::AlreadyPresent => (FileStatus::AlreadyPresent, None, 0, Vec::new()),
            ImportStatus::Replaced {
                replaced,
                carried,
                lost,
            } => (FileStatus::Replaced, Some(replaced), carried, lost),
        };
        FileReport {
            path,
            status,
            document: Some(o.document),
            replaced,
            carried,
            lost,
            source_type: o.source_type,
            statements: o.statements,
            to_review: o.to_review,
            top_speakers: o.top_speakers,
            notices: o.notices,
            error: None,
        }
    }
}

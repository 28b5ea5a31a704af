//! The core's error type: every message says what failed, where, and what to do.
//!
//! User errors (a directory that cannot be written, a file that is not a library, a
//! library from a newer Plenary, a bad gazetteer) are separate variants from internal
//! ones (SQLite, I/O), so front-ends can tell the user what to fix. [`Error::code`]
//! gives the stable machine-readable code the desktop shell sends as `{code, message}`.

use std::path::PathBuf;

use serde::Serialize;

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The library directory cannot be created or written.
    #[error("cannot use {path} as the library directory: {source}")]
    LibraryDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The library file exists but is not an SQLite database.
    #[error(
        "{path} is not a Plenary library (it is not an SQLite database); it was left untouched"
    )]
    NotALibrary { path: PathBuf },

    /// The library was written by a newer Plenary whose schema this build does not know.
    /// An SQLite database of another program where the library's should be.
    #[error(
        "{path} is another program's SQLite database (its tables: {tables}), not a Plenary \
         library; it was left untouched"
    )]
    ForeignDatabase { path: PathBuf, tables: String },

    #[error(
        "{path} was written by a newer Plenary (schema version {found}, this build knows up to \
         {supported}); it was left untouched"
    )]
    LibraryTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// The gazetteer data file is malformed.
    #[error("gazetteer {source_name}, line {line}: {message}")]
    Gazetteer {
        source_name: String,
        line: usize,
        message: String,
    },

    /// The theme codebook is malformed.
    #[error("codebook {source_name}, line {line}: {message}")]
    Codebook {
        source_name: String,
        line: usize,
        message: String,
    },

    /// A codebook that would remove most of the library's themes, not confirmed.
    #[error("{source_name} would remove {removed} of the library's {total} themes ({examples}) and their automatic tags")]
    CodebookDropsThemes {
        source_name: String,
        removed: usize,
        total: usize,
        examples: String,
    },

    /// A value given by the user is not one Plenary knows (an actor kind, a format, …).
    #[error("{what} {value:?} is not known; expected one of: {expected}")]
    UnknownValue {
        what: &'static str,
        value: String,
        expected: String,
    },

    /// A file could not be read as a document (empty, binary, no text layer, …).
    #[error("{path}: {source}")]
    Extract {
        path: PathBuf,
        #[source]
        source: crate::extract::ExtractError,
    },

    /// No known source type fits the file.
    #[error("{path}: not a document Plenary recognises. Known types: {known}")]
    UnknownSourceType { path: PathBuf, known: String },

    /// The file looked like a source type but could not be parsed as one.
    #[error("{path}, line {line}: {message} (read as {source_type})")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
        source_type: &'static str,
    },

    /// No statement, document or actor with that id or name.
    #[error("{what} {value} does not exist")]
    NotFound {
        what: &'static str,
        value: String,
        /// What to do instead.
        remedy: Remedy,
    },

    /// A correction of a document that cannot be made: an empty title, a date that is
    /// not YYYY-MM-DD, a meeting below 1, a session without a process, …
    #[error("cannot set the document's {field} to {value:?}: {problem}. {fix}")]
    InvalidEdit {
        field: &'static str,
        value: String,
        problem: String,
        fix: String,
    },

    /// A process key the library does not know.
    #[error(
        "process {key:?} is not in the library (it knows: {known}; a new one is given as KEY=NAME)"
    )]
    UnknownProcess { key: String, known: String },

    /// The search query cannot be read.
    #[error("bad query at column {column}: {message}")]
    Query { column: usize, message: String },

    /// Another process is writing the search index.
    #[error(
        "the search index in {path} is being written by another Plenary process \
         (searching still works)"
    )]
    IndexBusy { path: PathBuf },

    /// The search index failed; it can be rebuilt from the database.
    #[error("search index error in {path} while {doing}: {source}")]
    Index {
        path: PathBuf,
        doing: &'static str,
        #[source]
        source: Box<tantivy::TantivyError>,
    },

    /// SQLite failed; not the user's fault.
    #[error("database error in {path} while {doing}: {source}")]
    Sqlite {
        path: PathBuf,
        doing: &'static str,
        #[source]
        source: rusqlite::Error,
    },

    /// Reading or writing a file failed.
    #[error("cannot {doing} {path}: {source}")]
    Io {
        path: PathBuf,
        doing: &'static str,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// A stable, machine-readable code for this error (sent across the IPC boundary).
    pub fn code(&self) -> &'static str {
        match self {
            Error::LibraryDir { .. } => "library_dir",
            Error::NotALibrary { .. } | Error::ForeignDatabase { .. } => "not_a_library",
            Error::LibraryTooNew { .. } => "library_too_new",
            Error::Gazetteer { .. } => "gazetteer",
            Error::Codebook { .. } => "codebook",
            Error::CodebookDropsThemes { .. } => "codebook_drops_themes",
            Error::UnknownValue { .. } => "unknown_value",
            Error::Extract { source, .. } => source.code(),
            Error::UnknownSourceType { .. } => "unknown_source_type",
            Error::Parse { .. } => "parse",
            Error::NotFound { .. } => "not_found",
            Error::InvalidEdit { .. } => "invalid_edit",
            Error::UnknownProcess { .. } => "unknown_process",
            Error::Query { .. } => "bad_query",
            Error::IndexBusy { .. } => "index_busy",
            Error::Index { .. } => "index",
            Error::Sqlite { .. } => "database",
            Error::Io { .. } => "io",
        }
    }

    /// What a person can do about it, if anything: each front-end words it (the CLI as
    /// a command to run, the desktop as a button or a sentence).
    pub fn remedy(&self) -> Option<Remedy> {
        Some(match self {
            Error::LibraryDir { .. } => Remedy::ChooseLibrary,
            Error::NotALibrary { .. } | Error::ForeignDatabase { .. } => Remedy::MoveAside,
            Error::LibraryTooNew { .. } => Remedy::UpdatePlenary,
            Error::Gazetteer { .. } | Error::Codebook { .. } => Remedy::FixEntry,
            Error::CodebookDropsThemes { .. } => Remedy::ConfirmReplace,
            Error::UnknownSourceType { .. } | Error::Parse { .. } => Remedy::ChooseFormat,
            Error::NotFound { remedy, .. } => remedy.clone(),
            Error::UnknownProcess { .. } => Remedy::NameProcess,
            Error::IndexBusy { .. } => Remedy::Wait,
            Error::Index { .. } => Remedy::Reindex,
            Error::Sqlite { .. } => Remedy::Check,
            _ => return None,
        })
    }

    /// Whether the user can fix this by changing what they asked for.
    pub fn is_user_error(&self) -> bool {
        !matches!(
            self,
            Error::Sqlite { .. } | Error::Io { .. } | Error::Index { .. }
        )
    }
}

/// What a person can do about an error or a problem. The core says which; each
/// front-end words it ([`Remedy::cli`] for the command line; the desktop shell its own
/// way), so no message of the core names a command or a flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Remedy {
    /// Choose a library directory that can be written to.
    ChooseLibrary,
    /// Move the file aside or choose another library directory.
    MoveAside,
    /// Install a newer Plenary.
    UpdatePlenary,
    /// Fix the entry of the file and try again.
    FixEntry,
    /// Say which kind of document it is.
    ChooseFormat,
    /// Give a process the library knows, or a new one with its name.
    NameProcess,
    /// Wait for the other Plenary process to finish.
    Wait,
    /// Rebuild the search index.
    Reindex,
    /// Check the library.
    Check,
    /// Restore the database from a backup, then rebuild the index.
    RestoreBackup,
    /// Pick one from a list the library shows.
    Pick { list: Listing },
    /// One of these was probably meant.
    DidYouMean { names: Vec<String> },
    /// Type the speaker (nobody was suggested).
    TypeSpeaker,
    /// Restart Plenary.
    Restart,
    /// Try again.
    TryAgain,
    /// Confirm that the whole should be replaced, if that is what was meant.
    ConfirmReplace,
}

/// The lists a [`Remedy::Pick`] points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Listing {
    Documents,
    Statements,
    Themes,
    Actors,
    Tags,
}

/// An error as a front-end shows it: `{code, message, remedy}` (the desktop shell sends
/// it across the IPC boundary; the CLI writes it in JSON reports).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Failure {
    /// Stable, machine-readable ([`Error::code`]).
    pub code: String,
    /// One line for the user: what failed and where.
    pub message: String,
    /// What to do about it, for the front-end to word.
    pub remedy: Option<Remedy>,
}

impl From<&Error> for Failure {
    fn from(err: &Error) -> Failure {
        Failure {
            code: err.code().to_string(),
            message: err.to_string(),
            remedy: err.remedy(),
        }
    }
}

/// A problem `check` found, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Problem {
    pub message: String,
    pub remedy: Remedy,
}

//! The Tauri commands: take the state, call `plenary::Library` on a blocking thread,
//! map the error. Nothing else lives here.
//!
//! Short commands share one open [`Library`] behind a mutex. Long work (import,
//! reindex) opens its own handle on the same directory, so searching and reading go
//! on while it runs; it reports progress through a channel and stops when
//! `cancel_work` sets the shared flag.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use plenary::{
    Actor, ActorProfile, CellStatement, DocumentEdit, DocumentRow, ImportOptions, ImportOutcome,
    ImportStatus, Library, LibraryStatus, NewTag, Position, PositionFilter, Process, SearchRequest,
    SearchResults, Sort, SpeakerEntryRow, StatementRow, TagRow, ThemeRow,
};
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;

use crate::error::ApiError;

/// The app's state: the library directory, the library once opened, and the long
/// work under way.
pub struct AppState {
    dir: PathBuf,
    library: Arc<Mutex<Option<Library>>>,
    /// Set while an import or reindex runs: only one at a time.
    busy: Arc<AtomicBool>,
    /// Set by `cancel_work`; cleared when long work starts.
    cancel: Arc<AtomicBool>,
}

impl AppState {
    pub fn new(dir: PathBuf) -> Self {
        AppState {
            dir,
            library: Arc::new(Mutex::new(None)),
            busy: Arc::new(AtomicBool::new(false)),
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Runs `f` on the open library on a blocking thread, opening it first if needed:
    /// SQLite never runs on the main thread.
    async fn with_library<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Library) -> plenary::Result<T> + Send + 'static,
    {
        let dir = self.dir.clone();
        let slot = Arc::clone(&self.library);
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = slot.lock().map_err(|_| {
                ApiError::internal("the library lock was poisoned; restart Plenary")
            })?;
            if guard.is_none() {
                *guard = Some(Library::open(&dir)?);
            }
            let library = guard
                .as_mut()
                .ok_or_else(|| ApiError::internal("library not open"))?;
            Ok(f(library)?)
        })
        .await
        .map_err(|e| ApiError::internal(format!("a background task failed: {e}")))?
    }

    /// Runs long work on its own library handle on a blocking thread, one at a time.
    async fn long_work<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Library, Arc<AtomicBool>) -> Result<T, ApiError> + Send + 'static,
    {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Err(ApiError {
                code: "busy".into(),
                message: "an import or index rebuild is already running; wait for it to \
                          finish or cancel it"
                    .into(),
            });
        }
        self.cancel.store(false, Ordering::SeqCst);
        let dir = self.dir.clone();
        let cancel = Arc::clone(&self.cancel);
        let busy = Arc::clone(&self.busy);
        let result = tauri::async_runtime::spawn_blocking(move || {
            let result = Library::open(&dir)
                .map_err(ApiError::from)
                .and_then(|mut library| f(&mut library, cancel));
            busy.store(false, Ordering::SeqCst);
            result
        })
        .await;
        self.busy.store(false, Ordering::SeqCst);
        result.map_err(|e| ApiError::internal(format!("a background task failed: {e}")))?
    }
}

/// Where the library is and what it holds.
#[tauri::command]
pub async fn library_status(state: tauri::State<'_, AppState>) -> Result<LibraryStatus, ApiError> {
    let status = state.with_library(|l| l.status()).await;
    report_interactive();
    status
}

/// With `PLENARY_TIMING` set, prints (once) the wall-clock time at which the UI got
/// its first library status — the app is then interactive. `scripts/bench-desktop.sh`
/// compares it with the process's start time.
fn report_interactive() {
    static REPORTED: AtomicBool = AtomicBool::new(false);
    if std::env::var_os("PLENARY_TIMING").is_some() && !REPORTED.swap(true, Ordering::SeqCst) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0);
        eprintln!("plenary-timing: interactive at {now:.1} ms since the epoch");
    }
}

/// A search as the UI asks it.
#[derive(Debug, Clone, Deserialize)]
pub struct SearchArgs {
    pub query: String,
    #[serde(default)]
    pub filters: Vec<String>,
    #[serde(default)]
    pub exact: bool,
    #[serde(default)]
    pub sort_by_date: bool,
    #[serde(default = "default_limit")]
    pub limit: usize,
    #[serde(default)]
    pub offset: usize,
}

fn default_limit() -> usize {
    20
}

/// Searches the statements.
#[tauri::command]
pub async fn search(
    state: tauri::State<'_, AppState>,
    args: SearchArgs,
) -> Result<SearchResults, ApiError> {
    state
        .with_library(move |library| {
            library.search(&SearchRequest {
                query: args.query,
                filters: args.filters,
                exact: args.exact,
                sort: if args.sort_by_date {
                    Sort::Date
                } else {
                    Sort::Relevance
                },
                limit: args.limit.clamp(1, 200),
                offset: args.offset,
            })
        })
        .await
}

/// Statements most like statement `id`.
#[tauri::command]
pub async fn similar(
    state: tauri::State<'_, AppState>,
    id: i64,
    other_speakers_only: bool,
    limit: usize,
) -> Result<SearchResults, ApiError> {
    state
        .with_library(move |l| l.similar(id, other_speakers_only, limit.clamp(1, 100)))
        .await
}

/// Every document.
#[tauri::command]
pub async fn documents(state: tauri::State<'_, AppState>) -> Result<Vec<DocumentRow>, ApiError> {
    state.with_library(|l| l.documents()).await
}

/// The processes the library knows, by key: what a document's process may be set to.
#[tauri::command]
pub async fn processes(state: tauri::State<'_, AppState>) -> Result<Vec<Process>, ApiError> {
    state.with_library(|l| l.processes()).await
}

/// Corrects a document's title, process, session, meeting and/or date (the fields
/// `edit` gives); a re-import of its file keeps the correction. Returns the document
/// as it now is.
#[tauri::command]
pub async fn edit_document(
    state: tauri::State<'_, AppState>,
    document: i64,
    edit: DocumentEdit,
) -> Result<DocumentRow, ApiError> {
    state
        .with_library(move |l| l.edit_document(document, edit))
        .await
}

/// What the reader shows of one document.
#[derive(Debug, Serialize)]
pub struct DocumentView {
    document: DocumentRow,
    statements: Vec<StatementRow>,
    tags: Vec<TagRow>,
    speakers: Vec<SpeakerEntryRow>,
}

/// A document as its turns, with its tags and speaker list.
#[tauri::command]
pub async fn read_document(
    state: tauri::State<'_, AppState>,
    id: i64,
) -> Result<DocumentView, ApiError> {
    state
        .with_library(move |l| {
            let statements = l.statements(Some(id), None, None, None)?;
            let document = l
                .documents()?
                .into_iter()
                .find(|d| d.id == id)
                .ok_or_else(|| plenary::Error::NotFound {
                    what: "document",
                    value: id.to_string(),
                    hint: "it may have been replaced by a newer import; reopen the library".into(),
                })?;
            Ok(DocumentView {
                document,
                statements,
                tags: l.tags(None, Some(id), None, None)?,
                speakers: l.speaker_list(id)?,
            })
        })
        .await
}

/// Sets a statement's speaker by hand.
#[tauri::command]
pub async fn fix_speaker(
    state: tauri::State<'_, AppState>,
    statement: i64,
    speaker: String,
) -> Result<StatementRow, ApiError> {
    state
        .with_library(move |l| l.fix_speaker(statement, &speaker))
        .await
}

/// The review queue: statements whose speaker a person should check, in document
/// order (one document's, or every document's).
#[tauri::command]
pub async fn review_queue(
    state: tauri::State<'_, AppState>,
    document: Option<i64>,
) -> Result<Vec<StatementRow>, ApiError> {
    state.with_library(move |l| l.review_queue(document)).await
}

/// Keeps a queued statement's suggested speaker: it becomes a manual speaker and
/// leaves the queue.
#[tauri::command]
pub async fn accept_speaker(
    state: tauri::State<'_, AppState>,
    statement: i64,
) -> Result<StatementRow, ApiError> {
    state
        .with_library(move |l| l.accept_speaker(statement))
        .await
}

/// The actors of the gazetteer.
#[tauri::command]
pub async fn actors(state: tauri::State<'_, AppState>) -> Result<Vec<Actor>, ApiError> {
    state.with_library(|l| l.actors(None)).await
}

/// Everything one actor said.
#[tauri::command]
pub async fn actor_profile(
    state: tauri::State<'_, AppState>,
    name: String,
    limit: i64,
) -> Result<ActorProfile, ApiError> {
    state
        .with_library(move |l| l.actor_profile(&name, limit.clamp(1, 2000)))
        .await
}

/// A progress event of long work.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressEvent {
    stage: String,
    done: usize,
    total: usize,
    path: Option<String>,
}

/// What happened to one imported file.
#[derive(Debug, Clone, Serialize)]
pub struct FileResult {
    path: String,
    status: &'static str,
    document: Option<i64>,
    source_type: Option<String>,
    statements: i64,
    top_speakers: Vec<String>,
    notices: Vec<String>,
    error: Option<ApiError>,
}

/// The end of an import.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    files: Vec<FileResult>,
    cancelled: bool,
}

/// Imports files and folders, streaming progress; `cancel_work` stops it after the
/// file being read.
#[tauri::command]
pub async fn import_paths(
    state: tauri::State<'_, AppState>,
    paths: Vec<String>,
    on_progress: Channel<ProgressEvent>,
) -> Result<ImportReport, ApiError> {
    if paths.is_empty() {
        return Err(ApiError {
            code: "unknown_value".into(),
            message: "nothing to import: choose files or a folder".into(),
        });
    }
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    state
        .long_work(move |library, cancel| {
            let options = ImportOptions {
                cancel: Some(Arc::clone(&cancel)),
                ..ImportOptions::default()
            };
            let results = library.import(&paths, &options, |p| {
                let _ = on_progress.send(ProgressEvent {
                    stage: "importing".into(),
                    done: p.done,
                    total: p.total,
                    path: Some(p.path.display().to_string()),
                });
            })?;
            let total = results.len();
            let _ = on_progress.send(ProgressEvent {
                stage: "importing".into(),
                done: total,
                total,
                path: None,
            });
            let files = results.into_iter().map(file_result).collect();
            Ok(ImportReport {
                files,
                cancelled: cancel.load(Ordering::Relaxed),
            })
        })
        .await
}

fn file_result((path, result): (PathBuf, plenary::Result<ImportOutcome>)) -> FileResult {
    let path = path.display().to_string();
    match result {
        Ok(o) => FileResult {
            path,
            status: match o.status {
                ImportStatus::Imported => "imported",
                ImportStatus::AlreadyPresent => "already_present",
                ImportStatus::Replaced { .. } => "replaced",
            },
            document: Some(o.document),
            source_type: o.source_type.map(|t| t.as_str().to_string()),
            statements: o.statements,
            top_speakers: o.top_speakers,
            notices: o.notices,
            error: None,
        },
        Err(e) => FileResult {
            path,
            status: "failed",
            document: None,
            source_type: None,
            statements: 0,
            top_speakers: Vec::new(),
            notices: Vec::new(),
            error: Some(e.into()),
        },
    }
}

/// The end of a reindex.
#[derive(Debug, Clone, Serialize)]
pub struct ReindexReport {
    statements: usize,
    cancelled: bool,
}

/// Rebuilds the search index from the database, streaming progress; `cancel_work`
/// stops it and leaves the index as it was.
#[tauri::command]
pub async fn reindex(
    state: tauri::State<'_, AppState>,
    on_progress: Channel<ProgressEvent>,
) -> Result<ReindexReport, ApiError> {
    state
        .long_work(move |library, cancel| {
            let mut progress = |stage: &str, done: usize, total: usize| {
                let _ = on_progress.send(ProgressEvent {
                    stage: stage.into(),
                    done,
                    total,
                    path: None,
                });
            };
            let done = library.reindex_cancellable(&mut progress, &cancel)?;
            Ok(ReindexReport {
                statements: done.unwrap_or(0),
                cancelled: done.is_none(),
            })
        })
        .await
}

/// Asks the running import or reindex to stop.
#[tauri::command]
pub fn cancel_work(state: tauri::State<'_, AppState>) {
    state.cancel.store(true, Ordering::SeqCst);
}

/// The themes of the codebook.
#[tauri::command]
pub async fn themes(state: tauri::State<'_, AppState>) -> Result<Vec<ThemeRow>, ApiError> {
    state.with_library(|l| l.themes()).await
}

/// The codebook in use, as TOML.
#[tauri::command]
pub async fn codebook_text(state: tauri::State<'_, AppState>) -> Result<String, ApiError> {
    state.with_library(|l| l.export_codebook()).await
}

/// How re-tagging changed one theme.
#[derive(Debug, Clone, Serialize)]
pub struct RetagChange {
    theme: String,
    added: i64,
    removed: i64,
}

/// Replaces the codebook and re-tags every statement.
#[tauri::command]
pub async fn save_codebook(
    state: tauri::State<'_, AppState>,
    text: String,
) -> Result<Vec<RetagChange>, ApiError> {
    state
        .with_library(move |l| {
            let changes = l.import_codebook("the edited codebook", &text, &mut |_, _, _| {})?;
            Ok(changes
                .into_iter()
                .map(|(theme, added, removed)| RetagChange {
                    theme,
                    added,
                    removed,
                })
                .collect())
        })
        .await
}

/// A new human tag as the UI sends it.
#[derive(Debug, Clone, Deserialize)]
pub struct TagArgs {
    statement: i64,
    theme: String,
    stance: String,
    #[serde(default)]
    span: Option<(i64, i64)>,
    #[serde(default)]
    note: Option<String>,
}

/// Adds a human tag.
#[tauri::command]
pub async fn add_tag(state: tauri::State<'_, AppState>, tag: TagArgs) -> Result<TagRow, ApiError> {
    state
        .with_library(move |l| {
            l.add_tag(&NewTag {
                statement: tag.statement,
                theme: tag.theme,
                stance: tag.stance,
                span: tag.span,
                note: tag.note.filter(|n| !n.trim().is_empty()),
                author: std::env::var("USER").ok(),
            })
        })
        .await
}

/// Removes a human tag.
#[tauri::command]
pub async fn remove_tag(state: tauri::State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with_library(move |l| l.remove_tag(id)).await
}

/// Which statements count in a comparison.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FilterArgs {
    #[serde(default)]
    session: Option<i64>,
    #[serde(default)]
    document: Option<i64>,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    before: Option<String>,
}

impl From<FilterArgs> for PositionFilter {
    fn from(f: FilterArgs) -> Self {
        let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        PositionFilter {
            session: f.session,
            document: f.document,
            after: nonempty(f.after),
            before: nonempty(f.before),
        }
    }
}

/// Positions of actors on themes, with quotes.
#[tauri::command]
pub async fn compare(
    state: tauri::State<'_, AppState>,
    actors: Vec<String>,
    themes: Vec<String>,
    filter: Option<FilterArgs>,
) -> Result<Vec<Position>, ApiError> {
    let filter = PositionFilter::from(filter.unwrap_or_default());
    state
        .with_library(move |l| l.compare(&actors, &themes, &filter))
        .await
}

/// Every speaking actor (or a group's members) × themes.
#[tauri::command]
pub async fn matrix(
    state: tauri::State<'_, AppState>,
    themes: Vec<String>,
    group: Option<String>,
    filter: Option<FilterArgs>,
) -> Result<Vec<Position>, ApiError> {
    let filter = PositionFilter::from(filter.unwrap_or_default());
    let group = group.filter(|g| !g.trim().is_empty());
    state
        .with_library(move |l| l.matrix(&themes, group.as_deref(), &filter))
        .await
}

/// The statements of one actor × theme cell.
#[tauri::command]
pub async fn cell_statements(
    state: tauri::State<'_, AppState>,
    actor: String,
    theme: String,
    filter: Option<FilterArgs>,
) -> Result<Vec<CellStatement>, ApiError> {
    let filter = PositionFilter::from(filter.unwrap_or_default());
    state
        .with_library(move |l| l.cell_statements(&actor, &theme, &filter))
        .await
}

#[cfg(test)]
mod tests {
    use crate::command_names::COMMANDS;
    use plenary::DocumentEdit;

    /// `edit_document`'s `edit` as the UI sends it: only the changed fields, the
    /// meeting a number; a field left out stays as it is.
    #[test]
    fn an_edit_from_the_ui_names_only_the_changed_fields() {
        let edit: DocumentEdit = serde_json::from_value(serde_json::json!({
            "title": "Fourth session, third meeting",
            "meeting": 3
        }))
        .unwrap();
        assert_eq!(
            edit,
            DocumentEdit {
                title: Some("Fourth session, third meeting".into()),
                meeting: Some(3),
                ..DocumentEdit::default()
            }
        );
        let edit: DocumentEdit = serde_json::from_value(serde_json::json!({
            "process": "oewg-2026=OEWG 2026",
            "session": "2",
            "date": "2026-03-04"
        }))
        .unwrap();
        assert_eq!(edit.process.as_deref(), Some("oewg-2026=OEWG 2026"));
        assert_eq!(edit.session.as_deref(), Some("2"));
        assert_eq!(edit.date.as_deref(), Some("2026-03-04"));
        assert_eq!((edit.title, edit.meeting), (None, None));
    }

    /// The commands the handler registers and the capability grants are those of
    /// `command_names.rs` (which the build manifest declares): nothing callable without
    /// a grant, no grant for a command that does not exist.
    #[test]
    fn every_command_is_registered_declared_and_granted_exactly_once() {
        let main = include_str!("main.rs");
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/default.json")).unwrap();
        let granted: Vec<&str> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .filter_map(|p| p.strip_prefix("allow-"))
            .collect();
        for command in COMMANDS {
            assert!(
                main.contains(&format!("commands::{command},")),
                "{command} not registered"
            );
            assert!(
                granted.contains(&command.replace('_', "-").as_str()),
                "{command} not granted"
            );
        }
        assert_eq!(
            granted.len(),
            COMMANDS.len(),
            "grants for unknown commands: {granted:?}"
        );
        assert_eq!(
            main.matches("commands::").count() - 1, // `use commands::AppState`
            COMMANDS.len(),
            "registered but not listed"
        );
    }
}

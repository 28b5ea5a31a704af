//! Long work: importing files and rebuilding the search index. Each runs on its own
//! library handle (see [`AppState::long_work`]), streams progress through a channel,
//! and stops when `cancel_work` asks.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use plenary::{ImportOptions, ImportReport, Library};
use serde::Serialize;
use tauri::ipc::Channel;

use crate::error::ApiError;
use crate::state::AppState;

/// Imports files and folders, streaming progress; `cancel_work` stops it after the
/// file being read.
#[tauri::command]
pub async fn import_paths(
    state: tauri::State<'_, AppState>,
    paths: Vec<String>,
    on_progress: Channel<ProgressEvent>,
) -> Result<ImportReport, ApiError> {
    let paths = to_import(paths)?;
    state
        .long_work(move |library, cancel| import(library, &paths, &cancel, &on_progress))
        .await
}

/// The paths the UI chose; none is an error the user can act on.
fn to_import(paths: Vec<String>) -> Result<Vec<PathBuf>, ApiError> {
    if paths.is_empty() {
        let message = "nothing to import: choose files or a folder";
        return Err(ApiError::new("unknown_value", message));
    }
    Ok(paths.into_iter().map(PathBuf::from).collect())
}

/// Rebuilds the search index from the database, streaming progress; `cancel_work`
/// stops it and leaves the index as it was.
#[tauri::command]
pub async fn reindex(
    state: tauri::State<'_, AppState>,
    on_progress: Channel<ProgressEvent>,
) -> Result<ReindexReport, ApiError> {
    state
        .long_work(move |library, cancel| rebuild(library, &cancel, &on_progress))
        .await
}

/// Asks the running import or reindex to stop.
#[tauri::command]
pub fn cancel_work(state: tauri::State<'_, AppState>) {
    state.cancel();
}

/// A progress event of long work.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressEvent {
    stage: String,
    done: usize,
    total: usize,
    path: Option<String>,
}

/// Sends a progress event; a UI that stopped listening does not stop the work.
fn report(
    channel: &Channel<ProgressEvent>,
    stage: &str,
    (done, total): (usize, usize),
    path: Option<&Path>,
) {
    let _ = channel.send(ProgressEvent {
        stage: stage.into(),
        done,
        total,
        path: path.map(|p| p.display().to_string()),
    });
}

fn import(
    library: &mut Library,
    paths: &[PathBuf],
    cancel: &Arc<AtomicBool>,
    on_progress: &Channel<ProgressEvent>,
) -> Result<ImportReport, ApiError> {
    let options = ImportOptions {
        cancel: Some(Arc::clone(cancel)),
        ..ImportOptions::default()
    };
    let report_file = |p: plenary::Progress<'_>| {
        report(on_progress, "importing", (p.done, p.total), Some(p.path))
    };
    let done = library.import_report(paths, &options, report_file)?;
    let total = done.files.len();
    report(on_progress, "importing", (total, total), None);
    Ok(done)
}

/// The end of a reindex.
#[derive(Debug, Clone, Serialize)]
pub struct ReindexReport {
    statements: usize,
    cancelled: bool,
}

fn rebuild(
    library: &mut Library,
    cancel: &AtomicBool,
    on_progress: &Channel<ProgressEvent>,
) -> Result<ReindexReport, ApiError> {
    let mut progress = |stage: &str, done, total| report(on_progress, stage, (done, total), None);
    let done = library.reindex_cancellable(&mut progress, cancel)?;
    Ok(ReindexReport {
        statements: done.unwrap_or(0),
        cancelled: done.is_none(),
    })
}

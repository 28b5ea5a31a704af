//! Who spoke: the review queue, and a person fixing or accepting a speaker.

use plenary::StatementRow;

use crate::error::ApiError;
use crate::state::AppState;

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

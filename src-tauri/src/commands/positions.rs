//! Actors' positions on themes: side by side, as a matrix, and one cell's statements.

use plenary::{CellStatement, Position, PositionFilter};
use serde::Deserialize;

use crate::error::ApiError;
use crate::state::AppState;

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

/// The filter the UI sent, or none (every statement counts).
fn position_filter(filter: Option<FilterArgs>) -> PositionFilter {
    PositionFilter::from(filter.unwrap_or_default())
}

/// Positions of actors on themes, with quotes.
#[tauri::command]
pub async fn compare(
    state: tauri::State<'_, AppState>,
    actors: Vec<String>,
    themes: Vec<String>,
    filter: Option<FilterArgs>,
) -> Result<Vec<Position>, ApiError> {
    let filter = position_filter(filter);
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
    let filter = position_filter(filter);
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
    let filter = position_filter(filter);
    state
        .with_library(move |l| l.cell_statements(&actor, &theme, &filter))
        .await
}

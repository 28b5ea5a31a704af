//! The actors of the gazetteer, and what one of them said.

use plenary::{Actor, ActorProfile};

use crate::error::ApiError;
use crate::state::AppState;

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

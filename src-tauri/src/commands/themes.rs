//! The theme codebook and human tags.

use plenary::{Library, NewTag, Stance, TagRow, ThemeRow};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::state::AppState;

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

/// Replaces the codebook and re-tags every statement; one that removes most themes
/// only when `replace` confirms it.
#[tauri::command]
pub async fn save_codebook(
    state: tauri::State<'_, AppState>,
    text: String,
    replace: Option<bool>,
) -> Result<Vec<RetagChange>, ApiError> {
    let replace = replace.unwrap_or(false);
    state.with_library(move |l| retag(l, &text, replace)).await
}

/// How re-tagging changed one theme.
#[derive(Debug, Clone, Serialize)]
pub struct RetagChange {
    theme: String,
    added: i64,
    removed: i64,
}

fn retag(l: &mut Library, codebook: &str, replace: bool) -> plenary::Result<Vec<RetagChange>> {
    let changes = l.import_codebook("the edited codebook", codebook, replace, &mut |_, _, _| {})?;
    Ok(changes
        .into_iter()
        .map(|(theme, added, removed)| RetagChange {
            theme,
            added,
            removed,
        })
        .collect())
}

/// A new human tag as the UI sends it.
#[derive(Debug, Clone, Deserialize)]
pub struct TagArgs {
    statement: i64,
    theme: String,
    stance: Stance,
    #[serde(default)]
    span: Option<(i64, i64)>,
    #[serde(default)]
    note: Option<String>,
}

impl TagArgs {
    /// The tag, by the user running the app (the core fills in the author).
    fn into_new_tag(self) -> NewTag {
        NewTag {
            statement: self.statement,
            theme: self.theme,
            stance: self.stance,
            span: self.span,
            note: self.note,
            author: None,
        }
    }
}

/// Adds a human tag.
#[tauri::command]
pub async fn add_tag(state: tauri::State<'_, AppState>, tag: TagArgs) -> Result<TagRow, ApiError> {
    state
        .with_library(move |l| l.add_tag(&tag.into_new_tag()))
        .await
}

/// Removes a human tag.
#[tauri::command]
pub async fn remove_tag(state: tauri::State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with_library(move |l| l.remove_tag(id)).await
}

//! Searching the statements, and statements like a given one.

use plenary::{Filter, SearchRequest, SearchResults, Sort};
use serde::Deserialize;

use crate::error::ApiError;
use crate::state::AppState;

/// A search as the UI asks it.
#[derive(Debug, Clone, Deserialize)]
pub struct SearchArgs {
    pub query: String,
    #[serde(default)]
    pub filters: Vec<Filter>,
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

impl From<SearchArgs> for SearchRequest {
    fn from(args: SearchArgs) -> Self {
        SearchRequest {
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
        }
    }
}

/// Searches the statements.
#[tauri::command]
pub async fn search(
    state: tauri::State<'_, AppState>,
    args: SearchArgs,
) -> Result<SearchResults, ApiError> {
    let request = SearchRequest::from(args);
    state.with_library(move |l| l.search(&request)).await
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

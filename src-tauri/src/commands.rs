//! The Tauri commands: take the state, call `plenary::Library` on a blocking thread,
//! map the error. Nothing else lives here.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use plenary::{Library, LibraryStatus};

use crate::error::ApiError;

/// The app's state: the library directory, and the library once opened.
pub struct AppState {
    dir: PathBuf,
    library: Arc<Mutex<Option<Library>>>,
}

impl AppState {
    pub fn new(dir: PathBuf) -> Self {
        AppState {
            dir,
            library: Arc::new(Mutex::new(None)),
        }
    }

    /// Runs `f` on the open library on a blocking thread, opening it first if needed:
    /// SQLite never runs on the main thread.
    async fn with_library<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Library) -> plenary::Result<T> + Send + 'static,
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
                .as_ref()
                .ok_or_else(|| ApiError::internal("library not open"))?;
            Ok(f(library)?)
        })
        .await
        .map_err(|e| ApiError::internal(format!("a background task failed: {e}")))?
    }
}

/// Where the library is and what it holds.
#[tauri::command]
pub async fn library_status(state: tauri::State<'_, AppState>) -> Result<LibraryStatus, ApiError> {
    state.with_library(Library::status).await
}

/// A search as the UI asks it.
#[derive(Debug, Clone, serde::Deserialize)]
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
) -> Result<plenary::SearchResults, ApiError> {
    state
        .with_library(move |library| {
            library.search(&plenary::index::search::SearchRequest {
                query: args.query,
                filters: args.filters,
                exact: args.exact,
                sort: if args.sort_by_date {
                    plenary::index::search::Sort::Date
                } else {
                    plenary::index::search::Sort::Relevance
                },
                limit: args.limit.clamp(1, 200),
                offset: args.offset,
            })
        })
        .await
}

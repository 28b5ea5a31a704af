//! The app's state and how commands reach the library: short work on one shared
//! handle, long work (import, reindex) on its own, both on blocking threads — SQLite and
//! tantivy never run on the main thread.
//!
//! Short commands share one open [`Library`] behind a mutex. Long work opens its own
//! handle on the same directory, so searching and reading go on while it runs; it stops
//! when `cancel_work` sets the shared flag.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use plenary::Library;

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

    /// Runs `f` on the open library on a blocking thread, opening it first if needed.
    pub async fn with_library<T, F>(&self, f: F) -> Result<T, ApiError>
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

    /// Runs long work on its own library handle on a blocking thread, one at a time;
    /// `f` gets the flag `cancel_work` sets.
    pub async fn long_work<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Library, Arc<AtomicBool>) -> Result<T, ApiError> + Send + 'static,
    {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Err(ApiError::new(
                "busy",
                "an import or index rebuild is already running; wait for it to finish or \
                 cancel it",
            ));
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

    /// Asks the long work under way to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

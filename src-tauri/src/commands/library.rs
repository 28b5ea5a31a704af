//! The library as a whole: where it is and what it holds.

use std::sync::atomic::{AtomicBool, Ordering};

use plenary::LibraryStatus;

use crate::error::ApiError;
use crate::state::AppState;

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

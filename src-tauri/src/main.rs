//! Plenary's desktop shell: registers the commands over `plenary::Library` and opens the
//! window. The UI lives in `ui/`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;

use std::path::PathBuf;

use commands::AppState;

/// The library directory: `--library DIR`, else `PLENARY_LIBRARY`, else the default.
fn library_dir() -> Result<PathBuf, plenary::Error> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--library" {
            if let Some(dir) = args.next() {
                return Ok(PathBuf::from(dir));
            }
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--library=")) {
            return Ok(PathBuf::from(dir));
        }
    }
    plenary::Library::default_dir()
}

fn main() {
    let dir = match library_dir() {
        Ok(dir) => dir,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(2);
        }
    };
    let result = tauri::Builder::default()
        .manage(AppState::new(dir))
        .invoke_handler(tauri::generate_handler![
            commands::library_status,
            commands::search
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("error: the desktop app could not start: {err}");
        std::process::exit(1);
    }
}

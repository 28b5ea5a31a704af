//! Plenary's desktop shell: registers the commands over `plenary::Library` and opens the
//! window. The UI lives in `ui/`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod command_names;
mod commands;
mod error;

use std::path::PathBuf;

use commands::AppState;
use tauri::Manager;

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
        // First: a second launch hands over to the running app, which comes forward.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::new(dir))
        .invoke_handler(tauri::generate_handler![
            commands::library_status,
            commands::search,
            commands::similar,
            commands::documents,
            commands::processes,
            commands::edit_document,
            commands::read_document,
            commands::fix_speaker,
            commands::review_queue,
            commands::accept_speaker,
            commands::actors,
            commands::actor_profile,
            commands::import_paths,
            commands::reindex,
            commands::cancel_work,
            commands::themes,
            commands::codebook_text,
            commands::save_codebook,
            commands::add_tag,
            commands::remove_tag,
            commands::compare,
            commands::matrix,
            commands::cell_statements,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("error: the desktop app could not start: {err}");
        std::process::exit(1);
    }
}

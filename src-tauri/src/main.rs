//! Plenary's desktop shell: registers the commands over `plenary::Library` and opens the
//! window. The UI lives in `ui/`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod command_names;
mod commands;
mod error;
mod state;

use std::path::PathBuf;

use state::AppState;
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
            commands::library::library_status,
            commands::search::search,
            commands::search::similar,
            commands::documents::documents,
            commands::documents::processes,
            commands::documents::edit_document,
            commands::documents::read_document,
            commands::review::fix_speaker,
            commands::review::review_queue,
            commands::review::accept_speaker,
            commands::actors::actors,
            commands::actors::actor_profile,
            commands::imports::import_paths,
            commands::imports::reindex,
            commands::imports::cancel_work,
            commands::themes::themes,
            commands::themes::codebook_text,
            commands::themes::save_codebook,
            commands::themes::add_tag,
            commands::themes::remove_tag,
            commands::positions::compare,
            commands::positions::matrix,
            commands::positions::cell_statements,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("error: the desktop app could not start: {err}");
        std::process::exit(1);
    }
}

//! Declares the app's commands so each needs an explicit grant in `capabilities/`, and
//! makes sure the front-end folder exists for `generate_context!`.

use std::path::Path;

include!("src/command_names.rs");

fn main() {
    let dist = Path::new("../ui/dist");
    if !dist.join("index.html").exists() {
        // Lets `cargo build`/`clippy` work before the UI is built; the run and test
        // scripts build the UI first, so the app itself never shows this page.
        std::fs::create_dir_all(dist).expect("create ui/dist");
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>Plenary</title><p>The UI is not built: run <code>npm run build</code> in ui/.</p>",
        )
        .expect("write ui/dist/index.html");
    }
    println!("cargo:rerun-if-changed=../ui/dist");
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}

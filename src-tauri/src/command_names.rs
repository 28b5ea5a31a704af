// Every command the UI may call. `build.rs` includes this file to declare them, so
// each needs a grant in `capabilities/default.json`; a test checks that the handler in
// `main.rs` registers exactly these and the capability grants exactly these.
pub const COMMANDS: &[&str] = &[
    "library_status",
    "search",
    "similar",
    "documents",
    "processes",
    "edit_document",
    "read_document",
    "fix_speaker",
    "review_queue",
    "accept_speaker",
    "actors",
    "actor_profile",
    "import_paths",
    "reindex",
    "cancel_work",
    "themes",
    "codebook_text",
    "save_codebook",
    "add_tag",
    "remove_tag",
    "compare",
    "matrix",
    "cell_statements",
];

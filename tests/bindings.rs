//! The TypeScript types of the API, generated from the Rust types (ts-rs) into
//! `ui/src/lib/api/bindings.ts`. The test fails when the committed file differs from
//! what the Rust types say; `UPDATE_BINDINGS=1 cargo test --test tests bindings`
//! writes it anew.

use std::path::Path;

use ts_rs::{Config, TS};

/// One declaration: the type's doc comment, then `export type Name = …;`.
fn declaration<T: TS>(cfg: &Config) -> String {
    let docs = T::docs().unwrap_or_default();
    format!("{docs}export {}\n", T::decl(cfg))
}

macro_rules! declarations {
    ($cfg:expr; $($t:ty),* $(,)?) => {
        vec![$(declaration::<$t>($cfg)),*]
    };
}

fn bindings() -> String {
    // Ids and counts stay far below 2^53: plain numbers in JavaScript.
    let cfg = Config::new().with_large_int("number");
    let cfg = &cfg;
    let parts = declarations![cfg;
        plenary::LibraryStatus, plenary::Actor, plenary::ActorKind,
        plenary::DocumentRow, plenary::Process, plenary::DocumentEdit,
        plenary::StatementRow, plenary::SpeakerEntryRow,
        plenary::ThemeRow, plenary::TagRow, plenary::Stance, plenary::TagOrigin,
        plenary::SearchRequest, plenary::Sort, plenary::Filter, plenary::Field, plenary::PositionFilter,
        plenary::SearchResults, plenary::Hit, plenary::Facets, plenary::FacetCount,
        plenary::ActorProfile, plenary::CellStatement, plenary::DatedCount,
        plenary::Position, plenary::StanceCounts, plenary::Evidence,
        plenary::ExportRow,
        plenary::ImportReport, plenary::FileReport, plenary::FileStatus, plenary::ImportCounts,
        plenary::Failure, plenary::Remedy, plenary::Listing, plenary::Problem,
        plenary::DocumentView, plenary::SourceType,
    ];
    format!(
        "// Generated from Plenary's Rust types by tests/bindings.rs (ts-rs); do not edit.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test --test tests bindings\n\n{}",
        parts.join("\n")
    )
}

#[test]
fn typescript_bindings_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/api/bindings.ts");
    let generated = bindings();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("ui/src/lib/api/bindings.ts is writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/api/bindings.ts is not what the Rust types say; regenerate it with \
         UPDATE_BINDINGS=1 cargo test --test tests bindings"
    );
}

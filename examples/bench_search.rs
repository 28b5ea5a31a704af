//! Search latency on the UN General Debate corpus and the seeds, against SQLite FTS5
//! and a scan of the raw text, measured in the same run on the same statements and
//! queries.
//!
//! Run: `cargo run --release --example bench_search -- ../shared/corpus`
//!
//! Plenary's time covers the whole answer: top 20 by relevance, the exact total, facet
//! counts (speaker, group, theme, session) over every match, snippets with the hits
//! marked, and the hits' speakers and documents read back from SQLite. FTS5 does a
//! ranked top 20 and a count (and, for the facet class, a GROUP BY speaker).

#[path = "support/search_suite.rs"]
mod search_suite;

use std::path::PathBuf;
use std::time::Instant;

use plenary::import::ImportOptions;
use plenary::Library;
use rusqlite::Connection;

const REPEATS: usize = 15;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let corpus = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpus".into()),
    );
    let tmp = tempfile::tempdir()?;
    let mut library = Library::open(tmp.path())?;
    let started = Instant::now();
    library.import(
        &[corpus.join("seeds"), corpus.join("ungdc")],
        &ImportOptions::default(),
        |_| {},
    )?;
    eprintln!("imported in {:.1} s", started.elapsed().as_secs_f64());
    let statements = library.statements(None, None, None, None)?;

    // FTS5 over the same statements, with the speaker alongside.
    let fts = Connection::open(tmp.path().join("fts.sqlite3"))?;
    search_suite::build_fts(&fts, &tmp.path().join("library.sqlite3"))?;
    let texts: Vec<(String, Option<String>)> = statements
        .iter()
        .map(|s| (s.text.to_lowercase(), s.speaker.clone()))
        .collect();
    let suite = search_suite::run(&library, &fts, Some(&texts), REPEATS)?;
    search_suite::print(&suite, statements.len() as i64);
    Ok(())
}

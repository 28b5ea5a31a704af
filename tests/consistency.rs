//! The search index tells the truth about the database: an edit made while another
//! process holds the index writer reaches the index without anyone waiting or doing
//! anything, whoever dies when; `check` compares the index's content with the
//! database; leftovers of an interrupted index write are reported and removed.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use plenary::index::SearchIndex;
use plenary::store::Store;
use plenary::{ImportOptions, Library, NewTag, Remedy, SearchRequest, Stance};

use crate::common::{corpus, plenary, stderr, temp_dir};

use crate::common::fixtures_library as library;

/// The ids of statements that `query` finds.
fn found(library: &Library, query: &str) -> Vec<i64> {
    let request = SearchRequest {
        query: query.into(),
        limit: 1000,
        ..SearchRequest::default()
    };
    let results = library.search(&request).unwrap();
    results.hits.iter().map(|h| h.id).collect()
}

/// Waits (a few seconds at most) for `query` to find `statement`: another process's
/// commit reaches this process's reader after a short delay.
fn eventually_found(library: &Library, query: &str, statement: i64) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if found(library, query).contains(&statement) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

fn oppose(statement: i64, theme: &str) -> NewTag {
    NewTag {
        statement,
        theme: theme.into(),
        stance: Stance::Oppose,
        span: None,
        note: None,
        author: None,
    }
}

/// The index, opened as it is on disk (without the catching up `Library::open` does),
/// and the database: the index must hold every change up to the generation it claims.
fn assert_index_holds_the_database(library_dir: &Path) {
    let store = Store::open(&library_dir.join("library.sqlite3")).unwrap();
    let index = SearchIndex::open(&library_dir.join("index")).unwrap();
    assert_eq!(index.generation(), Some(store.generation().unwrap()));
    let differences = index.differences(&store).unwrap();
    assert!(differences.is_empty(), "{differences:?}");
}

#[test]
fn an_edit_while_another_process_holds_the_writer_is_applied_by_that_process() {
    let (dir, mut library) = library();
    let statements = library.statements(None, None, Some(3), None).unwrap();
    let (tagged, fixed) = (statements[0].id, statements[1].id);

    // Another process (an import, the desktop's import job) holds the writer.
    let mut holder = SearchIndex::open(&dir.path().join("index")).unwrap();
    let mut writing = holder.lock_writer().unwrap();
    let started = Instant::now();
    library.add_tag(&oppose(tagged, "norms")).unwrap();
    let row = library.fix_speaker(fixed, "Kiribati").unwrap();
    assert_eq!(row.speaker.as_deref(), Some("Kiribati"));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "editing waited {:?} for the writer",
        started.elapsed()
    );
    // Saved, and queued: the index cannot have it yet.
    assert!(!found(&library, "theme:norms stance:oppose").contains(&tagged));

    // The holder applies the queue with its next commit, the edits with it.
    let store = Store::open(&dir.path().join("library.sqlite3")).unwrap();
    writing.catch_up(&store, &mut |_, _, _| {}, None).unwrap();
    drop(writing);
    assert_index_holds_the_database(dir.path());
    assert!(eventually_found(
        &library,
        "theme:norms stance:oppose",
        tagged
    ));
    assert!(eventually_found(&library, "speaker:Kiribati", fixed));
    assert!(library.check().unwrap().is_empty());
    drop(library);
    // Nothing for the next open to repair.
    let library = Library::open(dir.path()).unwrap();
    assert_eq!(library.index_repair(), None);
}

#[test]
fn an_edit_left_by_a_killed_editor_is_applied_by_the_next_writer() {
    let (dir, mut library) = library();
    let statement = library.statements(None, None, Some(1), None).unwrap()[0].id;
    // What an editor killed after its database commit leaves: the change saved and
    // queued, the index untouched.
    let mut store = Store::open(&dir.path().join("library.sqlite3")).unwrap();
    let theme = store.theme_id("funding").unwrap().unwrap();
    store.add_tag(&oppose(statement, "funding"), theme).unwrap();
    assert!(!found(&library, "theme:funding stance:oppose").contains(&statement));
    // The next writer — here a small import — brings it in.
    let extra = temp_dir();
    fs::write(
        extra.path().join("statement.txt"),
        "Chile: We support capacity building for all States.\n",
    )
    .unwrap();
    let options = ImportOptions::default();
    library
        .import(&[extra.path().into()], &options, |_| {})
        .unwrap();
    assert_index_holds_the_database(dir.path());
    assert!(found(&library, "theme:funding stance:oppose").contains(&statement));
}

#[test]
fn check_finds_an_index_that_lacks_a_change() {
    let (dir, library) = library();
    drop(library);
    // A change made behind Plenary's back (another program writing the database):
    // neither the generation nor the queue knows it.
    let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
    let changed: i64 = conn
        .query_row(
            "UPDATE statements SET speaker_id = NULL
             WHERE id = (SELECT min(id) FROM statements WHERE speaker_id IS NOT NULL) RETURNING id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let mut library = Library::open(dir.path()).unwrap();
    let problems = library.check().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let message = &problems[0].message;
    assert!(
        message.contains("1 changed since they were indexed"),
        "{message}"
    );
    assert!(message.contains(&changed.to_string()), "{message}");
    assert_eq!(problems[0].remedy, Remedy::Reindex);
    library.reindex(&mut |_, _, _| {}).unwrap();
    assert!(library.check().unwrap().is_empty());
}

#[test]
fn leftover_index_files_are_reported_then_removed_on_open() {
    let (dir, mut library) = library();
    let index = dir.path().join("index");
    let segment = index.join("0123456789abcdef0123456789abcdef.idx");
    let temporary = index.join(".tmpQx81Zb");
    fs::write(&segment, vec![0u8; 4096]).unwrap();
    fs::write(&temporary, b"{").unwrap();
    let problems = library.check().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("2 files") && p.message.contains("interrupted")),
        "{problems:?}"
    );
    drop(library);
    let mut library = Library::open(dir.path()).unwrap();
    assert!(!segment.exists() && !temporary.exists());
    assert!(library.check().unwrap().is_empty());
    // The index still answers.
    assert!(!found(&library, "capacity").is_empty());
}

/// The reproduction of the issue, with real processes: an import of the General Debate
/// corpus runs; a `tag add` from the command line returns at once; after the import,
/// before anyone opens the library again, the index holds the tag.
#[test]
fn a_tag_added_during_an_import_reaches_the_index() {
    let Some(corpus) = corpus() else { return };
    let (dir, library) = library();
    let statement = library.statements(None, None, Some(1), None).unwrap()[0].id;
    let documents = library.documents().unwrap().len() as i64;
    drop(library);
    let mut child = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("--library")
        .arg(dir.path())
        .args(["import", corpus.join("ungdc").to_str().unwrap()])
        // A file, not a pipe nobody reads until the end: a full pipe would stall the
        // import.
        .stdout(fs::File::create(dir.path().join("import.out")).unwrap())
        .stderr(fs::File::create(dir.path().join("import.err")).unwrap())
        .spawn()
        .unwrap();
    let db = dir.path().join("library.sqlite3");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(100));
        let n: i64 = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .unwrap_or(0);
        if n >= documents + 30 {
            break;
        }
    }
    let id = statement.to_string();
    let edit = Instant::now();
    let out = plenary(
        dir.path(),
        &["tag", "add", &id, "norms", "--stance", "oppose"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        edit.elapsed() < Duration::from_secs(10),
        "{:?}",
        edit.elapsed()
    );
    assert!(
        child.try_wait().unwrap().is_none(),
        "the import ran meanwhile"
    );
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "{}\n{}",
        fs::read_to_string(dir.path().join("import.err")).unwrap_or_default(),
        fs::read_to_string(dir.path().join("import.out")).unwrap_or_default()
    );
    assert_index_holds_the_database(dir.path());
    let library = Library::open(dir.path()).unwrap();
    assert_eq!(library.index_repair(), None);
    assert!(found(&library, "theme:norms stance:oppose").contains(&statement));
}

#[test]
fn a_failed_edit_changes_nothing_the_index_must_catch_up_with() {
    let (dir, mut library) = library();
    let store = Store::open(&dir.path().join("library.sqlite3")).unwrap();
    let before = store.generation().unwrap();
    let err = library.fix_speaker(999_999, "Chile").unwrap_err();
    assert_eq!(err.code(), "not_found", "{err}");
    let err = library.add_tag(&oppose(999_999, "norms")).unwrap_err();
    assert_eq!(err.code(), "not_found", "{err}");
    assert_eq!(store.generation().unwrap(), before);
    drop(library);
    let library = Library::open(dir.path()).unwrap();
    assert_eq!(library.index_repair(), None);
}

#[test]
fn an_index_built_by_another_version_is_rebuilt_and_said_so() {
    let (dir, library) = library();
    let before = found(&library, "capacity").len();
    drop(library);
    let index = dir.path().join("index");
    fs::remove_dir_all(&index).unwrap();
    fs::create_dir(&index).unwrap();
    let mut schema = tantivy::schema::Schema::builder();
    schema.add_text_field("text", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(&index, schema.build()).unwrap();
    let library = Library::open(dir.path()).unwrap();
    let note = library.index_repair().unwrap_or_default();
    assert!(note.contains("another version of Plenary"), "{note}");
    assert_eq!(found(&library, "capacity").len(), before);
}

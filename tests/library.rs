//! Opening libraries: migrations, the schema, and the errors a new user meets.

use std::fs;

use plenary::store::migrations;
use plenary::{Error, Library};

use crate::common::temp_dir;

#[test]
fn fresh_library_is_created_and_migrated() {
    let dir = temp_dir();
    let lib_dir = dir.path().join("nested/lib");
    let library = Library::open(&lib_dir).unwrap();
    let status = library.status().unwrap();
    assert_eq!(status.schema_version, migrations::LATEST);
    assert!(lib_dir.join("library.sqlite3").is_file());
    assert!(
        status.actors > 300,
        "gazetteer loaded: {} actors",
        status.actors
    );
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_again() {
    let dir = temp_dir();
    let first = Library::open(dir.path()).unwrap();
    let actors = first.actors(None).unwrap();
    drop(first);
    let again = Library::open(dir.path()).unwrap();
    assert_eq!(again.actors(None).unwrap(), actors);
    assert_eq!(again.status().unwrap().schema_version, migrations::LATEST);
}

#[test]
fn library_uses_wal_and_foreign_keys() {
    let dir = temp_dir();
    let _library = Library::open(dir.path()).unwrap();
    let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn newer_library_is_refused_and_left_untouched() {
    let dir = temp_dir();
    let db = dir.path().join("library.sqlite3");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = fs::read(&db).unwrap();
    let err = Library::open(dir.path()).unwrap_err();
    assert!(
        matches!(err, Error::LibraryTooNew { found: 999, .. }),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("newer Plenary") && msg.contains("left untouched"),
        "{msg}"
    );
    assert_eq!(fs::read(&db).unwrap(), before, "the file was changed");
    assert!(!dir.path().join("library.sqlite3-wal").exists());
}

#[test]
fn file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let dir = temp_dir();
    let db = dir.path().join("library.sqlite3");
    let junk = b"These are my notes, not a database.\n".repeat(100);
    fs::write(&db, &junk).unwrap();
    let err = Library::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::NotALibrary { .. }), "{err:?}");
    assert!(err.to_string().contains("not an SQLite database"));
    assert_eq!(fs::read(&db).unwrap(), junk);
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_untouched() {
    let dir = temp_dir();
    let db = dir.path().join("library.sqlite3");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ana');",
        )
        .unwrap();
    }
    let before = fs::read(&db).unwrap();
    let err = Library::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::ForeignDatabase { .. }), "{err:?}");
    assert_eq!(err.code(), "not_a_library");
    assert!(err.to_string().contains("contacts"), "{err}");
    assert_eq!(fs::read(&db).unwrap(), before, "the file was changed");
    assert!(!dir.path().join("library.sqlite3-wal").exists());
}

#[test]
fn library_directory_that_cannot_be_created_is_reported() {
    let dir = temp_dir();
    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let err = Library::open(file.join("library")).unwrap_err();
    assert!(matches!(err, Error::LibraryDir { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("cannot use"), "{msg}");
    // What to do is data: the CLI words it with its flags, the desktop its own way.
    assert!(!msg.contains("--library"), "{msg}");
    assert_eq!(err.remedy(), Some(plenary::Remedy::ChooseLibrary));

    let err = Library::open(&file).unwrap_err();
    assert!(matches!(err, Error::LibraryDir { .. }), "{err:?}");
    assert_eq!(fs::read(&file).unwrap(), b"x");
}

#[test]
fn read_only_library_directory_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions; only a user the kernel can refuse sees the error.
    let refused = fs::write(ro.join("probe"), "").is_err();
    let result = Library::open(&ro);
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    if refused {
        let err = result.unwrap_err();
        assert!(matches!(err, Error::LibraryDir { .. }), "{err:?}");
    } else {
        result.unwrap();
    }
}

#[test]
fn migrated_schema_is_pinned() {
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let actual = library.schema_sql().unwrap().join(";\n\n") + ";\n";
    let pinned = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema.sql");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        fs::write(&pinned, &actual).unwrap();
    }
    let expected = fs::read_to_string(&pinned).unwrap_or_default();
    assert!(
        actual == expected,
        "the migrated schema differs from tests/fixtures/schema.sql. If the change is \
         intended, add a migration and run `UPDATE_SCHEMA=1 cargo test migrated_schema`.\n\
         actual:\n{actual}"
    );
}

/// A library written before corrections existed (schema 4) gains them on opening, and
/// its documents can be corrected.
#[test]
fn library_of_schema_4_migrates_and_takes_corrections() {
    let dir = temp_dir();
    {
        let mut conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
        for (i, sql) in migrations::MIGRATIONS[..4].iter().enumerate() {
            let tx = conn.transaction().unwrap();
            tx.execute_batch(sql).unwrap();
            tx.pragma_update(None, "user_version", i as i64 + 1)
                .unwrap();
            tx.commit().unwrap();
        }
        conn.execute_batch(
            "INSERT INTO processes (key, name) VALUES ('oewg-2021-2025', 'OEWG 2021–2025');
             INSERT INTO documents (content_hash, source_path, container, kind, title, process_id, imported_at)
             VALUES ('abc', '/records/old.txt', 'txt', 'transcript', 'Old title', 1, '2024-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let mut library = Library::open(dir.path()).unwrap();
    assert_eq!(library.status().unwrap().schema_version, migrations::LATEST);
    let doc = library.documents().unwrap()[0].id;
    let edited = library
        .edit_document(
            doc,
            plenary::DocumentEdit {
                session: Some("3".into()),
                meeting: Some(2),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (
            edited.title.as_str(),
            edited.session.as_deref(),
            edited.meeting.as_deref()
        ),
        (
            "Old title",
            Some("3rd substantive session"),
            Some("2nd meeting")
        )
    );
    assert_eq!(edited.corrected, ["session", "meeting"]);
}

#[test]
fn error_codes_are_stable() {
    let dir = temp_dir();
    fs::write(dir.path().join("library.sqlite3"), "junk").unwrap();
    let err = Library::open(dir.path()).unwrap_err();
    assert_eq!(err.code(), "not_a_library");
    assert!(err.is_user_error());

    // Corrections of a document the user can fix.
    for (err, code) in [
        (
            Error::InvalidEdit {
                field: "date",
                value: "2022-02-30".into(),
                problem: "there is no such day".into(),
                fix: "Write the date as YYYY-MM-DD".into(),
            },
            "invalid_edit",
        ),
        (
            Error::UnknownProcess {
                key: "nowhere".into(),
                known: "oewg-2021-2025 (OEWG 2021–2025)".into(),
            },
            "unknown_process",
        ),
    ] {
        assert_eq!(err.code(), code);
        assert!(err.is_user_error());
    }
}

/// The desktop app keeps one handle open and imports on a second one in the same
/// process; a tag added on the first afterwards must be in the file for everyone.
#[test]
fn writes_through_one_handle_survive_another_handle_in_the_same_process() {
    let dir = temp_dir();
    let fixtures =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let mut main = Library::open(dir.path()).unwrap();
    {
        let mut importer = Library::open(dir.path()).unwrap();
        let results = importer
            .import(
                &[fixtures.join("transcript.txt")],
                &Default::default(),
                |_| {},
            )
            .unwrap();
        assert!(results.iter().all(|(_, r)| r.is_ok()));
    }
    // Another process opens and closes the library: if this process had lost its
    // locks on the file, that process would take the write-ahead log away.
    let out = crate::common::plenary(dir.path(), &["status"]);
    assert!(out.status.success());
    let statement = main.statements(None, None, None, None).unwrap()[1].id;
    let tag = main
        .add_tag(&plenary::NewTag {
            statement,
            theme: "funding".into(),
            stance: plenary::Stance::Support,
            ..Default::default()
        })
        .unwrap();
    let out = crate::common::plenary(
        dir.path(),
        &[
            "tag",
            "list",
            "--statement",
            &statement.to_string(),
            "--origin",
            "manual",
            "--format",
            "json",
        ],
    );
    let listed = crate::common::stdout(&out);
    assert!(listed.contains(&format!("\"id\":{}", tag.id)), "{listed}");
    drop(main);
    let reopened = Library::open(dir.path()).unwrap();
    assert!(reopened
        .tags(
            Some(statement),
            None,
            None,
            Some(plenary::TagOrigin::Manual)
        )
        .unwrap()
        .iter()
        .any(|t| t.id == tag.id));
}

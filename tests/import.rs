//! Importing through the library and the CLI: idempotence, replacement, human work,
//! bad inputs, and the real corpus.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use plenary::import::{ImportOptions, ImportStatus};
use plenary::{DocumentEdit, Error, Library};

use crate::common::{corpus, plenary, stderr, stdout, temp_dir};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

fn import_one(library: &mut Library, path: &Path) -> Result<plenary::import::ImportOutcome, Error> {
    let mut results = library
        .import(&[path.to_path_buf()], &ImportOptions::default(), |_| {})
        .unwrap();
    assert_eq!(results.len(), 1);
    results.remove(0).1
}

/// Counts of rows the library holds, to show nothing changed.
fn snapshot(library: &Library) -> (usize, usize) {
    let docs = library.documents().unwrap();
    let statements = docs.iter().map(|d| d.statements as usize).sum();
    (docs.len(), statements)
}

#[test]
fn same_bytes_twice_are_one_document() {
    let dir = temp_dir();
    let mut library = Library::open(dir.path()).unwrap();
    let first = import_one(&mut library, &fixtures().join("transcript.txt")).unwrap();
    assert_eq!(first.status, ImportStatus::Imported);
    let before = snapshot(&library);
    let again = import_one(&mut library, &fixtures().join("transcript.txt")).unwrap();
    assert_eq!(again.status, ImportStatus::AlreadyPresent);
    assert_eq!(again.document, first.document);
    assert_eq!(snapshot(&library), before);
}

#[test]
fn manual_speaker_survives_reimport_and_replacement() {
    let dir = temp_dir();
    let work = temp_dir();
    let file = work.path().join("meeting.txt");
    let original = fs::read_to_string(fixtures().join("transcript.txt")).unwrap();
    fs::write(&file, &original).unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let doc = import_one(&mut library, &file).unwrap().document;
    let statements = library.statements(Some(doc), None, None, None).unwrap();
    let interjection = statements
        .iter()
        .find(|s| s.text.starts_with("I think it was Nauru"))
        .unwrap();
    let fixed = library.fix_speaker(interjection.id, "Nauru").unwrap();
    assert_eq!(
        (fixed.speaker.as_deref(), fixed.method.as_str()),
        (Some("Nauru"), "manual")
    );

    // The same bytes: nothing changes, the fix stays.
    import_one(&mut library, &file).unwrap();
    assert_eq!(library.statement(interjection.id).unwrap().method, "manual");

    // A changed file replaces the old version and keeps the fix on the unchanged turn.
    fs::write(
        &file,
        original.replace("Peru believes training", "Peru believes that training"),
    )
    .unwrap();
    let replaced = import_one(&mut library, &file).unwrap();
    match &replaced.status {
        ImportStatus::Replaced { carried, lost, .. } => {
            assert_eq!(*carried, 1);
            assert!(lost.is_empty(), "{lost:?}");
        }
        other => panic!("expected a replacement, got {other:?}"),
    }
    assert_eq!(
        library.documents().unwrap().len(),
        1,
        "the old version is gone"
    );
    let now = library
        .statements(Some(replaced.document), None, None, None)
        .unwrap();
    let turn = now
        .iter()
        .find(|s| s.text.starts_with("I think it was Nauru"))
        .unwrap();
    assert_eq!(
        (turn.speaker.as_deref(), turn.method.as_str()),
        (Some("Nauru"), "manual")
    );

    // A fix on a turn whose text then changes is reported as not carried over.
    library
        .fix_speaker(
            now.iter()
                .find(|s| s.text.contains("Peru believes"))
                .unwrap()
                .id,
            "Chile",
        )
        .unwrap();
    fs::write(
        &file,
        original.replace("Peru believes training", "Peru thinks training"),
    )
    .unwrap();
    match import_one(&mut library, &file).unwrap().status {
        ImportStatus::Replaced { carried, lost, .. } => {
            assert_eq!(carried, 1);
            assert_eq!(lost.len(), 1, "{lost:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn fixing_to_an_unknown_speaker_or_statement_is_a_clear_error() {
    let dir = temp_dir();
    let mut library = Library::open(dir.path()).unwrap();
    let doc = import_one(&mut library, &fixtures().join("transcript.txt"))
        .unwrap()
        .document;
    let id = library.statements(Some(doc), None, Some(1), None).unwrap()[0].id;
    // The core says what was probably meant; each front-end words it.
    let err = library.fix_speaker(id, "Frnace").unwrap_err();
    assert!(
        matches!(err.remedy(), Some(plenary::Remedy::DidYouMean { names }) if names.contains(&"France".to_string())),
        "{err:?}"
    );
    let err = library
        .fix_speaker(999_999, "France")
        .unwrap_err()
        .to_string();
    assert!(err.contains("statement 999999 does not exist"), "{err}");
    // A fix that changed nothing leaves the index current: no rebuild on the next open.
    drop(library);
    let library = Library::open(dir.path()).unwrap();
    assert_eq!(library.index_repair(), None);
}

#[test]
fn bad_inputs_fail_with_one_line_and_change_nothing() {
    let dir = temp_dir();
    let work = temp_dir();
    let mut library = Library::open(dir.path()).unwrap();
    import_one(&mut library, &fixtures().join("un_document.txt")).unwrap();
    let before = snapshot(&library);

    let empty = work.path().join("empty.txt");
    fs::write(&empty, b"").unwrap();
    let binary = work.path().join("photo.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    let truncated = work.path().join("cut.pdf");
    let pdf =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract/text.pdf"))
            .unwrap();
    fs::write(&truncated, &pdf[..pdf.len() / 2]).unwrap();
    let page = work.path().join("page.html");
    fs::write(&page, "<html><head><title>News</title></head><body><nav>Home | About</nav><article><p>Our office moved to a new building this spring.</p></article></body></html>").unwrap();
    let huge = work.path().join("huge.txt");
    let line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n";
    fs::write(&huge, line.repeat(100 * 1024 * 1024 / line.len())).unwrap();

    for (path, expected) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&truncated, "damaged or truncated"),
        (&page, "not a document Plenary recognises"),
        (&huge, "not a document Plenary recognises"),
    ] {
        let err = import_one(&mut library, path).unwrap_err().to_string();
        assert!(err.contains(expected), "{}: {err}", path.display());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&path.display().to_string()),
            "names the file: {err}"
        );
        assert_eq!(
            snapshot(&library),
            before,
            "{} changed the library",
            path.display()
        );
    }
    let err = import_one(&mut library, &page).unwrap_err().to_string();
    for known in [
        "transcript",
        "session_report",
        "un_document",
        "general_debate",
    ] {
        assert!(err.contains(known), "{err}");
    }
    // How to force a type is the front-end's to say (the CLI: --format NAME).
    let err = import_one(&mut library, &page).unwrap_err();
    assert_eq!(err.remedy(), Some(plenary::Remedy::ChooseFormat));
}

#[test]
fn forced_type_that_does_not_fit_is_a_parse_error_with_the_line() {
    let dir = temp_dir();
    let mut library = Library::open(dir.path()).unwrap();
    let options = ImportOptions {
        source_type: Some(plenary::formats::SourceType::UnDocument),
        ..ImportOptions::default()
    };
    let results = library
        .import(&[fixtures().join("report_labelled.txt")], &options, |_| {})
        .unwrap();
    let err = results[0].1.as_ref().unwrap_err().to_string();
    assert!(
        err.contains("read as un_document") && err.contains("numbered paragraphs"),
        "{err}"
    );
}

#[test]
fn cli_import_reports_each_file_and_fails_if_any_failed() {
    let dir = temp_dir();
    let work = temp_dir();
    fs::copy(fixtures().join("transcript.txt"), work.path().join("a.txt")).unwrap();
    fs::write(work.path().join("b.txt"), "").unwrap();
    fs::copy(
        fixtures().join("report_labelled.txt"),
        work.path().join("c.txt"),
    )
    .unwrap();
    fs::write(
        work.path().join("notes.md"),
        "ignored: not a document extension",
    )
    .unwrap();
    let out = plenary(dir.path(), &["import", work.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("imported") && text.contains("a.txt") && text.contains("transcript"),
        "{text}"
    );
    assert!(
        text.contains("failed") && text.contains("b.txt: the file is empty"),
        "{text}"
    );
    assert!(
        text.contains("2 imported, 0 already present, 0 replaced, 1 failed"),
        "{text}"
    );
    assert!(!text.contains("notes.md"));

    let out = plenary(
        dir.path(),
        &["import", work.path().join("a.txt").to_str().unwrap()],
    );
    assert!(out.status.success());
    assert!(stdout(&out).contains("present"), "{}", stdout(&out));

    let out = plenary(dir.path(), &["documents", "--format", "json"]);
    let docs: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    for key in [
        "id",
        "title",
        "kind",
        "process",
        "session",
        "meeting",
        "date",
        "statements",
        "source_path",
    ] {
        assert!(docs[0].get(key).is_some(), "documents JSON lacks {key}");
    }
    let transcript = docs.iter().find(|d| d["kind"] == "transcript").unwrap();
    let id = transcript["id"].to_string();
    let out = plenary(
        dir.path(),
        &["statements", "--document", &id, "--format", "json"],
    );
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for key in [
        "id",
        "document",
        "seq",
        "speaker",
        "speaker_label",
        "speaker_kind",
        "on_behalf_of",
        "aligned_with",
        "method",
        "confidence",
        "agenda_item",
        "words",
        "source_line",
        "text",
    ] {
        assert!(rows[0].get(key).is_some(), "statements JSON lacks {key}");
    }
    assert_eq!(rows[1]["speaker"], "Peru");
    assert_eq!(rows[1]["source_line"], 11);

    let sid = rows[7]["id"].to_string();
    let out = plenary(
        dir.path(),
        &[
            "statements",
            "fix",
            &sid,
            "--speaker",
            "Nauru",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let fixed: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(
        (fixed["speaker"].as_str(), fixed["method"].as_str()),
        (Some("Nauru"), Some("manual"))
    );

    let out = plenary(
        dir.path(),
        &["speakers", "--document", &id, "--format", "json"],
    );
    let entries: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(entries
        .iter()
        .any(|e| e["label"] == "Tonga" && e["spoke"] == false && e["announced"] == true));

    let out = plenary(dir.path(), &["speakers", "--document", "999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("document 999 does not exist"),
        "{}",
        stderr(&out)
    );

    let out = plenary(
        dir.path(),
        &[
            "import",
            "--format",
            "minutes",
            work.path().join("a.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a source type"),
        "{}",
        stderr(&out)
    );
}

/// Acceptance: every UN General Debate speech imports, each statement attributed to
/// the country its file names.
#[test]
fn every_ungdc_file_imports_with_its_country() {
    let Some(corpus) = corpus() else { return };
    let dir = temp_dir();
    let mut library = Library::open(dir.path()).unwrap();
    let results = library
        .import(&[corpus.join("ungdc")], &ImportOptions::default(), |_| {})
        .unwrap();
    let failed: Vec<String> = results
        .iter()
        .filter_map(|(p, r)| r.as_ref().err().map(|e| format!("{}: {e}", p.display())))
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    assert_eq!(results.len(), 1746);

    let docs = library.documents().unwrap();
    let expected: HashMap<i64, String> = docs
        .iter()
        .map(|d| {
            let file = Path::new(&d.source_path)
                .file_name()
                .unwrap()
                .to_str()
                .unwrap();
            let code = file.split('_').next().unwrap();
            (d.id, library.resolve_code(code).name().unwrap().to_string())
        })
        .collect();
    let statements = library.statements(None, None, None, None).unwrap();
    assert!(statements.len() > 20_000, "{} statements", statements.len());
    let wrong: Vec<String> = statements
        .iter()
        .filter(|s| {
            s.speaker.as_deref() != Some(expected[&s.document].as_str()) || s.method != "file_name"
        })
        .take(10)
        .map(|s| {
            format!(
                "statement {} of document {}: {:?}",
                s.id, s.document, s.speaker
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(docs.iter().all(|d| d.kind == "general_debate"
        && d.process.as_deref() == Some("UN General Assembly general debate")));
}

#[test]
fn utf16_and_html_containers_import_like_plain_text() {
    let dir = temp_dir();
    let work = temp_dir();
    let text = fs::read_to_string(fixtures().join("transcript.txt")).unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let plain = import_one(&mut library, &fixtures().join("transcript.txt")).unwrap();
    let speakers = |library: &Library, doc| -> Vec<Option<String>> {
        library
            .statements(Some(doc), None, None, None)
            .unwrap()
            .into_iter()
            .map(|s| s.speaker)
            .collect()
    };
    let expected = speakers(&library, plain.document);

    // UTF-16 little-endian with a BOM, CRLF line endings.
    let utf16 = work.path().join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.replace('\n', "\r\n").encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    fs::write(&utf16, bytes).unwrap();
    let outcome = import_one(&mut library, &utf16).unwrap();
    assert!(
        outcome.notices.iter().any(|n| n.contains("UTF-16")),
        "{:?}",
        outcome.notices
    );
    assert_eq!(speakers(&library, outcome.document), expected);

    // A saved web page: paragraphs in <p>, navigation, scripts and a comment form.
    let html = work.path().join("page.html");
    let body: String = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            format!(
                "<p>{}</p>\n",
                p.trim().replace('&', "&amp;").replace('<', "&lt;")
            )
        })
        .collect();
    fs::write(
        &html,
        format!("<!doctype html><html><head><title>Session 3-5</title><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav><article>{body}</article><div id='comments'><form><textarea></textarea></form></div></body></html>"),
    )
    .unwrap();
    let outcome = import_one(&mut library, &html).unwrap();
    assert_eq!(
        outcome.source_type,
        Some(plenary::formats::SourceType::Transcript)
    );
    assert_eq!(speakers(&library, outcome.document), expected);
}

/// A small transcript of our own: the OEWG's 4th substantive session, 2nd meeting.
const SMALL_TRANSCRIPT: &str = "\
Session 4-2 Transcript
(OEWG 2021-25)

This is an unofficial transcript

Ambassador Example

Good morning. The second meeting of the fourth substantive session is now called to order. I give the floor to Ghana.


Thank you, Chair. Ghana supports a permanent mechanism on capacity building.

Ambassador Example

Thank you. I give the floor to Norway.


Thank you, Chair. Norway welcomes the progress on confidence-building measures.
";

fn edit(
    library: &mut Library,
    id: i64,
    edit: DocumentEdit,
) -> plenary::store::documents::DocumentRow {
    library.edit_document(id, edit).unwrap()
}

#[test]
fn document_correction_survives_reimport_and_replacement() {
    let dir = temp_dir();
    let work = temp_dir();
    let file = work.path().join("meeting.txt");
    fs::write(&file, SMALL_TRANSCRIPT).unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let doc = import_one(&mut library, &file).unwrap().document;
    let parsed = library.document(doc).unwrap();
    assert_eq!(
        (parsed.session.as_deref(), parsed.meeting.as_deref()),
        (Some("4th substantive session"), Some("2nd meeting"))
    );
    assert!(parsed.corrected.is_empty());

    let edited = edit(
        &mut library,
        doc,
        DocumentEdit {
            title: Some(" Fourth session, third meeting ".into()),
            meeting: Some(3),
            ..DocumentEdit::default()
        },
    );
    assert_eq!(edited.title, "Fourth session, third meeting");
    assert_eq!(edited.meeting.as_deref(), Some("3rd meeting"));
    // Only the given fields change.
    assert_eq!(
        (&edited.process, &edited.session, &edited.date),
        (&parsed.process, &parsed.session, &parsed.date)
    );
    assert_eq!(edited.corrected, ["title", "meeting"]);
    assert_eq!(library.documents().unwrap(), std::slice::from_ref(&edited));
    assert!(library.check().unwrap().is_empty(), "the index is current");

    // (a) The same bytes again: nothing is written, the correction stays.
    let again = import_one(&mut library, &file).unwrap();
    assert_eq!(again.status, ImportStatus::AlreadyPresent);
    assert_eq!(library.document(doc).unwrap(), edited);

    // (b) A changed file at the same path replaces the document and keeps the
    // correction, counted among the human edits kept.
    fs::write(
        &file,
        SMALL_TRANSCRIPT.replace("Norway welcomes", "Norway warmly welcomes"),
    )
    .unwrap();
    let replaced = import_one(&mut library, &file).unwrap();
    match &replaced.status {
        ImportStatus::Replaced { carried, lost, .. } => {
            assert_eq!(*carried, 1, "the correction");
            assert!(lost.is_empty(), "{lost:?}");
        }
        other => panic!("expected a replacement, got {other:?}"),
    }
    let now = library.document(replaced.document).unwrap();
    assert_eq!(now.title, "Fourth session, third meeting");
    assert_eq!(now.meeting.as_deref(), Some("3rd meeting"));
    assert_eq!(now.session.as_deref(), Some("4th substantive session"));
    assert_eq!(now.corrected, ["title", "meeting"]);
    assert_eq!(library.documents().unwrap().len(), 1);

    // A second correction adds to the first; both outlive the next version.
    edit(
        &mut library,
        replaced.document,
        DocumentEdit {
            date: Some("2022-07-26".into()),
            ..DocumentEdit::default()
        },
    );
    fs::write(
        &file,
        SMALL_TRANSCRIPT.replace("Ghana supports", "Ghana strongly supports"),
    )
    .unwrap();
    let third = import_one(&mut library, &file).unwrap().document;
    let now = library.document(third).unwrap();
    assert_eq!(
        (
            now.title.as_str(),
            now.meeting.as_deref(),
            now.date.as_deref()
        ),
        (
            "Fourth session, third meeting",
            Some("3rd meeting"),
            Some("2022-07-26")
        )
    );
    assert_eq!(now.corrected, ["title", "meeting", "date"]);
    assert!(library.check().unwrap().is_empty(), "the index is current");
}

#[test]
fn corrected_process_and_session_are_searched_and_tagged_by() {
    let dir = temp_dir();
    let work = temp_dir();
    let file = work.path().join("meeting.txt");
    fs::write(&file, SMALL_TRANSCRIPT).unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let doc = import_one(&mut library, &file).unwrap().document;
    let themes = |library: &Library, doc| -> Vec<String> {
        let mut t: Vec<String> = library
            .tags(None, Some(doc), None, Some(plenary::TagOrigin::Auto))
            .unwrap()
            .into_iter()
            .map(|t| t.theme)
            .collect();
        t.dedup();
        t
    };
    assert!(themes(&library, doc).contains(&"capacity-building".to_string()));

    // A new process by KEY=NAME, and a session by name, in one edit.
    let edited = edit(
        &mut library,
        doc,
        DocumentEdit {
            process: Some("consultations-2026=Informal consultations 2026".into()),
            session: Some("spring round".into()),
            ..DocumentEdit::default()
        },
    );
    assert_eq!(
        (
            edited.process.as_deref(),
            edited.session.as_deref(),
            edited.meeting.as_deref()
        ),
        (
            Some("Informal consultations 2026"),
            Some("spring round"),
            Some("2nd meeting")
        ),
        "the meeting moves with its session"
    );
    let search = |library: &Library, query: &str| {
        library
            .search(&plenary::index::search::SearchRequest {
                query: query.into(),
                ..Default::default()
            })
            .unwrap()
            .total
    };
    assert_eq!(search(&library, "Norway session:\"spring round\""), 2);
    assert_eq!(search(&library, "Norway session:4"), 0);
    // Outside an ICT process a theme needs ICT words, which this text lacks.
    assert!(
        themes(&library, doc).is_empty(),
        "{:?}",
        themes(&library, doc)
    );

    // The replacing version is placed, searched and tagged the same way.
    fs::write(
        &file,
        SMALL_TRANSCRIPT.replace("Norway welcomes", "Norway warmly welcomes"),
    )
    .unwrap();
    let doc = import_one(&mut library, &file).unwrap().document;
    let now = library.document(doc).unwrap();
    assert_eq!(
        (now.process.as_deref(), now.session.as_deref()),
        (Some("Informal consultations 2026"), Some("spring round"))
    );
    assert_eq!(search(&library, "warmly session:\"spring round\""), 1);
    assert!(
        themes(&library, doc).is_empty(),
        "{:?}",
        themes(&library, doc)
    );
    // The key is known now: it can be given alone.
    assert!(library.processes().unwrap().contains(&plenary::Process {
        key: "consultations-2026".into(),
        name: "Informal consultations 2026".into(),
    }));
    edit(
        &mut library,
        doc,
        DocumentEdit {
            process: Some("consultations-2026".into()),
            session: Some("2".into()),
            ..DocumentEdit::default()
        },
    );
    assert_eq!(
        library.document(doc).unwrap().session.as_deref(),
        Some("2nd session")
    );
}

#[test]
fn bad_document_edits_are_clear_errors_and_change_nothing() {
    let dir = temp_dir();
    let work = temp_dir();
    let file = work.path().join("meeting.txt");
    fs::write(&file, SMALL_TRANSCRIPT).unwrap();
    // A record that names no process, session or meeting.
    let plain = work.path().join("plain.txt");
    fs::write(
        &plain,
        "Informal exchange\nThis is an unofficial transcript\n\nChair\n\nGood morning. I give the floor to Ghana.\n\nGhana\n\nThank you, Chair. Ghana has nothing to add.\n",
    )
    .unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let doc = import_one(&mut library, &file).unwrap().document;
    let bare = import_one(&mut library, &plain).unwrap().document;
    assert_eq!(library.document(bare).unwrap().process, None);
    let before = library.documents().unwrap();

    let cases: Vec<(i64, DocumentEdit, &str, &[&str])> = vec![
        (
            doc,
            DocumentEdit {
                title: Some("   ".into()),
                ..Default::default()
            },
            "invalid_edit",
            &["title", "it is empty"],
        ),
        (
            doc,
            DocumentEdit {
                date: Some("2022-02-30".into()),
                ..Default::default()
            },
            "invalid_edit",
            &["\"2022-02-30\"", "no such day", "YYYY-MM-DD"],
        ),
        (
            doc,
            DocumentEdit {
                date: Some("26 July 2022".into()),
                ..Default::default()
            },
            "invalid_edit",
            &["not a date in the form YYYY-MM-DD"],
        ),
        (
            doc,
            DocumentEdit {
                meeting: Some(0),
                ..Default::default()
            },
            "invalid_edit",
            &["meeting", "numbered from 1"],
        ),
        (
            doc,
            DocumentEdit {
                process: Some("global-mechanism".into()),
                ..Default::default()
            },
            "unknown_process",
            &["\"global-mechanism\"", "oewg-2021-2025", "KEY=NAME"],
        ),
        (
            doc,
            DocumentEdit {
                process: Some("oewg-2021-2025=Another name".into()),
                ..Default::default()
            },
            "invalid_edit",
            &["already has the process oewg-2021-2025"],
        ),
        (
            bare,
            DocumentEdit {
                meeting: Some(2),
                ..Default::default()
            },
            "invalid_edit",
            &["no session", "--session"],
        ),
        (
            bare,
            DocumentEdit {
                title: Some("Informal exchange".into()),
                session: Some("3".into()),
                ..Default::default()
            },
            "invalid_edit",
            &["no process", "--process"],
        ),
        (
            999_999,
            DocumentEdit {
                title: Some("Anything".into()),
                ..Default::default()
            },
            "not_found",
            &["document 999999 does not exist"],
        ),
        // A valid title with a bad meeting: nothing at all is changed.
        (
            doc,
            DocumentEdit {
                title: Some("A good title".into()),
                meeting: Some(-1),
                ..Default::default()
            },
            "invalid_edit",
            &["meeting"],
        ),
    ];
    for (id, bad, code, words) in cases {
        let err = library.edit_document(id, bad.clone()).unwrap_err();
        assert_eq!(err.code(), code, "{bad:?}: {err}");
        assert!(err.is_user_error(), "{err}");
        let message = err.to_string();
        assert_eq!(message.lines().count(), 1, "{message}");
        for word in words {
            assert!(message.contains(word), "{bad:?}: {message} lacks {word:?}");
        }
        assert_eq!(
            library.documents().unwrap(),
            before,
            "{bad:?} changed a document"
        );
    }

    // Given together, a process, session and meeting place a bare document.
    let placed = edit(
        &mut library,
        bare,
        DocumentEdit {
            process: Some("oewg-2021-2025".into()),
            session: Some("4".into()),
            meeting: Some(1),
            ..Default::default()
        },
    );
    assert_eq!(
        (
            placed.process.as_deref(),
            placed.session.as_deref(),
            placed.meeting.as_deref()
        ),
        (
            Some("OEWG 2021–2025"),
            Some("4th substantive session"),
            Some("1st meeting")
        )
    );
}

/// A correction is also found by the bytes it was made on: the same file coming back
/// from another folder, once its document is gone, is corrected again.
#[test]
fn document_correction_follows_the_same_bytes_to_another_path() {
    let dir = temp_dir();
    let work = temp_dir();
    let file = work.path().join("meeting.txt");
    fs::write(&file, SMALL_TRANSCRIPT).unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let doc = import_one(&mut library, &file).unwrap().document;
    edit(
        &mut library,
        doc,
        DocumentEdit {
            title: Some("Corrected title".into()),
            ..DocumentEdit::default()
        },
    );
    drop(library);
    // The document goes (there is no command for it yet), the correction stays.
    let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
    conn.execute("DELETE FROM documents", []).unwrap();
    drop(conn);

    let moved = work.path().join("elsewhere");
    fs::create_dir(&moved).unwrap();
    fs::copy(&file, moved.join("copy.txt")).unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let outcome = import_one(&mut library, &moved.join("copy.txt")).unwrap();
    assert_eq!(outcome.status, ImportStatus::Imported);
    let now = library.document(outcome.document).unwrap();
    assert_eq!(now.title, "Corrected title");
    assert_eq!(now.corrected, ["title"]);

    // Other bytes at another path are not corrected.
    fs::write(
        moved.join("other.txt"),
        SMALL_TRANSCRIPT.replace("Ghana supports", "Ghana also supports"),
    )
    .unwrap();
    let other = import_one(&mut library, &moved.join("other.txt")).unwrap();
    assert_ne!(
        library.document(other.document).unwrap().title,
        "Corrected title"
    );
}

#[test]
fn a_folder_with_links_in_a_loop_imports_what_it_holds_once() {
    let dir = temp_dir();
    let folder = dir.path().join("records");
    fs::create_dir_all(folder.join("inner")).unwrap();
    let source = fixtures().join("transcript.txt");
    fs::copy(&source, folder.join("inner/meeting.txt")).unwrap();
    // Two links that point at each other's folders, and one back to the top.
    std::os::unix::fs::symlink(&folder, folder.join("inner/up")).unwrap();
    std::os::unix::fs::symlink(folder.join("inner"), folder.join("across")).unwrap();
    std::os::unix::fs::symlink(folder.join("nowhere.txt"), folder.join("dangling.txt")).unwrap();
    let files = plenary::import::collect_files(std::slice::from_ref(&folder)).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(&folder).unwrap().display().to_string())
        .collect();
    // The file is reached through the link and directly; the dangling link is listed
    // (its import then fails on its own) and the loop back up is not followed.
    assert_eq!(
        names,
        ["across/meeting.txt", "dangling.txt", "inner/meeting.txt"]
    );
    let mut library = Library::open(dir.path().join("library")).unwrap();
    let results = library
        .import(&[folder], &ImportOptions::default(), |_| {})
        .unwrap();
    let statuses: Vec<bool> = results.iter().map(|(_, r)| r.is_ok()).collect();
    assert_eq!(statuses, [true, false, true]);
    assert_eq!(library.documents().unwrap().len(), 1);
}

#[test]
fn pipes_devices_and_oversized_files_are_refused_without_reading_them() {
    let dir = temp_dir();
    let work = temp_dir();
    let fifo = work.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", work.path().join("zero.txt")).unwrap();
    fs::copy(
        fixtures().join("transcript.txt"),
        work.path().join("meeting.txt"),
    )
    .unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let results = library
        .import(
            &[work.path().to_path_buf()],
            &ImportOptions::default(),
            |_| {},
        )
        .unwrap();
    let seen: Vec<(String, Option<String>)> = results
        .iter()
        .map(|(p, r)| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, r.as_ref().err().map(|e| e.to_string()))
        })
        .collect();
    assert_eq!(seen[0], ("meeting.txt".to_string(), None));
    for (name, err) in &seen[1..] {
        let err = err.as_deref().unwrap_or_default();
        assert!(err.contains("not a regular file"), "{name}: {err}");
    }
    // A file over the limit is refused before it is read whole.
    let big = work.path().join("big");
    fs::create_dir(&big).unwrap();
    fs::write(big.join("big.txt"), "x".repeat(1_000)).unwrap();
    let options = ImportOptions {
        limits: plenary::extract::Limits { max_bytes: 100 },
        ..ImportOptions::default()
    };
    let results = library.import(&[big], &options, |_| {}).unwrap();
    let err = results[0].1.as_ref().unwrap_err();
    assert_eq!(err.code(), "too_large", "{err}");
}

#[test]
fn file_names_that_are_not_utf8_stay_apart() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir();
    let work = temp_dir();
    let text = fs::read_to_string(fixtures().join("transcript.txt")).unwrap();
    let names: [&[u8]; 2] = [b"meeting-\xff.txt", b"meeting-\xfe.txt"];
    for (i, name) in names.iter().enumerate() {
        let path = work.path().join(std::ffi::OsStr::from_bytes(name));
        fs::write(path, format!("{text}\nVersion {i}.\n")).unwrap();
    }
    let mut library = Library::open(dir.path()).unwrap();
    let results = library
        .import(
            &[work.path().to_path_buf()],
            &ImportOptions::default(),
            |_| {},
        )
        .unwrap();
    for (path, result) in &results {
        let outcome = result.as_ref().unwrap();
        assert_eq!(outcome.status, ImportStatus::Imported, "{}", path.display());
    }
    let documents = library.documents().unwrap();
    assert_eq!(documents.len(), 2);
    assert!(documents
        .iter()
        .any(|d| d.source_path.ends_with("meeting-\\xFF.txt")));
}

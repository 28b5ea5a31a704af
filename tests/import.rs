//! Importing through the library and the CLI: idempotence, replacement, human work,
//! bad inputs, and the real corpus.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use plenary::import::{ImportOptions, ImportStatus};
use plenary::{Error, Library};

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
    let err = library.fix_speaker(id, "Frnace").unwrap_err().to_string();
    assert!(err.contains("did you mean France"), "{err}");
    let err = library
        .fix_speaker(999_999, "France")
        .unwrap_err()
        .to_string();
    assert!(err.contains("statement 999999 does not exist"), "{err}");
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
        "--format",
    ] {
        assert!(err.contains(known), "{err}");
    }
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

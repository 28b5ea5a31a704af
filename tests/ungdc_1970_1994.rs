//! The General Debate of 1970–1994 (`../shared/corpus/ungdc-1970-1994`): speeches by
//! States of their time — the Soviet Union, Yugoslavia, Czechoslovakia, the German
//! Democratic Republic, Democratic Yemen — import with those States as speakers.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use plenary::import::ImportOptions;
use plenary::Library;

use crate::common::{corpus, temp_dir, ungdc_speaker_key};

/// Acceptance: the General Debate speeches of one session a decade — 1975, 1985 and
/// 1992 — import, each statement attributed to the State of its time its file names:
/// former States (Yugoslavia, Czechoslovakia, the German Democratic Republic,
/// Democratic Yemen) by their own codes, the Soviet Union's speeches, filed under `RUS`,
/// to the Union until it ended. Every file's code is checked, more cheaply, by
/// `gazetteer::every_ungdc_1970_1994_code_names_the_state_of_its_year`; the whole
/// corpus (3,568 files) by `bench_import` (`docs/benchmarks.md` records its count of
/// failed files).
#[test]
fn ungdc_1970_1994_sessions_import_with_the_state_of_their_time() {
    let Some(corpus) = corpus() else { return };
    let old = corpus.join("ungdc-1970-1994");
    let sessions = [
        "Session 30 - 1975",
        "Session 40 - 1985",
        "Session 47 - 1992",
    ];
    let imported = import_ungdc_1970_1994(&sessions.map(|s| old.join(s)));
    assert_eq!(imported, 126 + 137 + 167);
}

/// Imports `paths` into a new library and checks every statement's speaker against
/// the file's name (`ungdc_speaker_key`); returns how many files were imported.
fn import_ungdc_1970_1994(paths: &[PathBuf]) -> usize {
    let dir = temp_dir();
    let mut library = Library::open(dir.path()).unwrap();
    let started = std::time::Instant::now();
    let results = library
        .import(paths, &ImportOptions::default(), |_| {})
        .unwrap();
    eprintln!(
        "imported {} files in {:.1?}",
        results.len(),
        started.elapsed()
    );
    let failed: Vec<String> = results
        .iter()
        .filter_map(|(p, r)| r.as_ref().err().map(|e| format!("{}: {e}", p.display())))
        .collect();
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );

    let names: HashMap<String, String> = library
        .actors(None)
        .unwrap()
        .into_iter()
        .map(|a| (a.key, a.name))
        .collect();
    let expected: HashMap<i64, &str> = library
        .documents()
        .unwrap()
        .iter()
        .map(|d| {
            let file = Path::new(&d.source_path).file_name().unwrap();
            let key = ungdc_speaker_key(file.to_str().unwrap()).unwrap();
            (d.id, names[&key].as_str())
        })
        .collect();
    let statements = library.statements(None, None, None, None).unwrap();
    let wrong: Vec<String> = statements
        .iter()
        .filter(|s| s.speaker.as_deref() != Some(expected[&s.document]) || s.method != "file_name")
        .take(10)
        .map(|s| {
            format!(
                "statement {} of document {}: {:?}",
                s.id, s.document, s.speaker
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let speakers: BTreeSet<_> = statements
        .iter()
        .filter_map(|s| s.speaker.as_deref())
        .collect();
    for state in [
        "Union of Soviet Socialist Republics",
        "Yugoslavia",
        "Czechoslovakia",
        "German Democratic Republic",
        "Democratic Yemen",
        "Russian Federation",
    ] {
        assert!(speakers.contains(state), "no statement by {state}");
    }
    results.len()
}

//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod gold;

/// The small fixtures of the formats (`tests/fixtures/formats`).
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

/// A new library holding the small fixtures, every one imported.
pub fn fixtures_library() -> (tempfile::TempDir, plenary::Library) {
    let dir = temp_dir();
    let mut library = plenary::Library::open(dir.path()).unwrap();
    let options = plenary::ImportOptions::default();
    let results = library.import(&[fixtures()], &options, |_| {}).unwrap();
    assert!(results.iter().all(|(_, r)| r.is_ok()), "{results:?}");
    (dir, library)
}

/// A fresh temporary directory for a library.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("create a temporary directory")
}

/// The corpus shared beside the project (`../shared/corpus`). In CI (`CI=true`) a
/// missing corpus fails the test; elsewhere the test is skipped with a notice.
pub fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!(
            "the corpus {} is missing; CI needs ../shared/corpus",
            dir.display()
        );
    }
    eprintln!("skipped: {} is missing", dir.display());
    None
}

/// Runs the `plenary` binary with `args` on the library in `library`.
pub fn plenary(library: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("PLENARY_LIBRARY")
        .output()
        .expect("run the plenary binary")
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The actor key a UN General Debate Corpus file stands for, read from its name
/// (`YUG_45_1990.txt`): the code in it, except that the corpus files the Soviet Union's
/// speeches under `RUS` until the Union ended (1991). Written out here, apart from the
/// gazetteer, so the tests check the resolver against an independent reading.
pub fn ungdc_speaker_key(file_name: &str) -> Option<String> {
    let mut parts = file_name.strip_suffix(".txt")?.split('_');
    let (code, _session, year) = (parts.next()?, parts.next()?, parts.next()?);
    let year: i32 = year.parse().ok()?;
    Some(if code == "RUS" && year <= 1991 {
        "SUN".to_string()
    } else {
        code.to_string()
    })
}

/// Every `.txt` file under `dir`, one folder deep (`Session NN - YYYY/FILE.txt`).
pub fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a corpus folder")
        .flat_map(|session| std::fs::read_dir(session.unwrap().path()).unwrap())
        .map(|file| file.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

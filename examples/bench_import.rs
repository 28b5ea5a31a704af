//! Import throughput on the UN General Debate corpus, against baselines measured in
//! the same run: reading the raw files, and a grep-like scan of them.
//!
//! Run: `cargo run --release --example bench_import -- ../shared/corpus/ungdc`

use std::path::PathBuf;
use std::time::Instant;

use plenary::extract::{self, Limits};
use plenary::formats::{self};
use plenary::import::{collect_files, ImportOptions};
use plenary::Library;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpus/ungdc".into()),
    );
    let files = collect_files(std::slice::from_ref(&dir))?;
    let mb = |bytes: u64| bytes as f64 / 1_000_000.0;

    // Baseline 1: read every file.
    let start = Instant::now();
    let mut bytes = 0u64;
    let mut contents = Vec::with_capacity(files.len());
    for f in &files {
        let b = std::fs::read(f)?;
        bytes += b.len() as u64;
        contents.push(b);
    }
    let read = start.elapsed().as_secs_f64();

    // Baseline 2: a grep-like scan (lines containing "cyber", case-insensitive).
    let start = Instant::now();
    let mut hits = 0usize;
    for b in &contents {
        for line in b.split(|&c| c == b'\n') {
            if line.windows(5).any(|w| w.eq_ignore_ascii_case(b"cyber")) {
                hits += 1;
            }
        }
    }
    let grep = start.elapsed().as_secs_f64();

    // Plenary: extract, detect and parse only.
    let tmp = tempfile::tempdir()?;
    let library = Library::open(tmp.path().join("parse-only"))?;
    let start = Instant::now();
    let mut statements = 0usize;
    for (f, b) in files.iter().zip(&contents) {
        let text = extract::extract(f, b, &Limits::default())?.text;
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let kind = formats::detect(&text, name).ok_or("undetected")?;
        statements += formats::parse(kind, &text, name, library.resolver())?
            .statements
            .len();
    }
    let parse = start.elapsed().as_secs_f64();

    // Plenary: the whole import into a fresh library (parse + resolve + SQLite).
    let mut library = Library::open(tmp.path().join("library"))?;
    let start = Instant::now();
    let results = library.import(
        std::slice::from_ref(&dir),
        &ImportOptions::default(),
        |_| {},
    )?;
    let import = start.elapsed().as_secs_f64();
    let failed = results.iter().filter(|(_, r)| r.is_err()).count();

    println!(
        "files: {}, {:.1} MB, {statements} statements, {failed} failed, {hits} grep hits",
        files.len(),
        mb(bytes)
    );
    println!(
        "{:<34} {:>9} {:>10} {:>12}",
        "stage", "seconds", "MB/s", "× baseline"
    );
    for (name, secs) in [
        ("read raw files (baseline)", read),
        ("grep-like scan (baseline)", grep),
        ("plenary parse only", parse),
        ("plenary import (parse + store)", import),
    ] {
        println!(
            "{name:<34} {secs:>9.3} {:>10.1} {:>12.1}",
            mb(bytes) / secs,
            secs / grep
        );
    }
    Ok(())
}

//! Import throughput on the UN General Debate corpus, against baselines measured in
//! the same run: reading the raw files, a grep-like scan of them, and a bare tantivy
//! indexing loop over the statements' text.
//!
//! Run: `cargo run --release --example bench_import -- ../shared/corpus/ungdc [MORE…]`

// Only the memory measurement is used here.
#[allow(dead_code)]
#[path = "support/measure.rs"]
mod measure;

use std::path::PathBuf;
use std::time::Instant;

use measure::peak_rss_mb;
use plenary::extract::{self, Limits};
use plenary::formats::{self};
use plenary::import::{collect_files, ImportOptions};
use plenary::Library;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        dirs.push("../shared/corpus/ungdc".into());
    }
    let files = collect_files(&dirs)?;
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
    let mut texts: Vec<String> = Vec::new();
    for (f, b) in files.iter().zip(&contents) {
        let text = extract::extract(f, b, &Limits::default())?.text;
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let Some(kind) = formats::detect(&text, name) else {
            continue;
        };
        if let Ok(parsed) = formats::parse(kind, &text, name, library.resolver()) {
            texts.extend(parsed.statements.into_iter().map(|s| s.text));
        }
    }
    let parse = start.elapsed().as_secs_f64();
    let statements = texts.len();

    // Baseline 3: a bare tantivy loop — one text field, the default tokenizer, the
    // same writer threads and memory as Plenary's, one commit.
    let cpu_before = cpu_seconds();
    let bare = bare_tantivy(&tmp.path().join("bare"), &texts)?;
    let bare_cpu = cpu_seconds() - cpu_before;
    drop(texts);

    // Plenary: the whole import into a fresh library (parse + resolve + SQLite).
    let mut library = Library::open(tmp.path().join("library"))?;
    let start = Instant::now();
    let cpu_before = cpu_seconds();
    let results = library.import(&dirs, &ImportOptions::default(), |_| {})?;
    let import = start.elapsed().as_secs_f64();
    let import_cpu = cpu_seconds() - cpu_before;
    let failed = results.iter().filter(|(_, r)| r.is_err()).count();

    println!(
        "files: {}, {:.1} MB, {statements} statements, {failed} failed, {hits} grep hits",
        files.len(),
        mb(bytes)
    );
    println!(
        "{:<44} {:>9} {:>10} {:>10} {:>10}",
        "stage", "seconds", "MB/s", "× grep", "× tantivy"
    );
    for (name, secs) in [
        ("read raw files (baseline)", read),
        ("grep-like scan (baseline)", grep),
        ("bare tantivy loop (baseline)", bare),
        ("plenary parse only", parse),
        ("plenary import (parse + tag + store + index)", import),
    ] {
        println!(
            "{name:<44} {secs:>9.3} {:>10.1} {:>10.1} {:>10.2}",
            mb(bytes) / secs,
            secs / grep,
            secs / bare
        );
    }
    println!(
        "import throughput / bare tantivy throughput: {:.2}; peak resident memory of this process: {} MB",
        bare / import,
        peak_rss_mb()
    );
    println!(
        "CPU time (all threads): bare tantivy loop {bare_cpu:.2} s, import {import_cpu:.2} s ({:.2}×)",
        import_cpu / bare_cpu
    );
    Ok(())
}

/// Seconds to index `texts` with tantivy alone into a new index in `dir`.
fn bare_tantivy(
    dir: &std::path::Path,
    texts: &[String],
) -> Result<f64, Box<dyn std::error::Error>> {
    use tantivy::schema::{Schema, TEXT};
    std::fs::create_dir_all(dir)?;
    let mut schema = Schema::builder();
    let text = schema.add_text_field("text", TEXT);
    let index = tantivy::Index::create_in_dir(dir, schema.build())?;
    let start = Instant::now();
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(2, 60_000_000)?;
    for t in texts {
        writer.add_document(tantivy::doc!(text => t.as_str()))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(start.elapsed().as_secs_f64())
}

/// CPU seconds this process has used so far, all threads, user and system.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which ends with ')'): utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

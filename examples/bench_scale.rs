//! Plenary at a million statements, built from the real General Debate corpora: the
//! speeches as they are (`ungdc/` and `ungdc-1970-1994/`, about a quarter of a million
//! statements), then copies of them whose paragraphs are shuffled and whose file names
//! move them to other sessions, so no two documents are the same bytes, until the
//! library holds the number of statements asked for.
//!
//! Run: `cargo run --release --example bench_scale -- ../shared/corpus [STATEMENTS]`
//! (with `BENCH_SCALE_KEEP=DIR`, the library is built in DIR, which must not exist,
//! and kept there for profiling).
//!
//! It reports, each against a baseline measured in the same run where one exists:
//! import MB/s and the process's peak resident memory after the real speeches and after
//! the whole library; the library's size on disk against the text it holds; search
//! p50/p99/max over `bench_search`'s query classes with SQLite FTS5 over the same
//! statements; the matrix of every actor × every theme against a bare SQL GROUP BY;
//! opening the library; `check`.

#[path = "support/measure.rs"]
mod measure;
#[path = "support/search_suite.rs"]
mod search_suite;

use std::path::{Path, PathBuf};
use std::time::Instant;

use measure::{peak_rss_mb, Matrix};
use plenary::import::{collect_files, ImportOptions};
use plenary::Library;
use rusqlite::Connection;

type Error = Box<dyn std::error::Error>;

/// Search repetitions per query and engine.
const REPEATS: usize = 15;

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let corpus = PathBuf::from(args.next().unwrap_or_else(|| "../shared/corpus".into()));
    let target: i64 = match args.next() {
        Some(n) => n.parse()?,
        None => 1_000_000,
    };
    let real = [corpus.join("ungdc"), corpus.join("ungdc-1970-1994")];
    let tmp = tempfile::tempdir()?;
    let dir = match std::env::var_os("BENCH_SCALE_KEEP") {
        Some(keep) if Path::new(&keep).exists() => {
            return Err(format!("BENCH_SCALE_KEEP: {keep:?} exists; name a new folder").into())
        }
        Some(keep) => PathBuf::from(keep),
        None => tmp.path().join("library"),
    };
    let mut library = Library::open(&dir)?;

    let sampler = Sampler::start();

    // The real speeches.
    let started = Instant::now();
    let bytes = bytes_of(&real)?;
    let (files, failed) = import(&mut library, &real)?;
    let real_secs = started.elapsed().as_secs_f64();
    let real_statements = statement_count(&dir)?;
    let real_rss = peak_rss_mb();
    let (real_anon, real_file) = sampler.take();
    eprintln!("real speeches: {files} files, {real_statements} statements, {real_secs:.1} s");

    // Shuffled copies in other sessions, round after round.
    let rounds = ((target as f64 / real_statements.max(1) as f64).ceil() as usize).max(1) - 1;
    let copies_dir = tmp.path().join("copies");
    let mut copy_bytes = 0u64;
    let (mut copy_files, mut copy_failed, mut copy_secs) = (0, failed, 0.0);
    for round in 1..=rounds {
        let out = copies_dir.join(format!("round-{round}"));
        copy_bytes += write_copies(&real, &out, round)?;
        let started = Instant::now();
        let (n, f) = import(&mut library, std::slice::from_ref(&out))?;
        copy_secs += started.elapsed().as_secs_f64();
        copy_files += n;
        copy_failed += f;
        eprintln!("round {round}: {} statements", statement_count(&dir)?);
        std::fs::remove_dir_all(&out)?;
    }
    let statements = statement_count(&dir)?;
    let all_rss = peak_rss_mb();
    let (copies_anon, copies_file) = sampler.take();
    let mb = |b: u64| b as f64 / 1_000_000.0;

    println!("## Import");
    println!("| stage | files | statements | MB | seconds | MB/s | peak RSS after (MB) | peak anonymous / file-backed during (MB) |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    println!(
        "| real speeches | {files} | {real_statements} | {:.1} | {real_secs:.1} | {:.1} | {real_rss} | {real_anon} / {real_file} |",
        mb(bytes),
        mb(bytes) / real_secs
    );
    println!(
        "| shuffled copies ({rounds} rounds) | {copy_files} | {} | {:.1} | {copy_secs:.1} | {:.1} | {all_rss} | {copies_anon} / {copies_file} |",
        statements - real_statements,
        mb(copy_bytes),
        mb(copy_bytes) / copy_secs.max(1e-9)
    );
    println!(
        "files failed: {copy_failed}; peak RSS at {statements} statements ÷ at {real_statements}: {:.2}",
        all_rss as f64 / real_rss.max(1) as f64
    );

    // Size on disk against the text held.
    drop(library);
    let text_bytes: i64 = Connection::open(dir.join("library.sqlite3"))?.query_row(
        "SELECT sum(length(CAST(text AS BLOB))) FROM statements",
        [],
        |r| r.get(0),
    )?;
    let database = size_of(&dir.join("library.sqlite3"))?
        + size_of(&dir.join("library.sqlite3-wal")).unwrap_or(0);
    let index = size_of(&dir.join("index"))?;
    println!("\n## Size on disk");
    println!("| part | MB | × text held |");
    println!("| --- | ---: | ---: |");
    for (part, size) in [
        ("statement text (UTF-8)", text_bytes as u64),
        ("SQLite database", database),
        ("search index", index),
        ("library (database + index)", database + index),
    ] {
        println!(
            "| {part} | {:.1} | {:.2} |",
            mb(size),
            size as f64 / text_bytes as f64
        );
    }

    // Opening, then check.
    let mut opens = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let library = Library::open(&dir)?;
        opens.push(t.elapsed().as_secs_f64() * 1000.0);
        drop(library);
    }
    opens.sort_by(|a, b| a.total_cmp(b));
    let mut library = Library::open(&dir)?;
    let t = Instant::now();
    let problems = library.check()?;
    let check = t.elapsed().as_secs_f64();
    println!("\n## Opening and checking");
    println!(
        "open: median {:.1} ms, max {:.1} ms (5 opens); check: {check:.2} s, {} problems",
        opens[2],
        opens[4],
        problems.len()
    );

    matrix(&library, &dir)?;

    // Search against FTS5 over the same statements.
    let fts = Connection::open(tmp.path().join("fts.sqlite3"))?;
    let t = Instant::now();
    search_suite::build_fts(&fts, &dir.join("library.sqlite3"))?;
    eprintln!("FTS5 built in {:.1} s", t.elapsed().as_secs_f64());
    println!("\n## Search");
    let suite = search_suite::run(&library, &fts, None, REPEATS)?;
    search_suite::print(&suite, statements);
    Ok(())
}

/// The matrix of every speaking actor × every theme, against a bare GROUP BY.
fn matrix(library: &Library, dir: &Path) -> Result<(), Error> {
    let m = measure::matrix(library, &dir.join("library.sqlite3"), 10)?;
    println!("\n## Matrix of every actor × theme");
    println!(
        "{} cells ({} themes, {} tags): p50 {:.1} ms, max {:.1} ms; bare SQLite GROUP BY p50 {:.1} ms",
        m.cells,
        m.themes,
        m.tags,
        Matrix::p50(&m.plenary),
        Matrix::max(&m.plenary),
        Matrix::p50(&m.baseline)
    );
    Ok(())
}

/// Imports `dirs`: files seen and files that failed.
fn import(library: &mut Library, dirs: &[PathBuf]) -> Result<(usize, usize), Error> {
    let results = library.import(dirs, &ImportOptions::default(), |_| {})?;
    let failed = results.iter().filter(|(_, r)| r.is_err()).count();
    for (path, result) in &results {
        if let Err(e) = result {
            eprintln!("failed: {}: {e}", path.display());
        }
    }
    Ok((results.len(), failed))
}

/// Writes round `round`'s copy of every speech under `dirs` into `out`: its paragraphs
/// shuffled (the same way for a given file and round), the file moved to another
/// session. Returns the bytes written.
fn write_copies(dirs: &[PathBuf], out: &Path, round: usize) -> Result<u64, Error> {
    std::fs::create_dir_all(out)?;
    let mut written = 0u64;
    for file in collect_files(dirs)? {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let Some((code, year)) = parts(name) else {
            continue;
        };
        let year = other_year(year, round);
        let text = std::fs::read_to_string(&file)?;
        let mut lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        shuffle(&mut lines, seed(name, round));
        let copy = lines.join("\n") + "\n";
        // Each session's folder apart: two speeches of one country can land in one year.
        let folder = file.parent().and_then(Path::file_name).unwrap_or_default();
        let target = out.join(folder);
        std::fs::create_dir_all(&target)?;
        let target = target.join(format!("{code}_{}_{year}.txt", year - 1945));
        written += copy.len() as u64;
        std::fs::write(target, copy)?;
    }
    Ok(written)
}

/// `FRA_70_2015.txt` → ("FRA", 2015).
fn parts(name: &str) -> Option<(&str, i64)> {
    let stem = name.strip_suffix(".txt")?;
    let mut it = stem.split('_');
    let code = it.next()?;
    let _session = it.next()?;
    let year = it.next()?.parse().ok()?;
    Some((code, year))
}

/// The year a copy moves to: speeches since 2015 move forward nine years a round
/// (2024–2059); older ones move back 25 years (1945–1969), where the States of their
/// time still fit (the Soviet Union, Yugoslavia, … are known until they ended).
fn other_year(year: i64, round: usize) -> i64 {
    if year >= 2015 {
        year + 9 * round as i64
    } else {
        year - 25
    }
}

/// A seed from a file name and a round (FNV-1a).
fn seed(name: &str, round: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes().chain(round.to_le_bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h | 1
}

/// Fisher–Yates with xorshift64.
fn shuffle<T>(items: &mut [T], mut state: u64) {
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

fn statement_count(dir: &Path) -> Result<i64, Error> {
    let conn = Connection::open(dir.join("library.sqlite3"))?;
    Ok(conn.query_row("SELECT count(*) FROM statements", [], |r| r.get(0))?)
}

fn bytes_of(dirs: &[PathBuf]) -> Result<u64, Error> {
    let mut total = 0;
    for f in collect_files(dirs)? {
        total += std::fs::metadata(f)?.len();
    }
    Ok(total)
}

/// Bytes of a file, or of every file under a folder.
fn size_of(path: &Path) -> Result<u64, Error> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_dir() {
        return Ok(meta.len());
    }
    let mut total = 0;
    for entry in std::fs::read_dir(path)? {
        total += size_of(&entry?.path())?;
    }
    Ok(total)
}

/// Samples the process's anonymous and file-backed resident memory (RssAnon, RssFile)
/// every 20 ms, to tell memory Plenary holds from index files mapped in.
struct Sampler {
    peaks: std::sync::Arc<std::sync::Mutex<(u64, u64)>>,
}

impl Sampler {
    fn start() -> Sampler {
        let peaks = std::sync::Arc::new(std::sync::Mutex::new((0, 0)));
        let shared = peaks.clone();
        std::thread::spawn(move || loop {
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let kb = |key: &str| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix(key))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                    .unwrap_or(0)
            };
            let (anon, file) = (kb("RssAnon:") / 1024, kb("RssFile:") / 1024);
            if let Ok(mut p) = shared.lock() {
                p.0 = p.0.max(anon);
                p.1 = p.1.max(file);
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        });
        Sampler { peaks }
    }

    /// The peaks since the last call, in MB.
    fn take(&self) -> (u64, u64) {
        self.peaks
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or((0, 0))
    }
}

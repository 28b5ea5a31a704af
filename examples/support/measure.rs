//! Measurements shared by the benchmarks: the matrix against a bare GROUP BY, and the
//! process's peak memory.

use std::path::Path;
use std::time::Instant;

use plenary::store::positions::PositionFilter;
use plenary::Library;

type Error = Box<dyn std::error::Error>;

/// Timings of the matrix of every speaking actor × every theme and of a bare SQLite
/// GROUP BY over the same tags, `runs` each after a warm-up, sorted (milliseconds).
pub struct Matrix {
    pub cells: usize,
    pub themes: usize,
    pub tags: i64,
    pub plenary: Vec<f64>,
    pub baseline: Vec<f64>,
}

impl Matrix {
    /// The median of sorted timings.
    pub fn p50(timings: &[f64]) -> f64 {
        timings.get(timings.len() / 2).copied().unwrap_or(0.0)
    }

    pub fn max(timings: &[f64]) -> f64 {
        timings.last().copied().unwrap_or(0.0)
    }
}

/// Times the matrix of `library` (whose database is `database`) `runs` times.
pub fn matrix(library: &Library, database: &Path, runs: usize) -> Result<Matrix, Error> {
    let themes: Vec<String> = library.themes()?.into_iter().map(|t| t.key).collect();
    let filter = PositionFilter::default();
    let cells = library.matrix(&themes, None, &filter)?.len(); // warm up, and loaded
    let mut plenary = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(library.matrix(&themes, None, &filter)?);
        plenary.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let conn = rusqlite::Connection::open(database)?;
    let sql = "SELECT s.speaker_id, t.theme_id, t.stance, count(*), min(d.date), max(d.date)
               FROM tags t JOIN statements s ON s.id = t.statement_id JOIN documents d ON d.id = s.document_id
               GROUP BY s.speaker_id, t.theme_id, t.stance";
    let mut baseline = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let mut stmt = conn.prepare_cached(sql)?;
        let rows: Vec<(Option<i64>, i64, String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        std::hint::black_box(rows);
        baseline.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    plenary.sort_by(|a, b| a.total_cmp(b));
    baseline.sort_by(|a, b| a.total_cmp(b));
    let tags: i64 = conn.query_row("SELECT count(*) FROM tags", [], |r| r.get(0))?;
    Ok(Matrix {
        cells,
        themes: themes.len(),
        tags,
        plenary,
        baseline,
    })
}

/// The process's peak resident memory so far (VmHWM), in MB.
pub fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

//! `plenary matrix` over every actor and every theme on the UN General Debate corpus,
//! against a bare SQLite GROUP BY over the same tags, measured in the same run.
//!
//! Run: `cargo run --release --example bench_matrix -- ../shared/corpus/ungdc`

use std::path::PathBuf;
use std::time::Instant;

use plenary::import::ImportOptions;
use plenary::store::positions::PositionFilter;
use plenary::Library;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpus/ungdc".into()),
    );
    let tmp = tempfile::tempdir()?;
    let mut library = Library::open(tmp.path())?;
    library.import(&[dir], &ImportOptions::default(), |_| {})?;
    let themes: Vec<String> = library.themes()?.into_iter().map(|t| t.key).collect();
    let filter = PositionFilter::default();

    let cells = library.matrix(&themes, None, &filter)?.len(); // warm up, and loaded
    let mut plenary = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        std::hint::black_box(library.matrix(&themes, None, &filter)?);
        plenary.push(t.elapsed().as_secs_f64() * 1000.0);
    }

    let conn = rusqlite::Connection::open(tmp.path().join("library.sqlite3"))?;
    let sql = "SELECT s.speaker_id, t.theme_id, t.stance, count(*), min(d.date), max(d.date)
               FROM tags t JOIN statements s ON s.id = t.statement_id JOIN documents d ON d.id = s.document_id
               GROUP BY s.speaker_id, t.theme_id, t.stance";
    let mut baseline = Vec::new();
    for _ in 0..20 {
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
    println!(
        "{cells} cells ({} themes × actors), {tags} tags",
        themes.len()
    );
    println!(
        "plenary matrix: p50 {:.2} ms, max {:.2} ms",
        plenary[10], plenary[19]
    );
    println!(
        "bare SQLite GROUP BY: p50 {:.2} ms ({:.1}× faster than the matrix)",
        baseline[10],
        plenary[10] / baseline[10]
    );
    Ok(())
}

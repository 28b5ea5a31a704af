//! `plenary matrix` over every actor and every theme on the UN General Debate corpus,
//! against a bare SQLite GROUP BY over the same tags, measured in the same run.
//!
//! Run: `cargo run --release --example bench_matrix -- ../shared/corpus/ungdc`, or
//! `-- --library DIR` to time an existing library (one `bench_scale` kept).

#[path = "support/measure.rs"]
mod measure;

use std::path::PathBuf;

use plenary::import::ImportOptions;
use plenary::Library;

use measure::Matrix;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tmp = tempfile::tempdir()?;
    let at = match args.as_slice() {
        [flag, existing] if flag == "--library" => PathBuf::from(existing),
        _ => {
            let dir = args
                .first()
                .map_or("../shared/corpus/ungdc", String::as_str);
            let mut library = Library::open(tmp.path())?;
            library.import(&[PathBuf::from(dir)], &ImportOptions::default(), |_| {})?;
            tmp.path().to_path_buf()
        }
    };
    let library = Library::open(&at)?;
    let m = measure::matrix(&library, &at.join("library.sqlite3"), 20)?;
    println!(
        "{} cells ({} themes × actors), {} tags",
        m.cells, m.themes, m.tags
    );
    println!(
        "plenary matrix: p50 {:.2} ms, max {:.2} ms",
        Matrix::p50(&m.plenary),
        Matrix::max(&m.plenary)
    );
    println!(
        "bare SQLite GROUP BY: p50 {:.2} ms ({:.1}× faster than the matrix)",
        Matrix::p50(&m.baseline),
        Matrix::p50(&m.plenary) / Matrix::p50(&m.baseline)
    );
    println!("peak resident memory: {} MB", measure::peak_rss_mb());
    Ok(())
}

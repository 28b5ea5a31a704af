//! Parses one folder's transcripts repeatedly, for a profiler (perf record).
//!
//! Run: `cargo run --release --example profile_parse -- ../shared/corpus/webtv`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpus/webtv".into()),
    );
    let files = plenary::import::collect_files(std::slice::from_ref(&dir))?;
    let tmp = tempfile::tempdir()?;
    let library = plenary::Library::open(tmp.path())?;
    let mut n = 0;
    for _ in 0..3 {
        for f in &files {
            let text = std::fs::read_to_string(f)?;
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if let Some(kind) = plenary::formats::detect(&text, name) {
                n += plenary::formats::parse(kind, &text, name, library.resolver())?
                    .statements
                    .len();
            }
        }
    }
    println!("{n} statements");
    Ok(())
}

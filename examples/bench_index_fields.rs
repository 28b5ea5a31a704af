//! What each text field of the statement index costs to build, against a bare tantivy
//! loop (one field, the default tokenizer) over the same statements, in the same run:
//! where the import's indexing time goes (issue 14).
//!
//! Run: `cargo run --release --example bench_index_fields -- ../shared/corpus/ungdc`

use std::path::{Path, PathBuf};
use std::time::Instant;

use plenary::extract::{self, Limits};
use plenary::formats;
use plenary::import::collect_files;
use plenary::index::analyzer::{
    ExactTokenizer, FoldingTokenizer, PairTokenizer, EXACT, FOLDED, PAIRS,
};
use plenary::Library;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::TextAnalyzer;

type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> Fallible<()> {
    let dirs: Vec<PathBuf> = match std::env::args()
        .skip(1)
        .map(PathBuf::from)
        .collect::<Vec<_>>()
    {
        dirs if dirs.is_empty() => vec!["../shared/corpus/ungdc".into()],
        dirs => dirs,
    };
    let tmp = tempfile::tempdir()?;
    let texts = statements(&dirs, &tmp.path().join("parse"))?;
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} statements, {:.1} MB of text",
        texts.len(),
        bytes as f64 / 1e6
    );
    let cases: [(&str, &[&str]); 6] = [
        ("default tokenizer (baseline)", &["default"]),
        ("folded (text)", &[FOLDED]),
        ("exact (text_exact)", &[EXACT]),
        ("pairs (text_pairs)", &[PAIRS]),
        ("pairs without positions", &["pairs-freqs"]),
        ("all three, as the index has them", &[FOLDED, EXACT, PAIRS]),
    ];
    let mut baseline = None;
    println!(
        "{:<36} {:>9} {:>11} {:>10}",
        "fields", "seconds", "× baseline", "MB on disk"
    );
    for (i, (name, tokenizers)) in cases.iter().enumerate() {
        let dir = tmp.path().join(format!("case-{i}"));
        let secs = index(&dir, &texts, tokenizers)?;
        let base = *baseline.get_or_insert(secs);
        println!(
            "{name:<36} {secs:>9.3} {:>11.2} {:>10.1}",
            secs / base,
            disk_mb(&dir)
        );
    }
    Ok(())
}

/// The statements' text of every file in `dirs`, as the parsers read them.
fn statements(dirs: &[PathBuf], library: &Path) -> Fallible<Vec<String>> {
    let library = Library::open(library)?;
    let mut texts = Vec::new();
    for f in collect_files(dirs)? {
        let bytes = std::fs::read(&f)?;
        let text = extract::extract(&f, &bytes, &Limits::default())?.text;
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let Some(kind) = formats::detect(&text, name) else {
            continue;
        };
        if let Ok(parsed) = formats::parse(kind, &text, name, library.resolver()) {
            texts.extend(parsed.statements.into_iter().map(|s| s.text));
        }
    }
    Ok(texts)
}

/// Seconds to index `texts` into one text field per tokenizer, with positions (but for
/// "pairs-freqs"), with Plenary's writer threads and memory, one commit.
fn index(dir: &Path, texts: &[String], tokenizers: &[&str]) -> Fallible<f64> {
    std::fs::create_dir_all(dir)?;
    let mut schema = Schema::builder();
    let fields: Vec<_> = tokenizers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (tokenizer, record) = match *t {
                "pairs-freqs" => (PAIRS, IndexRecordOption::WithFreqs),
                t => (t, IndexRecordOption::WithFreqsAndPositions),
            };
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(record);
            let options = TextOptions::default().set_indexing_options(indexing);
            schema.add_text_field(&format!("f{i}"), options)
        })
        .collect();
    let index = tantivy::Index::create_in_dir(dir, schema.build())?;
    let registry = index.tokenizers();
    registry.register(FOLDED, TextAnalyzer::from(FoldingTokenizer::default()));
    registry.register(EXACT, TextAnalyzer::from(ExactTokenizer::default()));
    registry.register(PAIRS, TextAnalyzer::from(PairTokenizer::default()));
    let start = Instant::now();
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(2, 60_000_000)?;
    for text in texts {
        let mut doc = tantivy::TantivyDocument::default();
        for field in &fields {
            doc.add_text(*field, text);
        }
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(start.elapsed().as_secs_f64())
}

/// Size of the files in `dir`, in MB.
fn disk_mb(dir: &Path) -> f64 {
    let bytes: u64 = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    bytes as f64 / 1e6
}

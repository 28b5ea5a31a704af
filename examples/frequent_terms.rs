//! The folded terms found in the most statements of a corpus, most frequent first: the
//! list `assets/frequent_terms.txt` is made with (pairs of two of them are indexed as
//! one term, so that a phrase of frequent words needs no position checks).
//!
//! Run: `cargo run --release --example frequent_terms -- ../shared/corpus/ungdc 1000 > assets/frequent_terms.txt`
//!
//! Each non-empty line of a General Debate speech is one statement, as the importer
//! splits them. Standard error gets the share of statements the last term is in.

use std::collections::HashMap;
use std::path::PathBuf;

use plenary::import::collect_files;
use plenary::index::analyzer::FoldingTokenizer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpus/ungdc".into()),
    );
    let keep: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(1000);
    let folding = FoldingTokenizer::default();
    let mut df: HashMap<String, u64> = HashMap::new();
    let mut statements = 0u64;
    for file in collect_files(&[dir])? {
        let text = std::fs::read_to_string(&file)?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            statements += 1;
            let mut terms = folding.terms(line);
            terms.sort();
            terms.dedup();
            for t in terms {
                *df.entry(t).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(String, u64)> = df.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(keep);
    for (term, _) in &ranked {
        println!("{term}");
    }
    if let Some((term, n)) = ranked.last() {
        eprintln!(
            "{statements} statements; the last term kept, {term:?}, is in {n} ({:.2} %)",
            *n as f64 * 100.0 / statements as f64
        );
    }
    Ok(())
}

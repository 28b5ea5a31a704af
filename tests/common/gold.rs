//! Gold standards written by reading (`tests/fixtures/gold/`), and scoring against them.

use std::collections::HashMap;
use std::hash::Hash;
use std::path::PathBuf;

use plenary::themes::Stance;

/// The rows of a gold file: TAB-separated cells, `#` comments (whole lines, or after a
/// TAB at the end of a row) left out.
pub fn gold_rows(name: &str) -> Vec<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gold")
        .join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.split("\t#")
                .next()
                .unwrap_or(l)
                .split('\t')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

/// Precision, recall and F1 of (theme present with the right stance).
pub fn score<K: Hash + Eq + std::fmt::Debug>(
    theme: &str,
    predicted: &HashMap<K, Option<Stance>>,
    gold: &HashMap<K, Option<Stance>>,
) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    let mut misses = Vec::new();
    for (line, g) in gold {
        let p = predicted.get(line).copied().flatten();
        match (p, g) {
            (Some(p), Some(g)) if p == *g => tp += 1.0,
            (Some(p), Some(g)) => {
                fp += 1.0;
                fn_ += 1.0;
                misses.push(format!("{line:?}: {p:?}, gold {g:?}"));
            }
            (Some(p), None) => {
                fp += 1.0;
                misses.push(format!("{line:?}: {p:?}, gold none"));
            }
            (None, Some(g)) => {
                fn_ += 1.0;
                misses.push(format!("{line:?}: none, gold {g:?}"));
            }
            (None, None) => {}
        }
    }
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 1.0 };
    let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 1.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    misses.sort();
    println!("{theme}: precision {precision:.2}, recall {recall:.2}, F1 {f1:.2}");
    for m in misses {
        println!("  miss: {m}");
    }
    (precision, recall, f1)
}

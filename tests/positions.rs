//! Positions: automatic tags against a gold standard, human tags, codebook edits,
//! and comparisons of actors by theme.

use std::collections::HashMap;
use std::path::PathBuf;

use plenary::formats::{self};
use plenary::themes::{Codebook, Stance, Tagger};
use plenary::Library;

use crate::common::{corpus, temp_dir};

fn gold_rows(name: &str) -> Vec<Vec<String>> {
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
fn score(
    theme: &str,
    predicted: &HashMap<usize, Option<Stance>>,
    gold: &HashMap<usize, Option<Stance>>,
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
                misses.push(format!("line {line}: {p:?}, gold {g:?}"));
            }
            (Some(p), None) => {
                fp += 1.0;
                misses.push(format!("line {line}: {p:?}, gold none"));
            }
            (None, Some(g)) => {
                fn_ += 1.0;
                misses.push(format!("line {line}: none, gold {g:?}"));
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

/// Acceptance: automatic PoA and funding tags on seed 001 against the hand-made gold.
#[test]
fn automatic_tags_match_the_gold_standard_of_seed_001() {
    let Some(corpus) = corpus() else { return };
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let file = "001_ac224e70e6e409a6.txt";
    let text = std::fs::read_to_string(corpus.join("seeds").join(file)).unwrap();
    let doc = formats::parse(
        formats::detect(&text, file).unwrap(),
        &text,
        file,
        library.resolver(),
    )
    .unwrap();
    let tagger = Tagger::new(&Codebook::builtin().unwrap());
    let by_line: HashMap<usize, _> = doc.statements.iter().map(|s| (s.line, s)).collect();
    let gold = gold_rows("001_positions.tsv");
    let parse = |v: &str| if v == "none" { None } else { Stance::parse(v) };
    let mut f1s = Vec::new();
    for (theme, column) in [("poa", 2), ("funding", 3)] {
        let mut predicted = HashMap::new();
        let mut expected = HashMap::new();
        for row in &gold {
            let line: usize = row[0].parse().unwrap();
            let statement = by_line
                .get(&line)
                .unwrap_or_else(|| panic!("no statement at line {line}"));
            let tags = tagger.tag(&statement.text, Some("oewg-2021-2025"));
            predicted.insert(
                line,
                tags.iter().find(|t| t.theme == theme).map(|t| t.stance),
            );
            expected.insert(line, parse(&row[column]));
        }
        let (_, _, f1) = score(theme, &predicted, &expected);
        f1s.push((theme, f1));
    }
    for (theme, f1) in f1s {
        assert!(f1 >= 0.85, "{theme}: F1 {f1:.2} is below 0.85");
    }
}

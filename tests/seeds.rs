//! Acceptance: the seed documents parsed against gold standards written by reading
//! them (tests/fixtures/gold/). Each test prints every miss and fails below 95 %.

use std::collections::HashMap;
use std::path::PathBuf;

use plenary::formats::{self, ParsedDocument, SourceType};
use plenary::Library;

use crate::common::{corpus, temp_dir};

/// Rows of a gold TSV: comment lines and end-of-line `\t#` comments removed.
fn gold_rows(name: &str) -> Vec<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gold")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split("\t#").next().unwrap_or(l))
        .map(|l| l.split('\t').map(|c| c.trim().to_string()).collect())
        .collect()
}

fn gold_meta(name: &str) -> toml::Table {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gold")
        .join(name);
    std::fs::read_to_string(&path).unwrap().parse().unwrap()
}

/// Parses a seed, detecting its type.
fn parse_seed(file: &str) -> Option<(ParsedDocument, tempfile::TempDir)> {
    let corpus = corpus()?;
    let path = corpus.join("seeds").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let kind =
        formats::detect(&text, file).unwrap_or_else(|| panic!("{file}: no source type detected"));
    let doc = formats::parse(kind, &text, file, library.resolver()).unwrap();
    Some((doc, dir))
}

/// Compares speakers per line; prints misses; returns the share correct.
fn score(label: &str, doc: &ParsedDocument, gold: &[(usize, String)]) -> f64 {
    let by_line: HashMap<usize, &plenary::formats::document::ParsedStatement> =
        doc.statements.iter().map(|s| (s.line, s)).collect();
    let mut misses = Vec::new();
    for (line, expected) in gold {
        match by_line.get(line) {
            None => misses.push(format!(
                "line {line}: no statement starts here (expected {expected})"
            )),
            Some(s) => {
                let got = s
                    .speaker
                    .name
                    .clone()
                    .or_else(|| s.speaker.label.clone())
                    .unwrap_or_else(|| "-".into());
                if &got != expected {
                    misses.push(format!(
                        "line {line}: got {got:?} ({:?}), expected {expected:?}",
                        s.speaker.method
                    ));
                }
            }
        }
    }
    let extra: Vec<usize> = doc
        .statements
        .iter()
        .map(|s| s.line)
        .filter(|l| !gold.iter().any(|(g, _)| g == l))
        .collect();
    if !extra.is_empty() {
        misses.push(format!(
            "statements not in the gold standard start at lines {extra:?}"
        ));
    }
    let correct = gold.len()
        - misses
            .iter()
            .filter(|m| !m.starts_with("statements not"))
            .count();
    let share = correct as f64 / gold.len() as f64;
    println!(
        "{label}: {correct}/{} correct ({:.1} %)",
        gold.len(),
        share * 100.0
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(extra.is_empty(), "{label}: {}", misses.join("\n"));
    share
}

#[test]
fn seed_001_transcript_speakers() {
    let Some((doc, _dir)) = parse_seed("001_ac224e70e6e409a6.txt") else {
        return;
    };
    assert_eq!(doc.source_type, SourceType::Transcript);
    let gold: Vec<(usize, String)> = gold_rows("001_turns.tsv")
        .into_iter()
        .map(|r| (r[0].parse().unwrap(), r[1].clone()))
        .collect();
    let share = score("001", &doc, &gold);
    assert!(
        share >= 0.95,
        "001: {:.1} % of turns attributed correctly",
        share * 100.0
    );
}

#[test]
fn seed_001_metadata_links_and_speaker_list() {
    let Some((doc, _dir)) = parse_seed("001_ac224e70e6e409a6.txt") else {
        return;
    };
    let meta = gold_meta("001_meta.toml");
    assert_eq!(
        doc.sitting.process.as_ref().map(|p| p.1.as_str()),
        meta["process"].as_str()
    );
    assert_eq!(doc.sitting.session, meta["session"].as_integer());
    assert_eq!(doc.sitting.meeting, meta["meeting"].as_integer());
    assert!(doc.unofficial);
    let item = &doc.agenda_items[0];
    assert_eq!(Some(item.number.as_str()), meta["agenda_item"].as_str());
    assert_eq!(item.title.as_deref(), meta["agenda_topic"].as_str());
    assert!(
        !doc.statements
            .iter()
            .any(|s| s.text.contains("Leave a Reply")),
        "web residue kept"
    );

    let by_line: HashMap<usize, _> = doc.statements.iter().map(|s| (s.line, s)).collect();
    let mut misses = Vec::new();
    for (key, field) in [("on_behalf_of", 0), ("aligned_with", 1)] {
        for row in meta[key].as_array().unwrap() {
            let row = row.as_array().unwrap();
            let line = row[0].as_integer().unwrap() as usize;
            let group = row[2].as_str().unwrap();
            let got = by_line.get(&line).and_then(|s| {
                if field == 0 {
                    s.on_behalf_of.clone()
                } else {
                    s.aligned_with.clone()
                }
            });
            if got.as_deref() != Some(group) {
                misses.push(format!("{key} line {line}: got {got:?}, expected {group}"));
            }
        }
    }
    for m in &misses {
        println!("  miss: {m}");
    }
    let total = meta["on_behalf_of"].as_array().unwrap().len()
        + meta["aligned_with"].as_array().unwrap().len();
    assert!(
        misses.len() * 10 <= total,
        "{} of {total} links missed:\n{}",
        misses.len(),
        misses.join("\n")
    );

    let gold: Vec<Vec<String>> = gold_rows("001_speakers.tsv");
    let announced: Vec<&str> = gold
        .iter()
        .filter(|r| r[2] == "announced")
        .map(|r| r[1].as_str())
        .collect();
    let got_announced: Vec<&str> = doc
        .speaker_list
        .iter()
        .filter(|e| !e.spoke)
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(got_announced, announced);
    let spoke: Vec<&str> = gold
        .iter()
        .filter(|r| r[2] == "spoke")
        .map(|r| r[1].as_str())
        .collect();
    let mut got_spoke: Vec<&str> = Vec::new();
    for e in doc.speaker_list.iter().filter(|e| e.spoke) {
        let name = e.name.as_deref().unwrap_or(&e.label);
        if !got_spoke.contains(&name) {
            got_spoke.push(name);
        }
    }
    let matched = spoke.iter().filter(|n| got_spoke.contains(n)).count();
    println!(
        "speaker list: {matched}/{} speakers found; order got {got_spoke:?}",
        spoke.len()
    );
    assert!(matched * 100 >= spoke.len() * 95);
}

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

#[test]
fn seed_003_unlabelled_report_speakers() {
    let Some((doc, _dir)) = parse_seed("003_845e96b4fff6556c.txt") else {
        return;
    };
    assert_eq!(doc.source_type, SourceType::SessionReport);
    let rows = gold_rows("003_turns.tsv");
    let gold: Vec<(usize, String)> = rows
        .iter()
        .map(|r| (r[0].parse().unwrap(), r[1].clone()))
        .collect();
    let share = score("003", &doc, &gold);
    assert!(share >= 0.95, "003: {:.1} %", share * 100.0);
    for r in &rows {
        let line: usize = r[0].parse().unwrap();
        let s = doc.statements.iter().find(|s| s.line == line).unwrap();
        if r[2] != "-" {
            assert_eq!(
                s.speaker.person.as_deref(),
                Some(r[2].as_str()),
                "person at line {line}"
            );
        }
    }
    let meta = gold_meta("003_meta.toml");
    assert_eq!(doc.title, meta["title"].as_str().unwrap());
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        meta["date"].as_str()
    );
    assert_eq!(doc.start_time.as_deref(), meta["start"].as_str());
    assert_eq!(doc.end_time.as_deref(), meta["end"].as_str());
    assert!(doc.ai_generated && doc.unofficial);
    assert!(doc
        .provenance
        .as_deref()
        .unwrap()
        .contains("not an official record"));
    let summary = doc.summary.as_deref().unwrap();
    assert_eq!(
        summary.split("\n\n").count() as i64,
        meta["summary_paragraphs"].as_integer().unwrap() + 1,
        "headline + paragraphs"
    );
    check_stats(&doc, &gold_rows("003_stats.tsv"), 1, 2, 3, 4);
}

#[test]
fn seed_004_labelled_report_speakers() {
    let Some((doc, _dir)) = parse_seed("004_8f1db1e6efcbabd4.txt") else {
        return;
    };
    assert_eq!(doc.source_type, SourceType::SessionReport);
    let gold: Vec<(usize, String)> = gold_rows("004_turns.tsv")
        .into_iter()
        .map(|r| (r[0].parse().unwrap(), r[1].clone()))
        .collect();
    let share = score("004", &doc, &gold);
    assert!(share >= 0.95, "004: {:.1} %", share * 100.0);
    let meta = gold_meta("004_meta.toml");
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        meta["date"].as_str()
    );
    assert!(doc.ai_generated);
    check_stats(&doc, &gold_rows("004_stats.tsv"), 2, 3, 4, 1);
}

/// Checks the statistics of the speaker list against gold rows whose columns
/// `words`, `seconds`, `wpm` and `name` are at the given indexes.
fn check_stats(
    doc: &ParsedDocument,
    gold: &[Vec<String>],
    words: usize,
    seconds: usize,
    wpm: usize,
    name: usize,
) {
    for row in gold {
        let expected = &row[name];
        if expected == "-" {
            continue;
        }
        let entry = doc
            .speaker_list
            .iter()
            .find(|e| e.name.as_deref() == Some(expected.as_str()) || &e.label == expected)
            .unwrap_or_else(|| {
                panic!(
                    "no speaker-list entry for {expected}: {:?}",
                    doc.speaker_list
                )
            });
        assert_eq!(entry.words, row[words].parse().ok(), "words of {expected}");
        assert_eq!(
            entry.seconds,
            row[seconds].parse().ok(),
            "seconds of {expected}"
        );
        assert_eq!(
            entry.words_per_minute,
            row[wpm].parse().ok(),
            "wpm of {expected}"
        );
    }
}

fn check_un_document(file: &str, gold_file: &str, meta_file: &str, section: Option<&str>) {
    let Some((doc, _dir)) = parse_seed(file) else {
        return;
    };
    assert_eq!(doc.source_type, SourceType::UnDocument, "{file}");
    let rows = gold_rows(gold_file);
    let meta = gold_meta(meta_file);
    let lines: Vec<usize> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    let got: Vec<usize> = doc.statements.iter().map(|s| s.line).collect();
    let missing: Vec<_> = lines.iter().filter(|l| !got.contains(l)).collect();
    let extra: Vec<_> = got.iter().filter(|l| !lines.contains(l)).collect();
    println!(
        "{file}: {} paragraphs (gold {}); missing {missing:?}; extra {extra:?}",
        got.len(),
        lines.len()
    );
    assert_eq!(
        doc.statements.len() as i64,
        meta["paragraphs"].as_integer().unwrap(),
        "paragraph count"
    );
    assert!(missing.is_empty() && extra.is_empty());
    for (row, s) in rows.iter().zip(&doc.statements) {
        assert_eq!(
            s.number.as_deref(),
            Some(row[1].as_str()),
            "number at line {}",
            row[0]
        );
    }
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        meta["date"].as_str()
    );

    // Footnotes: kept apart, linked to their paragraph.
    let footnotes = meta["footnote_list"].as_array().unwrap();
    assert_eq!(
        doc.footnotes.len(),
        footnotes.len(),
        "footnotes: {:?}",
        doc.footnotes
    );
    for s in &doc.statements {
        for f in &doc.footnotes {
            assert!(
                !s.text.contains(&f.text),
                "footnote {} mixed into paragraph {:?}",
                f.number,
                s.number
            );
        }
    }
    let linked = doc
        .footnotes
        .iter()
        .filter(|f| f.statement.is_some())
        .count();
    assert_eq!(
        linked,
        doc.footnotes.len(),
        "every footnote linked: {:?}",
        doc.footnotes
    );

    // Cited symbols.
    let expected: Vec<&str> = meta["symbols"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    let missing: Vec<_> = expected
        .iter()
        .filter(|s| !doc.symbols.iter().any(|g| g == *s))
        .collect();
    println!("{file}: symbols {:?}; missing {missing:?}", doc.symbols);
    assert!(
        missing.len() * 10 <= expected.len(),
        "missing symbols {missing:?}"
    );

    // Speakers, where the gold standard gives them.
    let gold: Vec<(usize, String)> = rows
        .iter()
        .filter(|r| r[3] != "-" && section.is_none_or(|sec| r[2] == sec))
        .map(|r| (r[0].parse().unwrap(), r[3].clone()))
        .collect();
    let by_line: HashMap<usize, _> = doc.statements.iter().map(|s| (s.line, s)).collect();
    let mut misses = Vec::new();
    for (line, expected) in &gold {
        let got = by_line[line]
            .speaker
            .name
            .clone()
            .unwrap_or_else(|| "-".into());
        if &got != expected {
            misses.push(format!("line {line}: got {got:?}, expected {expected:?}"));
        }
    }
    let share = 1.0 - misses.len() as f64 / gold.len().max(1) as f64;
    println!("{file}: speakers {:.1} % correct", share * 100.0);
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(
        share >= 0.95,
        "{file}: {:.1} % of paragraphs attributed correctly",
        share * 100.0
    );
}

#[test]
fn seed_000_summary_record() {
    check_un_document(
        "000_f15cd2f1f8b74920.txt",
        "000_paragraphs.tsv",
        "000_meta.toml",
        Some("III"),
    );
}

#[test]
fn seed_002_secretariat_paper() {
    check_un_document(
        "002_65c8ba3636605d2b.txt",
        "002_paragraphs.tsv",
        "002_meta.toml",
        None,
    );
}

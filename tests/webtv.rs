//! Acceptance: UN Web TV machine transcripts (`../shared/corpus/webtv/`) parsed against
//! gold standards written by reading them (`tests/fixtures/gold/webtv/`): every turn
//! whose speaker a careful reader is sure of, by the line and first words of the turn.
//! Prints every miss; fails below 95 % of turns with the right speaker and group.

use std::path::{Path, PathBuf};

use plenary::formats::{self, ParsedDocument};
use plenary::gazetteer::{Resolution, Resolver};
use plenary::Library;

use crate::common::{corpus, temp_dir};

/// The share of gold turns the parser must get right (issue 11 asks for 0.95).
const FLOOR: f64 = 0.95;

/// One gold turn.
struct GoldTurn {
    line: usize,
    quote: String,
    speaker: String,
    on_behalf: String,
}

fn gold_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold/webtv")
}

fn gold(path: &Path) -> Vec<GoldTurn> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("LINE\t"))
        .map(|l| {
            let l = l.split("\t#").next().unwrap_or(l);
            let cells: Vec<&str> = l.split('\t').collect();
            GoldTurn {
                line: cells[0].trim().parse().unwrap_or_else(|_| panic!("{l:?}")),
                quote: cells[1].to_string(),
                speaker: cells[2].trim().to_string(),
                on_behalf: cells.get(3).map_or("", |c| c.trim()).to_string(),
            }
        })
        .collect()
}

/// The corpus file a gold file is about.
fn source_of(corpus: &Path, gold: &Path) -> PathBuf {
    let stem = gold.file_stem().unwrap().to_string_lossy().to_string();
    match stem.strip_prefix("un80_") {
        Some(rest) => corpus.join("webtv/un80").join(format!("{rest}.txt")),
        None => corpus.join("webtv").join(format!("{stem}.txt")),
    }
}

fn parse(path: &Path, resolver: &Resolver) -> (String, ParsedDocument) {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let kind = formats::detect(&text, &name).unwrap_or_else(|| panic!("{name}: not detected"));
    let doc = formats::parse(kind, &text, &name, resolver).unwrap();
    (text, doc)
}

/// A gold name as the library would store it: the canonical name of the actor, or
/// the name itself when the gazetteer does not know it.
fn canonical(name: &str, resolver: &Resolver) -> String {
    match resolver.resolve(name) {
        Resolution::Known { name, .. } => name,
        Resolution::Unknown { .. } => name.to_string(),
    }
}

/// Scores one transcript: (turns right, turns in all, misses).
fn score(
    text: &str,
    doc: &ParsedDocument,
    turns: &[GoldTurn],
    resolver: &Resolver,
) -> (usize, usize, Vec<String>) {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut right = 0;
    let mut misses = Vec::new();
    for t in turns {
        let from = line_starts[t.line - 1];
        let line_text = text[from..].lines().next().unwrap_or("");
        let at = from
            + line_text
                .find(&t.quote)
                .unwrap_or_else(|| panic!("line {}: quote {:?} not on the line", t.line, t.quote));
        let statement = doc
            .statements
            .iter()
            .rev()
            .find(|s| s.start <= at)
            .filter(|s| at < s.end.max(s.start + 1));
        let expected = canonical(&t.speaker, resolver);
        let got = statement.and_then(|s| s.speaker.name.clone().or(s.speaker.label.clone()));
        // A group the gazetteer knows must be the statement's; a cross-regional group
        // known by its members, or one the gazetteer lacks, is not checked here.
        let group_known = !t.on_behalf.is_empty()
            && !t.on_behalf.contains(';')
            && matches!(resolver.resolve(&t.on_behalf), Resolution::Known { .. });
        let expected_group = group_known.then(|| canonical(&t.on_behalf, resolver));
        let got_group = statement.and_then(|s| s.on_behalf_of.clone());
        let group_ok = if t.on_behalf.is_empty() {
            got_group.is_none()
        } else {
            !group_known || got_group == expected_group
        };
        if got.as_deref() == Some(expected.as_str()) && group_ok {
            right += 1;
        } else {
            misses.push(format!(
                "  line {}: {:?} — expected {}{}, got {}{}",
                t.line,
                t.quote,
                expected,
                expected_group
                    .map(|g| format!(" for {g}"))
                    .unwrap_or_default(),
                got.unwrap_or_else(|| "no statement".into()),
                got_group.map(|g| format!(" for {g}")).unwrap_or_default(),
            ));
        }
    }
    (right, turns.len(), misses)
}

#[test]
fn webtv_transcripts_name_their_speakers() {
    let Some(corpus) = corpus() else { return };
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let resolver = library.resolver();
    let mut files: Vec<PathBuf> = std::fs::read_dir(gold_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 8,
        "gold standards for at least 8 transcripts"
    );
    let (mut right, mut all) = (0, 0);
    let mut report = String::new();
    for gold_path in &files {
        let turns = gold(gold_path);
        let (text, doc) = parse(&source_of(&corpus, gold_path), resolver);
        let (r, n, misses) = score(&text, &doc, &turns, resolver);
        report.push_str(&format!(
            "{}: {r}/{n} ({:.1} %), {} statements\n",
            gold_path.file_name().unwrap().to_string_lossy(),
            100.0 * r as f64 / n as f64,
            doc.statements.len()
        ));
        for m in misses {
            report.push_str(&m);
            report.push('\n');
        }
        right += r;
        all += n;
    }
    let share = right as f64 / all as f64;
    println!("{report}\nall: {right}/{all} ({:.1} %)", 100.0 * share);
    assert!(all >= 400, "at least 400 gold turns");
    assert!(
        share >= FLOOR,
        "{right}/{all} turns right: below {:.0} %\n{report}",
        100.0 * FLOOR
    );
}

#[test]
fn no_webtv_statement_swallows_other_speakers() {
    let Some(corpus) = corpus() else { return };
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    for entry in std::fs::read_dir(corpus.join("webtv")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let (_, doc) = parse(&path, library.resolver());
        let longest = doc
            .statements
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .max()
            .unwrap_or(0);
        assert!(
            doc.statements.len() > 20,
            "{}: {} statements",
            path.display(),
            doc.statements.len()
        );
        assert!(
            longest <= 3000,
            "{}: a statement of {longest} words",
            path.display()
        );
        assert!(doc.sitting.process.is_some(), "{}: no body", path.display());
        assert!(
            doc.sitting.meeting.is_some(),
            "{}: no meeting",
            path.display()
        );
        assert!(
            doc.sitting.session.is_some() || doc.sitting.session_name.is_some(),
            "{}: no session",
            path.display()
        );
    }
}

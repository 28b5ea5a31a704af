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
        // A joint statement's group known only by its members ("A; B; C"): the members
        // the gold lists, but the speaker, are the statement's co-speakers.
        let members: Vec<String> = if t.on_behalf.contains(';') {
            t.on_behalf
                .split(';')
                .map(|m| canonical(m.trim(), resolver))
                .filter(|m| *m != expected)
                .collect()
        } else {
            Vec::new()
        };
        let co_speakers = statement.map(|s| s.co_speakers.clone()).unwrap_or_default();
        let group_ok = if t.on_behalf.is_empty() {
            got_group.is_none()
        } else if !members.is_empty() {
            members.iter().all(|m| co_speakers.contains(m))
        } else {
            !group_known || got_group == expected_group
        };
        if got.as_deref() == Some(expected.as_str()) && group_ok {
            right += 1;
        } else {
            misses.push(format!(
                "  line {}: {:?} — expected {}{}, got {}{}{}",
                t.line,
                t.quote,
                expected,
                expected_group
                    .map(|g| format!(" for {g}"))
                    .or((!members.is_empty()).then(|| format!(" with {}", members.join(", "))))
                    .unwrap_or_default(),
                got.unwrap_or_else(|| "no statement".into()),
                got_group.map(|g| format!(" for {g}")).unwrap_or_default(),
                if co_speakers.is_empty() {
                    String::new()
                } else {
                    format!(" with {}", co_speakers.join(", "))
                },
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
        // Stances on a transcript's turns (`tests/positions.rs`), not its turns.
        .filter(|p| !p.to_string_lossy().ends_with(".positions.tsv"))
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
    let mut paths: Vec<PathBuf> = Vec::new();
    for dir in [corpus.join("webtv"), corpus.join("webtv/un80")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
    }
    assert!(paths.len() >= 14, "the webtv corpus has its 14 transcripts");
    for path in paths {
        // The UN80 records number their sessions but not always their meetings.
        let web_tv = path.parent().is_some_and(|p| p.ends_with("webtv"));
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
            doc.sitting.meeting.is_some() || !web_tv,
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

/// A machine transcript written for these tests: no labels, a Chair who speaks
/// English and Spanish, names the recogniser garbled, and a common word where a name
/// would stand.
const MACHINE_TRANSCRIPT: &str = "\
The 4th meeting of the 2nd substantive session of the Open-ended Working Group on Security of and in the Use of ICTs is now called to order. We will continue with the list of speakers. They are Qatar, Nauru and Peru. Guitar, you have the floor.

Thank you, Madam Chair. Qatar attaches great importance to capacity building and to the voluntary fund.

Thank you very much. First, I now give the floor to Naoero.

Thank you, Chair. Nauru aligns itself with the statement delivered on behalf of the Pacific Islands Forum.

Muchísimas gracias. Doy ahora la palabra a la delegación de Perú.

Gracias, señor presidente. Peru supports a permanent mechanism with a dedicated fund.

Thank you, Peru. Alemania, tiene usted la palabra.

Thank you, Chair. Germany aligns itself with the European Union and offers remarks in its national capacity.

Thank you very much, Germany. The meeting is adjourned.
";

fn parse_text(text: &str, name: &str) -> (ParsedDocument, tempfile::TempDir) {
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let kind = formats::detect(text, name).expect("detected as a transcript");
    let doc = formats::parse(kind, text, name, library.resolver()).unwrap();
    (doc, dir)
}

/// Parses a machine transcript written here and checks the speaker of each statement,
/// printing each statement's speaker and text when they differ.
fn assert_speakers(text: &str, expected: &[&str]) {
    let (doc, _dir) = parse_text(text, "meeting.txt");
    assert_eq!(
        speaker_names(&doc),
        expected,
        "{:#?}",
        doc.statements
            .iter()
            .map(|s| (&s.speaker, &text[s.start..s.end]))
            .collect::<Vec<_>>()
    );
}

/// The speaker of each statement, in order ("" where there is none).
fn speaker_names(doc: &ParsedDocument) -> Vec<String> {
    doc.statements
        .iter()
        .map(|s| s.speaker.name.clone().unwrap_or_default())
        .collect()
}

#[test]
fn garbled_names_match_approximately_and_common_words_never() {
    let (doc, _dir) = parse_text(MACHINE_TRANSCRIPT, "meeting.txt");
    let speakers: Vec<(String, String)> = doc
        .statements
        .iter()
        .map(|s| {
            (
                s.speaker.name.clone().unwrap_or_default(),
                s.speaker
                    .method
                    .map(|m| m.as_str())
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect();
    let names: Vec<&str> = speakers.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Chair", "Qatar", "Chair", "Nauru", "Chair", "Peru", "Chair", "Germany", "Chair"],
        "{speakers:?}"
    );
    // "Guitar" and "Naoero" were matched by sound: their own method.
    assert_eq!(speakers[1].1, "approximate");
    assert_eq!(speakers[3].1, "approximate");
    // The Spanish and French names come from the gazetteer ("Perú", "Alemania").
    assert_eq!(speakers[5].1, "chair_cue");
    assert_eq!(speakers[7].1, "chair_cue");
    assert!(!names.contains(&"Forum of Incident Response and Security Teams"));
    // The meeting is read from the Chair's opening words.
    assert_eq!(
        doc.sitting.process.as_ref().map(|p| p.0.as_str()),
        Some("oewg-2021-2025")
    );
    assert_eq!(
        (doc.sitting.session, doc.sitting.meeting),
        (Some(2), Some(4))
    );
}

#[test]
fn a_giant_turn_is_reported_with_its_line_and_sent_to_review() {
    let speech = "We note the importance of capacity building for all States. ".repeat(400);
    let text = format!(
        "The 1st meeting of the 3rd substantive session of the Open-ended Working Group on Security of and in the Use of ICTs is called to order. I give the floor to Ghana.\n\n\
         Thank you, Chair. {speech}\n\n\
         Thank you, Ghana. Peru, you have the floor.\n\n\
         Thank you, Chair. Peru is brief.\n\n\
         Thank you. Chile, please.\n\n\
         Thank you, Chair. Chile too.\n\n\
         Thank you. Kenya, please.\n\n\
         Thank you, Chair. Kenya as well.\n\n\
         Thank you. The meeting is adjourned.\n"
    );
    let dir = temp_dir();
    let path = dir.path().join("giant.txt");
    std::fs::write(&path, &text).unwrap();
    let lib_dir = temp_dir();
    let mut library = Library::open(lib_dir.path()).unwrap();
    let outcome = library
        .import(&[path], &plenary::import::ImportOptions::default(), |_| {})
        .unwrap()
        .remove(0)
        .1
        .unwrap();
    assert!(
        outcome
            .notices
            .iter()
            .any(|n| n.starts_with("line 3:") && n.contains("Ghana") && n.contains("words")),
        "{:?}",
        outcome.notices
    );
    assert!(outcome.to_review >= 1);
    let queue = library.review_queue(Some(outcome.document)).unwrap();
    let giant = queue
        .iter()
        .find(|s| s.words > 3000)
        .expect("the giant turn is in the review queue");
    assert_eq!(giant.speaker.as_deref(), Some("Ghana"));
    // Accepting it makes it the person's word and takes it out of the queue.
    let accepted = library.accept_speaker(giant.id).unwrap();
    assert_eq!(accepted.method, "manual");
    assert!(library
        .review_queue(Some(outcome.document))
        .unwrap()
        .iter()
        .all(|s| s.id != giant.id));
}

#[test]
fn a_list_read_after_a_name_alone_gives_the_floor_to_its_first() {
    let text = "\
The 9th meeting of the substantive plenary session of 2026 of the Global Mechanism is called to order. Thank you. I now give the floor to Kenya.

Thank you, Madam Chair. Kenya supports capacity building.

Thank you very much. I'm going to read now the next 5 countries.

Paraguay.

Suriname, the Dominican Republic, Paraguay, Indonesia, and Tuvalu.

Madam Chair, Suriname aligns itself with the statement delivered on behalf of the Caribbean Community.

Thank you. I now give the floor to the Dominican Republic.

Thank you, Madam Chair. The Dominican Republic supports the fund.

Thank you. I now give the floor to Paraguay.

Thank you. Paraguay supports the mechanism.

Thank you very much. The meeting is adjourned.
";
    assert_speakers(
        text,
        &[
            "Chair",
            "Kenya",
            "Chair",
            "Suriname",
            "Chair",
            "Dominican Republic",
            "Chair",
            "Paraguay",
            "Chair",
        ],
    );
}

#[test]
fn a_delegate_thanking_others_keeps_the_floor() {
    // A paragraph a speech, as machine transcripts run it together: the speaker thanks
    // other delegations mid-speech. The Chair thanks the speaker who just spoke, one at
    // a time; thanks to several others are the speaker's own.
    let text = "\
The 3rd meeting of the substantive plenary session of 2026 of the Global Mechanism is called to order. I now give the floor to the United States, to be followed by Tuvalu.

Thank you, Madam Chair. Some members are planning malicious actions against the critical infrastructure of others. Thank you, EU, Poland, Estonia, France, for pointing out these malicious actions. To Tonga and Kiribati, the United States hears you. President Trump has been clear about what follows. Thank you, Madam Chair.

Thank you very much. Tuvalu, you have the floor.

Madam Chair, Tuvalu aligns itself with the Pacific Islands Forum.

Thank you very much. I now give the floor to Kenya.

Thank you, Madam Chair. Kenya supports capacity building.

Thank you, Kenya. I now give the floor to Fiji.

Thank you, Madam Chair. Fiji supports the fund.

Thank you very much. The meeting is adjourned.
";
    assert_speakers(
        text,
        &[
            "Chair",
            "United States",
            "Chair",
            "Tuvalu",
            "Chair",
            "Kenya",
            "Chair",
            "Fiji",
            "Chair",
        ],
    );
}

#[test]
fn the_real_united_states_statement_is_one_turn() {
    let Some(corpus) = corpus() else { return };
    let path = corpus.join("webtv/2026-07-21_global-mechanism_plenary-session-meeting-3.txt");
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let (text, doc) = parse(&path, library.resolver());
    let speaker_at = |quote: &str| {
        let at = text
            .find(quote)
            .unwrap_or_else(|| panic!("{quote:?} not in the file"));
        doc.statements
            .iter()
            .find(|s| s.start <= at && at < s.end)
            .map(|s| (s.start, s.speaker.name.clone()))
    };
    let opening =
        speaker_at("I would like to present now the national statement of the United States");
    assert_eq!(
        opening.as_ref().and_then(|o| o.1.as_deref()),
        Some("United States")
    );
    for quote in [
        "Thank you, EU, Poland, Estonia, France, for pointing out",
        "President Trump has been clear.",
        "one last postscript to my Iranian colleague",
    ] {
        assert_eq!(
            speaker_at(quote),
            opening,
            "{quote:?} is the United States speaking on"
        );
    }
}

/// The speakers of a file as imported, in order.
fn imported_speakers(path: &Path) -> Vec<String> {
    let dir = temp_dir();
    let mut library = Library::open(dir.path()).unwrap();
    let outcome = library
        .import(
            &[path.to_path_buf()],
            &plenary::import::ImportOptions::default(),
            |_| {},
        )
        .unwrap()
        .remove(0)
        .1
        .unwrap();
    library
        .statements(Some(outcome.document), None, None, None)
        .unwrap()
        .into_iter()
        .map(|s| s.speaker.unwrap_or_default())
        .collect()
}

#[test]
fn a_machine_transcript_reads_the_same_saved_as_a_web_page_or_one_segment_a_line() {
    let Some(corpus) = corpus() else { return };
    let tmp = temp_dir();
    for name in [
        "2026-07-23_global-mechanism_plenary-session-meeting-8.txt",
        "2025-07-10_oewg_11th-session-meeting-7.txt",
    ] {
        let path = corpus.join("webtv").join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let blocks: Vec<String> = text.split("\n\n").map(|b| b.replace('\n', " ")).collect();
        let stem = name.trim_end_matches(".txt");
        let lines = tmp.path().join(format!("{stem}-lines.txt"));
        std::fs::write(&lines, blocks.join("\n") + "\n").unwrap();
        let page = tmp.path().join(format!("{stem}.html"));
        let escape = |b: &str| {
            b.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let body: String = blocks
            .iter()
            .map(|b| format!("<p>{}</p>\n", escape(b)))
            .collect();
        std::fs::write(
            &page,
            format!("<html><head><title>{stem}</title></head><body><article>{body}</article></body></html>"),
        )
        .unwrap();
        let expected = imported_speakers(&path);
        assert!(expected.len() > 50, "{name}: {} statements", expected.len());
        assert_eq!(
            imported_speakers(&lines),
            expected,
            "{name}: one segment a line"
        );
        assert_eq!(imported_speakers(&page), expected, "{name}: as a web page");
    }
}

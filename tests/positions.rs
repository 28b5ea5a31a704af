//! Positions: automatic tags against a gold standard, human tags, codebook edits,
//! and comparisons of actors by theme.

use std::collections::HashMap;
use std::path::PathBuf;

use plenary::formats::{self};
use plenary::themes::{Codebook, Stance, Tagger};
use plenary::{Library, TagOrigin};

use crate::common::gold::{gold_rows, score};
use crate::common::{corpus, temp_dir};

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

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

fn library_with(files: &[&str]) -> (tempfile::TempDir, Library) {
    let dir = temp_dir();
    let mut library = Library::open(dir.path()).unwrap();
    let paths: Vec<PathBuf> = files.iter().map(|f| fixtures().join(f)).collect();
    let results = library
        .import(&paths, &plenary::import::ImportOptions::default(), |_| {})
        .unwrap();
    assert!(results.iter().all(|(_, r)| r.is_ok()), "{results:?}");
    (dir, library)
}

/// The speaker's last statement (in the transcript fixture, Chile's first turn is an
/// interjection; its statement comes after).
fn statement_by(library: &Library, speaker: &str) -> plenary::store::documents::StatementRow {
    library
        .statements(None, Some(speaker), None, None)
        .unwrap()
        .into_iter()
        .last()
        .unwrap()
}

fn effective(library: &Library, statement: i64, theme: &str) -> Option<(String, String)> {
    library
        .tags(Some(statement), None, Some(theme), None)
        .unwrap()
        .into_iter()
        .find(|t| t.theme == theme && !t.overridden)
        .map(|t| (t.stance.to_string(), t.origin.to_string()))
}

#[test]
fn automatic_tags_on_import_and_human_tags_win() {
    let (_dir, mut library) = library_with(&["transcript.txt"]);
    let chile = statement_by(&library, "Chile");
    // Chile supports a permanent mechanism → automatic tag.
    let auto = effective(&library, chile.id, "poa/future-permanent-mechanism");
    assert_eq!(
        auto,
        Some(("support".to_string(), "auto".to_string())),
        "{:?}",
        library.tags(Some(chile.id), None, None, None)
    );
    // A human tag on the same statement and theme overrides it, in tags, positions and search.
    let tag = library
        .add_tag(&plenary::NewTag {
            statement: chile.id,
            theme: "poa/future-permanent-mechanism".into(),
            stance: plenary::Stance::Conditional,
            span: Some((0, 6)),
            note: Some("reads as conditional".into()),
            author: Some("tester".into()),
        })
        .unwrap();
    assert_eq!(tag.origin, plenary::TagOrigin::Manual);
    assert_eq!(
        effective(&library, chile.id, "poa/future-permanent-mechanism"),
        Some(("conditional".into(), "manual".into()))
    );
    let positions = library
        .compare(
            &["Chile".into()],
            &["poa/future-permanent-mechanism".into()],
            &Default::default(),
        )
        .unwrap();
    assert_eq!(positions[0].stance, "conditional");
    assert_eq!(positions[0].counts.support, 0);
    let found = library
        .search(&plenary::index::search::SearchRequest {
            query: "theme:poa/future-permanent-mechanism stance:conditional".into(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        found.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        [chile.id]
    );
    // Bad tags are refused clearly.
    let mut bad = |theme: &str, stance: &str, span| {
        let stance: plenary::Stance = match stance.parse() {
            Ok(stance) => stance,
            Err(e) => return plenary::Error::to_string(&e),
        };
        library
            .add_tag(&plenary::NewTag {
                statement: chile.id,
                theme: theme.into(),
                stance,
                span,
                ..Default::default()
            })
            .unwrap_err()
            .to_string()
    };
    assert!(
        bad("no-such-theme", "support", None).contains("theme \"no-such-theme\" does not exist")
    );
    assert!(bad("poa", "maybe", None).contains("stance"));
    assert!(bad("poa", "support", Some((5, 99_999))).contains("span"));
    // Automatic tags cannot be removed by hand; human ones can.
    let auto_id = library
        .tags(Some(chile.id), None, None, Some(plenary::TagOrigin::Auto))
        .unwrap()[0]
        .id;
    assert!(library.remove_tag(auto_id).is_err());
    library.remove_tag(tag.id).unwrap();
    assert_eq!(
        effective(&library, chile.id, "poa/future-permanent-mechanism"),
        Some(("support".into(), "auto".into()))
    );
}

#[test]
fn human_tags_survive_reimport_and_retagging() {
    let dir = temp_dir();
    let work = temp_dir();
    let file = work.path().join("meeting.txt");
    let original = std::fs::read_to_string(fixtures().join("transcript.txt")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    library
        .import(std::slice::from_ref(&file), &Default::default(), |_| {})
        .unwrap();
    let chile = statement_by(&library, "Chile");
    library
        .add_tag(&plenary::NewTag {
            statement: chile.id,
            theme: "poa".into(),
            stance: plenary::Stance::Oppose,
            ..Default::default()
        })
        .unwrap();
    // A changed file replaces the document; the tag moves to the same statement.
    std::fs::write(
        &file,
        original.replace("Peru believes training", "Peru believes that training"),
    )
    .unwrap();
    library
        .import(std::slice::from_ref(&file), &Default::default(), |_| {})
        .unwrap();
    let chile = statement_by(&library, "Chile");
    assert_eq!(
        effective(&library, chile.id, "poa"),
        Some(("oppose".into(), "manual".into()))
    );
    // Re-tagging after a codebook edit keeps it too.
    let text = library.export_codebook().unwrap();
    library
        .import_codebook("edited.toml", &text, false, &mut |_, _, _| {})
        .unwrap();
    assert_eq!(
        effective(&library, chile.id, "poa"),
        Some(("oppose".into(), "manual".into()))
    );
}

#[test]
fn codebook_edit_retags_and_reports_what_changed() {
    let (_dir, mut library) = library_with(&["transcript.txt"]);
    let peru = statement_by(&library, "Peru");
    assert!(
        effective(&library, peru.id, "capacity-building/needs-based").is_some(),
        "demand-driven is a needs-based signal"
    );
    // Remove the signal; add a new theme whose signal Peru's statement has.
    let text = library.export_codebook().unwrap();
    let edited = text.replacen(
        "\"needs-based\", \"need-based\", \"demand-driven\",",
        "\"needs-based\", \"need-based\",",
        1,
    )
        + "\n[[theme]]\nkey = \"training\"\nlabel = \"Training\"\nsignals = [\"training\"]\n";
    assert_ne!(edited.len(), text.len());
    let changes = library
        .import_codebook("edited.toml", &edited, false, &mut |_, _, _| {})
        .unwrap();
    assert!(effective(&library, peru.id, "capacity-building/needs-based").is_none());
    assert_eq!(
        effective(&library, peru.id, "training").map(|t| t.1),
        Some("auto".into())
    );
    assert!(
        changes
            .iter()
            .any(|(theme, added, _)| theme == "training" && *added >= 1),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|(theme, _, removed)| theme == "capacity-building/needs-based" && *removed >= 1),
        "{changes:?}"
    );
    assert!(library
        .themes()
        .unwrap()
        .iter()
        .any(|t| t.key == "training"));
    // The edit persists: reopening keeps the user's codebook.
    assert!(library
        .export_codebook()
        .unwrap()
        .contains("key = \"training\""));
    // A broken codebook is refused with its line, and nothing changes.
    let err = library
        .import_codebook(
            "broken.toml",
            "[[theme]]\nkey = \"x/y\"\nlabel = \"Y\"\n",
            false,
            &mut |_, _, _| {},
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("broken.toml, line 2"), "{err}");
    assert!(effective(&library, peru.id, "training").is_some());
}

#[test]
fn compare_and_matrix_in_every_format() {
    let dir = temp_dir();
    let out = crate::common::plenary(dir.path(), &["import", fixtures().to_str().unwrap()]);
    assert!(out.status.success(), "{}", crate::common::stderr(&out));
    let run = |args: &[&str]| {
        let out = crate::common::plenary(dir.path(), args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            crate::common::stderr(&out)
        );
        crate::common::stdout(&out)
    };
    let base = [
        "compare",
        "--actors",
        "Chile, Kiribati, Peru",
        "--themes",
        "poa/future-permanent-mechanism,funding,capacity-building",
    ];
    let json = run(&[&base[..], &["--format", "json"]].concat());
    let rows: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 9, "3 actors × 3 themes");
    for key in [
        "actor",
        "theme",
        "stance",
        "statements",
        "counts",
        "first_date",
        "last_date",
        "evidence",
    ] {
        assert!(rows[0].get(key).is_some(), "{key}");
    }
    let chile_poa = rows
        .iter()
        .find(|r| r["actor"] == "Chile" && r["theme"] == "poa/future-permanent-mechanism")
        .unwrap();
    assert_eq!(chile_poa["stance"], "support");
    assert!(chile_poa["evidence"][0]["quote"]
        .as_str()
        .unwrap()
        .contains("permanent mechanism"));
    let kiribati_funding = rows
        .iter()
        .find(|r| r["actor"] == "Kiribati" && r["theme"] == "funding")
        .unwrap();
    assert_eq!(kiribati_funding["stance"], "none");
    let csv = run(&[&base[..], &["--format", "csv"]].concat());
    assert!(csv.starts_with("actor,theme,stance,statements"));
    assert_eq!(csv.lines().count(), 10);
    let md = run(&[&base[..], &["--format", "md"]].concat());
    assert!(
        md.starts_with("| theme | Chile | Kiribati | Peru |"),
        "{md}"
    );
    let table = run(&base);
    assert!(
        table.contains("THEME") && table.contains("support"),
        "{table}"
    );
    // Unknown actor or theme: a clear error.
    let out = crate::common::plenary(
        dir.path(),
        &["compare", "--actors", "Atlantis", "--themes", "poa"],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = crate::common::plenary(
        dir.path(),
        &["compare", "--actors", "Chile", "--themes", "nope"],
    );
    assert!(crate::common::stderr(&out).contains("theme \"nope\" does not exist"));
    // The matrix: every speaking actor, or a group's members.
    let matrix = run(&[
        "matrix",
        "--themes",
        "poa/future-permanent-mechanism",
        "--format",
        "json",
    ]);
    let cells: Vec<serde_json::Value> = matrix
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        cells
            .iter()
            .any(|c| c["actor"] == "Chile" && c["stance"] == "support")
            && cells.iter().any(|c| c["actor"] == "Peru")
    );
    let grulac = run(&[
        "matrix", "--themes", "poa", "--region", "GRULAC", "--format", "csv",
    ]);
    assert!(grulac.contains("Chile") && !grulac.contains("Kiribati"));
    let md = run(&["matrix", "--themes", "poa,funding", "--format", "md"]);
    assert!(md.starts_with("| theme |"));
}

#[test]
fn exports_in_every_format() {
    let dir = temp_dir();
    let out = crate::common::plenary(
        dir.path(),
        &[
            "import",
            fixtures().join("transcript.txt").to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    let csv = crate::common::stdout(&crate::common::plenary(
        dir.path(),
        &["export", "--format", "csv"],
    ));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert!(headers.iter().any(|h| h == "speaker") && headers.iter().any(|h| h == "tags"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 12);
    let json = crate::common::stdout(&crate::common::plenary(
        dir.path(),
        &["export", "--format", "json"],
    ));
    let first: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert!(first.get("document_title").is_some());
    let xlsx = dir.path().join("out.xlsx");
    let out = crate::common::plenary(
        dir.path(),
        &[
            "export",
            "--format",
            "xlsx",
            "--output",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", crate::common::stderr(&out));
    let bytes = std::fs::read(&xlsx).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip");
    let out = crate::common::plenary(dir.path(), &["export", "--format", "xlsx"]);
    assert!(crate::common::stderr(&out).contains("needs --output"));
}

#[test]
fn cell_statements_and_actor_profile_read_what_compare_counts() {
    let (_dir, library) = library_with(&["transcript.txt"]);
    let theme = "poa/future-permanent-mechanism";
    let filter = plenary::store::positions::PositionFilter::default();
    let position = library
        .compare(&["Chile".into()], &[theme.into()], &filter)
        .unwrap()
        .remove(0);
    let cell = library.cell_statements("Chile", theme, &filter).unwrap();
    assert_eq!(cell.len() as u32, position.statements, "{cell:?}");
    assert!(cell
        .iter()
        .all(|c| c.stance == "support" && !c.text.is_empty()));
    let chile = statement_by(&library, "Chile");
    assert!(cell
        .iter()
        .any(|c| c.id == chile.id && c.document == chile.document));
    // Errors name what is unknown.
    let err = library
        .cell_statements("Atlantis", theme, &filter)
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    let err = library
        .cell_statements("Chile", "no-such-theme", &filter)
        .unwrap_err();
    assert!(err.to_string().contains("no-such-theme"), "{err}");

    let profile = library.actor_profile("CHL", 1).unwrap();
    assert_eq!(profile.actor.name, "Chile");
    assert_eq!(profile.statements.len(), 1, "cut at the limit");
    let all = library.statements(None, Some("Chile"), None, None).unwrap();
    assert_eq!(profile.total_statements, all.len() as i64);
    assert_eq!(
        profile.timeline.iter().map(|d| d.statements).sum::<i64>(),
        profile.total_statements
    );
    assert!(profile.positions.iter().all(|p| p.statements > 0));
    assert!(profile
        .positions
        .iter()
        .any(|p| p.theme == theme && p.stance == "support"));

    let status = library.status().unwrap();
    assert_eq!(status.documents, 1);
    assert_eq!(
        status.statements as usize,
        library.statements(None, None, None, None).unwrap().len()
    );
}

#[test]
fn a_codebook_without_themes_is_refused_and_changes_nothing() {
    let (_dir, mut library) = library_with(&["transcript.txt"]);
    let before = library.tags(None, None, None, None).unwrap().len();
    assert!(before > 0);
    let err = library
        .import_codebook("empty.toml", "", true, &mut |_, _, _| {})
        .unwrap_err();
    assert_eq!(err.code(), "codebook", "{err}");
    assert!(err.to_string().contains("no theme"), "{err}");
    assert_eq!(library.tags(None, None, None, None).unwrap().len(), before);
    assert_eq!(
        library.themes().unwrap().len(),
        library.codebook().themes.len()
    );
}

#[test]
fn a_codebook_that_drops_most_themes_needs_confirming_and_reports_what_went() {
    let (_dir, mut library) = library_with(&["transcript.txt"]);
    let auto = |library: &Library| {
        library
            .tags(None, None, None, Some(TagOrigin::Auto))
            .unwrap()
    };
    let before = auto(&library);
    assert!(before.len() > 1);
    let themes_before = library.themes().unwrap().len();
    let one = "[[theme]]\nkey = \"funding\"\nlabel = \"Funding\"\nsignals = [\"fund\"]\n";
    let err = library
        .import_codebook("one.toml", one, false, &mut |_, _, _| {})
        .unwrap_err();
    assert_eq!(err.code(), "codebook_drops_themes", "{err}");
    assert_eq!(err.remedy(), Some(plenary::Remedy::ConfirmReplace));
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "would remove {} of the library's {themes_before} themes",
            themes_before - 1
        )),
        "{message}"
    );
    assert_eq!(auto(&library).len(), before.len(), "nothing changed");

    // Confirmed: the themes go, and the report counts every automatic tag that went.
    let changes = library
        .import_codebook("one.toml", one, true, &mut |_, _, _| {})
        .unwrap();
    let removed: i64 = changes.iter().map(|(_, _, removed)| removed).sum();
    let added: i64 = changes.iter().map(|(_, added, _)| added).sum();
    let after = auto(&library).len() as i64;
    assert_eq!(before.len() as i64 - removed + added, after, "{changes:?}");
    let gone = before.iter().filter(|t| t.theme != "funding").count() as i64;
    assert!(
        removed >= gone,
        "{removed} removed, {gone} tags of dropped themes: {changes:?}"
    );
    assert_eq!(library.themes().unwrap().len(), 1);
}

//! The shipped gazetteer: its contents, its ISO codes, and name resolution.

use std::collections::{BTreeSet, HashMap};

use plenary::gazetteer::GazetteerFile;
use plenary::{ActorKind, Library, Resolution};

use crate::common::{corpus, corpus_files, temp_dir, ungdc_speaker_key};

fn library() -> (tempfile::TempDir, Library) {
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    (dir, library)
}

#[test]
fn every_alias_case_resolves() {
    let cases = include_str!("fixtures/gazetteer_aliases.tsv");
    let (_dir, library) = library();
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in cases.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (input, expected) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("gazetteer_aliases.tsv line {}: no tab", n + 1));
        count += 1;
        let got = library.resolve(input);
        if got.name() != Some(expected.trim()) {
            failures.push(format!(
                "line {}: {input:?} → {got:?}, expected {expected:?}",
                n + 1
            ));
        }
    }
    assert!(count >= 80, "only {count} alias cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// French and Spanish names (assets/gazetteer-translations.toml, from ISO 3166-1 via
/// Debian iso-codes) name the States, as the presiding officer says them.
#[test]
fn french_and_spanish_names_resolve() {
    let (_dir, library) = library();
    for (name, expected) in [
        ("Alemania", "Germany"),
        ("Allemagne", "Germany"),
        ("Estados Unidos", "United States"),
        ("États-Unis", "United States"),
        ("Etats-Unis d'Amérique", "United States"),
        ("Royaume-Uni", "United Kingdom"),
        ("Reino Unido", "United Kingdom"),
        // iso-codes' Spanish is "Federación Rusa"; the UN's "Federación de Rusia" is in
        // no source on hand, and names are not typed in by hand.
        ("Federación Rusa", "Russian Federation"),
        ("Fédération de Russie", "Russian Federation"),
        ("Côte d'Ivoire", "Côte d'Ivoire"),
        ("Costa de Marfil", "Côte d'Ivoire"),
        ("Países Bajos", "Netherlands"),
        ("Pays-Bas", "Netherlands"),
        ("Saint-Siège", "Holy See"),
        ("Estado de Palestina", "State of Palestine"),
        (
            "République démocratique du Congo",
            "Democratic Republic of the Congo",
        ),
        ("República del Congo", "Congo"),
    ] {
        assert_eq!(library.resolve(name).name(), Some(expected), "{name}");
    }
    // Dropped on purpose: shared by the two Koreas, or a first name in English speech.
    for name in ["Corée", "Corea", "Maurice", "Mauricio"] {
        assert_eq!(library.resolve(name).name(), None, "{name}");
    }
}

#[test]
fn floor_cues_in_french_and_spanish_name_the_state() {
    let (_dir, library) = library();
    for (text, expected) in [
        (
            "Doy ahora la palabra a la delegación de Alemania.",
            "Germany",
        ),
        ("Je donne la parole au Royaume-Uni.", "United Kingdom"),
        ("Estados Unidos, tiene usted la palabra.", "United States"),
        (
            "I give the floor to the Russian Federation.",
            "Russian Federation",
        ),
        ("The Republic of Korea has the floor.", "Republic of Korea"),
    ] {
        let found: Vec<_> = library
            .resolver()
            .mentions(text, |k| k == ActorKind::State)
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(found, [expected], "{text}");
    }
}

#[test]
fn every_translated_key_is_a_state_of_the_gazetteer() {
    let file = GazetteerFile::builtin().unwrap();
    let states: BTreeSet<_> = file
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::State)
        .map(|a| a.key())
        .collect();
    let translations: toml::Table =
        toml::from_str(plenary::gazetteer::TRANSLATIONS).expect("translations parse");
    assert!(translations.len() > 150, "{} States", translations.len());
    let strays: Vec<_> = translations
        .keys()
        .filter(|key| !states.contains(key.as_str()))
        .collect();
    assert!(strays.is_empty(), "not States of the gazetteer: {strays:?}");
}

#[test]
fn gazetteer_has_every_member_state_and_the_groups() {
    let file = GazetteerFile::builtin().unwrap();
    let states: Vec<_> = file
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::State && a.until.is_none())
        .collect();
    assert_eq!(states.iter().filter(|a| !a.observer).count(), 193);
    let observers: BTreeSet<_> = states
        .iter()
        .filter(|a| a.observer)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(
        observers,
        BTreeSet::from(["Holy See", "State of Palestine"])
    );

    let members = |key: &str| {
        states
            .iter()
            .filter(|s| s.groups.iter().any(|g| g == key))
            .count()
    };
    assert_eq!(members("EU"), 27);
    assert_eq!(members("ASEAN"), 11, "Timor-Leste joined in 2025");
    assert_eq!(members("ARAB_GROUP"), 22);
    assert!(
        (119..=121).contains(&members("NON_ALIGNED")),
        "NAM has {}",
        members("NON_ALIGNED")
    );
    let region = |key: &str| {
        states
            .iter()
            .filter(|s| s.region.as_deref() == Some(key))
            .count()
    };
    assert_eq!(region("AFRICAN_GROUP"), 54);
    assert_eq!(
        ["AFRICAN_GROUP", "APG", "EEG", "GRULAC", "WEOG"]
            .map(region)
            .iter()
            .sum::<usize>(),
        193 + 1, // Palestine sits in the Asia-Pacific Group
        "every member state has a regional group"
    );
    for key in [
        "CHAIR",
        "SECRETARIAT",
        "EU",
        "NON_ALIGNED",
        "AFRICAN_GROUP",
        "ARAB_GROUP",
        "ASEAN",
        "OAS",
        "AU",
        "OSCE",
        "UNIDIR",
        "UNODA",
        "ITU",
        "UNODC",
        "UNESCO",
        "UNDP",
        "UNIDO",
        "UNCTAD",
        "GFCE",
        "WORLD_BANK",
        "CIVIL_SOCIETY",
        "PRIVATE_SECTOR",
        "ACADEMIA",
    ] {
        assert!(file.actors.iter().any(|a| a.key() == key), "missing {key}");
    }
}

#[test]
fn iso_codes_agree_with_iso_3166() {
    let file = GazetteerFile::builtin().unwrap();
    let mut wrong = Vec::new();
    for actor in file.actors.iter().filter(|a| a.kind == ActorKind::State) {
        let (Some(iso2), Some(iso3)) = (&actor.iso2, &actor.iso3) else {
            wrong.push(format!("{}: no codes", actor.name));
            continue;
        };
        if actor.until.is_some() {
            // ISO 3166-3: codes of the countries that left ISO 3166-1.
            let former = [
                ("SUN", "SU"),
                ("YUG", "YU"),
                ("CSK", "CS"),
                ("DDR", "DD"),
                ("YMD", "YD"),
            ];
            if !former.contains(&(iso3.as_str(), iso2.as_str())) {
                wrong.push(format!("{}: {iso3}/{iso2} is not ISO 3166-3", actor.name));
            }
            continue;
        }
        match celes::Country::from_alpha3(iso3) {
            Ok(country) if country.alpha2 == iso2.as_str() => {}
            Ok(country) => wrong.push(format!(
                "{}: {iso3} is {}, not {iso2}",
                actor.name, country.alpha2
            )),
            Err(_) => wrong.push(format!(
                "{}: {iso3} is not an ISO 3166 alpha-3 code",
                actor.name
            )),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn names_fold_case_accents_apostrophes_and_articles() {
    let (_dir, library) = library();
    for name in [
        "Côte d'Ivoire",
        "Cote d’Ivoire",
        "COTE DIVOIRE",
        "the delegation of Côte d\u{2019}Ivoire",
    ] {
        assert_eq!(
            library.resolve(name).name(),
            Some("Côte d'Ivoire"),
            "{name}"
        );
    }
    for name in ["Türkiye", "Turkiye", "Turkey", "TÜRKIYE"] {
        assert_eq!(library.resolve(name).name(), Some("Türkiye"), "{name}");
    }
}

#[test]
fn unknown_names_get_suggestions() {
    let (_dir, library) = library();
    match library.resolve("Phillipines") {
        Resolution::Unknown { suggestions } => {
            assert_eq!(suggestions.first().map(String::as_str), Some("Philippines"))
        }
        other => panic!("{other:?}"),
    }
    match library.resolve("Atlantis") {
        Resolution::Unknown { suggestions } => assert!(suggestions.len() <= 3),
        other => panic!("{other:?}"),
    }
}

/// The five former Member States: each ended on its `until` day and left today's States.
#[test]
fn former_states_are_the_five_and_their_successors_are_today_s() {
    let file = GazetteerFile::builtin().unwrap();
    let by_key: HashMap<_, _> = file.actors.iter().map(|a| (a.key(), a)).collect();
    let former: BTreeSet<_> = file
        .actors
        .iter()
        .filter(|a| a.until.is_some())
        .map(|a| a.key())
        .collect();
    assert_eq!(former, BTreeSet::from(["CSK", "DDR", "SUN", "YMD", "YUG"]));
    for key in &former {
        let state = by_key[key];
        assert_eq!(
            state.iso3.as_deref(),
            Some(*key),
            "keyed by its ISO 3166-3 code"
        );
        assert!(state.groups.is_empty(), "{key}: memberships are today's");
        for successor in &state.successors {
            assert!(
                by_key[successor.as_str()].until.is_none(),
                "{key} → {successor}"
            );
        }
    }
    assert_eq!(by_key["SUN"].continued_by.as_deref(), Some("RUS"));
}

/// A former State speaks only in its time, and today's States keep today's names.
#[test]
fn names_of_former_states_resolve_by_the_record_s_date() {
    let (_dir, library) = library();
    let r = library.resolver();
    let on = |y| chrono::NaiveDate::from_ymd_opt(y, 9, 15);
    let name = |n: &str, date| r.resolve_on(n, date).name().map(str::to_string);
    let cases = [
        ("Yemen", on(2020), Some("Yemen")),
        ("Yemen", on(1985), Some("Yemen")),
        ("Germany", on(2020), Some("Germany")),
        ("Democratic Yemen", on(1985), Some("Democratic Yemen")),
        ("Democratic Yemen", on(2020), None),
        (
            "German Democratic Republic",
            on(1989),
            Some("German Democratic Republic"),
        ),
        ("German Democratic Republic", on(1991), None),
        ("Yugoslavia", on(1991), Some("Yugoslavia")),
        ("Yugoslavia", on(2001), None),
        ("Czechoslovakia", on(1992), Some("Czechoslovakia")),
        ("Czechoslovakia", on(1993), None),
        (
            "Russian Federation",
            on(1985),
            Some("Union of Soviet Socialist Republics"),
        ),
        ("Russia", on(2020), Some("Russian Federation")),
        ("Belarus", on(1985), Some("Belarus")),
        ("Czechia", on(1985), Some("Czechia")),
    ];
    for (input, date, expected) in cases {
        assert_eq!(
            name(input, date).as_deref(),
            expected,
            "{input:?} on {date:?}"
        );
    }
    let modern = "The collapse of the Soviet Union and the wars of the former Yugoslavia \
                  taught Germany, Yemen and the Czech Republic, as the GDR did.";
    let mentioned: Vec<_> = r
        .mentions(modern, |k| k == ActorKind::State)
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(mentioned, ["Germany", "Yemen", "Czechia"]);
}

/// Acceptance: every country code the UN General Debate corpus uses names its actor.
#[test]
fn every_ungdc_country_code_resolves() {
    let Some(corpus) = corpus() else { return };
    let (_dir, library) = library();
    let mut codes = BTreeSet::new();
    for session in std::fs::read_dir(corpus.join("ungdc")).unwrap() {
        for file in std::fs::read_dir(session.unwrap().path()).unwrap() {
            let name = file.unwrap().file_name().to_string_lossy().into_owned();
            if let Some((code, _)) = name.split_once('_') {
                codes.insert(code.to_string());
            }
        }
    }
    assert!(codes.len() > 190, "{} codes", codes.len());
    let by_code: HashMap<_, _> = library
        .actors(None)
        .unwrap()
        .into_iter()
        .filter_map(|a| a.iso3.clone().map(|c| (c, a.name)))
        .collect();
    let unresolved: Vec<_> = codes
        .iter()
        .filter(|code| {
            let got = library.resolve_code(code);
            match by_code.get(code.as_str()) {
                Some(name) => got.name() != Some(name.as_str()),
                None => got.name().is_none(),
            }
        })
        .collect();
    assert!(
        unresolved.is_empty(),
        "unresolved UNGDC codes: {unresolved:?}"
    );
}

/// Acceptance: every country code of the 1970–1994 General Debate files names, in its
/// year, the State of its time (a cheap check beside the full import in `import.rs`).
#[test]
fn every_ungdc_1970_1994_code_names_the_state_of_its_year() {
    let Some(corpus) = corpus() else { return };
    let (_dir, library) = library();
    let names: HashMap<_, _> = library
        .actors(None)
        .unwrap()
        .into_iter()
        .map(|a| (a.key, a.name))
        .collect();
    let files = corpus_files(&corpus.join("ungdc-1970-1994"));
    assert_eq!(files.len(), 3568);
    let mut codes = BTreeSet::new();
    let mut wrong = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap();
        let (code, rest) = name.split_once('_').unwrap();
        codes.insert(code.to_string());
        let year: i32 = rest[rest.len() - 8..rest.len() - 4].parse().unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(year, 9, 15);
        let expected = ungdc_speaker_key(name).unwrap();
        let got = library.resolver().resolve_code_on(code, date);
        if got.name() != names.get(&expected).map(String::as_str) {
            wrong.push(format!("{name}: {got:?}, expected {expected}"));
        }
    }
    for former in ["YUG", "CSK", "DDR", "YMD"] {
        assert!(codes.contains(former), "no {former} file");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

//! Former States: States that spoke at the UN and no longer exist under that name and
//! code (the Union of Soviet Socialist Republics, Yugoslavia, Czechoslovakia, the
//! German Democratic Republic, Democratic Yemen). An entry marks one with `until` (the
//! last day it existed), `successors` (the States its territory became) and, where one
//! successor continued its seat and sources file its records under that successor's
//! code, `continued_by` (the UNGDC files the USSR's speeches as `RUS`).
//!
//! A State renamed but not ended (Burma, Zaire, Upper Volta, Dahomey, the Byelorussian
//! SSR) is the same actor: its old names are aliases of today's entry.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{ActorEntry, ActorKind};

/// The day a former State ceased to exist, read from its `until` field.
pub fn parse_until(until: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(until, "%Y-%m-%d").ok()
}

/// Checks an entry's `until`, `successors` and `continued_by` against every entry of the
/// file; the message names the entry and what is wrong.
pub fn check(entry: &ActorEntry, keys: &HashMap<&str, &ActorEntry>) -> Result<(), String> {
    let key = entry.key();
    let Some(until) = &entry.until else {
        return match (entry.successors.first(), &entry.continued_by) {
            (Some(_), _) => Err(format!("{key} lists successors but has no until date")),
            (None, Some(_)) => Err(format!("{key} has continued_by but no until date")),
            (None, None) => Ok(()),
        };
    };
    if entry.kind != ActorKind::State {
        return Err(format!("{key} has an until date but is not a state"));
    }
    if parse_until(until).is_none() {
        return Err(format!(
            "{key}: until {until:?} is not a date written YYYY-MM-DD"
        ));
    }
    if entry.successors.is_empty() {
        return Err(format!("former state {key} needs successors"));
    }
    for successor in &entry.successors {
        match keys.get(successor.as_str()) {
            None => return Err(format!("{key} lists unknown successor key {successor:?}")),
            Some(_) if successor == key => return Err(format!("{key} succeeds itself")),
            Some(s) if s.kind != ActorKind::State => {
                return Err(format!("successor {successor:?} of {key} is not a state"));
            }
            Some(_) => {}
        }
    }
    if let Some(continuer) = &entry.continued_by {
        if !entry.successors.contains(continuer) {
            return Err(format!(
                "continued_by {continuer:?} of {key} is not one of its successors"
            ));
        }
        if keys
            .get(continuer.as_str())
            .is_some_and(|c| c.until.is_some())
        {
            return Err(format!(
                "continued_by {continuer:?} of {key} is itself a former state"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::gazetteer::{ActorKind, GazetteerFile, Resolver};

    /// A group, current States, a former State continued by a current one and one
    /// merged into a current one.
    const FILE: &str = r#"
[[actor]]
key = "EEG"
name = "Eastern European Group"
kind = "group"

[[actor]]
key = "RUS"
name = "Russian Federation"
kind = "state"
iso2 = "RU"
iso3 = "RUS"

[[actor]]
key = "UKR"
name = "Ukraine"
kind = "state"
iso2 = "UA"
iso3 = "UKR"

[[actor]]
key = "SUN"
name = "Union of Soviet Socialist Republics"
kind = "state"
iso2 = "SU"
iso3 = "SUN"
until = "1991-12-25"
successors = ["RUS", "UKR"]
continued_by = "RUS"
aliases = ["USSR", "Soviet Union"]

[[actor]]
key = "YEM"
name = "Yemen"
kind = "state"
iso2 = "YE"
iso3 = "YEM"

[[actor]]
key = "YMD"
name = "Democratic Yemen"
kind = "state"
iso2 = "YD"
iso3 = "YMD"
until = "1990-05-21"
successors = ["YEM"]
"#;

    /// The error `FILE` with `from` replaced by `to` gives, or "ok".
    fn check(from: &str, to: &str) -> String {
        let text = FILE.replace(from, to);
        assert_ne!(text, FILE, "{from:?} is not in the fixture");
        match GazetteerFile::parse("former.toml", &text) {
            Ok(_) => "ok".to_string(),
            Err(e) => e.to_string(),
        }
    }

    fn assert_error(from: &str, to: &str, expected: &str) {
        let msg = check(from, to);
        assert!(
            msg.contains("former.toml, line 22") && msg.contains(expected),
            "{from:?} → {to:?}: {msg}"
        );
    }

    #[test]
    fn a_well_formed_former_state_is_read() {
        let file = GazetteerFile::parse("former.toml", FILE).unwrap();
        let sun = file.actors.iter().find(|a| a.key() == "SUN").unwrap();
        assert_eq!(sun.until.as_deref(), Some("1991-12-25"));
        assert_eq!(sun.successors, ["RUS", "UKR"]);
        assert_eq!(sun.continued_by.as_deref(), Some("RUS"));
    }

    #[test]
    fn bad_former_states_are_errors_with_the_line() {
        let successors = "successors = [\"RUS\", \"UKR\"]";
        assert_error(
            successors,
            "successors = [\"RUS\", \"XXX\"]",
            "unknown successor key \"XXX\"",
        );
        assert_error(
            successors,
            "successors = [\"RUS\", \"EEG\"]",
            "successor \"EEG\" of SUN is not a state",
        );
        assert_error(
            successors,
            "successors = [\"RUS\", \"SUN\"]",
            "SUN succeeds itself",
        );
        assert_error(
            successors,
            "successors = []",
            "former state SUN needs successors",
        );
        assert_error(
            "1991-12-25",
            "25/12/1991",
            "until \"25/12/1991\" is not a date",
        );
        assert_error("1991-12-25", "1991-02-30", "is not a date");
        assert_error(
            "continued_by = \"RUS\"",
            "continued_by = \"EEG\"",
            "not one of its successors",
        );
        assert_error(
            "until = \"1991-12-25\"\n",
            "",
            "lists successors but has no until date",
        );
        assert_error(
            "until = \"1991-12-25\"\nsuccessors = [\"RUS\", \"UKR\"]\n",
            "",
            "has continued_by but no until date",
        );
        assert_error(
            "kind = \"state\"\niso2 = \"SU\"",
            "kind = \"role\"\niso2 = \"SU\"",
            "not a state",
        );
    }

    #[test]
    fn a_former_state_may_not_continue_into_another_former_state() {
        let text = FILE.replace(
            "iso3 = \"RUS\"\n",
            "iso3 = \"RUS\"\nuntil = \"2000-01-01\"\nsuccessors = [\"UKR\"]\n",
        );
        let msg = GazetteerFile::parse("former.toml", &text)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("is itself a former state"), "{msg}");
    }

    #[test]
    fn a_former_state_may_not_take_a_current_code() {
        let msg = check("iso3 = \"SUN\"", "iso3 = \"RUS\"");
        assert!(
            msg.contains("line 22") && msg.contains("iso3 \"RUS\" of SUN already names RUS"),
            "{msg}"
        );
    }

    /// A resolver over `FILE`, ids in file order.
    fn resolver() -> Resolver {
        GazetteerFile::parse("former.toml", FILE)
            .unwrap()
            .resolver()
    }

    fn on(year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, 9, 15)
    }

    /// The key `name` resolves to in a record of `date` ("-" for none).
    fn key_of(r: &Resolver, name: &str, date: Option<NaiveDate>) -> String {
        match r.resolve_on(name, date) {
            crate::Resolution::Known { key, .. } => key,
            crate::Resolution::Unknown { .. } => "-".to_string(),
        }
    }

    #[test]
    fn names_resolve_to_the_state_of_the_record_s_time() {
        let r = resolver();
        let cases = [
            ("Union of Soviet Socialist Republics", None, "SUN"),
            ("USSR", on(1985), "SUN"),
            ("Soviet Union", on(1991), "SUN"),
            ("Soviet Union", on(1992), "-"),
            ("Russian Federation", None, "RUS"),
            ("Russian Federation", on(1985), "SUN"),
            ("Russian Federation", on(1992), "RUS"),
            ("Ukraine", on(1985), "UKR"),
            ("Yemen", None, "YEM"),
            ("Yemen", on(1985), "YEM"),
            ("Yemen", on(2020), "YEM"),
            ("Democratic Yemen", on(1989), "YMD"),
            (
                "Democratic Yemen",
                NaiveDate::from_ymd_opt(1990, 5, 21),
                "YMD",
            ),
            (
                "Democratic Yemen",
                NaiveDate::from_ymd_opt(1990, 5, 22),
                "-",
            ),
            ("Democratic Yemen", None, "YMD"),
        ];
        for (name, date, expected) in cases {
            assert_eq!(key_of(&r, name, date), expected, "{name:?} on {date:?}");
        }
    }

    #[test]
    fn file_codes_resolve_to_the_state_of_the_file_s_year() {
        let r = resolver();
        let code = |code: &str, date| r.resolve_code_on(code, date).name().map(str::to_string);
        let ussr = Some("Union of Soviet Socialist Republics".to_string());
        assert_eq!(code("RUS", on(1991)), ussr);
        assert_eq!(code("RUS", on(1992)).as_deref(), Some("Russian Federation"));
        assert_eq!(code("RUS", None).as_deref(), Some("Russian Federation"));
        assert_eq!(code("SUN", on(1970)), ussr);
        assert_eq!(code("YMD", on(1989)).as_deref(), Some("Democratic Yemen"));
        assert_eq!(code("YEM", on(1989)).as_deref(), Some("Yemen"));
        assert_eq!(
            code("YMD", on(1990)),
            None,
            "Democratic Yemen ended in May 1990"
        );
    }

    #[test]
    fn running_text_and_sound_keys_never_find_a_former_state() {
        let r = resolver();
        let text = "Since the Soviet Union fell, Democratic Yemen and Yemen have spoken.";
        let today: Vec<_> = r.mentions(text, |k| k == ActorKind::State);
        assert_eq!(today.len(), 1, "{today:?}");
        assert_eq!(&text[today[0].start..today[0].end], "Yemen");
        assert!(today[0].start > text.find("Democratic").unwrap());
        let any_time: Vec<_> = r
            .mentions_any_time(text, |k| k == ActorKind::State)
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(
            any_time,
            [
                "Union of Soviet Socialist Republics",
                "Democratic Yemen",
                "Yemen"
            ]
        );
        let sounds: Vec<_> = r
            .aliases_by_sound()
            .iter()
            .map(|(_, a, _)| a.as_str())
            .collect();
        assert!(sounds.contains(&"yemen") && sounds.contains(&"russian federation"));
        assert!(
            !sounds
                .iter()
                .any(|a| a.contains("soviet") || a.contains("democratic")),
            "{sounds:?}"
        );
    }
}

//! The gazetteer: who can speak in a meeting and every way records name them.
//!
//! The shipped list (`assets/gazetteer.toml`, compiled into the binary) holds the 193
//! UN member states, the observer states, the former member states of their time
//! ([`former`]), the EU, the UN regional groups, negotiating
//! groups (NAM, African Group, Arab Group, ASEAN, …), organisations, stakeholder
//! categories and the roles (Chair, Secretariat). [`GazetteerFile::parse`] checks it
//! (unknown group keys, duplicate aliases) and the store loads it into the library; a
//! [`Resolver`] built from the library then maps any name a record uses to one actor.
//! The States' French and Spanish names (`assets/gazetteer-translations.toml`, generated
//! from Debian's iso-codes by `scripts/gazetteer-translations.py`) are merged in as
//! aliases by [`GazetteerFile::builtin`].
//!
//! Invariant: an alias, once folded by [`names::normalize`], names at most one actor.
//!
//! `file` reads and checks gazetteer files; `resolver` maps names to actors;
//! [`names`] folds names for comparison.

mod file;
pub mod former;
pub mod names;
mod resolver;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use file::{ActorEntry, GazetteerFile};
pub use resolver::{Mention, Resolution, Resolver, ResolverActor};

use crate::error::{Error, Result};

/// The gazetteer shipped with Plenary.
pub const BUILTIN: &str = include_str!("../../assets/gazetteer.toml");
/// The name used for the shipped gazetteer in error messages.
pub const BUILTIN_NAME: &str = "assets/gazetteer.toml";
/// The States' French and Spanish names shipped with Plenary, generated from ISO 3166-1
/// (Debian iso-codes) by `scripts/gazetteer-translations.py`.
pub const TRANSLATIONS: &str = include_str!("../../assets/gazetteer-translations.toml");
/// The name used for the shipped translations in error messages.
pub const TRANSLATIONS_NAME: &str = "assets/gazetteer-translations.toml";
/// Every shipped text [`GazetteerFile::builtin`] reads: the library reloads the gazetteer
/// when any of them changes.
pub const BUILTIN_SOURCES: [&str; 2] = [BUILTIN, TRANSLATIONS];

/// What sort of actor speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A UN member or observer state.
    State,
    /// A group that speaks for its members: the EU, NAM, a UN regional group, …
    Group,
    /// An international or regional organisation, a UN entity.
    Organisation,
    /// A stakeholder category: civil society, private sector, academia.
    Stakeholder,
    /// A role in the meeting: the Chair, the Secretariat.
    Role,
}

impl ActorKind {
    /// Every kind, in display order.
    pub const ALL: [ActorKind; 5] = [
        ActorKind::State,
        ActorKind::Group,
        ActorKind::Organisation,
        ActorKind::Stakeholder,
        ActorKind::Role,
    ];

    /// The kind's name as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Group => "group",
            ActorKind::Organisation => "organisation",
            ActorKind::Stakeholder => "stakeholder",
            ActorKind::Role => "role",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let folded = s.trim().to_lowercase();
        let kind = match folded.as_str() {
            "state" | "states" => ActorKind::State,
            "group" | "groups" => ActorKind::Group,
            "organisation" | "organisations" | "organization" | "organizations" => {
                ActorKind::Organisation
            }
            "stakeholder" | "stakeholders" => ActorKind::Stakeholder,
            "role" | "roles" => ActorKind::Role,
            _ => {
                return Err(Error::UnknownValue {
                    what: "actor kind",
                    value: s.to_string(),
                    expected: ActorKind::ALL.map(ActorKind::as_str).join(", "),
                })
            }
        };
        Ok(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
[[actor]]
key = "WEOG"
name = "Western European and Others Group"
kind = "group"
category = "regional"

[[actor]]
key = "EU"
name = "European Union"
kind = "group"
aliases = ["EU"]

[[actor]]
key = "FRA"
name = "France"
kind = "state"
iso2 = "FR"
iso3 = "FRA"
region = "WEOG"
groups = ["EU"]
aliases = ["French Republic"]
"#;

    fn resolver(text: &str) -> Resolver {
        GazetteerFile::parse("test", text).unwrap().resolver()
    }

    #[test]
    fn resolves_aliases_codes_and_suggests() {
        let r = resolver(SMALL);
        assert_eq!(r.resolve("the French Republic").name(), Some("France"));
        assert_eq!(r.resolve("FRA").name(), Some("France"));
        assert_eq!(r.resolve("fra").name(), None, "codes are upper case only");
        assert_eq!(r.resolve_code("fra").name(), Some("France"));
        assert_eq!(r.resolve_code("EU").name(), Some("European Union"));
        assert_eq!(r.resolve("eu").name(), Some("European Union"));
        match r.resolve("Frence") {
            Resolution::Unknown { suggestions } => assert_eq!(suggestions, ["France"]),
            other => panic!("expected unknown, got {other:?}"),
        }
    }

    fn parse_error(text: &str) -> String {
        GazetteerFile::parse("test.toml", text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn rejects_bad_files_with_the_line() {
        let dup_alias =
            format!("{SMALL}\n[[actor]]\nkey = \"X\"\nname = \"France\"\nkind = \"role\"\n");
        let msg = parse_error(&dup_alias);
        assert!(
            msg.contains("line 25") && msg.contains("already names FRA"),
            "{msg}"
        );

        let bad_group = SMALL.replace("groups = [\"EU\"]", "groups = [\"NOPE\"]");
        assert!(parse_error(&bad_group).contains("unknown group key \"NOPE\""));

        let bad_kind = SMALL.replace("kind = \"state\"", "kind = \"country\"");
        let msg = parse_error(&bad_kind);
        assert!(
            msg.contains("test.toml, line 17") && msg.contains("unknown variant"),
            "{msg}"
        );

        let no_iso = SMALL.replace("iso3 = \"FRA\"\n", "");
        assert!(parse_error(&no_iso).contains("needs iso2 and iso3"));
    }

    #[test]
    fn translations_become_aliases_and_collisions_are_errors_with_the_line() {
        let file = GazetteerFile::parse("test", SMALL).unwrap();
        let merge = |text: &str| {
            file.clone()
                .with_translations("tr.toml", text)
                .map_err(|e| e.to_string())
        };
        let merged =
            merge("[FRA]\nfr = [\"France\", \"République française\"]\nes = [\"Francia\"]\n")
                .unwrap();
        let fra = merged.actors.iter().find(|a| a.key() == "FRA").unwrap();
        assert_eq!(
            fra.aliases,
            ["French Republic", "République française", "Francia"],
            "a name France already answers to is skipped"
        );

        let msg = merge(
            "[FRA]\nfr = [\"Francia\"]\n\nes = [\"Francia\", \"Unión Europea\", \"UE\", \"EU\"]\n",
        )
        .unwrap_err();
        assert!(
            msg.contains("tr.toml, line 4") && msg.contains("\"EU\" of FRA already names EU"),
            "{msg}"
        );
        let msg = merge("[EU]\nfr = [\"UE\"]\n").unwrap_err();
        assert!(
            msg.contains("line 1") && msg.contains("EU is not a state"),
            "{msg}"
        );
        let msg = merge("[FRA]\nfr = [\"France\"]\n[XXX]\nes = [\"X\"]\n").unwrap_err();
        assert!(
            msg.contains("line 3") && msg.contains("unknown actor key"),
            "{msg}"
        );
        let msg = merge("[FRA]\nde = [\"Frankreich\"]\n").unwrap_err();
        assert!(
            msg.contains("line 2") && msg.contains("unknown field"),
            "{msg}"
        );
    }

    #[test]
    fn kinds_parse_in_both_spellings() {
        assert_eq!(
            "Organization".parse::<ActorKind>().unwrap(),
            ActorKind::Organisation
        );
        assert_eq!("states".parse::<ActorKind>().unwrap(), ActorKind::State);
        let err = "country".parse::<ActorKind>().unwrap_err().to_string();
        assert!(
            err.contains("state, group, organisation, stakeholder, role"),
            "{err}"
        );
    }
}

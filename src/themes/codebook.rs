//! The theme codebook: hierarchical themes with the words that signal them, the stance
//! lexicon, and the acronyms search may expand (`assets/codebook.toml`, the user's to
//! edit).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The codebook shipped with Plenary.
pub const BUILTIN: &str = include_str!("../../assets/codebook.toml");
/// The name used for the shipped codebook in error messages.
pub const BUILTIN_NAME: &str = "assets/codebook.toml";

/// Phrases that signal a stance in the sentence carrying a theme.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceLexicon {
    #[serde(default)]
    pub support: Vec<String>,
    #[serde(default)]
    pub oppose: Vec<String>,
    #[serde(default)]
    pub conditional: Vec<String>,
    /// Phrases that contain a cue but carry no stance ("avoid duplication").
    #[serde(default)]
    pub neutral: Vec<String>,
}

/// When a statement from a forum that is not about ICT security counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Process key prefixes whose statements are about ICT security by definition.
    #[serde(default)]
    pub ict_processes: Vec<String>,
    /// Terms one of which other statements must contain; "cyber*" is a prefix.
    #[serde(default)]
    pub terms: Vec<String>,
}

/// One theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeDef {
    /// Stable key; a sub-theme is "parent/child".
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub signals: Vec<String>,
    #[serde(default)]
    pub exclusions: Vec<String>,
    #[serde(default)]
    pub acronyms: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_signals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implies_parent: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub takes_stance: Option<bool>,
}

impl ThemeDef {
    /// The parent's key, for a sub-theme.
    pub fn parent(&self) -> Option<&str> {
        self.key.rsplit_once('/').map(|(p, _)| p)
    }

    pub fn min_signals(&self) -> u32 {
        self.min_signals.unwrap_or(1).max(1)
    }

    pub fn implies_parent(&self) -> bool {
        self.implies_parent.unwrap_or(true)
    }

    pub fn takes_stance(&self) -> bool {
        self.takes_stance.unwrap_or(true)
    }
}

/// A parsed, checked codebook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codebook {
    #[serde(default = "one")]
    pub version: u32,
    #[serde(default)]
    pub stance: StanceLexicon,
    #[serde(default)]
    pub context: Context,
    #[serde(rename = "theme", default)]
    pub themes: Vec<ThemeDef>,
}

fn one() -> u32 {
    1
}

impl Codebook {
    /// The codebook compiled into Plenary.
    pub fn builtin() -> Result<Codebook> {
        Codebook::parse(BUILTIN_NAME, BUILTIN)
    }

    /// Parses and checks a codebook; `source_name` names it in error messages.
    pub fn parse(source_name: &str, text: &str) -> Result<Codebook> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let fail = |line: usize, message: String| Error::Codebook {
            source_name: source_name.to_string(),
            line,
            message,
        };
        let book: Codebook = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(s.start)).unwrap_or(1);
            fail(line, e.message().to_string())
        })?;
        let line_of_key = |key: &str| {
            text.find(&format!("key = \"{key}\""))
                .map(line_of)
                .unwrap_or(1)
        };
        if book.themes.is_empty() {
            let message = "the codebook defines no theme: every automatic tag would be deleted. \
                           Give at least one [[themes]] entry (export the codebook in use to start from it)";
            return Err(fail(1, message.to_string()));
        }
        let mut keys = HashSet::new();
        for t in &book.themes {
            let valid = !t.key.is_empty()
                && t.key.split('/').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                });
            if !valid {
                return Err(fail(line_of_key(&t.key), format!("theme key {:?} must be lower-case words joined by hyphens, with \"/\" before a sub-theme", t.key)));
            }
            if !keys.insert(t.key.as_str()) {
                return Err(fail(
                    line_of_key(&t.key),
                    format!("duplicate theme key {:?}", t.key),
                ));
            }
        }
        for t in &book.themes {
            if let Some(parent) = t.parent() {
                if !keys.contains(parent) {
                    return Err(fail(
                        line_of_key(&t.key),
                        format!("theme {:?} has no parent theme {parent:?}", t.key),
                    ));
                }
            }
        }
        Ok(book)
    }

    /// The codebook as TOML, for `plenary themes export`.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// Acronym (lower case) → the label of its theme, for search expansion.
    pub fn acronyms(&self) -> HashMap<String, String> {
        let mut out = HashMap::new();
        for t in &self.themes {
            for a in &t.acronyms {
                out.entry(a.to_lowercase())
                    .or_insert_with(|| t.label.clone());
            }
        }
        out
    }

    /// The theme with this key.
    pub fn theme(&self, key: &str) -> Option<&ThemeDef> {
        self.themes.iter().find(|t| t.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_codebook_parses_with_the_required_themes() {
        let book = Codebook::builtin().unwrap();
        for key in [
            "capacity-building",
            "poa",
            "funding",
            "cbms",
            "norms",
            "international-law",
            "threats",
            "multistakeholder",
            "funding/voluntary-fund",
            "cbms/poc-directory",
            "poa/regular-institutional-dialogue",
            "poa/future-permanent-mechanism",
        ] {
            assert!(book.theme(key).is_some(), "missing theme {key}");
        }
        let acronyms = book.acronyms();
        assert_eq!(
            acronyms.get("poa").map(String::as_str),
            Some("Programme of Action")
        );
        assert!(
            acronyms.contains_key("cbms")
                && acronyms.contains_key("poc")
                && acronyms.contains_key("rid")
        );
    }

    #[test]
    fn bad_codebooks_name_the_line() {
        let err = Codebook::parse("mine.toml", "[[theme]]\nkey = \"a/b\"\nlabel = \"B\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("mine.toml, line 2") && err.contains("no parent theme \"a\""),
            "{err}"
        );
        let err = Codebook::parse("mine.toml", "[[theme]]\nkey = \"Bad Key\"\nlabel = \"B\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("lower-case"), "{err}");
        let err = Codebook::parse(
            "mine.toml",
            "[[theme]]\nkey = \"a\"\nlabel = \"A\"\nsignal = []\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 4"), "{err}");
    }
}

//! Attribution: working out who spoke.
//!
//! A statement's speaker comes from the strongest evidence the source offers, and the
//! statement records which it was ([`Method`]) and how sure that is:
//! - `label` — a speaker label line ("United Kingdom", "Chair:");
//! - `chair_cue` — the presiding officer's floor-giving words before an unlabelled
//!   turn ("Pakistan, to be followed by Saudi Arabia. Pakistan, please.") — see
//!   [`cues`];
//! - `approximate` — a floor cue whose name speech recognition garbled, matched by
//!   how it sounds against the speakers plausible there ("Shelly" for Chile) — see
//!   [`approximate`];
//! - `in_text` — the text itself (who is thanked, who is introduced next, "on behalf
//!   of UNIDIR", a person introduced earlier with their organisation);
//! - `file_name` — the file's name (`FRA_78_2023.txt`);
//! - `document` — the document's author (a Secretariat paper);
//! - `manual` — a person fixed it; survives re-import.
//!
//! [`links`] finds "on behalf of" and "aligns itself with" relations.

pub mod approximate;
pub mod cues;
pub mod links;
pub mod sentences;
pub mod turns;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::error::Error;

/// How a statement's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Label,
    ChairCue,
    Approximate,
    InText,
    FileName,
    Document,
    Manual,
    Unknown,
}

impl Method {
    pub const ALL: [Method; 8] = [
        Method::Label,
        Method::ChairCue,
        Method::Approximate,
        Method::InText,
        Method::FileName,
        Method::Document,
        Method::Manual,
        Method::Unknown,
    ];

    /// The method's name as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Label => "label",
            Method::ChairCue => "chair_cue",
            Method::Approximate => "approximate",
            Method::InText => "in_text",
            Method::FileName => "file_name",
            Method::Document => "document",
            Method::Manual => "manual",
            Method::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Method::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| Error::UnknownValue {
                what: "attribution method",
                value: s.to_string(),
                expected: Method::ALL.map(Method::as_str).join(", "),
            })
    }
}

/// Who a parser thinks spoke, before the name is resolved to an actor.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpeakerGuess {
    /// The name to resolve to an actor ("Russian Federation", "Chair"), if any.
    pub name: Option<String>,
    /// The speaker as the source labels them, verbatim.
    pub label: Option<String>,
    /// A named person ("Irina Bokova").
    pub person: Option<String>,
    pub method: Option<Method>,
    /// 0.0–1.0.
    pub confidence: f64,
}

impl SpeakerGuess {
    /// A guess with a name, a method and a confidence.
    pub fn new(name: impl Into<String>, method: Method, confidence: f64) -> Self {
        SpeakerGuess {
            name: Some(name.into()),
            label: None,
            person: None,
            method: Some(method),
            confidence,
        }
    }

    /// No idea who spoke.
    pub fn unknown() -> Self {
        SpeakerGuess::default()
    }

    /// Sets the verbatim label.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
}

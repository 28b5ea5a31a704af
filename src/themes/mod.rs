//! Themes: the codebook of what statements discuss, and (in time) automatic tags with
//! a stance and the positions of actors.

pub mod codebook;
mod gate;
mod phrases;
mod stance;
pub mod tagger;

pub use codebook::Codebook;
pub use tagger::{AutoTag, Stance, Tagger};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A stance as a person gave it ("Support ", "oppose"), or an error listing the stances.
impl std::str::FromStr for Stance {
    type Err = Error;

    fn from_str(value: &str) -> Result<Stance> {
        Stance::parse(value).ok_or_else(|| Error::UnknownValue {
            what: "stance",
            value: value.to_string(),
            expected: Stance::ALL.map(Stance::as_str).join(", "),
        })
    }
}

/// Who made a tag: the tagger, from the codebook, or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum TagOrigin {
    /// Computed from the codebook; recomputed when it changes.
    Auto,
    /// A person's; it overrides the automatic tag on the same statement and theme.
    Manual,
}

impl TagOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            TagOrigin::Auto => "auto",
            TagOrigin::Manual => "manual",
        }
    }
}

impl std::str::FromStr for TagOrigin {
    type Err = Error;

    fn from_str(value: &str) -> Result<TagOrigin> {
        match value.trim().to_lowercase().as_str() {
            "auto" => Ok(TagOrigin::Auto),
            "manual" => Ok(TagOrigin::Manual),
            _ => Err(Error::UnknownValue {
                what: "tag origin",
                value: value.to_string(),
                expected: "auto, manual".into(),
            }),
        }
    }
}

/// Checks that a tag's span (`start..end`, in characters) lies within a statement of
/// `len` characters.
pub fn check_span(span: Option<(i64, i64)>, len: i64) -> Result<()> {
    match span {
        Some((start, end)) if start < 0 || end < start || end > len => Err(Error::UnknownValue {
            what: "span",
            value: format!("{start}..{end}"),
            expected: format!("START..END within the statement's {len} characters"),
        }),
        _ => Ok(()),
    }
}

impl std::fmt::Display for Stance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for TagOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

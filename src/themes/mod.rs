//! Themes: the codebook of what statements discuss, and (in time) automatic tags with
//! a stance and the positions of actors.

pub mod codebook;
pub mod tagger;

pub use codebook::Codebook;
pub use tagger::{AutoTag, Stance, Tagger};

use crate::error::{Error, Result};

/// A stance as a person gave it ("Support ", "oppose"), or an error listing the stances.
pub fn stance(value: &str) -> Result<Stance> {
    Stance::parse(value).ok_or_else(|| Error::UnknownValue {
        what: "stance",
        value: value.to_string(),
        expected: Stance::ALL.map(Stance::as_str).join(", "),
    })
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

//! Footnotes of an official UN document ("¹ See A/79/214", "^a …", "* Reissued …"):
//! kept apart from the paragraphs and linked to the first one that carries their
//! marker.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{re, MARKDOWN_LINK};
use crate::formats::document::{ParsedFootnote, ParsedStatement};

pub(super) static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|\^([a-z0-9]{1,3})|\*{1,3})\s*(\S.*)$"));
static MARKERS: LazyLock<Regex> = LazyLock::new(|| re(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|\^([a-z0-9]{1,3})\b"));

/// A footnote as read: its mark ("1", "a", "*") and its text.
pub(super) type Footnote = (String, String);

/// Superscript digits to ASCII digits.
fn superscript_number(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            '⁰' => '0',
            other => other,
        })
        .collect()
}

/// The mark a footnote or a marker's captures name (groups 1, superscript digits, and
/// 2, "^a"), if any.
pub(super) fn mark(c: &Captures) -> Option<String> {
    c.get(1)
        .map(|m| superscript_number(m.as_str()))
        .or_else(|| c.get(2).map(|m| m.as_str().to_string()))
}

/// Links each footnote to the first statement that carries its marker.
pub(super) fn link(
    footnotes: Vec<Footnote>,
    statements: &[ParsedStatement],
) -> Vec<ParsedFootnote> {
    let mut out = Vec::with_capacity(footnotes.len());
    for (number, body) in footnotes {
        let statement = statements.iter().position(|s| {
            MARKERS
                .captures_iter(&s.text)
                .any(|c| mark(&c).as_deref() == Some(number.as_str()))
        });
        out.push(ParsedFootnote {
            number,
            text: MARKDOWN_LINK.replace_all(&body, "$1").into_owned(),
            statement,
        });
    }
    out
}

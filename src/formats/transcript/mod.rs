//! Unofficial meeting transcripts (e.g. OEWG transcripts published on the web).
//!
//! The text is paragraphs separated by blank lines. Some turns open with a speaker
//! label on its own line ("United Kingdom", "Ambassador Gafoor"); the rest follow a
//! turn of the presiding officer, whose cues name the next speaker ("Pakistan to be
//! followed by Saudi Arabia. Pakistan, please."). The title gives the process, session
//! and meeting ("Session 2-8 Transcript (OEWG 2021-25)"); the Chair's opening words
//! give the agenda item. Web-page residue after the transcript ("Leave a Reply", a
//! comment form) is dropped.

//!
//! Transcripts come two ways: `labelled` (labels for some turns, Chair cues for the
//! rest) and `unlabelled` (UN Web TV's machine transcripts, no label at all).

use std::sync::LazyLock;

use regex::Regex;

mod labelled;
mod labels;
mod markdown;
mod meeting;
mod unlabelled;

pub use labels::{label, Label};
pub use meeting::{agenda_item, sitting, GLOBAL_MECHANISM};

use labels::split_inline_labels;

use super::document::{ParsedDocument, SourceType};
use super::ParseError;
use crate::gazetteer::Resolver;
use crate::text::{self, Line, Paragraph};

/// The canonical name of the presiding officer's role in the gazetteer.
pub const CHAIR: &str = "Chair";

fn re(pattern: &str) -> Regex {
    text::pattern(pattern)
}

/// Lines that start the web page's residue after a transcript.
static RESIDUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:leave a (?:reply|comment)|cancel reply|your email address will not be published|you must be logged in to post a comment|comments are closed|post navigation|share this:?|related posts?:?|\d+ (?:comments?|responses?))\s*$",
    )
});

/// Parses an unofficial transcript; `file_name` may name the meeting.
pub fn parse(
    source: &str,
    file_name: &str,
    resolver: &Resolver,
) -> Result<ParsedDocument, ParseError> {
    let lines = text::lines(source);
    let mut paras = split_inline_labels(text::paragraphs(&lines), resolver);
    if let Some(cut) = paras
        .iter()
        .position(|p| RESIDUE.is_match(p.lines[0].trimmed()))
    {
        paras.truncate(cut);
    }
    if paras.is_empty() {
        return Err(ParseError::new(1, "the transcript has no text"));
    }
    // A machine transcript names no speaker at all: its turns are found from what
    // the paragraphs do.
    let labels = paras
        .iter()
        .filter(|p| label(p, resolver, false).is_some())
        .count();
    if paras.len() < 8 {
        if let Some(blocks) = line_blocks(&lines) {
            paras = blocks;
        }
    }
    // A few stray lines that happen to be a name ("Ghana") do not make a labelled
    // transcript: labels must open a fair share of its paragraphs.
    let unlabelled =
        (labels <= 2 || labels * 20 < paras.len()) && (paras.len() >= 8 || source.len() > 4000);
    if unlabelled {
        let found = meeting::read(source, file_name);
        let mut doc = ParsedDocument::new(SourceType::Transcript, found.title);
        doc.unofficial = true;
        doc.date = found.date;
        doc.sitting = found.sitting;
        doc.provenance = Some("machine transcript without speaker labels".to_string());
        unlabelled::parse(source, &paras, &mut doc, resolver);
        return Ok(doc);
    }
    labelled::parse(&paras, resolver)
}

/// A record saved with one segment a line and no blank lines between them (a
/// transcript copied from a viewer) has its segments as lines: each is a block.
fn line_blocks<'a>(lines: &[Line<'a>]) -> Option<Vec<Paragraph<'a>>> {
    let long_lines: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    let ending = long_lines
        .iter()
        .filter(|l| l.trimmed().ends_with(['.', '?', '!']))
        .count();
    (long_lines.len() >= 8 && ending * 10 >= long_lines.len() * 6).then(|| {
        long_lines
            .iter()
            .map(|l| Paragraph {
                lines: vec![**l],
                blank_before: 0,
            })
            .collect()
    })
}

//! UN General Debate speeches (the UNGDC corpus): one file per country and year, named
//! `ISO3_SESSION_YEAR.txt` (`FRA_78_2023.txt`; `EU_…` for the European Union). The
//! country in the file name spoke every paragraph.

use std::sync::LazyLock;

use regex::Regex;

use super::document::{ParsedDocument, ParsedStatement, SourceType};
use super::text::{self, ordinal};
use super::ParseError;
use crate::attribution::{Method, SpeakerGuess};
use crate::gazetteer::Resolver;

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z]{2,3})_(\d{1,3})_((?:19|20)\d\d)\.txt$").expect("a valid built-in pattern")
});

/// The process every General Debate speech belongs to.
pub const PROCESS: (&str, &str) = ("unga-general-debate", "UN General Assembly general debate");

/// Reads `FRA_78_2023.txt` as (code, session, year).
pub fn file_name_parts(file_name: &str) -> Option<(String, i64, i64)> {
    let c = NAME.captures(file_name)?;
    Some((c[1].to_string(), c[2].parse().ok()?, c[3].parse().ok()?))
}

/// Parses a General Debate speech; the speaker comes from the file name.
pub fn parse(
    source: &str,
    file_name: &str,
    resolver: &Resolver,
) -> Result<ParsedDocument, ParseError> {
    let (code, session, year) = file_name_parts(file_name).ok_or_else(|| {
        ParseError::new(
            1,
            format!("the file name {file_name:?} is not ISO3_SESSION_YEAR.txt"),
        )
    })?;
    let speaker = resolver
        .resolve_code(&code)
        .name()
        .map(str::to_string)
        .ok_or_else(|| {
            ParseError::new(
                1,
                format!("the country code {code:?} in the file name names no known actor"),
            )
        })?;
    let mut doc = ParsedDocument::new(
        SourceType::GeneralDebate,
        format!(
            "{speaker}, general debate of the {} session ({year})",
            ordinal(session)
        ),
    );
    doc.sitting.process = Some((PROCESS.0.to_string(), PROCESS.1.to_string()));
    doc.sitting.session = Some(session);

    // Paragraphs are separated by blank lines, or are single lines; a line that does
    // not end a sentence continues on the next one (hard-wrapped text).
    let lines = text::lines(source);
    let mut current: Option<(usize, usize, usize, Vec<&str>)> = None;
    let flush = |cur: &mut Option<(usize, usize, usize, Vec<&str>)>, doc: &mut ParsedDocument| {
        if let Some((start, end, line, parts)) = cur.take() {
            doc.statements.push(ParsedStatement {
                speaker: SpeakerGuess::new(speaker.clone(), Method::FileName, 1.0),
                on_behalf_of: None,
                aligned_with: None,
                agenda_item: None,
                section: None,
                number: None,
                text: parts.join(" "),
                start,
                end,
                line,
            });
        }
    };
    for l in &lines {
        let t = l.trimmed();
        if t.is_empty() {
            flush(&mut current, &mut doc);
            continue;
        }
        let start = l.start + (l.text.len() - l.text.trim_start().len());
        let end = l.start + l.text.trim_end().len();
        match current.as_mut() {
            Some((_, e, _, parts)) => {
                *e = end;
                parts.push(t);
            }
            None => current = Some((start, end, l.number, vec![t])),
        }
        if t.ends_with(['.', '!', '?', ':', '"', '”', '\'', '’']) {
            flush(&mut current, &mut doc);
        }
    }
    flush(&mut current, &mut doc);
    if doc.statements.is_empty() {
        return Err(ParseError::new(1, "the speech has no text"));
    }
    Ok(doc)
}

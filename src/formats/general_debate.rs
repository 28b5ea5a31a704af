//! UN General Debate speeches (the UNGDC corpus): one file per country and year, named
//! `ISO3_SESSION_YEAR.txt` (`FRA_78_2023.txt`; `EU_…` for the European Union). The
//! country in the file name spoke every paragraph.

use std::sync::LazyLock;

use regex::Regex;

use super::document::{ParsedDocument, ParsedStatement, SourceType};
use super::ParseError;
use crate::attribution::{Method, SpeakerGuess};
use crate::gazetteer::{ActorKind, Resolver};
use crate::text::{self, ordinal};

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

/// "general debate of the seventy-eighth session", "78th session of the General
/// Assembly": a speech's heading names the debate and its session.
static DEBATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bgeneral debate\b").expect("a valid built-in pattern"));
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(\d{2,3})(?:st|nd|rd|th)|([a-z]+)[-\s]([a-z]+))\s+(?:regular\s+)?session\b",
    )
    .expect("a valid built-in pattern")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})\s+([A-Z][a-z]+)\s+((?:19|20)\d\d)\b")
        .expect("a valid built-in pattern")
});

/// The heading of a speech saved from elsewhere than the UNGDC (a mission's PDF, the
/// debate's web page): lines before its first paragraph of prose.
fn heading(source: &str) -> Vec<&str> {
    source
        .lines()
        .map(str::trim)
        .take_while(|l| !(l.chars().count() >= 100 && l.ends_with(['.', '!', '?', ':'])))
        .take(20)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The session number in a heading: "78th session", "seventy-eighth session".
fn heading_session(heading: &str) -> Option<i64> {
    let c = SESSION.captures(heading)?;
    if let Some(n) = c.get(1) {
        return n.as_str().parse().ok();
    }
    let tens = match c[2].to_lowercase().as_str() {
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(tens + text::number_word(&c[3].to_lowercase())?)
}

/// About when the general debate of `year` opens (mid-September): the day a speech
/// named only by its year is read at, so a file of 1991 filed under `RUS` is the Soviet
/// Union's and one of 1992 the Russian Federation's.
fn debate_opening(year: i64) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, 9, 15)
}

/// Whether `source` is a General Debate speech by its heading: it names the general
/// debate and a session of the General Assembly.
pub fn is_speech(source: &str) -> bool {
    let head = heading(source).join("\n");
    DEBATE.is_match(&head) && heading_session(&head).is_some()
}

/// Who gave a speech, when, and how that is known.
struct Speaker {
    name: String,
    session: i64,
    year: i64,
    method: Method,
    /// How many heading lines precede the speech.
    heading_lines: usize,
}

/// Parses a General Debate speech; the speaker comes from the file name
/// (`FRA_78_2023.txt`) or else from the speech's heading ("Statement by H.E. … ,
/// President of the French Republic, at the general debate of the 78th session").
pub fn parse(
    source: &str,
    file_name: &str,
    resolver: &Resolver,
) -> Result<ParsedDocument, ParseError> {
    let Speaker {
        name: speaker,
        session,
        year,
        method,
        heading_lines,
    } = speaker(source, file_name, resolver)?;
    let mut doc = ParsedDocument::new(
        SourceType::GeneralDebate,
        format!(
            "{speaker}, general debate of the {} session ({year})",
            ordinal(session)
        ),
    );
    if method == Method::InText {
        doc.date = DATE.captures(&heading(source).join("\n")).and_then(|c| {
            chrono::NaiveDate::parse_from_str(&format!("{} {} {}", &c[1], &c[2], &c[3]), "%d %B %Y")
                .ok()
        });
    }
    doc.sitting.process = Some((PROCESS.0.to_string(), PROCESS.1.to_string()));
    doc.sitting.session = Some(session);
    let guess = SpeakerGuess::new(
        speaker,
        method,
        if method == Method::FileName { 1.0 } else { 0.9 },
    );
    doc.statements = statements(source, heading_lines, &guess);
    if doc.statements.is_empty() {
        return Err(ParseError::new(1, "the speech has no text"));
    }
    Ok(doc)
}

/// The speaker, from the file name or else the speech's heading.
fn speaker(source: &str, file_name: &str, resolver: &Resolver) -> Result<Speaker, ParseError> {
    if let Some((code, session, year)) = file_name_parts(file_name) {
        let name = resolver
            .resolve_code_on(&code, debate_opening(year))
            .name()
            .map(str::to_string)
            .ok_or_else(|| {
                ParseError::new(
                    1,
                    format!(
                        "the country code {code:?} in the file name names no known actor of {year}"
                    ),
                )
            })?;
        return Ok(Speaker {
            name,
            session,
            year,
            method: Method::FileName,
            heading_lines: 0,
        });
    }
    let lines = heading(source);
    let head = lines.join("\n");
    let session = heading_session(&head).ok_or_else(|| {
        ParseError::new(
            1,
            format!("the file name {file_name:?} is not ISO3_SESSION_YEAR.txt and the heading names no session (\"78th session\")"),
        )
    })?;
    let name = resolver
        .mentions_any_time(&head, |k| matches!(k, ActorKind::State | ActorKind::Group))
        .into_iter()
        .next()
        .map(|m| m.name)
        .ok_or_else(|| {
            ParseError::new(
                1,
                "the speech's heading names no country; name the file ISO3_SESSION_YEAR.txt (FRA_78_2023.txt)",
            )
        })?;
    let year = DATE
        .captures(&head)
        .and_then(|c| c[3].parse().ok())
        .unwrap_or(1945 + session);
    Ok(Speaker {
        name,
        session,
        year,
        method: Method::InText,
        heading_lines: lines.len(),
    })
}

/// The speech's paragraphs, each spoken by `speaker`: paragraphs are separated by
/// blank lines, or are single lines; a line that does not end a sentence continues on
/// the next one (hard-wrapped text). The first `heading_lines` lines with text are
/// the heading of a speech read by its text, not part of the speech.
fn statements(source: &str, heading_lines: usize, speaker: &SpeakerGuess) -> Vec<ParsedStatement> {
    let lines = text::lines(source);
    let mut out = Vec::new();
    let mut current: Option<(usize, usize, usize, Vec<&str>)> = None;
    let flush = |cur: &mut Option<(usize, usize, usize, Vec<&str>)>,
                 out: &mut Vec<ParsedStatement>| {
        if let Some((start, end, line, parts)) = cur.take() {
            out.push(ParsedStatement {
                speaker: speaker.clone(),
                on_behalf_of: None,
                aligned_with: None,
                agenda_item: None,
                section: None,
                number: None,
                text: parts.join(" "),
                start,
                end,
                line,
                ..ParsedStatement::default()
            });
        }
    };
    let mut heading_left = heading_lines;
    for l in &lines {
        let t = l.trimmed();
        if heading_left > 0 && !t.is_empty() {
            heading_left -= 1;
            continue;
        }
        if t.is_empty() {
            flush(&mut current, &mut out);
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
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

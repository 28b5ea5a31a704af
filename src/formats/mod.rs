//! The formats stage: from a file's bytes to a parsed document.
//!
//! - [`crate::extract`] turns a container (plain text in any common encoding, saved HTML,
//!   PDF with a text layer, DOCX) into text;
//! - [`detect`] tells which source family the text is ([`SourceType`]);
//! - one module per family parses it into a [`ParsedDocument`]: [`transcript`],
//!   [`report`], [`un_document`] (and its [`verbatim`] records), [`general_debate`];
//!   the meeting records' speech turns become statements in one place, `turn`.
//!
//! Parsers resolve names only to decide what is a label or a cue; they never touch the
//! store. Invariant: a parser returns a whole document or an error, never half of one.

pub mod document;
mod furniture;
pub mod general_debate;
pub mod report;
pub mod transcript;
mod turn;
pub mod un_document;
pub mod verbatim;

use std::sync::LazyLock;

use regex::Regex;

pub use document::{ParsedDocument, SourceType};

use crate::gazetteer::Resolver;

/// A parser could not read the text as its source type.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based line where the problem is.
    pub line: usize,
    pub message: String,
}

impl ParseError {
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        ParseError {
            line,
            message: message.into(),
        }
    }
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a valid built-in pattern")
}

static GENERAL_DEBATE_NAME: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Z]{2,3}_\d{1,3}_(?:19|20)\d\d\.txt$"));
static NUMBERED_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| re(r"(?m)^\s*\d{1,3}\.\s+\S"));
/// The masthead lines of an official UN document.
static UN_MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?m)(?:^|\s)(?:Distr\.?:?\s+(?:General|Limited|Restricted)|Original:\s+[A-Z][a-z]+)\s*$")
});
static CHAIR_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:give\s+(?:you\s+)?the\s+floor|to\s+be\s+followed\s+by|you\s+have\s+the\s+floor|has\s+the\s+floor|floor\s+is\s+yours|(?:now\s+)?(?:call\s+on|invite)\s+(?:the\s+)?\p{Lu}|por\s+favor\.|tiene\s+(?:usted\s+)?(?:el\s+uso\s+de\s+)?la\s+palabra|vous\s+avez\s+la\s+parole)\b|(?-i:\b\p{Lu}[\p{L}\-]+,\s+please\.)",
    )
});

/// Whether a document's head carries a UN symbol or distribution line.
fn symbol_or_masthead(head: &str) -> bool {
    un_document::symbol(head).is_some() || UN_MASTHEAD.is_match(head)
}

/// A paragraph opening with a speaker's label: "France: Thank you, Chair."
static INLINE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?m)^\s*\p{Lu}[\p{L} .'’()\-]{1,60}:[ \t]+\S"));
/// The presiding officer's label opening a paragraph: "Chair:", "The Chair (Mr. X):".
static INLINE_CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?mi)^\s*(?:the\s+)?(?:acting\s+)?(?:chair|chairperson|chairman|chairwoman|president|moderator)(?:\s*\([^()\n]{1,60}\))?:[ \t]+\S",
    )
});

/// Which source family `text` (from a file named `file_name`) is, if any.
pub fn detect(text: &str, file_name: &str) -> Option<SourceType> {
    if GENERAL_DEBATE_NAME.is_match(file_name) {
        return Some(SourceType::GeneralDebate);
    }
    let head: String = text.lines().take(60).collect::<Vec<_>>().join("\n");
    let head_lower = head.to_lowercase();
    let stats = text.contains("Speech speed") || text.contains("Speech length");
    let transcript_heading = text
        .lines()
        .any(|l| report::TRANSCRIPT_HEADING.is_match(l.trim()));
    if transcript_heading
        && (stats
            || head_lower.contains("session report")
            || head_lower.contains("not an official record"))
    {
        return Some(SourceType::SessionReport);
    }
    if verbatim::is_verbatim(text) {
        return Some(SourceType::UnDocument);
    }
    if !symbol_or_masthead(&head) && general_debate::is_speech(text) {
        return Some(SourceType::GeneralDebate);
    }
    // A symbol and a distribution line together are a UN masthead for certain, and
    // a short paper (a letter, a working paper) may have few numbered paragraphs or
    // none; either alone needs more of the document's shape.
    let (symbol, distribution) = (
        un_document::symbol(&head).is_some(),
        UN_MASTHEAD.is_match(&head),
    );
    let numbered = NUMBERED_PARAGRAPH.find_iter(text).count();
    // (A letter or note verbale has no numbered paragraphs at all: the masthead must
    // then be complete.)
    if (symbol && distribution) || ((symbol || distribution) && numbered >= 3) {
        return Some(SourceType::UnDocument);
    }
    let first_lines: String = text
        .lines()
        .take(10)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if first_lines.contains("transcript") || CHAIR_CUE.find_iter(text).count() >= 3 {
        return Some(SourceType::Transcript);
    }
    // Notes of a meeting with the speakers' labels opening their speeches: the Chair
    // speaks at least twice, and there are several speeches.
    let inline_labels = INLINE_LABEL.find_iter(text).count();
    if inline_labels >= 5 && INLINE_CHAIR.find_iter(text).count() >= 2 {
        return Some(SourceType::Transcript);
    }
    None
}

/// Parses `text` as `source_type`.
pub fn parse(
    source_type: SourceType,
    text: &str,
    file_name: &str,
    resolver: &Resolver,
) -> Result<ParsedDocument, ParseError> {
    match source_type {
        SourceType::Transcript => transcript::parse(text, file_name, resolver),
        SourceType::SessionReport => report::parse(text, resolver),
        SourceType::UnDocument if verbatim::is_verbatim(text) => verbatim::parse(text, resolver),
        SourceType::UnDocument => un_document::parse(text, resolver),
        SourceType::GeneralDebate => general_debate::parse(text, file_name, resolver),
    }
}

//! What a parser produces: a document with its statements, before any actor is
//! resolved or anything is stored.

use chrono::NaiveDate;
use serde::Serialize;

use crate::attribution::SpeakerGuess;

/// The source families Plenary reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    /// Unofficial OEWG transcripts: speaker labels for some turns, Chair cues for the rest.
    Transcript,
    /// AI-generated session reports: summary, transcript, speech statistics.
    SessionReport,
    /// Official UN documents: symbol, numbered paragraphs, footnotes.
    UnDocument,
    /// UN General Debate speeches, one country per file (`ISO3_SESSION_YEAR.txt`).
    GeneralDebate,
}

impl SourceType {
    pub const ALL: [SourceType; 4] = [
        SourceType::Transcript,
        SourceType::SessionReport,
        SourceType::UnDocument,
        SourceType::GeneralDebate,
    ];

    /// The name as stored, printed and accepted by `--format`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::Transcript => "transcript",
            SourceType::SessionReport => "session_report",
            SourceType::UnDocument => "un_document",
            SourceType::GeneralDebate => "general_debate",
        }
    }

    /// One line saying what the type is, for error messages and `--help`.
    pub fn describe(self) -> &'static str {
        match self {
            SourceType::Transcript => {
                "an unofficial meeting transcript with speaker labels or Chair cues"
            }
            SourceType::SessionReport => {
                "an AI-generated session report (summary, transcript, speech statistics)"
            }
            SourceType::UnDocument => {
                "an official UN document with a symbol and numbered paragraphs"
            }
            SourceType::GeneralDebate => "a UN General Debate speech named ISO3_SESSION_YEAR.txt",
        }
    }

    /// Parses a name as given to `--format` (hyphens or underscores).
    pub fn parse(name: &str) -> Option<SourceType> {
        let name = name.trim().to_lowercase().replace('-', "_");
        SourceType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// A process, session or meeting as a document names it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Sitting {
    /// e.g. key `oewg-2021-2025`, name `OEWG 2021–2025`.
    pub process: Option<(String, String)>,
    /// Substantive session number.
    pub session: Option<i64>,
    /// The session's name when it has no number ("substantive plenary session of
    /// 2026").
    pub session_name: Option<String>,
    /// Meeting number within the session.
    pub meeting: Option<i64>,
}

/// An agenda item: its number ("5") and topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaRef {
    pub number: String,
    pub title: Option<String>,
}

/// One statement: a speech turn, or a numbered paragraph of a document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedStatement {
    pub speaker: SpeakerGuess,
    /// Names of the groups it speaks for and aligns with, to resolve.
    pub on_behalf_of: Option<String>,
    pub aligned_with: Option<String>,
    /// The other members of a joint statement, to resolve.
    pub co_speakers: Vec<String>,
    /// Index into [`ParsedDocument::agenda_items`].
    pub agenda_item: Option<usize>,
    /// The heading it sits under.
    pub section: Option<String>,
    /// The paragraph number as printed ("12"), for documents.
    pub number: Option<String>,
    pub text: String,
    /// Byte range of the text in the extracted source.
    pub start: usize,
    pub end: usize,
    /// 1-based line of the first text line in the extracted source.
    pub line: usize,
    /// The words that named the speaker ("Ghana, you have the floor.").
    pub evidence: Option<String>,
    /// Why a person should check the speaker, if they should.
    pub review: Option<String>,
    /// Other speakers the evidence points to.
    pub alternatives: Vec<String>,
}

/// An entry of the speaker list: the order in which speakers had or were given the floor.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedSpeakerEntry {
    /// The name as the source gives it.
    pub label: String,
    /// A name to resolve to an actor, when different from the label.
    pub name: Option<String>,
    pub announced: bool,
    pub spoke: bool,
    /// Index of the statement, when it spoke.
    pub statement: Option<usize>,
    pub words: Option<i64>,
    pub seconds: Option<f64>,
    pub words_per_minute: Option<f64>,
}

/// A footnote, linked to the statement that cites it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFootnote {
    pub number: String,
    pub text: String,
    pub statement: Option<usize>,
}

/// A whole parsed document.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDocument {
    pub source_type: SourceType,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// Start and end time as printed ("21:00"), for reports.
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub un_symbol: Option<String>,
    pub sitting: Sitting,
    pub agenda_items: Vec<AgendaRef>,
    /// A report's own summary, kept apart from the statements.
    pub summary: Option<String>,
    pub unofficial: bool,
    pub ai_generated: bool,
    /// Disclaimer or provenance note as the source states it.
    pub provenance: Option<String>,
    pub source_url: Option<String>,
    /// UN document symbols the document cites.
    pub symbols: Vec<String>,
    pub statements: Vec<ParsedStatement>,
    pub speaker_list: Vec<ParsedSpeakerEntry>,
    pub footnotes: Vec<ParsedFootnote>,
    /// What the parser warns the reader of ("line 212: one turn holds 5,400 words …").
    pub notices: Vec<String>,
}

impl ParsedDocument {
    /// An empty document of a type, titled.
    pub fn new(source_type: SourceType, title: impl Into<String>) -> Self {
        ParsedDocument {
            source_type,
            title: title.into(),
            date: None,
            start_time: None,
            end_time: None,
            un_symbol: None,
            sitting: Sitting::default(),
            agenda_items: Vec::new(),
            summary: None,
            unofficial: false,
            ai_generated: false,
            provenance: None,
            source_url: None,
            symbols: Vec::new(),
            statements: Vec::new(),
            speaker_list: Vec::new(),
            footnotes: Vec::new(),
            notices: Vec::new(),
        }
    }
}

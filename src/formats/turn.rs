//! A speech turn of a meeting record — who spoke, their paragraphs, where they are in
//! the source — as the parsers of transcripts, verbatim records and session reports
//! read it, and the one place a turn becomes a statement: the groups it speaks for,
//! aligns with or speaks beside are read from its text the same way for every format.

use super::document::ParsedStatement;
use crate::attribution::links::{find_links, Links};
use crate::attribution::SpeakerGuess;
use crate::gazetteer::{ActorKind, Resolution, Resolver};

/// The actors that can be given the floor or named in a cue.
pub fn speaking_kinds(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::State | ActorKind::Group | ActorKind::Organisation
    )
}

/// A speech turn being read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Turn {
    pub speaker: SpeakerGuess,
    /// Whether the presiding officer speaks.
    pub is_chair: bool,
    /// The group a label says the speaker speaks for, when the text names none.
    pub on_behalf: Option<String>,
    /// Index into [`super::ParsedDocument::agenda_items`].
    pub agenda_item: Option<usize>,
    /// The turn's paragraphs, as they read.
    pub paragraphs: Vec<String>,
    /// Byte range in the extracted source.
    pub start: usize,
    pub end: usize,
    /// 1-based line of the first text line.
    pub line: usize,
}

impl Turn {
    /// Adds a paragraph that continues the turn and ends at `end`.
    pub fn push(&mut self, paragraph: String, end: usize) {
        self.end = end;
        self.paragraphs.push(paragraph);
    }

    /// The turn as a statement: its paragraphs, a blank line between them, and the
    /// groups its text says it speaks for, aligns with or speaks beside.
    pub fn into_statement(self, resolver: &Resolver) -> ParsedStatement {
        let text = self.paragraphs.join("\n\n");
        let links = links(&text, &self.speaker, self.is_chair, resolver);
        ParsedStatement {
            speaker: self.speaker,
            on_behalf_of: links.on_behalf_of.map(|m| m.name).or(self.on_behalf),
            aligned_with: links.aligned_with.map(|m| m.name),
            co_speakers: links.co_speakers.into_iter().map(|m| m.name).collect(),
            agenda_item: self.agenda_item,
            section: None,
            number: None,
            text,
            start: self.start,
            end: self.end,
            line: self.line,
            ..ParsedStatement::default()
        }
    }
}

/// The groups a turn speaks for or aligns with; the presiding officer's turns have
/// none (the Chair names groups only to give them the floor).
fn links(text: &str, speaker: &SpeakerGuess, is_chair: bool, resolver: &Resolver) -> Links {
    if is_chair {
        return Default::default();
    }
    let speaker_id = speaker
        .name
        .as_deref()
        .and_then(|n| match resolver.find(n) {
            Resolution::Known { actor_id, .. } => Some(actor_id),
            Resolution::Unknown { .. } => None,
        });
    find_links(text, &resolver.mentions(text, speaking_kinds), speaker_id)
}

//! Transcripts without a single speaker label (UN Web TV's machine transcripts): the
//! shared turn builder ([`crate::attribution::turns`]) segments and attributes them;
//! this file turns its turns into statements, a speaker list and warnings.

use std::sync::LazyLock;

use regex::Regex;

use crate::attribution::turns::{self, LabelHint, Turn};
use crate::attribution::SpeakerGuess;
use crate::formats;
use crate::formats::document::{ParsedDocument, ParsedSpeakerEntry, ParsedStatement};
use crate::gazetteer::{ActorKind, Resolution, Resolver};
use crate::text::{self, Paragraph};

use super::{markdown, CHAIR};

/// A speaker turn far longer than its neighbours, with floor cues inside, has likely
/// swallowed other speakers.
const GIANT_WORDS: usize = 3000;

/// A group speaking for its members.
static FOR_MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    text::pattern(
        r"(?i)\bon behalf of (?:the )?(?:[\w'’]+ ){0,2}member states\b|\band its (?:\d+ |twenty-seven )?member states\b",
    )
});

/// The largest char boundary at or below `index`.
fn floor_boundary(text: &str, index: usize) -> usize {
    let mut i = index.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Fills `doc` with the statements of an unlabelled transcript.
pub fn parse(source: &str, paras: &[Paragraph], doc: &mut ParsedDocument, resolver: &Resolver) {
    let starts: Vec<usize> = text::lines(source).iter().map(|l| l.start).collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset).max(1);
    // Markdown headings are no speech; machine-assigned labels are evidence.
    let mut body: Vec<Paragraph> = Vec::with_capacity(paras.len());
    let mut labels: Vec<(usize, LabelHint)> = Vec::new();
    for p in paras {
        if p.is_single_line() && p.lines[0].trimmed().starts_with("# ") {
            continue;
        }
        match markdown::label(p, resolver) {
            Some(l) => labels.push((body.len(), l)),
            None => body.push(p.clone()),
        }
    }
    let found = turns::segment(source, &body, &labels, resolver);
    let total_words: usize = found
        .iter()
        .map(|t| text::word_count(&source[t.start..t.end]))
        .sum();
    for turn in found {
        let line = line_of(turn.start);
        let statement = statement(turn, source, line, total_words, &mut doc.notices, resolver);
        doc.statements.push(statement);
    }
    doc.speaker_list = speaker_list(&doc.statements);
}

/// A turn as a statement; a giant turn is sent to a person, with a notice.
fn statement(
    turn: Turn,
    source: &str,
    line: usize,
    total_words: usize,
    notices: &mut Vec<String>,
    resolver: &Resolver,
) -> ParsedStatement {
    let text = source[turn.start..turn.end].to_string();
    let words = text::word_count(&text);
    let Turn {
        start,
        end,
        is_chair,
        speaker,
        evidence,
        mut review,
        alternatives,
        on_behalf,
    } = turn;
    // Never a silent giant turn: one speaker holding most of the words of a
    // meeting, or thousands of them, is sent to a person.
    if !is_chair && words > GIANT_WORDS && words * 3 > total_words {
        let who = speaker.name.as_deref().unwrap_or("an unknown speaker");
        notices.push(format!(
            "line {line}: one turn ({who}) holds {words} of the meeting's {total_words} words; it may hold other speakers — see plenary review"
        ));
        review.get_or_insert_with(|| {
            format!("one turn holds {words} of the meeting's {total_words} words: it may hold other speakers")
        });
    }
    // A State speaking "on behalf of the Vanuatu delegation" speaks for itself; the
    // EU "on behalf of the European Union and its member States" speaks for the Union.
    let state = is_kind(&speaker, ActorKind::State, resolver);
    let for_members = for_members(&speaker, &text, resolver);
    let mut statement = formats::turn::Turn {
        speaker,
        is_chair,
        paragraphs: vec![text],
        start,
        end,
        line,
        ..formats::turn::Turn::default()
    }
    .into_statement(resolver);
    // The group the machine's label names comes before the one the text names.
    statement.on_behalf_of = on_behalf
        .or(statement.on_behalf_of.take())
        .or(for_members)
        .filter(|g| !state || Some(g.as_str()) != statement.speaker.name.as_deref());
    statement.evidence = evidence;
    statement.review = review;
    statement.alternatives = alternatives;
    statement
}

/// Whether the speaker is a known actor of `kind`.
fn is_kind(speaker: &SpeakerGuess, kind: ActorKind, resolver: &Resolver) -> bool {
    speaker
        .name
        .as_deref()
        .is_some_and(|n| matches!(resolver.find(n), Resolution::Known { kind: k, .. } if k == kind))
}

/// A group speaking "on behalf of the Union's member States", "the EU and its member
/// States": for the group.
fn for_members(speaker: &SpeakerGuess, text: &str, resolver: &Resolver) -> Option<String> {
    let group_speaker = speaker
        .name
        .as_deref()
        .filter(|_| is_kind(speaker, ActorKind::Group, resolver));
    group_speaker
        .filter(|_| FOR_MEMBERS.is_match(&text[..text.len().min(floor_boundary(text, 1200))]))
        .map(str::to_string)
}

/// Who took the floor, in order (the Chair and repeated turns of one speaker left out).
fn speaker_list(statements: &[ParsedStatement]) -> Vec<ParsedSpeakerEntry> {
    let mut list: Vec<ParsedSpeakerEntry> = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        let Some(name) = s.speaker.name.as_deref() else {
            continue;
        };
        if name == CHAIR || list.last().is_some_and(|e| e.name.as_deref() == Some(name)) {
            continue;
        }
        list.push(ParsedSpeakerEntry {
            label: name.to_string(),
            name: Some(name.to_string()),
            announced: s.evidence.is_some(),
            spoke: true,
            statement: Some(i),
            ..ParsedSpeakerEntry::default()
        });
    }
    list
}

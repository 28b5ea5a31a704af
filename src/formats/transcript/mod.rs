//! Unofficial meeting transcripts (e.g. OEWG transcripts published on the web).
//!
//! The text is paragraphs separated by blank lines. Some turns open with a speaker
//! label on its own line ("United Kingdom", "Ambassador Gafoor"); the rest follow a
//! turn of the presiding officer, whose cues name the next speaker ("Pakistan to be
//! followed by Saudi Arabia. Pakistan, please."). The title gives the process, session
//! and meeting ("Session 2-8 Transcript (OEWG 2021-25)"); the Chair's opening words
//! give the agenda item. Web-page residue after the transcript ("Leave a Reply", a
//! comment form) is dropped.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

mod labels;
mod markdown;
mod meeting;
mod unlabelled;

pub use labels::{label, Label};
pub use meeting::{agenda_item, sitting, GLOBAL_MECHANISM};

use labels::split_inline_labels;

use super::document::{ParsedDocument, ParsedSpeakerEntry, ParsedStatement, SourceType};
use super::ParseError;
use crate::attribution::cues::{floor_cues, FloorCues};
use crate::attribution::links::find_links;
use crate::attribution::{Method, SpeakerGuess};
use crate::gazetteer::{ActorKind, Mention, Resolution, Resolver};
use crate::text::{self, Paragraph};

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
/// A turn that opens by addressing the presiding officer.
static ADDRESSES_CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:thank(?:s| you)[^.]{0,40}?\b(?:chair|chairman|chairperson|chairwoman|president|madam|sir)\b|(?:mr\.?|madam|madame|distinguished|dear)\s+(?:chair|chairman|chairperson|president)|chair\b|chairman\b|chairperson\b|yes,?\s+(?:it is|chair|sir|madam))",
    )
});
/// The actors that can be given the floor or named in a cue.
pub fn speaking_kinds(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::State | ActorKind::Group | ActorKind::Organisation
    )
}

/// A turn being built.
struct Turn {
    speaker: SpeakerGuess,
    /// The group the label said the speaker speaks for.
    on_behalf: Option<String>,
    is_chair: bool,
    start: usize,
    end: usize,
    line: usize,
    paragraphs: Vec<String>,
    agenda_item: Option<usize>,
}

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
    // A record saved with one segment a line and no blank lines between them (a
    // transcript copied from a viewer) has its segments as lines: each is a block.
    if paras.len() < 8 {
        let long_lines: Vec<&text::Line> = lines.iter().filter(|l| !l.is_blank()).collect();
        let ending = long_lines
            .iter()
            .filter(|l| l.trimmed().ends_with(['.', '?', '!']))
            .count();
        if long_lines.len() >= 8 && ending * 10 >= long_lines.len() * 6 {
            paras = long_lines
                .iter()
                .map(|l| Paragraph {
                    lines: vec![**l],
                    blank_before: 0,
                })
                .collect();
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

    // The header: short paragraphs before the first label or speech.
    let mut header = Vec::new();
    let mut body_start = 0;
    for (i, p) in paras.iter().enumerate() {
        let short = p.lines.len() <= 3 && p.lines.iter().all(|l| l.trimmed().chars().count() <= 80);
        if !short || label(p, resolver, false).is_some() {
            break;
        }
        header.push(p.text());
        body_start = i + 1;
    }
    let title = header
        .iter()
        .find(|h| !h.to_lowercase().contains("unofficial"))
        .map(|h| h.replace('\n', " "))
        .unwrap_or_else(|| "Untitled transcript".to_string());
    let provenance = header
        .iter()
        .find(|h| h.to_lowercase().contains("unofficial"))
        .cloned();

    let mut doc = ParsedDocument::new(SourceType::Transcript, title.clone());
    doc.unofficial = provenance.is_some() || title.to_lowercase().contains("transcript");
    doc.provenance = provenance;

    let mut turns: Vec<Turn> = Vec::new();
    let mut pending: Option<Label> = None;
    // The latest cues of the presiding officer, and who last held the floor.
    let mut cues: Option<FloorCues> = None;
    let mut floor_holder: Option<Mention> = None;
    let mut announced_next: Option<Mention> = None;
    let mut later: Vec<Mention> = Vec::new();
    let mut agenda: Option<usize> = None;
    let mut chair_labels: Vec<String> = Vec::new();
    let mut cued: HashSet<String> = HashSet::new();

    for para in &paras[body_start..] {
        let allow_unknown = pending.is_none();
        if let Some(l) = label(para, resolver, allow_unknown) {
            pending = Some(l);
            continue;
        }
        let body = para.text();
        let mut label_behalf: Option<String> = None;
        let new_turn = match pending.take() {
            Some(l) => {
                let is_chair = l.actor.as_deref() == Some(CHAIR)
                    || chair_labels.contains(&l.text)
                    || (l.actor.is_none() && gives_floor(&body, resolver));
                if is_chair && !chair_labels.contains(&l.text) {
                    chair_labels.push(l.text.clone());
                }
                let speaker = if is_chair {
                    SpeakerGuess::new(CHAIR, Method::Label, 0.95).with_label(&l.text)
                } else {
                    let mut guess = match &l.actor {
                        Some(name) => SpeakerGuess::new(name.clone(), Method::Label, 0.95),
                        None => SpeakerGuess {
                            method: Some(Method::Label),
                            confidence: 0.5,
                            ..SpeakerGuess::default()
                        },
                    }
                    .with_label(&l.text);
                    guess.person = l.person.clone();
                    guess
                };
                label_behalf = if is_chair { None } else { l.on_behalf.clone() };
                Some((speaker, is_chair))
            }
            None => match turns.last() {
                None => Some((opening_speaker(&body), true)),
                Some(last)
                    if last.is_chair
                        && (cues
                            .as_ref()
                            .is_some_and(|c| c.speaker().is_some() || c.gives_floor)
                            || ADDRESSES_CHAIR.is_match(&body)) =>
                {
                    Some((
                        cued_speaker(
                            cues.as_ref(),
                            floor_holder.as_ref(),
                            announced_next.as_ref(),
                            &body,
                            resolver,
                        ),
                        false,
                    ))
                }
                Some(_) => None,
            },
        };
        match new_turn {
            Some((speaker, is_chair)) => {
                if is_chair {
                    cues = None;
                }
                turns.push(Turn {
                    speaker,
                    on_behalf: label_behalf.take(),
                    is_chair,
                    start: para.start(),
                    end: para.end(),
                    line: para.line(),
                    paragraphs: vec![body.clone()],
                    agenda_item: agenda,
                });
            }
            None => {
                if let Some(turn) = turns.last_mut() {
                    turn.end = para.end();
                    turn.paragraphs.push(body.clone());
                }
            }
        }
        let is_chair = turns.last().is_some_and(|t| t.is_chair);
        if is_chair {
            let mentions = resolver.mentions(&body, speaking_kinds);
            let c = floor_cues(&body, &mentions);
            if let Some(given) = c.speaker() {
                floor_holder = Some(given.clone());
                announced_next = c.next.last().cloned();
            }
            later.extend(c.later.iter().cloned());
            cued.extend(c.given.iter().chain(&c.next).map(|m| m.name.clone()));
            if let Some(item) = agenda_item(&body) {
                let index = match doc
                    .agenda_items
                    .iter()
                    .position(|a| a.number == item.number)
                {
                    Some(i) => i,
                    None => {
                        doc.agenda_items.push(item);
                        doc.agenda_items.len() - 1
                    }
                };
                agenda = Some(index);
                if let Some(turn) = turns.last_mut() {
                    turn.agenda_item.get_or_insert(index);
                }
            }
            cues = Some(c);
        }
    }

    if turns.is_empty() {
        return Err(ParseError::new(1, "no speech turns found after the title"));
    }
    let opening = turns
        .iter()
        .find(|t| t.is_chair)
        .map(|t| t.paragraphs.join("\n\n"))
        .unwrap_or_default();
    doc.sitting = sitting(&header.join(" "), &opening);

    for turn in turns {
        let text = turn.paragraphs.join("\n\n");
        let links = turn_links(&text, &turn.speaker, turn.is_chair, resolver);
        doc.statements.push(ParsedStatement {
            speaker: turn.speaker,
            on_behalf_of: links.on_behalf_of.map(|m| m.name).or(turn.on_behalf),
            aligned_with: links.aligned_with.map(|m| m.name),
            co_speakers: links.co_speakers.into_iter().map(|m| m.name).collect(),
            agenda_item: turn.agenda_item,
            section: None,
            number: None,
            text,
            start: turn.start,
            end: turn.end,
            line: turn.line,
            ..ParsedStatement::default()
        });
    }
    doc.speaker_list = speaker_list(&doc.statements, &later, &cued);
    Ok(doc)
}

/// The groups a turn speaks for or aligns with; the presiding officer's turns have
/// none (the Chair names groups only to give them the floor).
pub fn turn_links(
    text: &str,
    speaker: &SpeakerGuess,
    is_chair: bool,
    resolver: &Resolver,
) -> crate::attribution::links::Links {
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

/// Whether a turn reads as the presiding officer's: it gives the floor.
fn gives_floor(body: &str, resolver: &Resolver) -> bool {
    let c = floor_cues(body, &resolver.mentions(body, speaking_kinds));
    c.speaker().is_some() || body.to_lowercase().contains("give the floor")
}

/// The speaker of an unlabelled first turn: the presiding officer opens meetings.
fn opening_speaker(body: &str) -> SpeakerGuess {
    let lower = body.to_lowercase();
    let opens = [
        "called to order",
        "i declare",
        "good morning",
        "good afternoon",
        "welcome",
        "distinguished delegates",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let confidence = if opens { 0.8 } else { 0.5 };
    SpeakerGuess::new(CHAIR, Method::InText, confidence)
}

/// The speaker of an unlabelled turn after the presiding officer: the last actor given
/// the floor in that turn; else the one announced next earlier; else the one who held
/// the floor (the Chair re-confirming "you have the floor").
fn cued_speaker(
    cues: Option<&FloorCues>,
    holder: Option<&Mention>,
    next: Option<&Mention>,
    body: &str,
    resolver: &Resolver,
) -> SpeakerGuess {
    let named = cues.and_then(FloorCues::speaker);
    let (who, mut confidence) = match (named, next, holder) {
        (Some(m), _, _) => (
            m,
            if cues.is_some_and(|c| c.corrected) {
                0.75
            } else {
                0.85
            },
        ),
        (None, Some(m), _) if !cues.is_some_and(|c| c.gives_floor) => (m, 0.6),
        (None, _, Some(m)) => (m, 0.65),
        (None, Some(m), None) => (m, 0.6),
        (None, None, None) => {
            // No cue at all: the text may name its speaker ("Kenya places great
            // importance …").
            let opening: String = body.chars().take(300).collect();
            return match resolver
                .mentions(&opening, |k| k == ActorKind::State)
                .first()
            {
                Some(m) => SpeakerGuess::new(m.name.clone(), Method::InText, 0.5),
                None => SpeakerGuess {
                    method: Some(Method::Unknown),
                    ..SpeakerGuess::default()
                },
            };
        }
    };
    // The speaker naming itself early on confirms the cue.
    let opening: String = body.chars().take(400).collect();
    if resolver
        .mentions(&opening, speaking_kinds)
        .iter()
        .any(|m| m.actor_id == who.actor_id)
    {
        confidence = (confidence + 0.1_f64).min(0.95);
    }
    SpeakerGuess::new(who.name.clone(), Method::ChairCue, confidence)
}

/// The speaker list: every non-Chair speaker in the order they took the floor, then
/// those the Chair announced for later.
fn speaker_list(
    statements: &[ParsedStatement],
    later: &[Mention],
    cued: &HashSet<String>,
) -> Vec<ParsedSpeakerEntry> {
    let mut list: Vec<ParsedSpeakerEntry> = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        let Some(name) = s.speaker.name.as_deref().or(s.speaker.label.as_deref()) else {
            continue;
        };
        if name == CHAIR {
            continue;
        }
        if list.last().is_some_and(|e| e.name.as_deref() == Some(name)) {
            continue;
        }
        list.push(ParsedSpeakerEntry {
            label: s.speaker.label.clone().unwrap_or_else(|| name.to_string()),
            name: Some(name.to_string()),
            announced: cued.contains(name),
            spoke: true,
            statement: Some(i),
            ..ParsedSpeakerEntry::default()
        });
    }
    for m in later {
        list.push(ParsedSpeakerEntry {
            label: m.name.clone(),
            name: Some(m.name.clone()),
            announced: true,
            spoke: false,
            ..ParsedSpeakerEntry::default()
        });
    }
    list
}

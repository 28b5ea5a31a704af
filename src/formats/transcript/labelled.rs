//! Transcripts whose turns open with a speaker label on a line of its own ("United
//! Kingdom", "Ambassador Gafoor") for some turns; the rest follow a turn of the
//! presiding officer, whose cues name the next speaker ("Pakistan to be followed by
//! Saudi Arabia. Pakistan, please."). The Chair's opening words give the agenda item.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::labels::{label, Label};
use super::meeting::{agenda_item, sitting};
use super::CHAIR;
use crate::attribution::cues::{floor_cues, FloorCues};
use crate::attribution::{Method, SpeakerGuess};
use crate::formats::document::{
    AgendaRef, ParsedDocument, ParsedSpeakerEntry, ParsedStatement, SourceType,
};
use crate::formats::turn::{speaking_kinds, Turn};
use crate::formats::ParseError;
use crate::gazetteer::{ActorKind, Mention, Resolver};
use crate::text::{self, Paragraph};

/// A turn that opens by addressing the presiding officer.
static ADDRESSES_CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    text::pattern(
        r"(?i)^(?:thank(?:s| you)[^.]{0,40}?\b(?:chair|chairman|chairperson|chairwoman|president|madam|sir)\b|(?:mr\.?|madam|madame|distinguished|dear)\s+(?:chair|chairman|chairperson|president)|chair\b|chairman\b|chairperson\b|yes,?\s+(?:it is|chair|sir|madam))",
    )
});

/// Parses the paragraphs of a labelled transcript.
pub(super) fn parse(
    paras: &[Paragraph],
    resolver: &Resolver,
) -> Result<ParsedDocument, ParseError> {
    let (header, body_start) = header(paras, resolver);
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

    let mut floor = Floor::new(resolver);
    for para in &paras[body_start..] {
        floor.read(para);
    }
    if floor.turns.is_empty() {
        return Err(ParseError::new(1, "no speech turns found after the title"));
    }
    let opening = floor
        .turns
        .iter()
        .find(|t| t.is_chair)
        .map(|t| t.paragraphs.join("\n\n"))
        .unwrap_or_default();
    doc.sitting = sitting(&header.join(" "), &opening);
    doc.agenda_items = floor.agenda_items;
    doc.statements = floor
        .turns
        .into_iter()
        .map(|t| t.into_statement(resolver))
        .collect();
    doc.speaker_list = speaker_list(&doc.statements, &floor.later, &floor.cued);
    Ok(doc)
}

/// The header: short paragraphs before the first label or speech, and the index of
/// the paragraph after them.
fn header(paras: &[Paragraph], resolver: &Resolver) -> (Vec<String>, usize) {
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
    (header, body_start)
}

/// Who has and is given the floor, as the turns are read.
struct Floor<'r> {
    resolver: &'r Resolver,
    turns: Vec<Turn>,
    /// A label read, waiting for the speech it opens.
    pending: Option<Label>,
    /// The latest cues of the presiding officer, and who last held the floor.
    cues: Option<FloorCues>,
    floor_holder: Option<Mention>,
    announced_next: Option<Mention>,
    /// Those the Chair announced for later.
    later: Vec<Mention>,
    /// Everyone the Chair gave the floor or announced.
    cued: HashSet<String>,
    /// The agenda items the Chair opened, and the current one.
    agenda_items: Vec<AgendaRef>,
    agenda: Option<usize>,
    /// The labels the presiding officer goes by.
    chair_labels: Vec<String>,
}

impl<'r> Floor<'r> {
    fn new(resolver: &'r Resolver) -> Self {
        Floor {
            resolver,
            turns: Vec::new(),
            pending: None,
            cues: None,
            floor_holder: None,
            announced_next: None,
            later: Vec::new(),
            cued: HashSet::new(),
            agenda_items: Vec::new(),
            agenda: None,
            chair_labels: Vec::new(),
        }
    }

    /// Reads one paragraph: a label, a new turn or more of the turn before.
    fn read(&mut self, para: &Paragraph) {
        let allow_unknown = self.pending.is_none();
        if let Some(l) = label(para, self.resolver, allow_unknown) {
            self.pending = Some(l);
            return;
        }
        let body = para.text();
        match self.new_turn(&body) {
            Some((speaker, is_chair, on_behalf)) => {
                if is_chair {
                    self.cues = None;
                }
                self.turns.push(Turn {
                    speaker,
                    is_chair,
                    on_behalf,
                    agenda_item: self.agenda,
                    paragraphs: vec![body.clone()],
                    start: para.start(),
                    end: para.end(),
                    line: para.line(),
                });
            }
            None => {
                if let Some(turn) = self.turns.last_mut() {
                    turn.push(body.clone(), para.end());
                }
            }
        }
        if self.turns.last().is_some_and(|t| t.is_chair) {
            self.chair_spoke(&body);
        }
    }

    /// The speaker of a new turn that `body` opens, whether it is the presiding
    /// officer, and the group its label says it speaks for; None when `body`
    /// continues the turn before.
    fn new_turn(&mut self, body: &str) -> Option<(SpeakerGuess, bool, Option<String>)> {
        if let Some(l) = self.pending.take() {
            return Some(self.labelled(l, body));
        }
        match self.turns.last() {
            None => Some((opening_speaker(body), true, None)),
            Some(last)
                if last.is_chair
                    && (self
                        .cues
                        .as_ref()
                        .is_some_and(|c| c.speaker().is_some() || c.gives_floor)
                        || ADDRESSES_CHAIR.is_match(body)) =>
            {
                Some((
                    cued_speaker(
                        self.cues.as_ref(),
                        self.floor_holder.as_ref(),
                        self.announced_next.as_ref(),
                        body,
                        self.resolver,
                    ),
                    false,
                    None,
                ))
            }
            Some(_) => None,
        }
    }

    /// The speaker a label names: the presiding officer when it is theirs.
    fn labelled(&mut self, l: Label, body: &str) -> (SpeakerGuess, bool, Option<String>) {
        let is_chair = l.actor.as_deref() == Some(CHAIR)
            || self.chair_labels.contains(&l.text)
            || (l.actor.is_none() && gives_floor(body, self.resolver));
        if is_chair && !self.chair_labels.contains(&l.text) {
            self.chair_labels.push(l.text.clone());
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
        let on_behalf = if is_chair { None } else { l.on_behalf.clone() };
        (speaker, is_chair, on_behalf)
    }

    /// Takes note of what the presiding officer said: who is given the floor and who
    /// is announced, and the agenda item opened.
    fn chair_spoke(&mut self, body: &str) {
        let mentions = self.resolver.mentions(body, speaking_kinds);
        let c = floor_cues(body, &mentions);
        if let Some(given) = c.speaker() {
            self.floor_holder = Some(given.clone());
            self.announced_next = c.next.last().cloned();
        }
        self.later.extend(c.later.iter().cloned());
        self.cued
            .extend(c.given.iter().chain(&c.next).map(|m| m.name.clone()));
        if let Some(item) = agenda_item(body) {
            let index = match self
                .agenda_items
                .iter()
                .position(|a| a.number == item.number)
            {
                Some(i) => i,
                None => {
                    self.agenda_items.push(item);
                    self.agenda_items.len() - 1
                }
            };
            self.agenda = Some(index);
            if let Some(turn) = self.turns.last_mut() {
                turn.agenda_item.get_or_insert(index);
            }
        }
        self.cues = Some(c);
    }
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

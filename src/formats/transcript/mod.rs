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

mod markdown;
mod meeting;
mod unlabelled;

use super::document::{
    AgendaRef, ParsedDocument, ParsedSpeakerEntry, ParsedStatement, Sitting, SourceType,
};
use super::text::{self, number_word, Paragraph};
use super::ParseError;
use crate::attribution::cues::{floor_cues, FloorCues};
use crate::attribution::links::find_links;
use crate::attribution::{Method, SpeakerGuess};
use crate::gazetteer::{ActorKind, Mention, Resolution, Resolver};

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
/// A title's process: "OEWG 2021-25", "Open-ended Working Group 2021–2025".
static PROCESS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(OEWG|Open[- ]ended Working Group)\b\D{0,140}?((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)?\d\d)\b",
    )
});
/// A title's session and meeting: "Session 2-8".
static SESSION_MEETING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bsession\s+(\d{1,2})\s*[-–.:/]\s*(\d{1,2})\b"));
/// The Chair's words: "the eighth meeting of the second substantive session".
static SPOKEN_SITTING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(\w+)\s+meeting\s+of\s+the\s+(\w+)\s+(?:substantive\s+)?session\b")
});
/// The resolution that established a process, as the Chair cites it.
static RESOLUTION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bresolution\s+(\d{2}/\d{1,3})\b"));
/// "agenda item five sub item on capacity building", "agenda item 5 (b) on …".
static AGENDA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bagenda\s+item\s+(\d{1,2}|[a-z]+)(?:\s*\(?([a-h])\)?(?:\s|,|$))?(?:[\s,]*(?:sub[- ]?item\s+)?(?:on|relating to|concerning|regarding|entitled|,)\s+(?:the\s+)?([a-z][a-z \-]{2,60}?))?(?:[.,;]|\s+and\b|\s+which\b|\s+i\b|$)",
    )
});
static FUTURE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:tomorrow|will|next|later|afternoon session)\b"));
/// A turn that opens by addressing the presiding officer.
static ADDRESSES_CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:thank(?:s| you)[^.]{0,40}?\b(?:chair|chairman|chairperson|chairwoman|president|madam|sir)\b|(?:mr\.?|madam|madame|distinguished|dear)\s+(?:chair|chairman|chairperson|president)|chair\b|chairman\b|chairperson\b|yes,?\s+(?:it is|chair|sir|madam))",
    )
});
/// An honorific with a name: a label for a person ("Ambassador Gafoor").
static PERSON_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:H\.?\s?E\.?\s+)?(?:Ambassador|Amb\.|Mr\.?|Ms\.?|Mrs\.?|Madam|Dr\.?|Professor|Prof\.?|Minister|Excellency)\s+\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,3}$",
    )
});
/// Known processes by the General Assembly resolution that established them.
const PROCESS_BY_RESOLUTION: &[(&str, &str, &str)] = &[
    ("75/240", "oewg-2021-2025", "OEWG 2021–2025"),
    ("73/27", "oewg-2019-2021", "OEWG 2019–2021"),
];

/// A label with a qualifier: "Egypt (on behalf of the African Group)", "H.E. Ambassador
/// X (Egypt)", "France, on behalf of the European Union".
static QUALIFIED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(.+?)\s*(?:\(([^()]{2,80})\)|,\s*((?i:speaking\s+)?(?i:on\s+behalf\s+of)\s+.{2,80}))$")
});
/// "on behalf of the African Group" → "African Group".
static ON_BEHALF_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:speaking\s+)?on\s+behalf\s+of\s+(.+)$"));

/// The process key and name of the OEWG's successor.
pub const GLOBAL_MECHANISM: (&str, &str) = ("global-mechanism", "Global Mechanism on ICT security");
static GLOBAL_MECHANISM_TITLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bglobal\s+mechanism\b"));
static GLOBAL_MECHANISM_OPENING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:session|meeting|plenary|chair) of the global\s+mechanism\b"));

/// A label line: the speaker it names, or the presiding officer.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    /// Resolved actor name, if the label names one.
    pub actor: Option<String>,
    pub kind: Option<ActorKind>,
    /// The group the label says the speaker speaks for: "Egypt (on behalf of the
    /// African Group)".
    pub on_behalf: Option<String>,
    /// The person the label names beside the actor: "H.E. Ambassador X (Egypt)".
    pub person: Option<String>,
}

/// Reads `para` as a speaker label, if it is one: a single short line without
/// sentence punctuation that names an actor, or names a person with an honorific, or
/// (with `allow_unknown`) is a short run of capitalised words.
pub fn label(para: &Paragraph, resolver: &Resolver, allow_unknown: bool) -> Option<Label> {
    if !para.is_single_line() {
        return None;
    }
    let raw = para.lines[0].trimmed();
    let text = raw.strip_suffix(':').unwrap_or(raw).trim();
    let words = text.split_whitespace().count();
    // A qualified label ("… (on behalf of …)") may be longer.
    let qualified = QUALIFIED_LABEL.captures(text);
    let (max_chars, max_words) = if qualified.is_some() {
        (110, 18)
    } else {
        (60, 8)
    };
    if text.is_empty() || text.chars().count() > max_chars || words > max_words {
        return None;
    }
    if text.ends_with(['.', '?', '!', ',', ';']) && !text.ends_with("Amb.") {
        return None;
    }
    let known = |name: &str| match resolver.find(name) {
        Resolution::Known { name, kind, .. } => Some((name, kind)),
        Resolution::Unknown { .. } => None,
    };
    if let Some((name, kind)) = known(text) {
        return Some(Label {
            text: text.to_string(),
            actor: Some(name),
            kind: Some(kind),
            on_behalf: None,
            person: None,
        });
    }
    if let Some(c) = qualified {
        let head = c[1].trim();
        let inner = c.get(2).or(c.get(3)).map_or("", |m| m.as_str().trim());
        let behalf = ON_BEHALF_LABEL
            .captures(inner)
            .and_then(|b| known(b[1].trim()))
            .map(|(name, _)| name);
        // "Egypt (on behalf of the African Group)", "France, on behalf of the EU".
        if let Some((name, kind)) = known(head) {
            return Some(Label {
                text: text.to_string(),
                actor: Some(name),
                kind: Some(kind),
                on_behalf: behalf,
                person: None,
            });
        }
        // "H.E. Ambassador X (Egypt)": a person, and the actor they speak for.
        if let Some((name, kind)) = known(inner).filter(|(_, k)| speaking_kinds(*k)) {
            if PERSON_LABEL.is_match(head) {
                return Some(Label {
                    text: text.to_string(),
                    actor: Some(name),
                    kind: Some(kind),
                    on_behalf: None,
                    person: Some(head.to_string()),
                });
            }
        }
    }
    let capitalised = text.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                w,
                "of" | "and" | "the" | "for" | "de" | "du" | "des" | "la" | "le"
            )
    });
    let looks_named = PERSON_LABEL.is_match(text) || (allow_unknown && raw.ends_with(':'));
    (capitalised && (looks_named || (allow_unknown && words <= 6))).then(|| Label {
        text: text.to_string(),
        actor: None,
        kind: None,
        on_behalf: None,
        person: None,
    })
}

/// The actors that can be given the floor or named in a cue.
pub fn speaking_kinds(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::State | ActorKind::Group | ActorKind::Organisation
    )
}

/// Process, session and meeting from a title, else from the Chair's opening words.
pub fn sitting(title: &str, opening: &str) -> Sitting {
    let mut sitting = Sitting::default();
    for source in [title, opening] {
        if sitting.process.is_none() {
            if let Some(c) = PROCESS.captures(source) {
                let from: i64 = c[2].parse().unwrap_or(0);
                let mut to: i64 = c[3].parse().unwrap_or(0);
                if to < 100 {
                    to += from / 100 * 100;
                }
                sitting.process = Some((format!("oewg-{from}-{to}"), format!("OEWG {from}–{to}")));
            }
        }
        if sitting.session.is_none() {
            if let Some(c) = SESSION_MEETING.captures(source) {
                sitting.session = c[1].parse().ok();
                sitting.meeting = c[2].parse().ok();
            } else if let Some(c) = SPOKEN_SITTING.captures(source) {
                sitting.meeting = number_word(&c[1]);
                sitting.session = number_word(&c[2]);
            }
        }
    }
    // The OEWG's successor, the Global Mechanism on ICT security (from 2026): named in
    // the title, or by the presiding officer opening one of its meetings.
    if sitting.process.is_none()
        && (GLOBAL_MECHANISM_TITLE.is_match(title) || GLOBAL_MECHANISM_OPENING.is_match(opening))
    {
        sitting.process = Some((
            GLOBAL_MECHANISM.0.to_string(),
            GLOBAL_MECHANISM.1.to_string(),
        ));
    }
    if sitting.process.is_none() && opening.contains("Working Group") {
        if let Some(c) = RESOLUTION.captures(opening) {
            if let Some((_, key, name)) = PROCESS_BY_RESOLUTION.iter().find(|(r, _, _)| *r == &c[1])
            {
                sitting.process = Some((key.to_string(), name.to_string()));
            }
        }
    }
    sitting
}

/// The agenda item a presiding officer opens, if stated ("continue with the
/// consideration of agenda item five sub item on capacity building").
pub fn agenda_item(chair_text: &str) -> Option<AgendaRef> {
    for sentence in chair_text.split_inclusive(['.', '?', '!']) {
        if FUTURE.is_match(sentence) && !sentence.to_lowercase().contains("continue") {
            continue;
        }
        if let Some(c) = AGENDA.captures(sentence) {
            let Some(number) = number_word(&c[1]) else {
                continue;
            };
            let number = match c.get(2) {
                Some(sub) => format!("{number} ({})", sub.as_str().to_lowercase()),
                None => number.to_string(),
            };
            let title = c
                .get(3)
                .map(|t| t.as_str().trim().to_string())
                .filter(|t| !t.is_empty());
            return Some(AgendaRef { number, title });
        }
    }
    None
}

/// Splits paragraphs that open with their speaker's label on the same line ("France:
/// Thank you, Chair. …", "The Chair (Mr. Gafoor): …") into the label, as a line of its
/// own, and the speech: the layout the rest of the parser reads. A label is an actor
/// the gazetteer knows (the Chair among them) or a person with an honorific.
fn split_inline_labels<'a>(paras: Vec<Paragraph<'a>>, resolver: &Resolver) -> Vec<Paragraph<'a>> {
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        let first = p.lines[0];
        let t = first.text;
        // The label's byte range in the line, and where the speech starts.
        let split = t.find(':').and_then(|colon| {
            let rest = t[colon + 1..].trim();
            if rest.is_empty() || rest.starts_with("//") || colon > 90 {
                return None;
            }
            let from = t.len() - t.trim_start().len();
            let to = colon - (t[from..colon].len() - t[from..colon].trim_end().len());
            // The label as it would stand on its own line, read the same way.
            let alone = Paragraph {
                lines: vec![text::Line {
                    text: &t[from..to],
                    start: first.start + from,
                    number: first.number,
                }],
                blank_before: 0,
            };
            let known = label(&alone, resolver, false)
                .is_some_and(|l| l.actor.is_some() || PERSON_LABEL.is_match(&l.text));
            known.then_some((from, to, colon))
        });
        match split {
            Some((from, to, colon)) => {
                out.push(Paragraph {
                    lines: vec![text::Line {
                        text: &t[from..to],
                        start: first.start + from,
                        number: first.number,
                    }],
                    blank_before: p.blank_before,
                });
                let mut lines = vec![text::Line {
                    text: &t[colon + 1..],
                    start: first.start + colon + 1,
                    number: first.number,
                }];
                lines.extend_from_slice(&p.lines[1..]);
                out.push(Paragraph {
                    lines,
                    blank_before: 0,
                });
            }
            None => out.push(p),
        }
    }
    out
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

//! Turns without labels: segmenting a record where nothing says who speaks (a machine
//! transcript of a meeting) into speech turns, and attributing each from what the
//! presiding officer and the speakers say.
//!
//! A paragraph break is no turn boundary and a turn boundary may fall inside a
//! paragraph, so the unit is the sentence ([`super::sentences`]). Walking the record:
//! - the presiding officer's sentences (floor cues, announced lists, thanks to a named
//!   speaker, procedure) open or continue the Chair's turn;
//! - after the floor is given, the next paragraph (or a sentence addressing the Chair)
//!   opens the speaker's turn, which holds every following sentence until the Chair
//!   speaks again;
//! - a bare courtesy ("Muchísimas gracias.") after a speech has closed belongs to the
//!   Chair, unless the speech goes on after it.
//!
//! Each speaker turn is then attributed from four signals: the floor cue before it,
//! the Chair's thanks after it, the speaker naming itself in its opening words, and
//! the order the Chair announced. Agreement raises the confidence; a conflict, a
//! name matched only approximately, or no evidence at all sends the turn to review.

use std::collections::VecDeque;

use super::approximate;
use super::sentences::{self, Reading, Sentence};
use super::{Method, SpeakerGuess};
use crate::formats::text::Paragraph;
use crate::gazetteer::{ActorKind, Mention, Resolver};

/// The canonical names of the presiding officer and the secretariat.
const CHAIR: &str = "Chair";
const SECRETARIAT: &str = "Secretariat";

/// A turn found in an unlabelled record.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// Byte range in the source.
    pub start: usize,
    pub end: usize,
    pub is_chair: bool,
    pub speaker: SpeakerGuess,
    /// The words that named the speaker ("Ghana, you have the floor.").
    pub evidence: Option<String>,
    /// Why a person should check the speaker, if they should.
    pub review: Option<String>,
    /// Other speakers the evidence points to.
    pub alternatives: Vec<String>,
}

/// The actors that can take the floor (the presiding officer is filtered out by id).
fn speakers(_kind: ActorKind) -> bool {
    true
}

/// A sentence with its reading and the actors it names.
struct Read {
    s: Sentence,
    r: Reading,
    mentions: Vec<Mention>,
}

/// Who was given the floor, as the Chair said it.
#[derive(Debug, Clone)]
struct Floor {
    who: Option<Mention>,
    approximate: bool,
    corrected: bool,
    evidence: String,
}

/// Segments and attributes the paragraphs of an unlabelled record. `paras` are the
/// record's body paragraphs, `source` the whole text their offsets point into.
pub fn segment(source: &str, paras: &[Paragraph], resolver: &Resolver) -> Vec<Turn> {
    let chair_id = match resolver.resolve(CHAIR) {
        crate::gazetteer::Resolution::Known { actor_id, .. } => Some(actor_id),
        _ => None,
    };
    let mut reads: Vec<Read> = Vec::new();
    for (b, p) in paras.iter().enumerate() {
        let (start, end) = (p.start(), p.end());
        for s in sentences::split(&source[start..end], start, b) {
            let text = &source[s.start..s.end];
            let mentions: Vec<Mention> = resolver
                .mentions(text, speakers)
                .into_iter()
                .filter(|m| Some(m.actor_id) != chair_id && m.name != "Bureau")
                .collect();
            let r = sentences::read(text, &mentions);
            reads.push(Read { s, r, mentions });
        }
    }
    let drafts = walk(source, &reads, resolver);
    attribute(source, &reads, drafts, resolver)
}

/// Who holds a turn while it is built.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Chair,
    /// The Secretary of a committee, conducting a vote or reading out sponsors.
    Secretary,
    Speaker,
}

/// A turn while it is built.
struct Draft {
    role: Role,
    sentences: Vec<usize>,
    /// The floor the Chair gave before this (speaker) turn.
    floor: Option<Floor>,
    /// The chair turn holds only courtesies so far: it may still be the speaker's.
    tentative: bool,
}

impl Draft {
    fn is_officer(&self) -> bool {
        self.role != Role::Speaker
    }
}

/// The state machine: sentences into the officers' and the speakers' turns.
fn walk(source: &str, reads: &[Read], resolver: &Resolver) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    // The floor given in the current chair turn, not yet taken.
    let mut floor: Option<Floor> = None;
    // The sentence before ended a speech.
    let mut closed = false;
    let mut handed_over_last = false;
    // The speakers the Chair announced, for names the recogniser garbled.
    let mut announced: Vec<Mention> = Vec::new();
    for (i, rd) in reads.iter().enumerate() {
        let r = &rd.r;
        let text = &source[rd.s.start..rd.s.end];
        let current = drafts.last().map(|d| d.role);
        let opens = rd.s.opens_block;
        let decision = match current {
            // The record opens with the presiding officer, unless it opens with
            // someone addressing them.
            None => Some(if r.delegate && !r.chair {
                Role::Speaker
            } else {
                Role::Chair
            }),
            Some(Role::Chair | Role::Secretary) => {
                let takes_floor = if opens {
                    r.delegate || (floor.is_some() && !r.chair && !r.secretary)
                } else {
                    floor.is_some()
                        && (r.delegate
                            || (handed_over_last
                                && !r.chair
                                && !r.secretary
                                && !r.courtesy
                                && long(text)))
                };
                // A chair turn of courtesies only, followed by more speech: the
                // courtesies were the speaker's, who goes on.
                let resumes = drafts.last().is_some_and(|d| d.tentative)
                    && opens
                    && !r.chair
                    && !r.secretary
                    && !r.courtesy
                    && floor.is_none();
                if resumes {
                    let d = drafts.pop().expect("a chair turn is being built");
                    if let Some(prev) = drafts.last_mut() {
                        prev.sentences.extend(d.sentences);
                    }
                    None
                } else if takes_floor {
                    Some(Role::Speaker)
                } else if r.chair && current == Some(Role::Secretary) {
                    Some(Role::Chair)
                } else if r.secretary && current == Some(Role::Chair) {
                    Some(Role::Secretary)
                } else {
                    None
                }
            }
            Some(Role::Speaker) => {
                let strong = r.chair
                    && (opens
                        || closed
                        || !r.cues.given.is_empty()
                        || !r.cues.next.is_empty()
                        || !r.list.is_empty());
                let courtesy_after_close = r.courtesy && opens && closed;
                let secretary_speaks = drafts
                    .last()
                    .and_then(|d| d.floor.as_ref())
                    .and_then(|f| f.who.as_ref())
                    .is_some_and(|w| w.kind == ActorKind::Role);
                if r.secretary && !secretary_speaks {
                    Some(Role::Secretary)
                } else if strong || courtesy_after_close {
                    Some(Role::Chair)
                } else {
                    None
                }
            }
        };
        match decision {
            Some(role) => {
                let tentative = role == Role::Chair && !r.chair;
                let mut sentences = vec![i];
                // The officer's turn opens with the courtesies before its cue in the
                // same paragraph, once the speech before them had closed.
                if role != Role::Speaker && !opens {
                    if let Some(d) = drafts.last_mut().filter(|d| d.role == Role::Speaker) {
                        let lead = d
                            .sentences
                            .iter()
                            .rev()
                            .take_while(|&&k| reads[k].s.block == rd.s.block)
                            .count();
                        let block_from = d.sentences.len() - lead;
                        let all_courtesy = d.sentences[block_from..]
                            .iter()
                            .all(|&k| reads[k].r.courtesy || reads[k].r.closing);
                        let before_closed =
                            block_from > 0 && reads[d.sentences[block_from - 1]].r.closing;
                        if lead > 0
                            && all_courtesy
                            && before_closed
                            && reads[d.sentences[block_from]].s.opens_block
                        {
                            let moved: Vec<usize> = d.sentences.drain(block_from..).collect();
                            sentences = moved.into_iter().chain(sentences).collect();
                        }
                    }
                }
                drafts.push(Draft {
                    role,
                    sentences,
                    floor: if role == Role::Speaker {
                        floor.take()
                    } else {
                        None
                    },
                    tentative,
                });
                if role != Role::Speaker {
                    floor = None;
                }
            }
            None => {
                if let Some(d) = drafts.last_mut() {
                    d.sentences.push(i);
                    if d.role == Role::Chair && r.chair {
                        d.tentative = false;
                    }
                }
            }
        }
        if drafts.last().is_some_and(Draft::is_officer) {
            announced.extend(r.list.iter().chain(&r.cues.next).cloned());
            if let Some(f) = floor_given(text, r, &rd.mentions, &announced, resolver) {
                floor = Some(f);
            }
        }
        handed_over_last = r.hands_over;
        closed = r.closing;
    }
    drafts.retain(|d| !d.sentences.is_empty());
    drafts
}

fn long(text: &str) -> bool {
    text.split_whitespace().count() >= 8
}

/// The floor given in a chair sentence: the last actor given it, or a name the
/// speech recogniser garbled, matched approximately; `None` when the sentence gives
/// no floor.
fn floor_given(
    text: &str,
    r: &Reading,
    mentions: &[Mention],
    announced: &[Mention],
    resolver: &Resolver,
) -> Option<Floor> {
    let evidence = text.trim().to_string();
    if let Some(m) = r.cues.speaker() {
        return Some(Floor {
            who: Some(m.clone()),
            approximate: false,
            corrected: r.cues.corrected,
            evidence,
        });
    }
    if r.hands_over || r.chair {
        if let Some(m) = approximate::cued_name(text, mentions, announced, resolver) {
            return Some(Floor {
                who: Some(m),
                approximate: true,
                corrected: false,
                evidence,
            });
        }
    }
    r.hands_over.then_some(Floor {
        who: None,
        approximate: false,
        corrected: false,
        evidence,
    })
}

/// Attributes the speaker turns.
fn attribute(source: &str, reads: &[Read], drafts: Vec<Draft>, resolver: &Resolver) -> Vec<Turn> {
    let mut queue: VecDeque<Mention> = VecDeque::new();
    let mut turns = Vec::with_capacity(drafts.len());
    for (k, d) in drafts.iter().enumerate() {
        let first = &reads[d.sentences[0]].s;
        let last = &reads[*d.sentences.last().expect("a turn has a sentence")].s;
        let (start, end) = (first.start, last.end);
        if d.is_officer() {
            // The announced order: lists read out and "to be followed by".
            for &i in &d.sentences {
                let r = &reads[i].r;
                let announced: Vec<&Mention> = if !r.list.is_empty() {
                    r.list.iter().collect()
                } else {
                    r.cues.next.iter().collect()
                };
                if !announced.is_empty() {
                    queue.retain(|q| !announced.iter().any(|a| a.actor_id == q.actor_id));
                    for (n, a) in announced.into_iter().enumerate() {
                        queue.insert(n.min(queue.len()), a.clone());
                    }
                }
            }
            let officer = if d.role == Role::Secretary {
                SECRETARIAT
            } else {
                CHAIR
            };
            turns.push(Turn {
                start,
                end,
                is_chair: true,
                speaker: SpeakerGuess::new(officer, Method::InText, 0.8),
                evidence: None,
                review: None,
                alternatives: Vec::new(),
            });
            continue;
        }
        let text = &source[start..end];
        let thanked = drafts
            .get(k + 1)
            .filter(|n| n.is_officer())
            .and_then(|n| thanked_after(source, reads, n, resolver));
        let own = self_named(text, resolver);
        let turn = decide(
            start,
            end,
            d.floor.as_ref(),
            thanked.as_ref().map(|(m, _)| m),
            own,
            &queue,
        );
        if let Some(name) = turn.speaker.name.as_deref() {
            queue.retain(|q| q.name != name);
        }
        turns.push(turn);
    }
    turns
}

/// The speaker the Chair thanks right after a turn ("Thank you very much, Zimbabwe"),
/// and whether the name was matched only approximately.
fn thanked_after(
    source: &str,
    reads: &[Read],
    next: &Draft,
    resolver: &Resolver,
) -> Option<(Mention, bool)> {
    next.sentences.iter().take(3).find_map(|&i| {
        let rd = &reads[i];
        if let Some(m) = rd.r.cues.thanked.first() {
            return Some((m.clone(), false));
        }
        let text = &source[rd.s.start..rd.s.end];
        approximate::thanked_name(text, &rd.mentions, resolver).map(|m| (m, true))
    })
}

/// The speaker naming itself in its opening words: "Ghana remains committed",
/// "Kiribati aligns itself with …", "the delegation of Peru", "Egypt is of the view".
fn self_named(text: &str, resolver: &Resolver) -> Option<Mention> {
    let opening: String = text.chars().take(500).collect();
    for s in sentences::split(&opening, 0, 0).iter().take(4) {
        let sentence = &opening[s.start..s.end];
        for m in resolver.mentions(sentence, |k| k != ActorKind::Role) {
            let before = sentence[..m.start].trim_end().to_lowercase();
            let after = sentence[m.end..].trim_start();
            let subject = before.is_empty()
                || before.ends_with(',')
                || before.ends_with("the")
                || before.ends_with("delegation of")
                || before.ends_with("kingdom of")
                || before.ends_with("republic of");
            let verb = after.split_whitespace().next().is_some_and(|w| {
                SELF_VERBS.contains(
                    &w.trim_matches(|c: char| !c.is_alphabetic())
                        .to_lowercase()
                        .as_str(),
                )
            });
            if (subject && verb) || before.ends_with("delegation of") && !before.contains("thank") {
                return Some(m);
            }
        }
    }
    None
}

/// Verbs a delegation uses of itself at the start of a statement.
const SELF_VERBS: [&str; 30] = [
    "aligns",
    "align",
    "associates",
    "welcomes",
    "thanks",
    "would",
    "wishes",
    "is",
    "has",
    "remains",
    "supports",
    "believes",
    "takes",
    "joins",
    "fully",
    "also",
    "reiterates",
    "shares",
    "recognizes",
    "recognises",
    "appreciates",
    "attaches",
    "considers",
    "wants",
    "continues",
    "stands",
    "will",
    "subscribes",
    "notes",
    "reaffirms",
];

/// Weighs the evidence for one speaker turn.
fn decide(
    start: usize,
    end: usize,
    floor: Option<&Floor>,
    thanked: Option<&Mention>,
    own: Option<Mention>,
    queue: &VecDeque<Mention>,
) -> Turn {
    let same = |a: &Mention, b: &Mention| a.actor_id == b.actor_id;
    let mut alternatives = Vec::new();
    let mut review = None;
    let cued = floor.and_then(|f| f.who.as_ref());
    let (speaker, evidence) = match (cued, thanked, own.as_ref()) {
        (Some(c), t, o) => {
            let method = if floor.is_some_and(|f| f.approximate) {
                Method::Approximate
            } else {
                Method::ChairCue
            };
            let mut confidence: f64 = if method == Method::Approximate {
                0.6
            } else {
                0.85
            };
            if floor.is_some_and(|f| f.corrected) {
                confidence -= 0.1;
            }
            let confirmed = t.is_some_and(|t| same(t, c)) || o.is_some_and(|o| same(o, c));
            let contradicted = [t, o].into_iter().flatten().find(|x| !same(x, c));
            let mut chosen = c.clone();
            if confirmed {
                confidence = (confidence + 0.1).min(0.95);
            } else if let Some(x) = contradicted {
                // The Chair thanked, or the speaker named, someone else.
                let both = t.zip(o).is_some_and(|(t, o)| same(t, o));
                if both || method == Method::Approximate {
                    alternatives.push(c.name.clone());
                    chosen = x.clone();
                    confidence = 0.7;
                } else {
                    alternatives.push(x.name.clone());
                    confidence = 0.5;
                }
                review = Some("the Chair's cue and the speech name different speakers".to_string());
            }
            if method == Method::Approximate && review.is_none() && !confirmed {
                review = Some("the cued name was matched approximately".to_string());
            }
            let method = if chosen.actor_id == c.actor_id {
                method
            } else {
                Method::InText
            };
            (
                SpeakerGuess::new(chosen.name.clone(), method, confidence),
                floor.map(|f| f.evidence.clone()),
            )
        }
        (None, Some(t), o) => {
            let confirmed = o.is_some_and(|o| same(o, t));
            let confidence = if confirmed { 0.85 } else { 0.75 };
            if let Some(o) = o.filter(|o| !same(o, t)) {
                alternatives.push(o.name.clone());
                review = Some(
                    "no floor cue; the Chair's thanks and the speech name different speakers"
                        .to_string(),
                );
            }
            (
                SpeakerGuess::new(t.name.clone(), Method::InText, confidence),
                Some(format!("thanked after: {}", t.name)),
            )
        }
        (None, None, Some(o)) => {
            review = Some("no floor cue; the speaker named in the speech".to_string());
            (SpeakerGuess::new(o.name.clone(), Method::InText, 0.6), None)
        }
        (None, None, None) => match queue.front() {
            Some(q) => {
                review = Some("no floor cue; the next speaker the Chair announced".to_string());
                (SpeakerGuess::new(q.name.clone(), Method::InText, 0.4), None)
            }
            None => {
                review = Some("no evidence of who spoke".to_string());
                (
                    SpeakerGuess {
                        method: Some(Method::Unknown),
                        ..SpeakerGuess::default()
                    },
                    None,
                )
            }
        },
    };
    Turn {
        start,
        end,
        is_chair: false,
        speaker,
        evidence,
        review,
        alternatives,
    }
}

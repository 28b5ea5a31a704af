//! Weighing the evidence for each speaker turn: the cue before it, the Chair's thanks
//! after it, the speaker naming itself, the announced order.

use std::collections::VecDeque;

use super::{Draft, Floor, LabelHint, Read, Role, Turn, CHAIR, SECRETARIAT};
use crate::attribution::sentences;
use crate::attribution::{approximate, Method, SpeakerGuess};
use crate::gazetteer::{ActorKind, Mention, Resolver};

/// Attributes the speaker turns.
pub(super) fn attribute(
    source: &str,
    reads: &[Read],
    drafts: Vec<Draft>,
    resolver: &Resolver,
) -> Vec<Turn> {
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
            let speaker = match &d.label {
                Some(l) => SpeakerGuess::new(officer, Method::Label, 0.95).with_label(&l.text),
                None => SpeakerGuess::new(officer, Method::InText, 0.8),
            };
            turns.push(Turn {
                start,
                end,
                is_chair: true,
                speaker,
                evidence: None,
                review: None,
                alternatives: Vec::new(),
                on_behalf: None,
            });
            continue;
        }
        let text = &source[start..end];
        let thanked = drafts
            .get(k + 1)
            .filter(|n| n.is_officer())
            .and_then(|n| thanked_after(source, reads, n, resolver));
        let own = self_named(text, resolver);
        let thanked = thanked.as_ref().map(|(m, _)| m);
        let mut turn = decide(start, end, d.floor.as_ref(), thanked, own, &queue);
        if let Some(label) = &d.label {
            turn = labelled(turn, label, d.floor.as_ref(), thanked);
        }
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
            // "Thank you, Madam Chair, for giving the floor to the African Union."
            let given_to_self = before.ends_with("giving the floor to")
                || before.ends_with("giving the floor to the")
                || before.ends_with("giving");
            if (subject && verb)
                || given_to_self
                || before.ends_with("delegation of") && !before.contains("thank")
            {
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

/// Weighs a label against the turn's other evidence. A label is believed unless the
/// Chair's cue before and thanks after both name someone else; a label the cue or the
/// thanks contradict goes to review; a label naming the Chair over a delegate's speech
/// is replaced by what the other evidence says.
fn labelled(
    turn: Turn,
    label: &LabelHint,
    floor: Option<&Floor>,
    thanked: Option<&Mention>,
) -> Turn {
    let cued = floor.and_then(|f| f.who.as_ref());
    let mut out = Turn {
        on_behalf: label.on_behalf.clone(),
        ..turn.clone()
    };
    if label.officer {
        out.review = Some(format!(
            "the label says {:?}, but the words are a delegate's",
            label.text
        ));
        out.speaker.label = Some(label.text.clone());
        return out;
    }
    let Some(actor) = &label.actor else {
        // An unknown speaker (a person, an organisation the gazetteer lacks) is kept
        // as its label, unless the cue names someone.
        if turn.speaker.name.is_none() {
            out.speaker = SpeakerGuess {
                name: None,
                label: Some(label.text.clone()),
                person: label.person.clone(),
                method: Some(Method::Label),
                confidence: 0.6,
            };
            out.review = None;
        } else {
            out.speaker.label = Some(label.text.clone());
        }
        return out;
    };
    fn other(m: Option<&Mention>, id: i64) -> Option<&Mention> {
        m.filter(|m| m.actor_id != id)
    }
    match (other(cued, actor.actor_id), other(thanked, actor.actor_id)) {
        (Some(c), Some(t)) if c.actor_id == t.actor_id => {
            out.speaker =
                SpeakerGuess::new(c.name.clone(), Method::ChairCue, 0.7).with_label(&label.text);
            out.alternatives = vec![actor.name.clone()];
            out.review = Some(format!(
                "the label says {}; the Chair's cue and thanks name {}",
                actor.name, c.name
            ));
        }
        (c, t) => {
            let mut guess =
                SpeakerGuess::new(actor.name.clone(), Method::Label, 0.95).with_label(&label.text);
            guess.person = label.person.clone();
            out.alternatives = Vec::new();
            out.review = None;
            if let Some(x) = c.or(t) {
                guess.confidence = 0.75;
                out.alternatives = vec![x.name.clone()];
                out.review = Some(format!(
                    "the label says {}; the Chair named {}",
                    actor.name, x.name
                ));
            }
            out.speaker = guess;
        }
    }
    out
}

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
        (Some(c), t, o) => from_cue(c, floor, t, o, &mut alternatives, &mut review),
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
        (None, None, None) if floor.is_some_and(|f| f.label.is_some()) => {
            let name = floor.and_then(|f| f.label.clone()).unwrap_or_default();
            review = Some(format!(
                "given the floor as {name:?}, a name the gazetteer does not know"
            ));
            (
                SpeakerGuess {
                    name: None,
                    label: Some(name),
                    person: None,
                    method: Some(Method::ChairCue),
                    confidence: 0.6,
                },
                floor.map(|f| f.evidence.clone()),
            )
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
        on_behalf: None,
    }
}

/// A speaker turn the Chair gave the floor to by name: the cue, confirmed or
/// contradicted by the thanks after it (`t`) and the speaker's own name (`o`).
fn from_cue(
    c: &Mention,
    floor: Option<&Floor>,
    t: Option<&Mention>,
    o: Option<&Mention>,
    alternatives: &mut Vec<String>,
    review: &mut Option<String>,
) -> (SpeakerGuess, Option<String>) {
    let same = |a: &Mention, b: &Mention| a.actor_id == b.actor_id;
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
        *review = Some("the Chair's cue and the speech name different speakers".to_string());
    }
    if method == Method::Approximate && review.is_none() && !confirmed {
        *review = Some("the cued name was matched approximately".to_string());
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

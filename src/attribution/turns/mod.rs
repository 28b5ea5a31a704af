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
//!
//! Records whose labels a machine assigned (markdown transcripts with
//! `**Singapore | Representative | (Small States Group)**`) go through the same walk:
//! a label is strong evidence of a new turn and its speaker, not the last word — the
//! Chair's cue under a delegate's label is still the Chair's, a delegate's speech under
//! the Chair's label is still the delegate's, and a label the cue and the thanks both
//! contradict is corrected (and the correction sent to review).

mod walk;
mod weigh;

use super::sentences::{self, Reading, Sentence};
use super::SpeakerGuess;
use crate::gazetteer::{ActorKind, Mention, Resolver};
use crate::text::Paragraph;

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
    /// The group the label says the speaker speaks for.
    pub on_behalf: Option<String>,
}

/// A speaker label the record gives before a paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LabelHint {
    /// The label as written.
    pub text: String,
    /// The actor it names, if the gazetteer knows it.
    pub actor: Option<Mention>,
    /// It names the presiding officer (a Chair, Co-Chair, Vice-Chair, moderator).
    pub officer: bool,
    /// The group it says the speaker speaks for.
    pub on_behalf: Option<String>,
    /// A person it names.
    pub person: Option<String>,
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
    /// The label standing before this sentence's paragraph, on its first sentence.
    label: Option<LabelHint>,
}

/// Who was given the floor, as the Chair said it.
#[derive(Debug, Clone)]
struct Floor {
    who: Option<Mention>,
    approximate: bool,
    corrected: bool,
    evidence: String,
    /// The name the floor was given under when no actor answers to it (an
    /// organisation the gazetteer lacks: "Kenya ICT Action Network").
    label: Option<String>,
}

/// Segments and attributes the paragraphs of a record. `paras` are the record's body
/// paragraphs, `source` the whole text their offsets point into; `labels` are the
/// labels that stand before some of them (by paragraph index).
pub fn segment(
    source: &str,
    paras: &[Paragraph],
    labels: &[(usize, LabelHint)],
    resolver: &Resolver,
) -> Vec<Turn> {
    let chair_id = match resolver.find(CHAIR) {
        crate::gazetteer::Resolution::Known { actor_id, .. } => Some(actor_id),
        _ => None,
    };
    let mut reads: Vec<Read> = Vec::new();
    for (b, p) in paras.iter().enumerate() {
        let (start, end) = (p.start(), p.end());
        let mut label = labels
            .iter()
            .find(|(at, _)| *at == b)
            .map(|(_, l)| l.clone());
        // The block before stopped mid-sentence: this one goes on with it.
        let cut = b > 0 && {
            let before = source[paras[b - 1].start()..paras[b - 1].end()].trim_end();
            !before.ends_with(['.', '?', '!', '"', '”', '—', '-', ':', ')'])
                && source[start..end].starts_with(|c: char| c.is_lowercase())
        };
        for mut s in sentences::split(&source[start..end], start, b) {
            s.continues = cut && s.opens_block;
            let text = &source[s.start..s.end];
            let mentions: Vec<Mention> = resolver
                .mentions(text, speakers)
                .into_iter()
                .filter(|m| Some(m.actor_id) != chair_id && m.name != "Bureau")
                .collect();
            let r = sentences::read(text, &mentions);
            reads.push(Read {
                s,
                r,
                mentions,
                label: label.take(),
            });
        }
    }
    let drafts = walk::walk(source, &reads, resolver);
    weigh::attribute(source, &reads, drafts, resolver)
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
    /// The label the record gives this turn.
    label: Option<LabelHint>,
}

impl Draft {
    fn is_officer(&self) -> bool {
        self.role != Role::Speaker
    }
}

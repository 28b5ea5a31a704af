//! The state machine that cuts a record's sentences into the officers' and the
//! speakers' turns.

use super::{Draft, Floor, Read, Role};
use crate::attribution::approximate;
use crate::attribution::sentences::Reading;
use crate::gazetteer::{ActorKind, Mention, Resolver};

/// The state machine: sentences into the officers' and the speakers' turns.
pub(super) fn walk(source: &str, reads: &[Read], resolver: &Resolver) -> Vec<Draft> {
    let mut w = Walker::default();
    for (i, rd) in reads.iter().enumerate() {
        let text = &source[rd.s.start..rd.s.end];
        let decision = w.decide(rd, text);
        match decision {
            Some(role) => w.open(role, i, rd, reads),
            None => w.extend(i, rd),
        }
        if w.drafts.last().is_some_and(Draft::is_officer) {
            w.follow_cues(rd, text, resolver);
        }
        w.handed_over_last = rd.r.hands_over;
        w.closed = rd.r.closing;
    }
    w.drafts.retain(|d| !d.sentences.is_empty());
    w.drafts
}

/// What the walk knows as it goes.
#[derive(Default)]
struct Walker {
    drafts: Vec<Draft>,
    /// The floor given in the current chair turn, not yet taken.
    floor: Option<Floor>,
    /// The sentence before ended a speech.
    closed: bool,
    /// The sentence before handed the floor over.
    handed_over_last: bool,
    /// The speakers the Chair announced, for names the recogniser garbled.
    announced: Vec<Mention>,
    /// A delegate's label waiting for the speech it names (the Chair's words came
    /// first), or a label the next speaker turn takes.
    pending: Option<super::LabelHint>,
}

impl Walker {
    fn current(&self) -> Option<Role> {
        self.drafts.last().map(|d| d.role)
    }

    /// Whether a sentence opens a new turn, and whose.
    fn decide(&mut self, rd: &Read, text: &str) -> Option<Role> {
        let r = &rd.r;
        let current = self.current();
        let officer_now = current.is_some_and(|c| c != Role::Speaker);
        if rd.s.continues && rd.label.is_none() && current == Some(Role::Speaker) {
            // A speaker's sentence the archive cut across two blocks stays theirs.
            return None;
        }
        if let Some(h) = &rd.label {
            return self.labelled(h, r, officer_now);
        }
        if self.pending.is_some() && officer_now && !r.chair && !r.secretary && !r.courtesy {
            return Some(Role::Speaker);
        }
        match current {
            // The record opens with the presiding officer, unless it opens with
            // someone addressing them.
            None => Some(if r.delegate && !r.chair {
                Role::Speaker
            } else {
                Role::Chair
            }),
            Some(Role::Chair | Role::Secretary) => self.after_officer(rd, text),
            Some(Role::Speaker) => self.after_speaker(r, rd.s.opens_block),
        }
    }

    /// A sentence under a label the record gives.
    fn labelled(&mut self, h: &super::LabelHint, r: &Reading, officer_now: bool) -> Option<Role> {
        let current = self.current();
        if h.officer {
            // A delegate's speech filed under the Chair's label: the floor was just
            // given and the words address the Chair.
            if r.delegate && !r.chair && self.floor.is_some() && officer_now {
                self.pending = Some(h.clone());
                return Some(Role::Speaker);
            }
            return (current != Some(Role::Chair)).then_some(Role::Chair);
        }
        if r.chair || r.secretary {
            // The Chair's words filed under a delegate's label: the label waits for
            // the speech — unless the Chair thanks the label's actor, whose speech has
            // just ended.
            let thanks_labelled = h
                .actor
                .as_ref()
                .is_some_and(|a| r.cues.thanked.iter().any(|t| t.actor_id == a.actor_id));
            self.pending = (!thanks_labelled).then(|| h.clone());
            return (current != Some(Role::Chair)).then_some(Role::Chair);
        }
        self.pending = Some(h.clone());
        Some(Role::Speaker)
    }

    /// A sentence while an officer holds the floor: the speaker's turn opens once the
    /// floor is given, or a courtesy-only chair turn goes back to the speaker.
    fn after_officer(&mut self, rd: &Read, text: &str) -> Option<Role> {
        let r = &rd.r;
        let opens = rd.s.opens_block;
        let current = self.current();
        let named_floor = self
            .floor
            .as_ref()
            .is_some_and(|f| f.who.is_some() || f.label.is_some());
        let takes_floor = if opens {
            r.delegate || (self.floor.is_some() && !r.chair && !r.secretary)
        } else {
            named_floor
                && (r.delegate
                    || (self.handed_over_last
                        && !r.chair
                        && !r.secretary
                        && !r.courtesy
                        && long(text)))
        };
        // A chair turn of courtesies only, followed by more speech: the courtesies were
        // the speaker's, who goes on.
        let resumes = self.drafts.len() >= 2
            && self.drafts.last().is_some_and(|d| d.tentative)
            && opens
            && !r.chair
            && !r.secretary
            && !r.courtesy
            && long(text)
            && self.floor.is_none();
        if resumes {
            let d = self.drafts.pop().expect("a chair turn is being built");
            if let Some(prev) = self.drafts.last_mut() {
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

    /// A sentence while a speaker holds the floor: an officer takes it back with a cue,
    /// thanks, procedure, or a courtesy once the speech has closed.
    fn after_speaker(&self, r: &Reading, opens: bool) -> Option<Role> {
        // The Chair thanks the speaker who just spoke; thanks to others while a known
        // speaker holds the floor are that speaker acknowledging them.
        let speaking = self
            .drafts
            .last()
            .and_then(|d| d.floor.as_ref())
            .and_then(|f| f.who.as_ref());
        if r.acknowledges
            && speaking.is_some_and(|w| r.cues.thanked.iter().all(|t| t.actor_id != w.actor_id))
        {
            return None;
        }
        // Names read out mid-speech that hold the speaker's own are the speaker's
        // words ("To Tonga and Kiribati, the United States hears you."), not the list
        // of coming speakers.
        let list = !r.list.is_empty()
            && !speaking.is_some_and(|w| r.list.iter().any(|m| m.actor_id == w.actor_id));
        let strong = r.chair
            && (opens
                || self.closed
                || !r.cues.given.is_empty()
                || !r.cues.next.is_empty()
                || list);
        let courtesy_after_close = r.courtesy && self.closed;
        let secretary_speaks = self
            .drafts
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

    /// Opens a turn at sentence `i`.
    fn open(&mut self, role: Role, i: usize, rd: &Read, reads: &[Read]) {
        let tentative = role == Role::Chair && !rd.r.chair && rd.label.is_none();
        let mut sentences = vec![i];
        // The officer's turn opens with the courtesies before its cue in the same
        // paragraph.
        if role != Role::Speaker && !rd.s.opens_block {
            if let Some(d) = self.drafts.last_mut().filter(|d| d.role == Role::Speaker) {
                let lead = d
                    .sentences
                    .iter()
                    .rev()
                    .take_while(|&&k| reads[k].s.block == rd.s.block)
                    .count();
                let block_from = d.sentences.len() - lead;
                let all_courtesy = d.sentences[block_from..]
                    .iter()
                    .all(|&k| (reads[k].r.courtesy || reads[k].r.closing) && !reads[k].r.delegate);
                if lead > 0 && all_courtesy && reads[d.sentences[block_from]].s.opens_block {
                    let moved: Vec<usize> = d.sentences.drain(block_from..).collect();
                    sentences = moved.into_iter().chain(sentences).collect();
                }
            }
        }
        let speaker = role == Role::Speaker;
        self.drafts.push(Draft {
            role,
            sentences,
            floor: if speaker { self.floor.take() } else { None },
            tentative,
            label: if speaker {
                self.pending.take()
            } else {
                rd.label.clone().filter(|l| l.officer)
            },
        });
        if !speaker {
            self.floor = None;
        }
    }

    /// Adds sentence `i` to the current turn.
    fn extend(&mut self, i: usize, rd: &Read) {
        if let Some(d) = self.drafts.last_mut() {
            d.sentences.push(i);
            if d.role == Role::Chair && rd.r.chair {
                d.tentative = false;
            }
        }
    }

    /// What an officer's sentence says of the floor and the coming speakers.
    fn follow_cues(&mut self, rd: &Read, text: &str, resolver: &Resolver) {
        let r = &rd.r;
        self.announced
            .extend(r.list.iter().chain(&r.cues.next).cloned());
        if let Some(f) = floor_given(text, r, &rd.mentions, &self.announced, resolver) {
            // "… to the representative of Slovenia. You have the floor.": a nameless
            // hand-over confirms the named one, it does not replace it.
            let named = self
                .floor
                .as_ref()
                .is_some_and(|g| g.who.is_some() || g.label.is_some());
            if f.who.is_some() || f.label.is_some() || !named {
                self.floor = Some(f);
            }
        } else if let Some(first) = r.list.first().filter(|_| {
            // After no floor, or after a name alone (a fragment: "Paraguay.").
            let fragment = self
                .floor
                .as_ref()
                .is_none_or(|f| f.evidence.split_whitespace().count() <= 2);
            fragment && r.cues.next.is_empty()
        }) {
            // A list read out with no cue after it: its first name speaks next.
            self.floor = Some(Floor {
                who: Some(first.clone()),
                approximate: false,
                corrected: false,
                evidence: text.trim().to_string(),
                label: None,
            });
        }
    }
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
            label: None,
        });
    }
    if r.hands_over || r.chair {
        if let Some(m) = approximate::cued_name(text, mentions, announced, resolver) {
            return Some(Floor {
                who: Some(m),
                approximate: true,
                corrected: false,
                evidence,
                label: None,
            });
        }
    }
    // The secretariat asked to speak: "an announcement by the secretariat, please".
    if SECRETARIAT_CALLED.is_match(text) {
        if let crate::gazetteer::Resolution::Known {
            actor_id,
            name,
            kind,
            ..
        } = resolver.find("Secretariat")
        {
            return Some(Floor {
                who: Some(Mention {
                    start: 0,
                    end: 0,
                    actor_id,
                    kind,
                    name,
                }),
                approximate: false,
                corrected: false,
                evidence,
                label: None,
            });
        }
    }
    r.hands_over.then(|| Floor {
        who: None,
        approximate: false,
        corrected: false,
        label: unknown_name(text, mentions),
        evidence,
    })
}

/// A name no actor answers to, in the place the floor is given to: "I now give the
/// floor. To Kenya ICT Action Network." — two or more capitalised words, or an acronym.
fn unknown_name(text: &str, mentions: &[Mention]) -> Option<String> {
    static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::text::pattern(
            r"(?i:floor\W{0,3} (?:now )?to|we will (?:now )?(?:begin|start|continue) with|now hear from) (?i:the )?(\p{Lu}[\p{L}'’&\-]*(?:\s(?:(?:for|of|and|on|in|de|del|y|the|et|des|du|la)\s)?\p{Lu}[\p{L}'’&\-]*){1,8}|\p{Lu}{3,})",
        )
    });
    let found = NAME.captures(text)?.get(1)?;
    // A name holding an actor the gazetteer knows ("the Ambassador and Permanent
    // Representative of India") is that actor's, not an unknown one.
    if mentions
        .iter()
        .any(|m| m.start < found.end() && found.start() < m.end)
    {
        return None;
    }
    let name = found.as_str().trim().trim_end_matches('.');
    let first = name.split_whitespace().next()?.to_lowercase();
    let not_a_name = [
        "delegation",
        "representative",
        "distinguished",
        "secretariat",
        "chair",
    ];
    (!not_a_name.contains(&first.as_str())).then(|| name.to_string())
}

/// The officer calling on the secretariat, in lower case as transcripts write it.
static SECRETARIAT_CALLED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::text::pattern(
        r"(?i)\b(?:floor to|announcement (?:by|from)|statement (?:by|from)|briefing (?:by|from)|update from|hear from|invite) the secretar(?:iat|iats|y)\b",
    )
});

//! What a sentence of a meeting record does: the presiding officer's work (giving the
//! floor, announcing speakers, thanking the last one, procedure) or a delegate's
//! (addressing the Chair, speaking for a delegation), read from its words, not from
//! a label. The turn builder ([`super::turns`]) segments unlabelled records with it.
//!
//! The rules are the chair's and the delegates' conventions in English, French and
//! Spanish, as machine transcripts of the English channel render them.

use std::sync::LazyLock;

use regex::Regex;

use super::cues::{floor_cues, FloorCues};
use crate::gazetteer::Mention;

fn re(pattern: &str) -> Regex {
    crate::text::pattern(pattern)
}

/// A sentence of a block, with its byte range in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the block (paragraph) it belongs to.
    pub block: usize,
    /// Whether it opens its block.
    pub opens_block: bool,
    /// It opens its block but goes on with a sentence the block before left unfinished
    /// (the archive cut it mid-sentence).
    pub continues: bool,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 14] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "rev", "amb", "h.e", "e", "u.s", "vs",
];

/// Splits `block` (which starts at byte `offset` of the source) into sentences.
pub fn split(block: &str, offset: usize, index: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut from = 0;
    let bytes = block.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'?' | b'!') {
            // The stop ends a sentence when white space follows (or the block ends),
            // and the word before it is no abbreviation.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'.' | b'?' | b'!' | b'"' | b')') {
                j += 1;
            }
            let at_end = j >= bytes.len();
            let space_after = !at_end && (bytes[j] as char).is_ascii_whitespace();
            // After the white space before the stop, which may be wider than a byte
            // (a no-break space).
            let word_start = block[..i]
                .char_indices()
                .rev()
                .find(|(_, ch)| ch.is_whitespace())
                .map_or(0, |(k, ch)| k + ch.len_utf8());
            let word = block[word_start..i].to_lowercase();
            let abbreviation = c == b'.'
                && ABBREVIATIONS.contains(&word.as_str())
                && !at_end
                && block[j..]
                    .trim_start()
                    .starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit());
            if (at_end || space_after) && !abbreviation {
                push(&mut out, block, offset, index, from, j);
                from = j;
            }
            i = j;
            continue;
        }
        // Speech recognition runs two speakers' sentences together without a stop:
        // "… the regional group Thank you very much, Colombia, …". A capitalised
        // "Thank you" right after a lower-case word opens a sentence.
        if c == b'T'
            && i >= 2
            && bytes[i - 1] == b' '
            && bytes[i - 2].is_ascii_lowercase()
            && block[i..].starts_with("Thank you")
        {
            push(&mut out, block, offset, index, from, i);
            from = i;
        }
        i += 1;
    }
    push(&mut out, block, offset, index, from, block.len());
    out
}

fn push(out: &mut Vec<Sentence>, block: &str, offset: usize, index: usize, from: usize, to: usize) {
    let part = &block[from..to];
    let lead = part.len() - part.trim_start().len();
    let trail = part.len() - part.trim_end().len();
    if part.trim().is_empty() {
        return;
    }
    out.push(Sentence {
        start: offset + from + lead,
        end: offset + to - trail,
        block: index,
        opens_block: out.is_empty(),
        continues: false,
    });
}

/// What a sentence does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    /// The presiding officer's work for certain: a floor cue, an announced list,
    /// thanks to a named speaker, procedure.
    pub chair: bool,
    /// A bare courtesy ("Thank you.", "Muchísimas gracias.") that either side says.
    pub courtesy: bool,
    /// The Secretary of the committee conducting a vote or reading out sponsors.
    pub secretary: bool,
    /// A delegate's words: addressing the Chair, "my delegation", "on behalf of".
    pub delegate: bool,
    /// Ends a speech: "Thank you, Chair.", "I thank you."
    pub closing: bool,
    /// The floor is handed over in this sentence (with or without a name).
    pub hands_over: bool,
    /// A list of actors read out (the coming speakers).
    pub list: Vec<Mention>,
    /// Thanks to several actors and nothing of the floor ("Thank you, EU, Poland,
    /// Estonia, France, for pointing out …"): the Chair's only if the speaker who just
    /// spoke is among them, otherwise a delegate acknowledging others.
    pub acknowledges: bool,
    pub cues: FloorCues,
}

/// Floor given without a name, in the three languages.
static HANDS_OVER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:you have the floor|you now have the floor|the floor is yours|(?:i )?give (?:you )?the floor|(?:give|giving|pass|passing|hand|handing|turn|turning|open|opening)(?: \w+){0,2} (?:the )?floor (?:now )?(?:over )?to|(?:the )?floor (?:is )?(?:now )?goes to|go ahead|you may (?:proceed|begin|start)|tiene(?:s)? (?:usted )?(?:el uso de )?la palabra|(?:we|i) (?:will|shall) (?:now )?(?:begin|start|continue) with|doy (?:ahora )?la palabra|^(?:doy|damos|voy a dar)\b|\bi (?:now )?give the\W*$|cedo la palabra|vous avez la parole|je donne (?:maintenant )?la parole|la parole est (?:à|a))\b|,\s*please\.?$|^please\.?$",
    )
});
/// The officer announcing or managing the list of speakers.
static ANNOUNCES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:the (?:next|following|last|remaining) speakers?|next (?:speaker|on (?:my|the|our) list)|(?:list of speakers|speakers' list|speakers list)|(?:we|i) (?:will|shall|would) (?:now )?(?:continue|proceed|start|begin|hear|move on|go on) (?:with|to)|the list (?:is|reads) as follows|(?:are|is) inscribed|on my list|(?:requests? for|asked for) the floor|i don'?t see (?:them|him|her|the delegation|anyone)|(?:is|are) (?:not )?(?:in the room|present)|speakers? (?:left|remaining)|lista de oradores|liste des orateurs|you will (?:be given|have) the floor|i have (?:\w+ )?(?:more )?(?:requests|speakers|delegations)|we (?:will|shall) (?:now )?(?:begin|start) with)\b",
    )
});
/// Procedure only a presiding officer (or the Secretary) conducts.
static PROCEDURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:is|are) (?:now )?called to order|(?:meeting|session) is (?:now )?(?:adjourned|suspended|resumed|closed|open)|(?:suspend|adjourn|resume) (?:the|this|our) (?:meeting|session)|right of reply|rights of reply|i see no objection|(?:it|this) is so decided|so decided|(?:any|no) objections?\??$|those in favou?r|those against|abstentions?\??$|recorded vote|record(?:ed)? (?:the )?vote has been requested|result of the voting|(?:is|are|was|were) retained|separate votes? (?:has|have) been requested|the sponsors of the draft|(?:was|has been|is) adopted|take action on|se declara abierta|se levanta la sesi[oó]n|queda aprobad[oa]|la s[ée]ance est (?:ouverte|lev[ée]e|suspendue))\b",
    )
});
/// The Secretary of a committee at work: votes, sponsors, budget implications.
static SECRETARY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:the )?committee is (?:now )?voting|(?:the )?voting machine is|machine is (?:now )?(?:unlocked|locked|open|closed)|voting has been completed|delegations are (?:kindly )?requested to (?:vote|verify|check)|(?:was|were) submitted by the (?:representative|delegation)|(?:have|has) (?:also )?become (?:co-?)?sponsors|programme budget implications|the secretary (?:would like to|wishes to) (?:inform|announce))\b",
    )
});
/// Thanks for a statement just made, with or without the speaker's name.
static THANKS_FOR_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:okay[,.]?\s*|so[,.]?\s*)?(?:(?:i |we )?thank(?:s| you)?|many thanks)\b[^?!]{0,80}?\bfor (?:that|the|your|this|his|her|their) (?:very )?(?:\w+ )?(?:statement|contribution|intervention|remarks|presentation|report|briefing)|^(?:much[ií]simas |muchas )?gracias por (?:su|la|esta|esa) (?:intervenci[oó]n|declaraci[oó]n|presentaci[oó]n)|^merci (?:beaucoup )?pour (?:votre|cette) (?:intervention|d[ée]claration)|^(?:i |we )?thank the (?:distinguished |deputy |permanent |honou?rable )*(?:representative|delegation|delegate|ambassador|secretary|pr|speaker|under[- ]secretary|president|high representative)\b|\bsays the chair\b|^(?:thank you|thanks)(?: very much| so much)?,? (?:mr|ms|mrs|miss|dr)\.? (?-i:\p{Lu}\p{Ll}+)(?: (?-i:\p{Lu}\p{Ll}+))?\s*(?:[.,]|for\b)",
    )
});
/// A sentence opening with thanks ("Thank you very much, Zimbabwe").
static THANKS_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:okay[,.]?\s*|so[,.]?\s*|well[,.]?\s*|yes[,.]?\s*)?(?:thank you|thanks|i thank|we thank|muchas gracias|much[ií]simas gracias|gracias|merci)\b",
    )
});
/// A bare courtesy: nothing but thanks or an acknowledgement.
static COURTESY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:okay|ok|so|yes|good|right|alright|all right|indeed|sorry)[,.!]?\s*)*(?:(?:thank you|thanks|many thanks|muchas gracias|much[ií]simas gracias|gracias|merci(?: beaucoup)?|grazie|de acuerdo|muy bien|bueno|vale|perfecto|d'accord|tr[eè]s bien)(?: (?:very|so) much| indeed| a lot| again)?[,.!]?\s*)*$",
    )
});
/// Addressing the presiding officer, as delegates do.
static ADDRESSES_CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|\b(?:thank you|thanks|gracias|merci|muchas gracias)(?: (?:very|so) much| again)?,?\s+)(?:(?:mr|mister|madam|madame|mrs|ms)\.?\s+|(?:distinguished|dear|honou?rable|esteemed) |monsieur le |madame la |se[ñn]or |se[ñn]ora )?(?:co[- ]?)?(?:chair|chairs|chairman|chairperson|chairwoman|president|pr[ée]sident|pr[ée]sidente|presidente|presidenta|vice-chair)\b|^(?:mr|madam|madame|mister)\.?$|^(?:monsieur|madame|se[ñn]or|se[ñn]ora)\b|^(?:excellenc(?:y|ies)|distinguished (?:delegates|colleagues))",
    )
});
/// A delegate speaking of their own delegation or group.
static DELEGATE_VOICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:my delegation|our delegation|my country|my government|i have the hono(?:u)?r|on behalf of|align(?:s|ed)? (?:itself|ourselves|myself|herself|himself)? ?with|in (?:its|our|my) national capacity|\b(?:i|we)\b(?: \w+){0,3} (?:take|taking|ask|asking|request|requesting)(?: for)? the floor|mi delegaci[oó]n|ma d[ée]l[ée]gation)\b",
    )
});
/// The end of a speech.
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\p{L}+, )?(?:(?:and )?(?:i )?thank(?: you)?(?: (?:very|so) much| all| again)?(?:,? (?:(?:mr|madam|madame)\.? )?(?:co-)?(?:chair|chairman|chairperson|president))?[.!]?|thank you for your attention\.?|muchas gracias(?:,? se[ñn]or(?:a)? president[ea])?\.?|merci(?: beaucoup)?(?:,? (?:monsieur|madame) (?:le |la )?pr[ée]sident(?:e)?)?\.?)$",
    )
});

/// Reads one sentence. `mentions` are the actors named in it (offsets relative to
/// `text`), the presiding officer excluded.
pub fn read(text: &str, mentions: &[Mention]) -> Reading {
    let trimmed = text.trim();
    let cues = floor_cues(trimmed, mentions);
    let words = trimmed.split_whitespace().count();
    // Actors read out one after another: "They are Egypt, Kiribati, New Zealand and
    // Tonga." — few words besides the names.
    let name_words: usize = mentions
        .iter()
        .map(|m| {
            trimmed[m.start.min(trimmed.len())..m.end.min(trimmed.len())]
                .split_whitespace()
                .count()
        })
        .sum();
    let thanks_opening = THANKS_OPENING.is_match(trimmed);
    let thanks_named =
        (thanks_opening && !cues.thanked.is_empty()) || THANKS_FOR_STATEMENT.is_match(trimmed);
    let secretary = SECRETARY.is_match(trimmed);
    let courtesy = COURTESY.is_match(trimmed);
    let hands_over = HANDS_OVER.is_match(trimmed) || !cues.given.is_empty();
    let acknowledges = thanks_opening
        && cues.thanked.len() >= 2
        && cues.given.is_empty()
        && cues.next.is_empty()
        && !hands_over
        && !ANNOUNCES.is_match(trimmed)
        && !PROCEDURE.is_match(trimmed);
    // Names thanked together are not a list of coming speakers.
    let list = if !acknowledges
        && mentions.len() >= 2
        && words.saturating_sub(name_words) <= 4 + mentions.len()
    {
        mentions.to_vec()
    } else {
        Vec::new()
    };
    // Thanks to a named speaker are the Chair's even where they repeat whom that
    // speaker spoke for ("Thank you, Nicaragua, speaking on behalf of …").
    let delegate =
        ADDRESSES_CHAIR.is_match(trimmed) || (DELEGATE_VOICE.is_match(trimmed) && !thanks_named);
    let chair = !delegate
        && !secretary
        && (!cues.given.is_empty()
            || !cues.next.is_empty()
            || (hands_over && words <= 25)
            || !list.is_empty()
            || ANNOUNCES.is_match(trimmed)
            || PROCEDURE.is_match(trimmed)
            || thanks_named);
    Reading {
        chair,
        secretary: secretary && !delegate,
        courtesy: courtesy && !delegate,
        delegate,
        closing: CLOSING.is_match(trimmed),
        hands_over: hands_over && !delegate,
        list,
        acknowledges: acknowledges && !delegate,
        cues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, 0, 0)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn a_stop_after_a_no_break_space_splits_without_panicking() {
        // Found by fuzzing: the word before a stop began inside a two-byte space.
        assert_eq!(
            sentences("Good morning,\u{a0}Mr. Chair. Thank you."),
            ["Good morning,\u{a0}Mr. Chair.", "Thank you."]
        );
        assert_eq!(sentences("Yes\u{a0}fine. Next"), ["Yes\u{a0}fine.", "Next"]);
    }

    #[test]
    fn sentences_keep_titles_and_offsets() {
        assert_eq!(
            sentences("Thank you, Mr. Chair. Ghana remains committed. Yes? Go."),
            [
                "Thank you, Mr. Chair.",
                "Ghana remains committed.",
                "Yes?",
                "Go."
            ]
        );
        assert_eq!(sentences("Rev. 2 is here."), ["Rev. 2 is here."]);
        assert_eq!(sentences("  Mr.  "), ["Mr."]);
        assert_eq!(
            sentences("the regional group Thank you very much, Colombia."),
            ["the regional group", "Thank you very much, Colombia."]
        );
    }

    fn mention(text: &str, name: &str) -> Mention {
        let start = text.find(name).expect("the name is in the text");
        Mention {
            start,
            end: start + name.len(),
            actor_id: 1,
            kind: crate::ActorKind::State,
            name: name.to_string(),
        }
    }

    fn reading(text: &str, names: &[&str]) -> Reading {
        let mentions: Vec<Mention> = names.iter().map(|n| mention(text, n)).collect();
        read(text, &mentions)
    }

    #[test]
    fn thanks_to_several_acknowledge_them() {
        let names = ["EU", "Poland", "Estonia", "France"];
        let r = reading(
            "Thank you, EU, Poland, Estonia, France, for pointing out these malicious actions.",
            &names,
        );
        assert!(r.acknowledges);
        assert!(r.list.is_empty(), "thanked, not announced: {:?}", r.list);
        // Thanks that go on to give the floor are the Chair's cue.
        let r = reading(
            "Thank you, Oman, Qatar, you have the floor.",
            &["Oman", "Qatar"],
        );
        assert!(!r.acknowledges && r.chair);
        assert!(!reading("Thank you very much, Zimbabwe.", &["Zimbabwe"]).acknowledges);
    }

    #[test]
    fn the_chair_at_work() {
        assert!(reading("Thank you very much, Zimbabwe.", &["Zimbabwe"]).chair);
        assert!(reading("UK, to be followed by Colombia.", &["UK", "Colombia"]).chair);
        assert!(reading("I now give the floor to Kiribati.", &["Kiribati"]).chair);
        assert!(reading("Ghana, you have the floor.", &["Ghana"]).chair);
        assert!(
            reading(
                "They are Egypt, Kiribati, New Zealand, Tonga, and Kingdom of the Netherlands.",
                &[
                    "Egypt",
                    "Kiribati",
                    "New Zealand",
                    "Tonga",
                    "Kingdom of the Netherlands"
                ]
            )
            .chair
        );
        assert!(reading("I see no objection. It is so decided.", &[]).chair);
        assert!(
            reading(
                "Doy ahora la palabra a la delegación de Serbia.",
                &["Serbia"]
            )
            .chair
        );
        assert!(reading("Vous avez la parole.", &[]).chair);
        assert!(reading("Please, you have the floor.", &[]).hands_over);
    }

    #[test]
    fn delegates_at_work() {
        let r = reading("Thank you, Madam Chair.", &[]);
        assert!(r.delegate && r.closing && !r.chair);
        assert!(reading("Mr.", &[]).delegate);
        assert!(reading("Monsieur le Président.", &[]).delegate);
        assert!(reading("Gracias, señor presidente.", &[]).delegate);
        assert!(
            !reading(
                "Kiribati aligns itself with the statement delivered by the Kingdom of Tonga.",
                &["Kiribati", "Kingdom of Tonga"]
            )
            .chair
        );
        assert!(reading("I thank you.", &[]).closing);
    }

    #[test]
    fn courtesies_belong_to_either_side() {
        for text in [
            "Thank you.",
            "Muchísimas gracias.",
            "Thank you very much.",
            "Okay, thank you.",
        ] {
            let r = reading(text, &[]);
            assert!(r.courtesy && !r.chair && !r.delegate, "{text}");
        }
    }
}

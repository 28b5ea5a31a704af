//! The presiding officer's cues: who is given the floor, who is announced next, who
//! is thanked, and who is left for a later meeting.
//!
//! The rules read the words around each actor named in a Chair's turn, within its
//! sentence, so they hold for any transcript where the Chair speaks as chairs do:
//! "India to be followed by Costa Rica. India, please." gives the floor to India and
//! announces Costa Rica; a later correction ("Sorry, … it's the Russian Federation
//! now, please") gives it again, and the last floor given wins.

use std::sync::LazyLock;

use regex::Regex;

use crate::gazetteer::Mention;

/// What a presiding officer's turn says about who speaks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FloorCues {
    /// Actors given the floor, in order; the last one speaks next.
    pub given: Vec<Mention>,
    /// Actors announced to speak after the one given the floor.
    pub next: Vec<Mention>,
    /// Actors thanked, usually for the statement just made.
    pub thanked: Vec<Mention>,
    /// Actors left for a later meeting ("the three remaining speakers, which is
    /// Germany, Malaysia, and China").
    pub later: Vec<Mention>,
    /// The turn hands over the floor, with or without a name ("you have the floor").
    pub gives_floor: bool,
    /// The officer corrected an earlier cue ("sorry", "my apologies").
    pub corrected: bool,
}

impl FloorCues {
    /// Who speaks next according to these cues: the last actor given the floor.
    pub fn speaker(&self) -> Option<&Mention> {
        self.given.last()
    }
}

/// Compiles a cue pattern: a space in it matches any run of white space, as hard-
/// wrapped text and PDFs break "you have\nthe floor" anywhere.
fn re(pattern: &str) -> Regex {
    crate::text::pattern(pattern)
}

/// After a name: the name is given the floor.
static GIVEN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[\s,]*(?:(?:to be )?followed by\b|(?:now[\s,]*)?please\b|por favor\b|tiene (?:usted )?(?:el uso de )?la palabra|vous avez la parole|over to you|(?:has|have) (?:requested|asked for) (?:the )?(?:use of the )?floor|is requesting the floor|you have the floor|you now have the floor|the floor is yours|(?:has|have) the floor|are you (?:here|there|ready|online|with us)|have you (?:already )?spoken|go ahead|you may (?:proceed|begin|start))",
    )
});
/// Before a name: the name is given the floor.
static GIVEN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:\bfloor|\bcall(?:ing)?\s+(?:up)?on|\bturn(?:ing)?|\brecogni[sz]e|\binvite|\bplease|\bnow over|\bhear from|\bmove (?:on )?to|\bbegin with|\bstart(?:ing)? with|\bspeaker,? (?:which|who) is|\bspeaker is|\bpalabra|\bparole)(?i:\s+(?:now|over|to|the|distinguished|delegation|delegations|representative|delegate|permanent|deputy|ambassador|his|her|excellency|of|from|again|ahora|a|al|la|de|del|delegaci[oó]n|representante|à|au|aux|le|d[ée]l[ée]gation|maintenant))*[\s,]*$",
    )
});
/// Before a name: a correction that names the real next speaker ("it's the X now").
static CORRECTION_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:it'?s|its|it is)(?:\s+(?:the|actually|in fact))*\s*$"));
static NOW_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^[\s,]*now\b"));
/// Before a name: the name is announced after the current speaker.
static NEXT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bfollowed by(?:\s+the)?[\s,]*$|\bthen(?:\s+the)?[\s,]*$"));
/// Between two names of one list: a comma, "and", or both.
static LIST_JOINT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[\s,]*(?:and\s+|then\s+)?(?:the\s+)?$"));
/// Before a name: the name is thanked.
static THANKED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:thank(?:s| you)?|i thank|we thank|gracias|merci)(?:\s+(?:very|so|much|indeed|again))*[\s,]*(?:to\s+)?(?:the\s+)?(?:distinguished\s+)?(?:(?:deputy\s+)?(?:permanent\s+)?(?:representative|delegation|delegate|ambassador|pr)s?\s+of\s+)?(?:the\s+)?$",
    )
});
/// Before a name: the name is the group the speaker speaks for, not a speaker
/// ("Nigeria, speaking on behalf of the African Group").
static FOR_GROUP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:on behalf of|speaking for|who will speak for|for)(?:\s+(?:the|a|its))?[\s,]*$")
});
/// A sentence about speakers left for later.
static LATER_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:remaining speakers?|speakers? (?:left|remaining)|tomorrow|next meeting|next session|this afternoon|after lunch)\b",
    )
});
static GIVES_FLOOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:you have the floor|the floor is yours|give (?:you )?the floor|floor to|please go ahead)\b|\bplease\.?\s*$",
    )
});
static CORRECTED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:sorry|apologi[sz]e|apologies|my mistake|correction|i stand corrected)\b")
});

/// The sentence around byte `at`: its start and end in `text`.
fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_stop = |c: char| matches!(c, '.' | '?' | '!' | ';');
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_stop(c) && text[i + 1..].starts_with(char::is_whitespace))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .char_indices()
        .find(|&(i, c)| {
            is_stop(c)
                && text[end + i + 1..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(text.len(), |(i, _)| end + i);
    (from, to)
}

/// Reads the floor-giving cues in a presiding officer's turn. `mentions` are the
/// actors named in `text` (states, groups, organisations), in order.
pub fn floor_cues(text: &str, mentions: &[Mention]) -> FloorCues {
    let lower = text.to_lowercase();
    // Lower-casing keeps byte offsets only for ASCII; fall back to the original text
    // (the patterns are case-insensitive on their own words) when it does not.
    let folded = if lower.len() == text.len() {
        lower
    } else {
        text.to_string()
    };
    let mut cues = FloorCues {
        gives_floor: GIVES_FLOOR.is_match(&folded),
        corrected: CORRECTED.is_match(&folded),
        ..FloorCues::default()
    };
    for (i, m) in mentions.iter().enumerate() {
        let (from, to) = sentence_bounds(&folded, m.start, m.end);
        let before = &folded[from..m.start];
        let after = &folded[m.end..to.max(m.end)];
        // Up to the next name only: "Bangladesh, to be followed by Sri Lanka" says
        // nothing of Sri Lanka's own role through Bangladesh's words.
        let after = match mentions.get(i + 1) {
            Some(next) if next.start < to => &folded[m.end..next.start],
            _ => after,
        };
        let sentence = &folded[from..to.max(m.end)];
        let in_list = mentions
            .iter()
            .filter(|o| o.start >= from && o.end <= to)
            .count()
            >= 2;
        // A sentence that is only the name ("Nicaragua.") calls on it.
        let bare = before
            .trim_matches(|c: char| c.is_whitespace() || c == '.')
            .is_empty()
            && after
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '?' | '!'))
                .is_empty();
        if FOR_GROUP_BEFORE.is_match(before) {
            continue;
        }
        // A list continuing the announced ones: "followed by Tuvalu, Kuwait, and Yemen".
        // So with thanks: "Thank you, EU, Poland, Estonia, France, for …".
        let continues = |list: &[Mention]| {
            i > 0
                && list.last().is_some_and(|n| *n == mentions[i - 1])
                && LIST_JOINT.is_match(&folded[mentions[i - 1].end..m.start])
        };
        if NEXT_BEFORE.is_match(before) || continues(&cues.next) {
            cues.next.push(m.clone());
        } else if GIVEN_AFTER.is_match(after)
            || GIVEN_BEFORE.is_match(before)
            || (CORRECTION_BEFORE.is_match(before) && NOW_AFTER.is_match(after))
            || bare
        {
            if LATER_SENTENCE.is_match(sentence) && in_list {
                cues.later.push(m.clone());
            } else {
                cues.given.push(m.clone());
            }
        } else if THANKED_BEFORE.is_match(before) || continues(&cues.thanked) {
            cues.thanked.push(m.clone());
        } else if LATER_SENTENCE.is_match(sentence) && in_list {
            cues.later.push(m.clone());
        }
    }
    cues
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds the capitalised names in `names` within `text`, as the resolver would.
    fn mentions(text: &str, names: &[&str]) -> Vec<Mention> {
        let mut found: Vec<Mention> = names
            .iter()
            .flat_map(|name| {
                text.match_indices(name).map(|(start, _)| Mention {
                    start,
                    end: start + name.len(),
                    actor_id: 0,
                    kind: crate::ActorKind::State,
                    name: name.to_string(),
                })
            })
            .collect();
        found.sort_by_key(|m| m.start);
        found
    }

    fn names(ms: &[Mention]) -> Vec<&str> {
        ms.iter().map(|m| m.name.as_str()).collect()
    }

    fn check(text: &str, actors: &[&str], given: &[&str], next: &[&str]) -> FloorCues {
        let cues = floor_cues(text, &mentions(text, actors));
        assert_eq!(names(&cues.given), given, "given in {text:?}");
        assert_eq!(names(&cues.next), next, "next in {text:?}");
        cues
    }

    #[test]
    fn to_be_followed_by() {
        check(
            "Thank you for the statement. Kiribati to be followed by Nauru. Kiribati, please.",
            &["Kiribati", "Nauru"],
            &["Kiribati", "Kiribati"],
            &["Nauru"],
        );
        check(
            "Thank you. Tonga, followed by Fiji. Tonga, please.",
            &["Tonga", "Fiji"],
            &["Tonga", "Tonga"],
            &["Fiji"],
        );
        check(
            "Thank you. Samoa, please, to be followed by Palau. Samoa.",
            &["Samoa", "Palau"],
            &["Samoa", "Samoa"],
            &["Palau"],
        );
    }

    #[test]
    fn giving_the_floor() {
        check("I give the floor now to the UK.", &["UK"], &["UK"], &[]);
        check(
            "I give the floor to the delegation of Peru. You have the floor, please.",
            &["Peru"],
            &["Peru"],
            &[],
        );
        check("Thank you. Please, Iran.", &["Iran"], &["Iran"], &[]);
        check(
            "Thank you very much. Latvia please.",
            &["Latvia"],
            &["Latvia"],
            &[],
        );
        check("I now call on Chile.", &["Chile"], &["Chile"], &[]);
        check("Mali, you have the floor.", &["Mali"], &["Mali"], &[]);
        // Hard-wrapped text (a PDF's lines) breaks a cue anywhere.
        check("Mali, you\nhave the  floor.", &["Mali"], &["Mali"], &[]);
    }

    #[test]
    fn corrections_and_the_last_floor_given_win() {
        let cues = check(
            "I give the floor now to Nepal, to be followed by Bhutan. Nepal, please. Sorry, my apologies, the list moved. So, its the Russian Federation now, please.",
            &["Nepal", "Bhutan", "Russian Federation"],
            &["Nepal", "Nepal", "Russian Federation"],
            &["Bhutan"],
        );
        assert!(cues.corrected);
        assert_eq!(cues.speaker().unwrap().name, "Russian Federation");
    }

    #[test]
    fn thanked_and_spoken_of() {
        let cues = check(
            "Thank you, Oman. I believe Qatar has already spoken. I give the floor now to Yemen.",
            &["Oman", "Qatar", "Yemen"],
            &["Yemen"],
            &[],
        );
        assert_eq!(names(&cues.thanked), ["Oman"]);
    }

    #[test]
    fn several_thanked_at_once() {
        let cues = check(
            "Thank you, EU, Poland, Estonia and France, for pointing out these actions.",
            &["EU", "Poland", "Estonia", "France"],
            &[],
            &[],
        );
        assert_eq!(names(&cues.thanked), ["EU", "Poland", "Estonia", "France"]);
    }

    #[test]
    fn speakers_left_for_later() {
        let cues = check(
            "Tomorrow we will take the three remaining speakers, which is Norway, Chad, and Benin, in that order.",
            &["Norway", "Chad", "Benin"],
            &[],
            &[],
        );
        assert_eq!(names(&cues.later), ["Norway", "Chad", "Benin"]);
    }

    #[test]
    fn floor_without_a_name() {
        let cues = check("Okay, alright. Please, you have the floor.", &[], &[], &[]);
        assert!(cues.gives_floor);
        assert!(!floor_cues("We will now adjourn.", &[]).gives_floor);
    }
}

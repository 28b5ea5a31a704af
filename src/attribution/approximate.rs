//! Names as speech recognition writes them: "Shelly has the floor" (Chile), "Guitar,
//! you have the floor" (Qatar), "Naoero" (Nauru). A name in a floor cue that no alias
//! knows is matched by how it sounds against the actors plausible there — the ones the
//! Chair announced first, then every State — and the match is recorded as approximate.
//! A common word in the cue's place ("First, I now give the floor to …", "Okay,
//! please") is never an actor.

use std::sync::LazyLock;

use regex::Regex;

use crate::gazetteer::names::{self, sound_key as phonetic};
use crate::gazetteer::{ActorKind, Mention, Resolver};

fn re(pattern: &str) -> Regex {
    crate::text::pattern(pattern)
}

/// A capitalised name of one to three words.
const NAME: &str = r"(\p{Lu}[\p{L}'’\-]+(?: \p{Lu}[\p{L}'’\-]+){0,2})";

/// A name in the place a floor cue gives the floor to.
static SLOTS: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [
        re(&format!(
            r"(?:^|[.?!,] ){NAME},? (?:you have the floor|you now have the floor|has the floor|please\b|to be followed by|followed by|por favor|tiene (?:usted )?la palabra|vous avez la parole)"
        )),
        re(&format!(
            r"(?i:floor (?:now )?to|give the floor (?:now )?to|call (?:up)?on|palabra a|parole (?:à|a)) (?i:the )?(?i:(?:distinguished )?(?:delegation|representative|delegate) of )?(?i:la delegaci[oó]n de )?{NAME}"
        )),
    ]
});

/// A name in the place of the speaker the Chair thanks ("Thank you very much,
/// Salvador.").
static THANKS_SLOT: LazyLock<[Regex; 1]> = LazyLock::new(|| {
    [re(&format!(
        r"^(?i:thank you|thanks|i thank)(?i: very much| so much)?,? {NAME}(?:,|\.| for\b| and\b)"
    ))]
});

/// Words that stand where a name would, and are none.
const NOT_NAMES: [&str; 40] = [
    "okay",
    "ok",
    "yes",
    "no",
    "so",
    "now",
    "first",
    "next",
    "then",
    "thank",
    "thanks",
    "please",
    "sorry",
    "ambassador",
    "madam",
    "sir",
    "chair",
    "mr",
    "ms",
    "again",
    "well",
    "good",
    "and",
    "the",
    "delegation",
    "representative",
    "distinguished",
    "excellency",
    "finally",
    "secondly",
    "lastly",
    "also",
    "alright",
    "right",
    "colleague",
    "colleagues",
    "everyone",
    "all",
    "i",
    "we",
];

/// The actor a garbled name in a floor cue most plausibly is. `mentions` are the
/// actors already recognised in `text` (a slot they cover needs no guess); `announced`
/// are the speakers the Chair announced, the first candidates.
pub fn cued_name(
    text: &str,
    mentions: &[Mention],
    announced: &[Mention],
    resolver: &Resolver,
) -> Option<Mention> {
    in_slots(SLOTS.as_slice(), text, mentions, announced, resolver)
}

/// The actor a garbled name the Chair thanks most plausibly is.
pub fn thanked_name(text: &str, mentions: &[Mention], resolver: &Resolver) -> Option<Mention> {
    in_slots(THANKS_SLOT.as_slice(), text, mentions, &[], resolver)
}

fn in_slots(
    slots: &[Regex],
    text: &str,
    mentions: &[Mention],
    announced: &[Mention],
    resolver: &Resolver,
) -> Option<Mention> {
    for slot in slots {
        for c in slot.captures_iter(text) {
            let m = c.get(1)?;
            if mentions
                .iter()
                .any(|k| k.start < m.end() && m.start() < k.end)
            {
                continue;
            }
            let name = m.as_str();
            let folded = names::normalize(name);
            if folded.is_empty() || folded.split(' ').any(|w| NOT_NAMES.contains(&w)) {
                continue;
            }
            if let Some(found) = sounds_like(&folded, announced, resolver) {
                return Some(Mention {
                    start: m.start(),
                    end: m.end(),
                    ..found
                });
            }
        }
    }
    None
}

/// The best actor whose name sounds like `folded`: among `announced` with a looser
/// test, else among every State, group and organisation with a strict one.
fn sounds_like(folded: &str, announced: &[Mention], resolver: &Resolver) -> Option<Mention> {
    let key = phonetic(folded);
    if key.len() < 2 {
        return None;
    }
    let index = resolver.aliases_by_sound();
    let close = |alias_key: &str, alias: &str, strict: bool| {
        let same_key = alias_key == key;
        let similarity = strsim::jaro_winkler(folded, alias);
        if strict {
            same_key && similarity >= 0.6
        } else {
            same_key || similarity >= 0.85
        }
    };
    for a in announced {
        let matches = index
            .iter()
            .filter(|(_, _, id)| *id == a.actor_id)
            .any(|(k, alias, _)| close(k, alias, false));
        if matches {
            return Some(a.clone());
        }
    }
    // Every State whose name sounds the same (the index is sorted by sound key).
    let from = index.partition_point(|(k, _, _)| k.as_str() < key.as_str());
    let mut found: Option<(f64, Mention)> = None;
    for (k, alias, id) in index[from..].iter().take_while(|(k, _, _)| *k == key) {
        let Some(actor) = resolver.actor(*id) else {
            continue;
        };
        if actor.kind != ActorKind::State || !close(k, alias, true) {
            continue;
        }
        let score = strsim::jaro_winkler(folded, alias);
        if found.as_ref().is_none_or(|(best, _)| score > *best) {
            found = Some((
                score,
                Mention {
                    start: 0,
                    end: 0,
                    actor_id: actor.id,
                    kind: actor.kind,
                    name: actor.name.clone(),
                },
            ));
        }
    }
    found.map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misheard_names_sound_like_the_real_ones() {
        for (heard, real) in [
            ("shelly", "chile"),
            ("guitar", "qatar"),
            ("naoero", "nauru"),
            ("tuvali", "tuvalu"),
            ("iman", "oman"),
            ("gan", "guyana"),
        ] {
            assert_eq!(phonetic(heard), phonetic(real), "{heard} / {real}");
        }
        assert_ne!(phonetic("first"), phonetic("france"));
    }
}

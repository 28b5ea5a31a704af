//! Names as speech recognition writes them: "Shelly has the floor" (Chile), "Guitar,
//! you have the floor" (Qatar), "Naoero" (Nauru). A name in a floor cue that no alias
//! knows is matched by how it sounds against the actors plausible there — the ones the
//! Chair announced first, then every State — and the match is recorded as approximate.
//! A common word in the cue's place ("First, I now give the floor to …", "Okay,
//! please") is never an actor.

use std::sync::LazyLock;

use regex::Regex;

use crate::gazetteer::{names, ActorKind, Mention, Resolver};

fn re(pattern: &str) -> Regex {
    crate::formats::text::pattern(pattern)
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
    let close = |alias: &str, strict: bool| {
        let same_key = phonetic(alias) == key;
        let similarity = strsim::jaro_winkler(folded, alias);
        if strict {
            same_key && similarity >= 0.6
        } else {
            same_key || similarity >= 0.85
        }
    };
    for a in announced {
        let aliases = resolver.aliases_of(a.actor_id);
        if aliases.iter().any(|alias| close(alias, false)) {
            return Some(a.clone());
        }
    }
    let mut found: Option<(f64, Mention)> = None;
    for (alias, actor) in resolver.aliases() {
        if !matches!(actor.kind, ActorKind::State) || !close(alias, true) {
            continue;
        }
        let score = strsim::jaro_winkler(folded, alias);
        if found
            .as_ref()
            .is_none_or(|(best, m)| score > *best && m.actor_id != actor.id)
        {
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

/// A rough key of how a (folded, lower-case) name sounds in English: consonants that
/// sound alike merged, vowels dropped but for the first sound, letters not doubled.
pub fn phonetic(folded: &str) -> String {
    let chars: Vec<char> = folded.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let (code, skip) = match (c, next) {
            ('p', Some('h')) => (Some('f'), 2),
            ('s' | 'c', Some('h')) => (Some('x'), 2),
            ('t', Some('h')) => (Some('t'), 2),
            ('c', Some('e' | 'i' | 'y')) => (Some('s'), 1),
            ('c' | 'k' | 'q' | 'g', _) => (Some('k'), 1),
            ('z', _) => (Some('s'), 1),
            ('v', _) => (Some('f'), 1),
            ('d', _) => (Some('t'), 1),
            ('b', _) => (Some('p'), 1),
            ('j', _) => (Some('x'), 1),
            ('a' | 'e' | 'i' | 'o' | 'u' | 'y', _) => (if i == 0 { Some('a') } else { None }, 1),
            ('h' | 'w', _) => (None, 1),
            (other, _) => (Some(other), 1),
        };
        if let Some(code) = code {
            if !out.ends_with(code) {
                out.push(code);
            }
        }
        i += skip;
    }
    out
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

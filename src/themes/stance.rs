//! Stances: what a speaker thinks of a theme, read from the stance cues of the
//! sentences carrying it (`assets/codebook.toml`, `[stance]`) and from the words right
//! around its hits — a supporting verb, an adjective that asks for it, a verb of need
//! governing a list, the speaker's own money.

use serde::{Deserialize, Serialize};

use super::codebook::ThemeDef;
use super::phrases::Word;

/// Verbs that, right before a theme's words, say the speaker wants it (rule 9).
const SUPPORTING_VERBS: &[&str] = &[
    "support",
    "supports",
    "supporting",
    "promote",
    "promotes",
    "promoting",
    "encourage",
    "encourages",
    "establish",
    "establishing",
    "create",
    "creating",
    "strengthen",
    "strengthening",
    "provide",
    "providing",
    "mobilize",
    "mobilizing",
    "increase",
    "increasing",
    "welcome",
    "welcomes",
    "advance",
    "advancing",
];
/// Adjectives that, right before a theme's words, ask for it: "adequate financing",
/// "predictable and sustainable funding" (the thing requested named with what it
/// lacks; rule 9).
const WANTING_QUALIFIERS: &[&str] = &[
    "adequate",
    "sufficient",
    "sustainable",
    "predictable",
    "reliable",
    "additional",
    "dedicated",
    "increased",
    "stable",
];
/// Verbs of need that govern a list of what is needed: "developing nations require
/// technical assistance, funding, and training" ("need" and "lack" are nouns as often:
/// "matching needs with expertise and resources", "the lack of resources").
const NEEDING_VERBS: &[&str] = &["require", "requires", "required"];
/// Words a list of needs may hold between its verb and a theme's words.
const LIST_WORDS: usize = 4;
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "more",
    "further",
    "additional",
    "new",
    "its",
    "their",
    "our",
    "such",
];

/// A stance on a theme.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord,
)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Support,
    Oppose,
    Conditional,
    /// The theme is discussed without a position (the default for a new tag).
    #[default]
    Mention,
}

impl Stance {
    pub const ALL: [Stance; 4] = [
        Stance::Support,
        Stance::Oppose,
        Stance::Conditional,
        Stance::Mention,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Conditional => "conditional",
            Stance::Mention => "mention",
        }
    }

    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim().to_lowercase())
    }
}

/// The stance of a theme from the stance cues in the sentences carrying it: oppose over
/// conditional over support (a supporting verb governing a hit counts), else a mention.
pub(super) fn stance_of(
    def: &ThemeDef,
    carrying: &[(usize, usize)],
    stance_matches: &[(usize, usize, Option<Stance>)],
    words: &[Word],
    theme_hits: &[(usize, usize)],
) -> Stance {
    let in_carrying = |w: usize| {
        carrying
            .iter()
            .any(|(s, e)| words[w].start >= *s && words[w].start < *e)
    };
    let mut found: Vec<Stance> = stance_matches
        .iter()
        .filter(|(w, _, _)| in_carrying(*w))
        .filter_map(|(_, _, st)| *st)
        .collect();
    found.sort();
    found.dedup();
    // The speaker's own money or programme ("including through our own funding") is
    // a pledge, not a position on the theme.
    let own = theme_hits.iter().all(|&(w, _)| {
        w.checked_sub(1)
            .is_some_and(|p| words[p].folded_exact == "own")
    });
    if !def.takes_stance() || own {
        Stance::Mention
    } else if found.contains(&Stance::Oppose) {
        Stance::Oppose
    } else if found.contains(&Stance::Conditional) {
        Stance::Conditional
    } else if found.contains(&Stance::Support)
        || theme_hits.iter().any(|(w, _)| {
            governed_by_support(words, *w) || qualified_as_wanted(words, *w) || needed(words, *w)
        })
    {
        Stance::Support
    } else {
        Stance::Mention
    }
}

/// Whether a supporting verb governs the hit starting at word `at` ("support the
/// mobilization of resources"): the verb, then at most two determiners.
fn governed_by_support(words: &[Word], at: usize) -> bool {
    let mut i = at;
    for _ in 0..3 {
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        let w = words[prev].folded_exact.as_str();
        if SUPPORTING_VERBS.contains(&w) {
            return true;
        }
        if !DETERMINERS.contains(&w) {
            return false;
        }
        i = prev;
    }
    false
}

/// Whether a wanting adjective stands right before the hit starting at word `at`,
/// alone or joined to another ("predictable and sustainable financing").
fn qualified_as_wanted(words: &[Word], at: usize) -> bool {
    at.checked_sub(1)
        .is_some_and(|prev| WANTING_QUALIFIERS.contains(&words[prev].folded_exact.as_str()))
}

/// Whether a verb of need governs the hit starting at word `at`, a few list words
/// before it ("require technical assistance, funding").
fn needed(words: &[Word], at: usize) -> bool {
    (1..=LIST_WORDS + 1)
        .filter_map(|back| at.checked_sub(back))
        .take_while(|&i| i == at - 1 || !is_clause_word(&words[i].folded_exact))
        .any(|i| NEEDING_VERBS.contains(&words[i].folded_exact.as_str()))
}

/// Words that start another clause: a need before them does not govern what follows.
fn is_clause_word(word: &str) -> bool {
    matches!(
        word,
        "that" | "which" | "who" | "but" | "while" | "because" | "if" | "is" | "are" | "was"
    )
}

//! Automatic tags: which themes a statement substantively discusses, and the stance it
//! takes on each, following the matching contract written at the top of
//! `assets/codebook.toml` (normalisation, whole words, case-sensitive acronyms,
//! longest match, exclusions that mask, counting, hierarchy, context, stance).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use serde::{Deserialize, Serialize};

use super::codebook::{Codebook, ThemeDef};
use crate::text::fold::{american, case_and_accents};

/// An amount of money: a signal of the `funding` theme (codebook rule 10).
static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[$€£]\s?\d[\d.,]*(?:\s*(?:million|billion|thousand|m|bn))?|\b\d[\d.,]*\s*(?:million|billion)\s+(?:US\s+)?(?:dollars|euros|pounds|francs|yen|USD|EUR)\b|\b(?:USD|EUR|US\$)\s?\d[\d.,]*)")
        .expect("a valid built-in pattern")
});

/// The theme money signals.
const MONEY_THEME: &str = "funding";

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

/// An automatic tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AutoTag {
    pub theme: String,
    pub stance: Stance,
    /// Character span of the evidence (the sentence carrying the theme) in the text.
    pub span: (usize, usize),
    pub confidence: f64,
}

/// One token of a pattern.
#[derive(Debug, Clone, PartialEq)]
enum Pat {
    /// Compared after folding.
    Folded(String),
    /// An acronym, compared with its capitals ("PoA"); a plural "s" may follow.
    Acronym(String),
    /// A word prefix ("cyber*").
    Prefix(String),
}

/// A word of the text.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    original: String,
    /// Folded, with plurals folded.
    folded: String,
    /// Folded, plurals kept (for stance phrases).
    folded_exact: String,
}

fn fold(word: &str) -> String {
    american(&case_and_accents(word))
}

fn singular(word: &str) -> String {
    if word.len() > 4 && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

/// Words of a text: letters and digits (an apostrophe inside a word is dropped).
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut buf = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '\u{2019}')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            buf.push(c);
        } else if inner_apostrophe {
            // "d'Ivoire", "Côte d’Ivoire": keep the word whole.
        } else if let Some(s) = start.take() {
            let folded_exact = fold(&buf);
            out.push(Word {
                start: s,
                folded: singular(&folded_exact),
                folded_exact,
                original: std::mem::take(&mut buf),
            });
        }
    }
    if let Some(s) = start {
        let folded_exact = fold(&buf);
        out.push(Word {
            start: s,
            folded: singular(&folded_exact),
            folded_exact,
            original: buf,
        });
    }
    out
}

/// Compiles a phrase into patterns: acronyms (two or more capitals) keep their case.
fn compile(phrase: &str, fold_plurals: bool) -> Vec<Pat> {
    if let Some(prefix) = phrase.strip_suffix('*') {
        return vec![Pat::Prefix(fold(prefix))];
    }
    words(phrase)
        .into_iter()
        .map(|w| {
            let capitals = w.original.chars().filter(|c| c.is_uppercase()).count();
            if capitals >= 2 {
                Pat::Acronym(w.original.trim_end_matches('s').to_string())
            } else if fold_plurals {
                Pat::Folded(w.folded)
            } else {
                Pat::Folded(w.folded_exact)
            }
        })
        .collect()
}

fn matches(pat: &Pat, word: &Word, fold_plurals: bool) -> bool {
    match pat {
        Pat::Folded(f) => {
            if fold_plurals {
                &word.folded == f
            } else {
                &word.folded_exact == f
            }
        }
        Pat::Acronym(a) => {
            let w = word.original.as_str();
            w == a || w.strip_suffix('s').is_some_and(|x| x == a)
        }
        Pat::Prefix(p) => word.folded_exact.starts_with(p.as_str()),
    }
}

/// A set of phrases, each with a payload, indexed by their first word.
#[derive(Debug, Clone, Default)]
struct PhraseSet<T: Clone> {
    phrases: Vec<(Vec<Pat>, T)>,
    /// Phrases whose first pattern is a folded word, by that word.
    by_first: HashMap<String, Vec<usize>>,
    /// Phrases that start with an acronym or a prefix: tried everywhere.
    others: Vec<usize>,
    fold_plurals: bool,
}

impl<T: Clone> PhraseSet<T> {
    fn new(fold_plurals: bool) -> Self {
        PhraseSet {
            phrases: Vec::new(),
            by_first: HashMap::new(),
            others: Vec::new(),
            fold_plurals,
        }
    }

    fn add(&mut self, phrase: &str, payload: T) {
        let pats = compile(phrase, self.fold_plurals);
        let Some(first) = pats.first() else { return };
        let i = self.phrases.len();
        match first {
            Pat::Folded(f) => self.by_first.entry(f.clone()).or_default().push(i),
            _ => self.others.push(i),
        }
        self.phrases.push((pats, payload));
    }

    /// Every match as (first word, word count, payload), overlapping ones included.
    fn all_matches(&self, words: &[Word]) -> Vec<(usize, usize, T)> {
        let mut out = Vec::new();
        for i in 0..words.len() {
            let key = if self.fold_plurals {
                &words[i].folded
            } else {
                &words[i].folded_exact
            };
            let candidates = self
                .by_first
                .get(key)
                .into_iter()
                .flatten()
                .chain(&self.others);
            for &p in candidates {
                let (pats, payload) = &self.phrases[p];
                if i + pats.len() <= words.len()
                    && pats
                        .iter()
                        .zip(&words[i..])
                        .all(|(p, w)| matches(p, w, self.fold_plurals))
                {
                    out.push((i, pats.len(), payload.clone()));
                }
            }
        }
        out
    }
}

/// Keeps the longest of overlapping matches (earliest first on ties).
fn longest_without_overlaps<T: Clone>(mut found: Vec<(usize, usize, T)>) -> Vec<(usize, usize, T)> {
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut taken: Vec<(usize, usize, T)> = Vec::new();
    for m in found {
        if taken.iter().all(|t| m.0 + m.1 <= t.0 || t.0 + t.1 <= m.0) {
            taken.push(m);
        }
    }
    taken.sort_by_key(|m| m.0);
    taken
}

/// The codebook compiled for matching.
#[derive(Debug, Clone)]
pub struct Tagger {
    themes: Vec<ThemeDef>,
    signals: PhraseSet<usize>,
    exclusions: PhraseSet<usize>,
    stance: PhraseSet<Option<Stance>>,
    context_terms: PhraseSet<()>,
    ict_processes: Vec<String>,
    index: HashMap<String, usize>,
}

impl Tagger {
    pub fn new(book: &Codebook) -> Tagger {
        let mut signals = PhraseSet::new(true);
        let mut exclusions = PhraseSet::new(true);
        for (i, t) in book.themes.iter().enumerate() {
            for s in &t.signals {
                signals.add(s, i);
            }
            for e in &t.exclusions {
                exclusions.add(e, i);
            }
        }
        let mut stance = PhraseSet::new(false);
        for (list, value) in [
            (&book.stance.support, Some(Stance::Support)),
            (&book.stance.oppose, Some(Stance::Oppose)),
            (&book.stance.conditional, Some(Stance::Conditional)),
            (&book.stance.neutral, None),
        ] {
            for p in list {
                stance.add(p, value);
            }
        }
        let mut context_terms = PhraseSet::new(true);
        for t in &book.context.terms {
            context_terms.add(t, ());
        }
        Tagger {
            index: book
                .themes
                .iter()
                .enumerate()
                .map(|(i, t)| (t.key.clone(), i))
                .collect(),
            themes: book.themes.clone(),
            signals,
            exclusions,
            stance,
            context_terms,
            ict_processes: book.context.ict_processes.clone(),
        }
    }

    /// The automatic tags of a statement from a process (its key, e.g. "oewg-2021-2025").
    pub fn tag(&self, text: &str, process: Option<&str>) -> Vec<AutoTag> {
        let words = words(text);
        if words.is_empty() {
            return Vec::new();
        }
        let in_ict_process = process.is_some_and(|p| {
            self.ict_processes
                .iter()
                .any(|prefix| p.starts_with(prefix.as_str()))
        });
        if !in_ict_process && self.context_terms.all_matches(&words).is_empty() {
            return Vec::new();
        }
        // Signal hits per theme: longest, non-overlapping, not masked by an exclusion.
        let excluded = self.exclusions.all_matches(&words);
        let mut hits: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        let mut by_theme: HashMap<usize, Vec<(usize, usize, usize)>> = HashMap::new();
        for m in self.signals.all_matches(&words) {
            by_theme.entry(m.2).or_default().push(m);
        }
        if let Some(&money) = self.index.get(MONEY_THEME) {
            for m in MONEY.find_iter(text) {
                if let Some(w) = words.iter().position(|w| w.start >= m.start()) {
                    by_theme.entry(money).or_default().push((w, 1, money));
                }
            }
        }
        for (theme, found) in by_theme {
            for (start, len, _) in longest_without_overlaps(found) {
                let masked = excluded
                    .iter()
                    .any(|(es, el, et)| *et == theme && start < es + el && *es < start + len);
                // Outside the ICT processes, a bare signal that repeats words of an
                // excluded name said before it refers back to that name ("its regional
                // plan of action … The plan of action was endorsed"). Inside them the
                // theme is the subject at hand, so the bare signal keeps its meaning.
                let refers_back = !in_ict_process
                    && excluded.iter().any(|&(es, el, et)| {
                        et == theme
                            && es + el <= start
                            && el > len
                            && (es..=es + el - len).any(|o| {
                                (0..len).all(|k| words[o + k].folded == words[start + k].folded)
                            })
                    });
                if !masked && !refers_back {
                    hits.entry(theme).or_default().push((start, len));
                }
            }
        }
        // Children count towards their parents (unless they say otherwise).
        let mut totals: HashMap<usize, Vec<(usize, usize)>> = hits.clone();
        for (&theme, h) in &hits {
            let mut t = &self.themes[theme];
            while t.implies_parent() {
                let Some(parent) = t.parent().and_then(|p| self.index.get(p)) else {
                    break;
                };
                totals.entry(*parent).or_default().extend(h.iter().copied());
                t = &self.themes[*parent];
            }
        }
        let sentences = sentence_bounds(text);
        let stance_matches = longest_without_overlaps(self.stance.all_matches(&words));
        let mut tags = Vec::new();
        for (theme, theme_hits) in totals {
            let def = &self.themes[theme];
            // Children directly matched count; a parent is present through its own hits
            // reaching min_signals, or through a present child.
            let own = theme_hits.len() as u32;
            let child_present = self.themes.iter().enumerate().any(|(i, c)| {
                c.parent() == Some(def.key.as_str())
                    && c.implies_parent()
                    && hits
                        .get(&i)
                        .is_some_and(|h| h.len() as u32 >= c.min_signals())
            });
            if own < def.min_signals() && !child_present {
                continue;
            }
            // The sentences that carry the hits, and the stance cues in them.
            let carrying: Vec<(usize, usize)> = sentences
                .iter()
                .copied()
                .filter(|(s, e)| {
                    theme_hits
                        .iter()
                        .any(|(w, _)| words[*w].start >= *s && words[*w].start < *e)
                })
                .collect();
            let mut found: Vec<Stance> = stance_matches
                .iter()
                .filter(|(w, _, _)| {
                    carrying
                        .iter()
                        .any(|(s, e)| words[*w].start >= *s && words[*w].start < *e)
                })
                .filter_map(|(_, _, st)| *st)
                .collect();
            found.sort();
            found.dedup();
            let stance = if !def.takes_stance() {
                Stance::Mention
            } else if found.contains(&Stance::Oppose) {
                Stance::Oppose
            } else if found.contains(&Stance::Conditional) {
                Stance::Conditional
            } else if found.contains(&Stance::Support)
                || theme_hits
                    .iter()
                    .any(|(w, _)| governed_by_support(&words, *w))
            {
                Stance::Support
            } else {
                Stance::Mention
            };
            let (s, e) = carrying.first().copied().unwrap_or((0, text.len()));
            let to_chars = |byte: usize| text[..byte].chars().count();
            let confidence =
                (0.5 + 0.1 * own as f64 + if stance != Stance::Mention { 0.1 } else { 0.0 })
                    .min(0.9);
            tags.push(AutoTag {
                theme: def.key.clone(),
                stance,
                span: (to_chars(s), to_chars(e)),
                confidence,
            });
        }
        tags.sort_by(|a, b| a.theme.cmp(&b.theme));
        tags
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

/// Byte ranges of sentences.
fn sentence_bounds(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let ends = matches!(c, '.' | '?' | '!' | ';' | '\n')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
        if ends {
            out.push((start, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagger() -> Tagger {
        Tagger::new(&Codebook::builtin().unwrap())
    }

    fn stance_of(tags: &[AutoTag], theme: &str) -> Option<Stance> {
        tags.iter().find(|t| t.theme == theme).map(|t| t.stance)
    }

    #[test]
    fn poa_support_opposition_and_conditions() {
        let t = tagger();
        let oewg = Some("oewg-2021-2025");
        let tags = t.tag(
            "We strongly support the Programme of Action as a permanent mechanism.",
            oewg,
        );
        assert_eq!(stance_of(&tags, "poa"), Some(Stance::Support));
        let tags = t.tag(
            "We cannot support the PoA at this stage; it is premature.",
            oewg,
        );
        assert_eq!(stance_of(&tags, "poa"), Some(Stance::Oppose));
        let tags = t.tag(
            "A program of action could be considered, subject to consensus.",
            oewg,
        );
        assert_eq!(stance_of(&tags, "poa"), Some(Stance::Conditional));
        let tags = t.tag("The Programme of Action was mentioned by some.", oewg);
        assert_eq!(stance_of(&tags, "poa"), Some(Stance::Mention));
    }

    #[test]
    fn exclusions_acronym_case_and_context() {
        let t = tagger();
        let oewg = Some("oewg-2021-2025");
        assert_eq!(
            stance_of(
                &t.tag(
                    "We support the ASEAN regional plan of action on cybersecurity.",
                    oewg
                ),
                "poa"
            ),
            None
        );
        assert_eq!(
            stance_of(&t.tag("We want to get rid of poa language.", oewg), "poa"),
            None
        );
        // Outside ICT processes, a bare "plan of action" after an excluded one refers
        // back to it; inside them it keeps its meaning.
        let anaphora = "Its regional plan of action for the information society covers cybercrime. The plan of action was endorsed in 2003.";
        assert_eq!(
            stance_of(&t.tag(anaphora, Some("unga-general-debate")), "poa"),
            None
        );
        assert!(stance_of(&t.tag(anaphora, oewg), "poa").is_some());
        // Outside ICT processes a theme needs ICT context.
        assert_eq!(stance_of(&t.tag("We support the Programme of Action for the Least Developed Countries and capacity building for climate.", Some("unga-general-debate")), "capacity-building"), None);
        assert!(stance_of(
            &t.tag(
                "Cyber capacity building matters for cybersecurity.",
                Some("unga-general-debate")
            ),
            "capacity-building"
        )
        .is_some());
    }

    #[test]
    fn sub_themes_tag_their_parent_and_spans_are_characters() {
        let t = tagger();
        let text = "Côte d’Ivoire calls for a UN voluntary fund to support capacity building.";
        let tags = t.tag(text, Some("oewg-2021-2025"));
        assert!(
            stance_of(&tags, "funding/voluntary-fund").is_some(),
            "{tags:?}"
        );
        assert!(stance_of(&tags, "funding").is_some(), "{tags:?}");
        let tag = tags
            .iter()
            .find(|t| t.theme == "funding/voluntary-fund")
            .unwrap();
        assert_eq!(tag.span, (0, text.chars().count()));
    }
}

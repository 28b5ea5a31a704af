//! Automatic tags: which themes a statement substantively discusses, and the stance it
//! takes on each, following the matching contract written at the top of
//! `assets/codebook.toml` (normalisation, whole words, case-sensitive acronyms,
//! longest match, exclusions that mask, counting, hierarchy, context, stance).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use serde::Serialize;

use super::codebook::{Codebook, ThemeDef};
use super::gate::Gate;
use super::phrases::{longest_without_overlaps, words, PhraseSet, Word};
use super::stance::stance_of;
pub use super::stance::Stance;

/// An amount of money: a signal of the `funding` theme (codebook rule 10).
static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[$€£]\s?\d[\d.,]*(?:\s*(?:million|billion|thousand|m|bn))?|\b\d[\d.,]*\s*(?:million|billion)\s+(?:US\s+)?(?:dollars|euros|pounds|francs|yen|USD|EUR)\b|\b(?:USD|EUR|US\$)\s?\d[\d.,]*)")
        .expect("a valid built-in pattern")
});

/// The theme money signals.
const MONEY_THEME: &str = "funding";

/// An automatic tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AutoTag {
    pub theme: String,
    pub stance: Stance,
    /// Character span of the evidence (the sentence carrying the theme) in the text.
    pub span: (usize, usize),
    pub confidence: f64,
}

/// The codebook compiled for matching.
#[derive(Debug, Clone)]
pub struct Tagger {
    themes: Vec<ThemeDef>,
    signals: PhraseSet<usize>,
    exclusions: PhraseSet<usize>,
    stance: PhraseSet<Option<Stance>>,
    context_terms: PhraseSet<()>,
    context_gate: Gate,
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
            context_gate: Gate::new(context_terms.patterns()),
            context_terms,
            ict_processes: book.context.ict_processes.clone(),
        }
    }

    /// The automatic tags of a statement from a process (its key, e.g. "oewg-2021-2025").
    pub fn tag(&self, text: &str, process: Option<&str>) -> Vec<AutoTag> {
        let in_ict_process = process.is_some_and(|p| {
            self.ict_processes
                .iter()
                .any(|prefix| p.starts_with(prefix.as_str()))
        });
        // Most statements outside ICT processes never mention one: find that out
        // without making their words.
        if !in_ict_process
            && !self
                .context_gate
                .may_match(text)
                .unwrap_or_else(|| self.context_terms.may_match(text))
        {
            return Vec::new();
        }
        let words = words(text);
        if words.is_empty() {
            return Vec::new();
        }
        // Outside the ICT processes, where a context term is said matters: a theme
        // counts only in a sentence holding one ("more resources … to cybersecurity"),
        // not in a paragraph that names cybercrime once next to terrorist financing or
        // development aid.
        let context: Vec<usize> = if in_ict_process {
            Vec::new()
        } else {
            let found = self.context_terms.all_matches(&words);
            if found.is_empty() {
                return Vec::new();
            }
            found.iter().map(|m| words[m.0].start).collect()
        };
        let hits = self.signal_hits(text, &words, in_ict_process);
        let sentences = sentence_bounds(text);
        let stance_matches = longest_without_overlaps(self.stance.all_matches(&words));
        let mut tags: Vec<AutoTag> = self
            .with_parents(&hits)
            .into_iter()
            .filter(|(theme, theme_hits)| self.present(*theme, theme_hits.len() as u32, &hits))
            .filter_map(|(theme, theme_hits)| {
                let def = &self.themes[theme];
                let carrying = carrying(&sentences, &words, &theme_hits);
                if !in_ict_process && !near_context(&carrying, &context) {
                    return None;
                }
                let stance = stance_of(def, &carrying, &stance_matches, &words, &theme_hits);
                Some(auto_tag(
                    def,
                    stance,
                    &carrying,
                    text,
                    theme_hits.len() as u32,
                ))
            })
            .collect();
        tags.sort_by(|a, b| a.theme.cmp(&b.theme));
        tags
    }

    /// Signal hits per theme: longest, non-overlapping, not masked by an exclusion
    /// (money amounts count as signals of funding).
    fn signal_hits(&self, text: &str, words: &[Word], in_ict_process: bool) -> Hits {
        let excluded = self.exclusions.all_matches(words);
        let mut by_theme: HashMap<usize, Vec<(usize, usize, usize)>> = HashMap::new();
        for m in self.signals.all_matches(words) {
            by_theme.entry(m.2).or_default().push(m);
        }
        if let Some(&money) = self.index.get(MONEY_THEME) {
            for m in MONEY.find_iter(text) {
                if let Some(w) = words.iter().position(|w| w.start >= m.start()) {
                    by_theme.entry(money).or_default().push((w, 1, money));
                }
            }
        }
        let mut hits: Hits = HashMap::new();
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
        hits
    }

    /// The hits with children's counted towards their parents (unless they say
    /// otherwise).
    fn with_parents(&self, hits: &Hits) -> Hits {
        let mut totals = hits.clone();
        for (&theme, h) in hits {
            let mut t = &self.themes[theme];
            while t.implies_parent() {
                let Some(parent) = t.parent().and_then(|p| self.index.get(p)) else {
                    break;
                };
                totals.entry(*parent).or_default().extend(h.iter().copied());
                t = &self.themes[*parent];
            }
        }
        totals
    }

    /// Whether a theme is present: its own hits (`own`, children's included) reach its
    /// minimum, or a child that implies it is present through its own hits.
    fn present(&self, theme: usize, own: u32, hits: &Hits) -> bool {
        let def = &self.themes[theme];
        let child_present = self.themes.iter().enumerate().any(|(i, c)| {
            c.parent() == Some(def.key.as_str())
                && c.implies_parent()
                && hits
                    .get(&i)
                    .is_some_and(|h| h.len() as u32 >= c.min_signals())
        });
        own >= def.min_signals() || child_present
    }
}

/// Signal hits (first word, length) per theme index.
type Hits = HashMap<usize, Vec<(usize, usize)>>;

/// The sentences (byte ranges) that carry a theme's hits.
fn carrying(
    sentences: &[(usize, usize)],
    words: &[Word],
    theme_hits: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let carries = |(s, e): &(usize, usize)| {
        theme_hits
            .iter()
            .any(|(w, _)| words[*w].start >= *s && words[*w].start < *e)
    };
    sentences.iter().copied().filter(carries).collect()
}

/// Whether a context term (at byte offsets `context`) is in a sentence carrying the
/// theme.
fn near_context(carrying: &[(usize, usize)], context: &[usize]) -> bool {
    carrying
        .iter()
        .any(|s| context.iter().any(|&c| s.0 <= c && c < s.1))
}

/// The tag: its evidence is the first carrying sentence (in characters); confidence
/// grows with the hits and a stance taken.
fn auto_tag(
    def: &ThemeDef,
    stance: Stance,
    carrying: &[(usize, usize)],
    text: &str,
    own: u32,
) -> AutoTag {
    let (s, e) = carrying.first().copied().unwrap_or((0, text.len()));
    let to_chars = |byte: usize| text[..byte].chars().count();
    let taken = if stance != Stance::Mention { 0.1 } else { 0.0 };
    AutoTag {
        theme: def.key.clone(),
        stance,
        span: (to_chars(s), to_chars(e)),
        confidence: (0.5 + 0.1 * own as f64 + taken).min(0.9),
    }
}

/// Byte ranges of sentences.
fn sentence_bounds(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        // A full stop before a number or a lower-case word ends no sentence ("Rev. 1",
        // "para. 57", "i.e. the fund").
        let next_word = text[i + c.len_utf8()..].trim_start().chars().next();
        let ends = matches!(c, '.' | '?' | '!' | ';' | '\n')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            && (c != '.' || !next_word.is_some_and(|n| n.is_ascii_digit() || n.is_lowercase()));
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
    fn requests_count_as_support_and_pledges_do_not() {
        let t = tagger();
        let oewg = Some("oewg-2021-2025");
        let funding = |text: &str| stance_of(&t.tag(text, oewg), "funding");
        // The thing asked for, named with what it lacks.
        assert_eq!(
            funding("Capacity building must be equipped with adequate financing."),
            Some(Stance::Support)
        );
        assert_eq!(
            funding("It is essential to ensure predictable and sustainable financing."),
            Some(Stance::Support)
        );
        // A verb of need over a list; "needs" as a noun is no request.
        assert_eq!(
            funding("Developing nations require technical assistance, funding, and training."),
            Some(Stance::Support)
        );
        assert_eq!(
            funding("The Forum helps match needs with expertise and resources."),
            Some(Stance::Mention)
        );
        // Regretting that it is gone, across "Rev. 1" (no sentence ends there).
        assert_eq!(
            funding("We regret the weakening of paragraph 57 of Rev. 1 on the fund."),
            Some(Stance::Support)
        );
        // The speaker's own money is a pledge.
        assert_eq!(
            funding("We support those calls, including through our own funding."),
            Some(Stance::Mention)
        );
        let poa = |text: &str| stance_of(&t.tag(text, oewg), "poa");
        assert_eq!(
            poa("We regret that the document still lacks the reference to the POA."),
            Some(Stance::Support)
        );
        assert_eq!(
            poa("We stress the urgent need to establish the Programme of Action."),
            Some(Stance::Support)
        );
    }

    #[test]
    fn outside_ict_processes_the_theme_shares_a_sentence_with_cyber() {
        let t = tagger();
        let debate = Some("unga-general-debate");
        let far = "We call for more funding for our schools. Cybercrime threatens us.";
        assert_eq!(stance_of(&t.tag(far, debate), "funding"), None);
        let near = "We call for the allocation of more resources to cybersecurity.";
        assert_eq!(
            stance_of(&t.tag(near, debate), "funding"),
            Some(Stance::Support)
        );
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

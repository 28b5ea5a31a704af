//! A quick test that a text cannot contain any phrase of a set, made without folding
//! its words: the tagger asks it first of every statement outside ICT processes, most
//! of which never mention cyber or ICT matters.
//!
//! The test looks for *needles* in a copy of the text with ASCII letters lower-cased,
//! apostrophes inside words dropped and everything else a space. A needle is the part of
//! a phrase's first word that every way of writing that word contains: the word cut
//! where British spelling differs ("programme" → "program", "-ise" → "-i"), where a
//! plural may change it ("policy" → "polic"), and lower-cased (an acronym's case is
//! checked later). Finding no needle proves the phrase is absent. A text with non-ASCII
//! letters, which fold in more ways, gets no answer here.

use std::cell::RefCell;

use regex::Regex;

use super::phrases::Pat;
use crate::text::fold::SPELLINGS;

/// Needles of a set of phrases' first words.
#[derive(Debug, Clone)]
pub(super) struct Gate {
    /// `None` when some first word has no needle (then every text may match).
    needles: Option<Regex>,
}

thread_local! {
    /// The lower-cased copy of the text being tested, reused.
    static COPY: RefCell<String> = const { RefCell::new(String::new()) };
}

impl Gate {
    /// The gate of phrases starting with `firsts`.
    pub(super) fn new<'a>(firsts: impl Iterator<Item = &'a Pat>) -> Gate {
        let mut needles = Vec::new();
        for pat in firsts {
            match needle(pat) {
                Some(n) => needles.push(regex::escape(&n)),
                None => return Gate { needles: None },
            }
        }
        needles.sort();
        needles.dedup();
        let needles = if needles.is_empty() {
            // No phrases: nothing can match.
            Regex::new(r"[^\s\S]").ok()
        } else {
            Regex::new(&needles.join("|")).ok()
        };
        Gate { needles }
    }

    /// `Some(false)` when no phrase can occur in `text`, `Some(true)` when one may, and
    /// `None` when the gate cannot tell (letters outside ASCII).
    pub(super) fn may_match(&self, text: &str) -> Option<bool> {
        let needles = self.needles.as_ref()?;
        COPY.with(|copy| {
            let mut copy = copy.borrow_mut();
            lower_copy(text, &mut copy)?;
            Some(needles.is_match(&copy))
        })
    }
}

/// The part of a first word that every spelling of it contains, or `None` when there is
/// none to rely on (letters outside ASCII).
fn needle(pat: &Pat) -> Option<String> {
    let (word, singular) = match pat {
        Pat::Folded(f) => (f.as_str(), true),
        Pat::Prefix(p) => (p.as_str(), false),
        Pat::Acronym(a) => return Some(a.to_ascii_lowercase()).filter(|_| a.is_ascii()),
    };
    if !word.is_ascii() || word.is_empty() {
        return None;
    }
    let mut cut = word.len();
    // "-ize" may be written "-ise".
    if let Some(z) = word.find('z') {
        cut = cut.min(z);
    }
    // A British spelling shares only the beginning of the American one.
    for (british, us) in SPELLINGS {
        let common = us.len().min(word.len());
        if word[..common] == us[..common] {
            let shared = british
                .bytes()
                .zip(us.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            cut = cut.min(shared);
        }
    }
    // "policies" folds to "policy".
    if singular && word.ends_with('y') {
        cut = cut.min(word.len() - 1);
    }
    Some(word[..cut].to_string()).filter(|n| !n.is_empty())
}

/// Writes into `copy` the text with ASCII letters and digits lower-cased, apostrophes
/// inside words dropped (as the tagger's words drop them) and anything else a space.
/// `None` when the text has a letter or digit outside ASCII.
fn lower_copy(text: &str, copy: &mut String) -> Option<()> {
    copy.clear();
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() {
            copy.push(c.to_ascii_lowercase());
            in_word = true;
        } else if matches!(c, '\'' | '\u{2019}')
            && in_word
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            // Dropped, the word goes on.
        } else if c.is_alphanumeric() {
            return None;
        } else {
            copy.push(' ');
            in_word = false;
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::phrases::{compile, words, PhraseSet};

    fn gate(phrases: &[&str]) -> (Gate, PhraseSet<()>) {
        let mut set = PhraseSet::new(true);
        let mut firsts = Vec::new();
        for p in phrases {
            set.add(p, ());
            firsts.extend(compile(p, true).into_iter().take(1));
        }
        (Gate::new(firsts.iter()), set)
    }

    #[test]
    fn needles_are_what_every_spelling_shares() {
        let n = |p: &str| needle(&compile(p, true)[0]);
        assert_eq!(n("programme of action").as_deref(), Some("program"));
        assert_eq!(n("behaviour").as_deref(), Some("behavio"));
        assert_eq!(n("operationalization").as_deref(), Some("operationali"));
        assert_eq!(n("policy").as_deref(), Some("polic"));
        assert_eq!(n("cyber*").as_deref(), Some("cyber"));
        assert_eq!(n("ICT").as_deref(), Some("ict"));
        assert_eq!(
            n("Côte").as_deref(),
            Some("cote"),
            "texts with \"ô\" get no answer"
        );
    }

    #[test]
    fn the_gate_never_hides_a_match() {
        let (gate, set) = gate(&[
            "cyber*",
            "ICT",
            "information security",
            "programme of action",
            "operationalization",
            "policy",
        ]);
        for text in [
            "The ICTs we use",
            "CYBERSPACE is contested",
            "Information Security matters",
            "a Program of Action, a programme of action",
            "the operationalisation of norms",
            "national policies",
            "inform'ation security",
            "nothing here at all",
            "ict in lower case is not the acronym",
        ] {
            let found = !set.all_matches(&words(text)).is_empty();
            let gate_says = gate.may_match(text);
            assert_eq!(gate_says.map(|g| g || !found), Some(true), "{text}");
        }
        assert_eq!(gate.may_match("nothing here at all"), Some(false));
        assert_eq!(gate.may_match("Côte d’Ivoire"), None, "non-ASCII letters");
        assert_eq!(gate.may_match("President’s “words” – fine"), Some(false));
    }
}

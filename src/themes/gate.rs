//! A quick test that a text cannot contain any phrase of a set, made without folding
//! its words: the tagger asks it first of every statement outside ICT processes, most
//! of which never mention cyber or ICT matters.
//!
//! The test looks for *needles*, one per word of each phrase, in a copy of the text with
//! ASCII letters lower-cased, apostrophes inside words dropped and everything else a
//! space. A word's needle is what every way of writing that word starts with: the word
//! cut where British spelling differs ("programme" → "program", "-ise" → "-i") and
//! where a plural may change it ("policy" → "polic"), found at the start of a word. An
//! acronym's needle is the acronym as written, found in the text itself. A phrase with a
//! word whose needle is absent is absent. A text with non-ASCII letters, which fold in
//! more ways, gets no answer here.

use std::cell::RefCell;

use regex::RegexSet;

use super::phrases::Pat;
use crate::text::fold::SPELLINGS;

/// Needles of every word of a set of phrases.
#[derive(Debug, Clone)]
pub(super) struct Gate {
    /// Word starts, searched in the lower-cased copy (each needle begins with a space).
    words: RegexSet,
    /// Acronyms as written, searched in the text itself.
    acronyms: RegexSet,
    /// Per phrase, its needles: (acronym?, index in its set).
    phrases: Vec<Vec<(bool, usize)>>,
    /// False when some word has no needle: then every text may match.
    usable: bool,
}

thread_local! {
    /// The lower-cased copy of the text being tested, reused.
    static COPY: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A needle: a word start in the lower-cased copy, or an acronym as written.
enum Needle {
    Word(String),
    Acronym(String),
}

impl Gate {
    /// The gate of `phrases`, each a sequence of patterns.
    pub(super) fn new<'a>(phrases: impl Iterator<Item = &'a [Pat]>) -> Gate {
        let (mut words, mut acronyms) = (Vec::<String>::new(), Vec::<String>::new());
        let mut of_phrases = Vec::new();
        let mut usable = true;
        for pats in phrases {
            let mut ids = Vec::new();
            for pat in pats {
                let (list, acronym, text) = match needle(pat) {
                    Some(Needle::Word(w)) => (&mut words, false, format!(" {w}")),
                    Some(Needle::Acronym(a)) => (&mut acronyms, true, a),
                    None => {
                        usable = false;
                        continue;
                    }
                };
                let pattern = regex::escape(&text);
                let i = list.iter().position(|p| *p == pattern).unwrap_or_else(|| {
                    list.push(pattern);
                    list.len() - 1
                });
                ids.push((acronym, i));
            }
            of_phrases.push(ids);
        }
        let set = |list: &[String]| RegexSet::new(list).ok();
        match (set(&words), set(&acronyms)) {
            (Some(words), Some(acronyms)) => Gate {
                words,
                acronyms,
                phrases: of_phrases,
                usable,
            },
            _ => Gate {
                words: RegexSet::empty(),
                acronyms: RegexSet::empty(),
                phrases: Vec::new(),
                usable: false,
            },
        }
    }

    /// `Some(false)` when no phrase can occur in `text` (some word of each is missing),
    /// `Some(true)` when one may, and `None` when the gate cannot tell (letters outside
    /// ASCII).
    pub(super) fn may_match(&self, text: &str) -> Option<bool> {
        if !self.usable {
            return None;
        }
        COPY.with(|copy| {
            let mut copy = copy.borrow_mut();
            lower_copy(text, &mut copy)?;
            let words = self.words.matches(&copy);
            let acronyms = self.acronyms.matches(text);
            Some(self.phrases.iter().any(|ids| {
                ids.iter().all(|&(acronym, i)| {
                    if acronym {
                        acronyms.matched(i)
                    } else {
                        words.matched(i)
                    }
                })
            }))
        })
    }
}

/// The part of a word that every spelling of it starts with, or `None` when there is
/// none to rely on (letters outside ASCII).
fn needle(pat: &Pat) -> Option<Needle> {
    let (word, singular) = match pat {
        Pat::Folded(f) => (f.as_str(), true),
        Pat::Prefix(p) => (p.as_str(), false),
        Pat::Acronym(a) if a.is_ascii() && !a.is_empty() => {
            return Some(Needle::Acronym(a.clone()))
        }
        Pat::Acronym(_) => return None,
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
    Some(Needle::Word(word[..cut].to_string())).filter(|_| cut > 0)
}

/// Writes into `copy` a space, then the text with ASCII letters and digits lower-cased,
/// apostrophes inside words dropped (as the tagger's words drop them) and anything
/// else a space: every word of the text starts after a space.
/// `None` when the text has a letter or digit outside ASCII.
fn lower_copy(text: &str, copy: &mut String) -> Option<()> {
    copy.clear();
    copy.push(' ');
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
        let mut compiled = Vec::new();
        for p in phrases {
            set.add(p, ());
            compiled.push(compile(p, true));
        }
        (Gate::new(compiled.iter().map(Vec::as_slice)), set)
    }

    #[test]
    fn needles_are_what_every_spelling_starts_with() {
        let n = |p: &str| match needle(&compile(p, true)[0]) {
            Some(Needle::Word(w)) => Some(w),
            Some(Needle::Acronym(a)) => Some(format!("acronym {a}")),
            None => None,
        };
        assert_eq!(n("programme of action").as_deref(), Some("program"));
        assert_eq!(n("behaviour").as_deref(), Some("behavio"));
        assert_eq!(n("operationalization").as_deref(), Some("operationali"));
        assert_eq!(n("policy").as_deref(), Some("polic"));
        assert_eq!(n("cyber*").as_deref(), Some("cyber"));
        assert_eq!(n("ICT").as_deref(), Some("acronym ICT"));
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
            "Open-ended Working Group",
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
            "the open-ended working group",
            "an open and inclusive group, working",
        ] {
            let found = !set.all_matches(&words(text)).is_empty();
            let gate_says = gate.may_match(text);
            assert_eq!(gate_says.map(|g| g || !found), Some(true), "{text}");
        }
        assert_eq!(gate.may_match("nothing here at all"), Some(false));
        assert_eq!(gate.may_match("Côte d’Ivoire"), None, "non-ASCII letters");
        assert_eq!(gate.may_match("President’s “words” – fine"), Some(false));
        // Every word of a phrase must be there, each at a word's start.
        assert_eq!(gate.may_match("information is power"), Some(false));
        assert_eq!(gate.may_match("a conflict in the district"), Some(false));
        assert_eq!(gate.may_match("misinformation security"), Some(false));
    }

    /// On the real General Debate speeches, the gate never says "cannot" of a
    /// statement where the codebook's context terms match, and says it of most.
    #[test]
    fn the_gate_is_sound_on_the_general_debate() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ungdc");
        if !dir.exists() {
            assert!(
                std::env::var("CI").is_err(),
                "the corpus is missing at {}",
                dir.display()
            );
            return;
        }
        let book =
            crate::themes::Codebook::parse("codebook", crate::themes::codebook::BUILTIN).unwrap();
        let mut set = PhraseSet::new(true);
        let mut compiled = Vec::new();
        for t in &book.context.terms {
            set.add(t, ());
            compiled.push(compile(t, true));
        }
        let gate = Gate::new(compiled.iter().map(Vec::as_slice));
        let (mut statements, mut refused) = (0, 0);
        for file in crate::import::collect_files(&[dir]).unwrap() {
            let text = std::fs::read_to_string(&file).unwrap();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                statements += 1;
                if gate.may_match(line) == Some(false) {
                    refused += 1;
                    let found = set.all_matches(&words(line));
                    assert!(found.is_empty(), "{}: {line}", file.display());
                }
            }
        }
        assert!(refused * 10 > statements * 8, "{refused} of {statements}");
    }
}

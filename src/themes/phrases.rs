//! The tagger's words and phrases: a statement's words folded for matching, the
//! codebook's phrases compiled to patterns, and sets of phrases matched against words.

use crate::text::fold::{american, case_and_accents};

/// One token of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pat {
    /// Compared after folding.
    Folded(String),
    /// An acronym, compared with its capitals ("PoA"); a plural "s" may follow.
    Acronym(String),
    /// A word prefix ("cyber*").
    Prefix(String),
}

/// A word of the text.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub(super) start: usize,
    pub(super) original: String,
    /// Folded, with plurals folded.
    pub(super) folded: String,
    /// Folded, plurals kept (for stance phrases).
    pub(super) folded_exact: String,
}

pub(super) fn fold(word: &str) -> String {
    american(&case_and_accents(word))
}

pub(super) fn singular(word: &str) -> String {
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

/// Calls `visit(start, word)` for each word of `text`: letters and digits, an
/// apostrophe inside a word dropped ("d'Ivoire" → "dIvoire").
fn split_words(text: &str, mut visit: impl FnMut(usize, &str)) {
    let mut start: Option<usize> = None;
    // The word so far when it had an apostrophe to drop; otherwise it is a slice.
    let mut joined: Option<String> = None;
    let mut chars = text.char_indices().peekable();
    let mut end = 0;
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '\u{2019}')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            if let Some(j) = joined.as_mut() {
                j.push(c);
            }
            end = i + c.len_utf8();
        } else if inner_apostrophe {
            // "d'Ivoire", "Côte d’Ivoire": keep the word whole.
            if let Some(s) = start {
                joined.get_or_insert_with(|| text[s..end].to_string());
            }
        } else if let Some(s) = start.take() {
            match joined.take() {
                Some(j) => visit(s, &j),
                None => visit(s, &text[s..end]),
            }
        }
    }
    if let Some(s) = start {
        match joined.take() {
            Some(j) => visit(s, &j),
            None => visit(s, &text[s..end]),
        }
    }
}

/// A word's folded forms: (plurals folded, plurals kept).
type Folds = (Box<str>, Box<str>);

/// How many distinct words each thread remembers the folding of before starting over.
const MEMO_WORDS: usize = 100_000;

thread_local! {
    /// Word as written → its folded forms. Folding is a pure function of the word.
    static MEMO: std::cell::RefCell<fnv::FnvHashMap<Box<str>, Folds>> =
        std::cell::RefCell::new(fnv::FnvHashMap::default());
}

/// Calls `visit` with a word's folded forms, folding it only the first time a thread
/// meets it.
fn with_folds<R>(original: &str, visit: impl FnOnce(&str, &str) -> R) -> R {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some((folded, exact)) = memo.get(original) {
            return visit(folded, exact);
        }
        let exact = fold(original);
        let folded = singular(&exact);
        let out = visit(&folded, &exact);
        if memo.len() >= MEMO_WORDS {
            memo.clear();
        }
        memo.insert(original.into(), (folded.into(), exact.into()));
        out
    })
}

/// Words of a text: letters and digits (an apostrophe inside a word is dropped).
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    split_words(text, |start, original| {
        with_folds(original, |folded, folded_exact| {
            out.push(Word {
                start,
                original: original.to_string(),
                folded: folded.to_string(),
                folded_exact: folded_exact.to_string(),
            })
        })
    });
    out
}

/// Compiles a phrase into patterns: acronyms (two or more capitals) keep their case.
pub(crate) fn compile(phrase: &str, fold_plurals: bool) -> Vec<Pat> {
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

pub(super) fn matches(pat: &Pat, word: &Word, fold_plurals: bool) -> bool {
    matches_forms(
        pat,
        &word.original,
        &word.folded,
        &word.folded_exact,
        fold_plurals,
    )
}

/// [`matches`] on a word's forms: as written, folded, folded with plurals kept.
fn matches_forms(
    pat: &Pat,
    original: &str,
    folded: &str,
    folded_exact: &str,
    fold_plurals: bool,
) -> bool {
    match pat {
        Pat::Folded(f) => {
            if fold_plurals {
                folded == f
            } else {
                folded_exact == f
            }
        }
        Pat::Acronym(a) => original == a || original.strip_suffix('s').is_some_and(|x| x == a),
        Pat::Prefix(p) => folded_exact.starts_with(p.as_str()),
    }
}

/// A set of phrases, each with a payload, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseSet<T: Clone> {
    phrases: Vec<(Vec<Pat>, T)>,
    /// Phrases whose first pattern is a folded word, by that word.
    by_first: fnv::FnvHashMap<String, Vec<usize>>,
    /// Phrases that start with an acronym or a prefix: tried everywhere.
    others: Vec<usize>,
    fold_plurals: bool,
}

impl<T: Clone> PhraseSet<T> {
    pub(super) fn new(fold_plurals: bool) -> Self {
        PhraseSet {
            phrases: Vec::new(),
            by_first: fnv::FnvHashMap::default(),
            others: Vec::new(),
            fold_plurals,
        }
    }

    pub(super) fn add(&mut self, phrase: &str, payload: T) {
        let pats = compile(phrase, self.fold_plurals);
        let Some(first) = pats.first() else { return };
        let i = self.phrases.len();
        match first {
            Pat::Folded(f) => self.by_first.entry(f.clone()).or_default().push(i),
            _ => self.others.push(i),
        }
        self.phrases.push((pats, payload));
    }

    /// The patterns of each phrase.
    pub(super) fn patterns(&self) -> impl Iterator<Item = &[Pat]> {
        self.phrases.iter().map(|(pats, _)| pats.as_slice())
    }

    /// Whether some word of `text` can start one of the phrases: when it is false,
    /// [`PhraseSet::all_matches`] finds nothing, and the text's words need not be made.
    pub(super) fn may_match(&self, text: &str) -> bool {
        let mut found = false;
        split_words(text, |_, original| {
            if found {
                return;
            }
            found = with_folds(original, |folded, folded_exact| {
                let key = if self.fold_plurals {
                    folded
                } else {
                    folded_exact
                };
                self.by_first.contains_key(key)
                    || self.others.iter().any(|&p| {
                        self.phrases[p].0.first().is_some_and(|first| {
                            matches_forms(first, original, folded, folded_exact, self.fold_plurals)
                        })
                    })
            });
        });
        found
    }

    /// Every match as (first word, word count, payload), overlapping ones included.
    pub(super) fn all_matches(&self, words: &[Word]) -> Vec<(usize, usize, T)> {
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
pub(super) fn longest_without_overlaps<T: Clone>(
    mut found: Vec<(usize, usize, T)>,
) -> Vec<(usize, usize, T)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_inner_apostrophes_and_keep_offsets() {
        let text = "Côte d’Ivoire's CYBER-attacks, programmes";
        let got: Vec<(usize, String, String)> = words(text)
            .into_iter()
            .map(|w| (w.start, w.original, w.folded))
            .collect();
        assert_eq!(
            got,
            [
                (0, "Côte".to_string(), "cote".to_string()),
                (6, "dIvoires".into(), "divoire".into()),
                (19, "CYBER".into(), "cyber".into()),
                (25, "attacks".into(), "attack".into()),
                (34, "programmes".into(), "program".into()),
            ]
        );
    }

    #[test]
    fn may_match_is_true_wherever_a_phrase_matches() {
        let mut set = PhraseSet::new(true);
        for (phrase, payload) in [
            ("cyber*", 0),
            ("ICT", 1),
            ("information security", 2),
            ("programme of action", 3),
        ] {
            set.add(phrase, payload);
        }
        for text in [
            "The ICTs we use",
            "Cyberspace is contested",
            "INFORMATION SECURITY matters",
            "a Programme of Action",
            "ict in lower case is not the acronym",
            "nothing here at all",
            "information alone",
        ] {
            let found = !set.all_matches(&words(text)).is_empty();
            assert!(!found || set.may_match(text), "{text}");
        }
        assert!(!set.may_match("nothing here at all"));
        assert!(!set.may_match("ict in lower case"));
        assert!(set.may_match("information alone"), "a first word is enough");
    }
}

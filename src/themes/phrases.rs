//! The tagger's words and phrases: a statement's words folded for matching, the
//! codebook's phrases compiled to patterns, and sets of phrases matched against words.

use std::collections::HashMap;

use crate::text::fold::{american, case_and_accents};

/// One token of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Pat {
    /// Compared after folding.
    Folded(String),
    /// An acronym, compared with its capitals ("PoA"); a plural "s" may follow.
    Acronym(String),
    /// A word prefix ("cyber*").
    Prefix(String),
}

/// A word of the text.
#[derive(Debug, Clone)]
pub(super) struct Word {
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

/// Words of a text: letters and digits (an apostrophe inside a word is dropped).
pub(super) fn words(text: &str) -> Vec<Word> {
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
pub(super) fn compile(phrase: &str, fold_plurals: bool) -> Vec<Pat> {
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
pub(super) struct PhraseSet<T: Clone> {
    phrases: Vec<(Vec<Pat>, T)>,
    /// Phrases whose first pattern is a folded word, by that word.
    by_first: HashMap<String, Vec<usize>>,
    /// Phrases that start with an acronym or a prefix: tried everywhere.
    others: Vec<usize>,
    fold_plurals: bool,
}

impl<T: Clone> PhraseSet<T> {
    pub(super) fn new(fold_plurals: bool) -> Self {
        PhraseSet {
            phrases: Vec::new(),
            by_first: HashMap::new(),
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

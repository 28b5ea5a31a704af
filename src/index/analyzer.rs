//! How statement text becomes search terms.
//!
//! The folding analyzer makes the spellings of one thing meet: case and accents,
//! British and American spelling ("programme" / "program", "organisation" /
//! "organization", "behaviour" / "behavior"), hyphens and compounds ("capacity-building"
//! / "capacity building"; "cybersecurity" / "cyber-security" / "cyber security"), and
//! plurals and other inflections (English Snowball stemming). The exact analyzer only
//! splits words and lower-cases them (`--exact`).
//!
//! Both are tantivy tokenizers that emit every token of a text at once; offsets always
//! point into the original text, so snippets highlight what was written.

use crate::text::fold::{american, case_and_accents as fold_case_and_accents};
use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The name the folding analyzer is registered under.
pub const FOLDED: &str = "plenary_folded";
/// The name the exact analyzer is registered under.
pub const EXACT: &str = "plenary_exact";
/// The name the pair analyzer is registered under; it names the list of frequent terms
/// too, since an index made with another list holds other pairs.
pub const PAIRS: &str = "plenary_frequent_pairs_1000";

/// Folded terms found in the most statements (`assets/frequent_terms.txt`).
static FREQUENT: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../assets/frequent_terms.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });

/// English function words: frequent, but a pair with one of them says little, and
/// such pairs would be most pairs of a text.
const STOPWORDS: &[&str] = &[
    "a", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could",
    "do", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is",
    "it", "its", "may", "more", "most", "must", "my", "no", "not", "of", "on", "or", "other",
    "our", "s", "she", "should", "so", "such", "than", "that", "the", "their", "them", "there",
    "these", "they", "this", "those", "through", "to", "us", "was", "we", "were", "what", "when",
    "which", "who", "will", "with", "would", "you", "your",
];

/// Folded stopwords. Folded without the thread's memo: this is first needed while
/// the memo is in use.
static STOPPED: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        let folding = FoldingTokenizer::default();
        STOPWORDS
            .iter()
            .flat_map(|w| folding.fold_word(w).into_vec())
            .collect()
    });

/// Whether a folded term pairs with its neighbours in the pair field: one of the
/// frequent terms, not a function word.
pub fn is_frequent(term: &str) -> bool {
    FREQUENT.contains(term) && !STOPPED.contains(term)
}

/// Prefixes written joined, hyphenated or apart ("cybersecurity", "cyber-security",
/// "cyber security"): a joined word is split into two terms.
const SPLIT_PREFIXES: &[&str] = &["cyber", "multi"];

/// One word before analysis: its text and byte range.
pub(super) fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = loop {
            let (i, c) = *chars.peek()?;
            if c.is_alphanumeric() {
                break (i, c);
            }
            chars.next();
        };
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

/// The folding tokenizer.
#[derive(Clone)]
pub struct FoldingTokenizer {
    stemmer: std::sync::Arc<Stemmer>,
    tokens: Vec<Token>,
}

impl Default for FoldingTokenizer {
    fn default() -> Self {
        FoldingTokenizer {
            stemmer: std::sync::Arc::new(Stemmer::create(Algorithm::English)),
            tokens: Vec::new(),
        }
    }
}

impl FoldingTokenizer {
    /// The terms of `text`, in order, as the index stores them.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.analyze(text, |_, _, term| out.push(term.to_string()));
        out
    }

    /// Calls `emit(start, end, term)` for each term of `text`, with the byte range of
    /// the word it comes from.
    pub fn analyze(&self, text: &str, emit: impl FnMut(usize, usize, &str)) {
        self.analyze_some(text, |_| true, emit)
    }

    /// Like [`FoldingTokenizer::analyze`] for the words `keep` accepts (given as
    /// written); the others are skipped without folding.
    pub fn analyze_some(
        &self,
        text: &str,
        keep: impl Fn(&str) -> bool,
        mut emit: impl FnMut(usize, usize, &str),
    ) {
        MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            for (start, end) in words(text) {
                let raw = &text[start..end];
                if !keep(raw) {
                    continue;
                }
                if let Some(terms) = memo.get(raw) {
                    for term in terms.iter() {
                        emit(start, end, term);
                    }
                    continue;
                }
                let terms = self.fold_word(raw);
                for term in &terms {
                    emit(start, end, term);
                }
                if memo.len() >= MEMO_WORDS {
                    memo.clear();
                }
                memo.insert(raw.into(), terms);
            }
        })
    }

    /// The terms one word folds to: its stem, or a split prefix and the rest's stem.
    fn fold_word(&self, raw: &str) -> Box<[String]> {
        let word = american(&fold_case_and_accents(raw));
        let split = SPLIT_PREFIXES.iter().find(|p| {
            word.len() > p.len() + 2 && word.starts_with(*p) && word.is_char_boundary(p.len())
        });
        match split {
            Some(prefix) => Box::new([
                prefix.to_string(),
                self.stemmer.stem(&word[prefix.len()..]).into_owned(),
            ]),
            None => Box::new([self.stemmer.stem(&word).into_owned()]),
        }
    }
}

/// Whether a word, as written, can fold to a term beginning with one of `letters`
/// (lower-case ASCII). Folding keeps a word's first letter, lower-cased — spelling
/// maps, "-ise" endings and stemming only change what follows — except for accented
/// or non-ASCII initials and split prefixes ("cybersecurity" → "cyber", "secur"),
/// which are always kept. Lets a highlighter skip most words without folding them.
pub fn may_fold_to(raw: &str, letters: &[u8]) -> bool {
    let Some(&first) = raw.as_bytes().first() else {
        return false;
    };
    if !first.is_ascii() || letters.contains(&first.to_ascii_lowercase()) {
        return true;
    }
    SPLIT_PREFIXES.iter().any(|p| {
        raw.len() > p.len() && raw.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    })
}

/// How many distinct words each thread remembers the folding of before starting over:
/// statement vocabularies are small, and stemming costs ten times a lookup.
const MEMO_WORDS: usize = 200_000;

thread_local! {
    /// Word as written → its terms. Folding is a pure function of the word.
    static MEMO: std::cell::RefCell<fnv::FnvHashMap<Box<str>, Box<[String]>>> =
        std::cell::RefCell::new(fnv::FnvHashMap::default());
}

impl Tokenizer for FoldingTokenizer {
    type TokenStream<'a> = VecTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream<'a> {
        let mut tokens = std::mem::take(&mut self.tokens);
        tokens.clear();
        let this = self.clone();
        this.analyze(text, |from, to, term| {
            tokens.push(Token {
                offset_from: from,
                offset_to: to,
                position: tokens.len(),
                text: term.to_string(),
                position_length: 1,
            })
        });
        self.tokens = tokens;
        VecTokenStream::new(&mut self.tokens)
    }
}

/// The pair tokenizer: two adjacent folded terms that are both frequent, as one term
/// ("unit nation"), at the position of the first. A phrase of frequent words is then a
/// phrase of its pairs, found without checking the positions of words that are in half
/// the statements; a phrase with a rarer word is checked on the folded field's
/// positions, which the rarer word's short postings make quick.
#[derive(Clone, Default)]
pub struct PairTokenizer {
    folding: FoldingTokenizer,
    tokens: Vec<Token>,
}

impl PairTokenizer {
    /// The pair terms of a run of folded terms.
    pub fn pairs(terms: &[String]) -> Vec<String> {
        terms
            .windows(2)
            .map(|w| format!("{} {}", w[0], w[1]))
            .collect()
    }

    /// Whether every adjacent pair of a run of folded terms is indexed.
    pub fn indexed(terms: &[String]) -> bool {
        terms.len() >= 2 && terms.iter().all(|t| is_frequent(t))
    }
}

impl Tokenizer for PairTokenizer {
    type TokenStream<'a> = VecTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream<'a> {
        let mut tokens = std::mem::take(&mut self.tokens);
        tokens.clear();
        // Where the previous term starts and what it is, when it pairs.
        let mut previous: Option<usize> = None;
        let mut first = String::new();
        let mut position = 0;
        self.folding.analyze(text, |from, to, term| {
            let frequent = is_frequent(term);
            if let (Some(start), true) = (previous.take(), frequent) {
                tokens.push(Token {
                    offset_from: start,
                    offset_to: to,
                    position: position - 1,
                    text: format!("{first} {term}"),
                    position_length: 1,
                });
            }
            if frequent {
                previous = Some(from);
                first.clear();
                first.push_str(term);
            }
            position += 1;
        });
        self.tokens = tokens;
        VecTokenStream::new(&mut self.tokens)
    }
}

/// The exact tokenizer: words, lower-cased, nothing else.
#[derive(Clone, Default)]
pub struct ExactTokenizer {
    tokens: Vec<Token>,
}

impl ExactTokenizer {
    /// Calls `emit(start, end, term)` for each word of `text`, lower-cased.
    pub fn analyze(text: &str, mut emit: impl FnMut(usize, usize, String)) {
        for (s, e) in words(text) {
            emit(s, e, text[s..e].to_lowercase());
        }
    }

    /// The terms of `text` as the exact field stores them.
    pub fn terms(text: &str) -> Vec<String> {
        words(text)
            .map(|(s, e)| text[s..e].to_lowercase())
            .collect()
    }
}

impl Tokenizer for ExactTokenizer {
    type TokenStream<'a> = VecTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream<'a> {
        self.tokens.clear();
        for (from, to) in words(text) {
            let position = self.tokens.len();
            self.tokens.push(Token {
                offset_from: from,
                offset_to: to,
                position,
                text: text[from..to].to_lowercase(),
                position_length: 1,
            });
        }
        VecTokenStream::new(&mut self.tokens)
    }
}

/// A token stream over tokens computed up front.
pub struct VecTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl<'a> VecTokenStream<'a> {
    fn new(tokens: &'a mut Vec<Token>) -> Self {
        VecTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for VecTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        let t = FoldingTokenizer::default();
        assert_eq!(t.terms(a), t.terms(b), "{a:?} vs {b:?}");
    }

    #[test]
    fn variants_fold_together() {
        same("programme", "program");
        same("Programmes of Action", "program of action");
        same("organisation", "organization");
        same("prioritised", "prioritized");
        same("behaviour", "behavior");
        same("capacity-building", "capacity building");
        same("cybersecurity", "cyber-security");
        same("cyber security", "Cybersecurity");
        same("multi-stakeholder", "multistakeholder");
        same("capacities", "capacity");
        same("Côte", "cote");
    }

    #[test]
    fn distinct_words_stay_distinct() {
        let t = FoldingTokenizer::default();
        assert_ne!(t.terms("fund"), t.terms("found"));
        assert_ne!(t.terms("norms"), t.terms("forms"));
    }

    #[test]
    fn pairs_are_adjacent_frequent_terms_at_the_first_ones_position() {
        let mut t = PairTokenizer::default();
        let mut stream = t.token_stream("The United Nations' Tuvalu cyber-security programmes");
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push((stream.token().text.clone(), stream.token().position));
        }
        // "tuvalu" and "cyber" are not frequent: no pair on either side of them.
        assert!(!is_frequent("tuvalu") && !is_frequent("cyber"));
        assert!(is_frequent("unit") && is_frequent("nation") && is_frequent("secur"));
        // Nor "the", a function word.
        assert!(!is_frequent("the"));
        assert_eq!(
            seen,
            [("unit nation".to_string(), 1), ("secur program".into(), 5)]
        );
        let folding = FoldingTokenizer::default();
        let terms = folding.terms("united nations");
        assert_eq!(PairTokenizer::pairs(&terms), ["unit nation"]);
        assert!(PairTokenizer::indexed(&terms));
        assert!(!PairTokenizer::indexed(&folding.terms("Tuvalu nations")));
        assert!(!PairTokenizer::indexed(&folding.terms("nations")));
    }

    #[test]
    fn folding_keeps_the_first_letter_except_where_may_fold_to_says() {
        let t = FoldingTokenizer::default();
        let text = "Programmes organised by the Centre; cybersecurity and multi-stakeholder \
                    Defence analysed judgements. Côte d'Ivoire, Ärzte, 2030 Agenda, ICTs, \
                    prioritising behaviour; Multilateralism CYBERSECURITY yes";
        for (s, e) in words(text) {
            let raw = &text[s..e];
            for term in t.terms(raw) {
                let letter = term.as_bytes()[0];
                assert!(may_fold_to(raw, &[letter]), "{raw} → {term}");
            }
            // And a letter no term starts with is refused unless the word is special.
            if raw.is_ascii()
                && !raw.to_lowercase().starts_with("cyber")
                && !raw.to_lowercase().starts_with("multi")
            {
                assert!(!may_fold_to(raw, b"#"), "{raw}");
            }
        }
    }

    #[test]
    fn exact_only_lowercases() {
        assert_eq!(
            ExactTokenizer::terms("Programme capacity-building"),
            ["programme", "capacity", "building"]
        );
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let mut t = FoldingTokenizer::default();
        let text = "The Cybersecurity programme";
        let mut stream = t.token_stream(text);
        let mut seen = Vec::new();
        while stream.advance() {
            let tok = stream.token();
            seen.push((
                tok.text.clone(),
                &text[tok.offset_from..tok.offset_to],
                tok.position,
            ));
        }
        assert_eq!(
            seen,
            [
                ("the".into(), "The", 0),
                ("cyber".into(), "Cybersecurity", 1),
                ("secur".into(), "Cybersecurity", 2),
                ("program".into(), "programme", 3)
            ]
        );
    }
}

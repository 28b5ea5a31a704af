//! Words as written: `--exact` and `word*` are answered without an index field of
//! their own. The folded field finds the candidates (every spelling of a word folds to
//! its folded term, so no statement holding the exact words is missed) and the texts,
//! read from SQLite, are checked word for word; the query keeps the statements that
//! pass. The search runs on the same searcher, so the kept documents are where the
//! check found them.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

use regex::{Regex, RegexBuilder};

use super::analyzer::words;
use super::SearchIndex;
use crate::error::Result;

/// The texts of statements by id, in the order asked (`None` for one no longer held):
/// the index stores no text, SQLite does.
pub type Texts<'a> = dyn Fn(&[i64]) -> Result<Vec<Option<String>>> + 'a;

/// Texts are read this many statements at a time.
const BATCH: usize = 2000;

/// Checks candidate statements against their texts.
pub struct Verifier<'a> {
    searcher: tantivy::Searcher,
    texts: &'a Texts<'a>,
    index: &'a SearchIndex,
}

impl<'a> Verifier<'a> {
    pub fn new(index: &'a SearchIndex, texts: &'a Texts<'a>) -> Self {
        Verifier {
            searcher: index.reader().searcher(),
            texts,
            index,
        }
    }

    /// The searcher the kept documents belong to: the query must run on it.
    pub fn searcher(&self) -> &tantivy::Searcher {
        &self.searcher
    }

    /// The statements among `candidates` whose text passes `keep`, as a query that
    /// matches them (score 1) on [`Self::searcher`].
    pub(super) fn keep(
        &self,
        candidates: &dyn Query,
        keep: impl Fn(&str) -> bool,
    ) -> Result<Box<dyn Query>> {
        let found = self
            .searcher
            .search(candidates, &Candidates)
            .map_err(self.index.err("finding candidates to check word for word"))?;
        let mut kept: HashMap<SegmentId, Vec<DocId>> = HashMap::new();
        for (segment, docs) in found {
            for chunk in docs.chunks(BATCH) {
                let ids: Vec<i64> = chunk.iter().map(|&(_, id)| id as i64).collect();
                for (&(doc, _), text) in chunk.iter().zip((self.texts)(&ids)?) {
                    if text.is_some_and(|t: String| keep(&t)) {
                        kept.entry(segment).or_default().push(doc);
                    }
                }
            }
        }
        Ok(Box::new(Checked {
            docs: Arc::new(kept),
        }))
    }
}

/// Every match's document and statement id, by segment.
struct Candidates;

struct SegmentCandidates {
    segment: SegmentId,
    column: Column<u64>,
    docs: Vec<(DocId, u64)>,
}

impl Collector for Candidates {
    type Fruit = Vec<(SegmentId, Vec<(DocId, u64)>)>;
    type Child = SegmentCandidates;

    fn for_segment(
        &self,
        _segment: u32,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentCandidates> {
        Ok(SegmentCandidates {
            segment: reader.segment_id(),
            column: reader.fast_fields().u64("id")?,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(SegmentId, Vec<(DocId, u64)>)>,
    ) -> tantivy::Result<Self::Fruit> {
        Ok(fruits)
    }
}

impl SegmentCollector for SegmentCandidates {
    type Fruit = (SegmentId, Vec<(DocId, u64)>);

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(id) = self.column.first(doc) {
            self.docs.push((doc, id));
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.segment, self.docs)
    }
}

/// The documents that passed the check, by segment, in increasing order.
#[derive(Debug, Clone)]
struct Checked {
    docs: Arc<HashMap<SegmentId, Vec<DocId>>>,
}

impl Query for Checked {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for Checked {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.docs.get(&reader.segment_id()) {
            Some(docs) => Box::new(Docs {
                docs: docs.clone(),
                at: 0,
                score: boost,
            }),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, _reader: &SegmentReader, _doc: DocId) -> tantivy::Result<Explanation> {
        Ok(Explanation::new("checked against the text", 1.0))
    }
}

/// A sorted list of documents as a scorer.
struct Docs {
    docs: Vec<DocId>,
    at: usize,
    score: Score,
}

impl DocSet for Docs {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.docs.len());
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        (self.docs.len() - self.at) as u32
    }
}

impl Scorer for Docs {
    fn score(&mut self) -> Score {
        self.score
    }
}

/// Lower-cased words to find one after another in texts, as the exact tokenizer splits
/// them: the first is located by a case-insensitive search, the rest are compared
/// word by word from there, so a text is never split whole.
pub(super) struct Run {
    first: Regex,
    words: Vec<String>,
}

impl Run {
    /// `None` for no words.
    pub(super) fn new(words: Vec<String>) -> Option<Run> {
        let first = finder(words.first()?)?;
        Some(Run { first, words })
    }

    /// Whether `text` holds the words, each whole, one after another.
    pub(super) fn found_in(&self, text: &str) -> bool {
        self.first.find_iter(text).any(|m| {
            let whole = starts_word(text, m.start()) && ends_word(text, m.end());
            let rest = &self.words[1..];
            whole
                && lower_eq(m.as_str(), &self.words[0])
                && words(&text[m.end()..])
                    .take(rest.len())
                    .map(|(s, e)| &text[m.end() + s..m.end() + e])
                    .zip(rest)
                    .filter(|(w, r)| lower_eq(w, r))
                    .count()
                    == rest.len()
        })
    }
}

/// Words starting with a lower-cased prefix.
pub(super) struct Prefix {
    found: Regex,
    prefix: String,
}

impl Prefix {
    pub(super) fn new(prefix: String) -> Option<Prefix> {
        let found = finder(&prefix)?;
        Some(Prefix { found, prefix })
    }

    /// Whether a word of `text` starts with the prefix.
    pub(super) fn found_in(&self, text: &str) -> bool {
        self.found.find_iter(text).any(|m| {
            starts_word(text, m.start()) && {
                let word_end = words(&text[m.start()..]).next().map_or(0, |(_, e)| e);
                let word = &text[m.start()..m.start() + word_end];
                if word.is_ascii() {
                    word.len() >= self.prefix.len()
                        && word.as_bytes()[..self.prefix.len()]
                            .eq_ignore_ascii_case(self.prefix.as_bytes())
                } else {
                    word.to_lowercase().starts_with(&self.prefix)
                }
            }
        })
    }
}

/// A case-insensitive search for `literal`.
fn finder(literal: &str) -> Option<Regex> {
    RegexBuilder::new(&regex::escape(literal))
        .case_insensitive(true)
        .build()
        .ok()
}

/// Whether a word starts at byte `at` of `text`.
fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a word ends at byte `at` of `text`.
fn ends_word(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A word as written against a lower-cased one, allocating only for non-ASCII.
fn lower_eq(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::analyzer::ExactTokenizer;

    fn run(words: &str) -> Run {
        Run::new(ExactTokenizer::terms(words)).expect("words")
    }

    #[test]
    fn runs_of_words() {
        let text = "The Programme of Action, as proposed; programme of work.";
        assert!(run("programme of action").found_in(text));
        assert!(run("PROGRAMME, of action").found_in(text));
        assert!(run("programme of work").found_in(text));
        assert!(!run("program of action").found_in(text));
        assert!(!run("action programme").found_in(text));
        assert!(!run("programme of action proposed").found_in(text));
        assert!(!run("gramme").found_in(text));
        assert!(Run::new(Vec::new()).is_none());
        assert!(run("égypte").found_in("L'Égypte soutient"));
        assert!(run("action as proposed programme").found_in(text));
        assert!(!run("action as programme").found_in(text));
    }

    #[test]
    fn prefixes_of_words() {
        let text = "Policies of the État; cyber-security.";
        let prefix = |p: &str| Prefix::new(p.to_string()).expect("a prefix");
        assert!(prefix("polic").found_in(text));
        assert!(prefix("éta").found_in(text));
        assert!(prefix("secur").found_in(text));
        assert!(!prefix("olic").found_in(text));
        assert!(!prefix("cybersec").found_in(text));
    }
}

//! Snippets: the fragment of a statement that shows the most query words, with the
//! words marked, escaped for HTML.

use super::analyzer::{may_fold_to, ExactTokenizer, FoldingTokenizer};
use super::compiler::Compiled;

/// Escapes text for HTML and wraps `ranges` in `<mark>`.
pub fn mark(text: &str, ranges: &[(usize, usize)]) -> String {
    let escape = |s: &str, out: &mut String| {
        for c in s.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        escape(&text[at..s], &mut out);
        out.push_str("<mark>");
        escape(&text[s..e], &mut out);
        out.push_str("</mark>");
        at = e;
    }
    escape(&text[at..], &mut out);
    out
}

/// The longest fragment, in bytes.
const SNIPPET_CHARS: usize = 220;

/// Finds the query's words in a text and cuts the fragment that shows most of them.
pub struct Highlighter {
    /// Terms as the searched field holds them (folded, or lower-cased with `--exact`).
    terms: Vec<String>,
    /// The first letters of the terms: other words are not folded at all.
    letters: Vec<u8>,
    exact: bool,
    folding: FoldingTokenizer,
}

/// How far before the first highlighted word a fragment starts, when it can.
const LEAD_IN: usize = 40;

impl Highlighter {
    /// A highlighter for the words `compiled` searched for.
    pub(super) fn new(compiled: &Compiled, exact: bool) -> Self {
        let mut terms: Vec<String> = compiled
            .highlight
            .iter()
            .filter_map(|t| t.value().as_str().map(str::to_string))
            .collect();
        terms.sort();
        terms.dedup();
        let mut letters: Vec<u8> = terms.iter().filter_map(|t| t.bytes().next()).collect();
        letters.dedup();
        Highlighter {
            terms,
            letters,
            exact,
            folding: FoldingTokenizer::default(),
        }
    }

    /// The fragment (at most [`SNIPPET_CHARS`] bytes, cut at spaces) holding the most
    /// distinct query words, and the byte ranges of the words in it; `None` when the
    /// text holds none of them.
    pub(super) fn snippet(&self, text: &str) -> Option<(String, Vec<(usize, usize)>)> {
        if self.terms.is_empty() {
            return None;
        }
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut emit = |start: usize, end: usize, term: &str| {
            if let Ok(i) = self.terms.binary_search_by(|t| t.as_str().cmp(term)) {
                if found.last().is_none_or(|last| last.0 != start) {
                    found.push((start, end, i));
                }
            }
        };
        if self.exact {
            ExactTokenizer::analyze(text, |start, end, term| emit(start, end, &term));
        } else {
            let keep = |raw: &str| may_fold_to(raw, &self.letters);
            self.folding.analyze_some(text, keep, &mut emit);
        }
        let first = found.first()?;
        // The window starting at the hit that covers the most distinct words.
        let mut best = (0, first.0);
        for (i, &(start, ..)) in found.iter().enumerate().take(64) {
            let mut seen: Vec<usize> = found[i..]
                .iter()
                .take_while(|h| h.1 <= start + SNIPPET_CHARS)
                .map(|h| h.2)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            if seen.len() > best.0 {
                best = (seen.len(), start);
            }
        }
        let anchor = best.1;
        let last_hit_end = found
            .iter()
            .filter(|h| h.0 >= anchor && h.1 <= anchor + SNIPPET_CHARS)
            .map(|h| h.1)
            .max()
            .unwrap_or(anchor);
        // Some words before the first hit, if the hits leave room for them.
        let room = (anchor + SNIPPET_CHARS).saturating_sub(last_hit_end);
        let mut from = anchor.saturating_sub(LEAD_IN.min(room));
        // Near the end of the text, start earlier so the fragment is full.
        from = from.min(text.len().saturating_sub(SNIPPET_CHARS));
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        // Start at a word: skip the part of a word the cut fell into.
        if from > 0 && from < anchor && !text[..from].ends_with(char::is_whitespace) {
            from = text[from..anchor]
                .find(' ')
                .map_or(anchor, |i| from + i + 1);
        }
        let mut to = (from + SNIPPET_CHARS).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        if to < text.len() {
            if let Some(space) = text[last_hit_end.min(to)..to].rfind(' ') {
                to = last_hit_end.min(to) + space;
            }
        }
        let ranges = found
            .iter()
            .filter(|h| h.0 >= from && h.1 <= to)
            .map(|h| (h.0 - from, h.1 - from));
        let fragment = text[from..to].to_string();
        let highlights = merge_adjacent(&fragment, ranges);
        Some((fragment, highlights))
    }
}

/// Joins highlighted words separated only by spaces ("Programme of Action" is one
/// mark, not three), then drops lone function words ("of" highlighted on its own
/// because a phrase contained it).
fn merge_adjacent(text: &str, ranges: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    const FUNCTION_WORDS: &[&str] = &[
        "of", "the", "and", "to", "in", "a", "an", "for", "on", "by", "with", "at", "or", "as",
        "is",
    ];
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last)
                if last.1 <= s
                    && text
                        .get(last.1..s)
                        .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-')) =>
            {
                last.1 = e
            }
            _ => out.push((s, e)),
        }
    }
    let function_word = |w: &str| FUNCTION_WORDS.contains(&w.to_lowercase().as_str());
    let lone = |&(s, e): &(usize, usize)| text.get(s..e).is_some_and(function_word);
    if out.iter().any(|r| !lone(r)) {
        out.retain(|r| !lone(r));
        // "of Program of Action" → "Program of Action": a function word only counts
        // inside a run of marked words, not at its edges.
        for (s, e) in out.iter_mut() {
            while let Some((first, _)) = text[*s..*e].split_once([' ', '-']) {
                if !function_word(first) {
                    break;
                }
                *s += first.len() + 1;
            }
            while let Some((_, last)) = text[*s..*e].rsplit_once([' ', '-']) {
                if !function_word(last) {
                    break;
                }
                *e -= last.len() + 1;
            }
        }
    }
    out
}

/// The opening of a text, cut at a word boundary.
pub(super) fn lead(text: &str) -> String {
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

#[cfg(test)]
mod tests {
    use tantivy::query::EmptyQuery;
    use tantivy::Term;

    use super::*;
    use crate::index::schema::Fields;

    fn highlighter(words: &[&str]) -> Highlighter {
        let field = Fields::new().text;
        let folding = FoldingTokenizer::default();
        let highlight = words
            .iter()
            .flat_map(|w| folding.terms(w))
            .map(|t| Term::from_field_text(field, &t))
            .collect();
        let compiled = Compiled {
            query: Box::new(EmptyQuery),
            notices: Vec::new(),
            has_text: true,
            highlight,
        };
        Highlighter::new(&compiled, false)
    }

    fn marked(fragment: &str, ranges: &[(usize, usize)]) -> Vec<String> {
        ranges
            .iter()
            .map(|&(s, e)| fragment[s..e].to_string())
            .collect()
    }

    #[test]
    fn the_fragment_shows_the_most_query_words_with_their_variants() {
        let filler = "Nothing of interest is said here at all. ".repeat(12);
        let text = format!(
            "Capacity is mentioned early. {filler}Then the Programmes of Action on \
             capacity-building come together. {filler}The end."
        );
        let h = highlighter(&["programme of action", "capacity building"]);
        let (fragment, ranges) = h.snippet(&text).unwrap();
        assert!(fragment.len() <= SNIPPET_CHARS, "{fragment}");
        assert_eq!(
            marked(&fragment, &ranges),
            ["Programmes of Action", "capacity-building"],
            "{fragment}"
        );
        assert!(!fragment.starts_with(' ') && !fragment.ends_with(' '));
        assert!(h.snippet("no match at all").is_none());
        // Function words of the phrase are marked inside it, not around it.
        let (fragment, ranges) = h.snippet("a proposal of Program of Action on it").unwrap();
        assert_eq!(marked(&fragment, &ranges), ["Program of Action"]);
    }

    #[test]
    fn a_short_text_is_shown_whole_and_a_late_hit_fills_the_fragment() {
        let h = highlighter(&["cybersecurity"]);
        let (fragment, ranges) = h.snippet("We talk about cyber-security.").unwrap();
        assert_eq!(fragment, "We talk about cyber-security.");
        assert_eq!(marked(&fragment, &ranges), ["cyber-security"]);
        let long = format!("{} ends with cybersecurity", "word ".repeat(100));
        let (fragment, _) = h.snippet(&long).unwrap();
        assert!(fragment.ends_with("cybersecurity"));
        assert!(fragment.len() > SNIPPET_CHARS - 10, "{}", fragment.len());
    }

    #[test]
    fn snippets_escape_everything_but_the_markers() {
        let text = "Use <script>alert(1)</script> & <img src=x onerror=alert(1)> here";
        let hit = text.find("here").unwrap();
        let marked = mark(text, &[(hit, hit + 4)]);
        assert_eq!(marked, "Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; <mark>here</mark>");
        assert!(!marked.contains("<script") && !marked.contains("<img"));
    }
}

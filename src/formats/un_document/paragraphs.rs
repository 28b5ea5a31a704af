//! The body of an official UN document: numbered paragraphs under headings and
//! annexes, with what belongs to them — lettered sub-items, bullets, lines wrapped or
//! carried over a page break — and the footnotes kept apart. A letter or note verbale
//! numbers nothing: each paragraph of prose is one.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::footnotes::{self, Footnote, FOOTNOTE};
use super::re;
use crate::formats::furniture::is_page_furniture;
use crate::formats::ParseError;
use crate::text::{self, Line};

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,3})\.\s+(\S.*)$"));
static BULLETED_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^[-•*]\s+(\d{1,3})\.\s+(\S.*)$"));
pub(super) static HEADING: LazyLock<Regex> =
    LazyLock::new(|| re(r"^((?:[IVXL]+|[A-Z]))\.\s+(\S.{0,150})$"));
static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:Annex|Enclosure)(?:\s+([IVXL]+|\d+))?(?:\s+to the (?:letter|note verbale)\b.*)?$")
});

/// A numbered paragraph being built.
pub(super) struct Para {
    pub number: String,
    pub section: Option<String>,
    pub lines: Vec<String>,
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

/// Where a document's paragraphs are: most documents number them; a letter or note
/// verbale does not, and then each paragraph of prose is one.
pub(super) struct Layout {
    /// The index of the line the first paragraph opens, where the header ends.
    pub first: usize,
    /// Whether no paragraph is numbered.
    unnumbered: bool,
    /// The first line numbers of the paragraphs of prose, for a document with a
    /// masthead.
    prose_starts: HashSet<usize>,
}

/// Finds where the paragraphs are; paragraphs of prose count only for a document with
/// a complete `masthead`.
pub(super) fn layout(lines: &[Line], masthead: bool) -> Result<Layout, ParseError> {
    let prose_starts = if masthead {
        prose_paragraph_lines(lines)
    } else {
        Default::default()
    };
    let numbered = lines.iter().position(|l| NUMBERED.is_match(l.trimmed()));
    let unnumbered = numbered.is_none();
    let first = numbered
        .or_else(|| lines.iter().position(|l| prose_starts.contains(&l.number)))
        .ok_or_else(|| {
            ParseError::new(
                1,
                "no numbered paragraphs (\"1. …\") and no paragraphs of prose",
            )
        })?;
    Ok(Layout {
        first,
        unnumbered,
        prose_starts,
    })
}

/// The first line numbers of the paragraphs that are prose: at least a line long,
/// ending a sentence, not a signature, heading or footnote.
fn prose_paragraph_lines(lines: &[Line]) -> std::collections::HashSet<usize> {
    text::paragraphs(lines)
        .into_iter()
        .filter(|p| {
            let text = p.text();
            let first = p.lines[0].trimmed();
            let ends_sentence = text
                .trim_end_matches(['"', '\u{201d}', '\u{2019}', ')'])
                .ends_with(['.', '!', '?', ':', ';']);
            text.chars().count() >= 60
                && ends_sentence
                && first
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '"' || c == '\u{201c}')
                && !first.starts_with("(Signed)")
                && !NUMBERED.is_match(first)
                && !HEADING.is_match(first)
                && !FOOTNOTE.is_match(first)
        })
        .map(|p| p.line())
        .collect()
}

/// Reads the body: headings, the paragraphs and what belongs to them, footnotes.
pub(super) fn read(
    source: &str,
    lines: &[Line],
    layout: &Layout,
    own_symbol: Option<&str>,
) -> Result<(Vec<Para>, Vec<Footnote>), ParseError> {
    // The body starts at the first heading before the first numbered paragraph.
    let body_start = lines[..layout.first]
        .iter()
        .position(|l| HEADING.is_match(l.trimmed()) || ANNEX.is_match(l.trimmed()))
        .unwrap_or(layout.first);
    let mut body = Body {
        source,
        layout,
        own_symbol,
        paras: Vec::new(),
        footnotes: Vec::new(),
        annex: None,
        levels: Vec::new(),
        in_footnote: false,
        last_in_para: false,
    };
    for line in &lines[body_start..] {
        body.read(line);
    }
    if body.paras.is_empty() {
        return Err(ParseError::new(
            lines[layout.first].number,
            "no numbered paragraphs",
        ));
    }
    Ok((body.paras, body.footnotes))
}

/// The body as read so far.
struct Body<'a> {
    source: &'a str,
    layout: &'a Layout,
    own_symbol: Option<&'a str>,
    paras: Vec<Para>,
    footnotes: Vec<Footnote>,
    annex: Option<String>,
    /// The headings the line sits under: a roman-numbered one, then a lettered one.
    levels: Vec<String>,
    in_footnote: bool,
    /// Whether the last line read (page furniture aside) went into a paragraph.
    last_in_para: bool,
}

impl Body<'_> {
    /// Reads one line.
    fn read(&mut self, line: &Line) {
        let t = line.trimmed();
        if t.is_empty() {
            self.in_footnote = false;
            return;
        }
        if is_page_furniture(t, self.own_symbol) {
            return;
        }
        let continues = std::mem::replace(&mut self.last_in_para, false);
        if self.layout.unnumbered && self.layout.prose_starts.contains(&line.number) {
            self.in_footnote = false;
            self.open(String::new(), t, line);
            return;
        }
        if self.annex(t) || self.footnote(t) {
            return;
        }
        if let Some(number) = self.numbered(t) {
            self.open(number, t.trim_start_matches(['-', '•', '*', ' ']), line);
            return;
        }
        if self.heading(t) {
            return;
        }
        self.continues(t, line, continues);
    }

    /// Opens a paragraph with its first line, `text`.
    fn open(&mut self, number: String, text: &str, line: &Line) {
        self.paras.push(Para {
            number,
            section: section_path(self.annex.as_deref(), &self.levels),
            lines: vec![text.to_string()],
            start: line.start + (line.text.len() - line.text.trim_start().len()),
            end: line.start + line.text.trim_end().len(),
            line: line.number,
        });
        self.last_in_para = true;
    }

    /// An annex's heading: the annex's headings start afresh.
    fn annex(&mut self, t: &str) -> bool {
        let Some(c) = ANNEX.captures(t) else {
            return false;
        };
        self.annex = Some(match c.get(1) {
            Some(n) => format!("Annex {}", n.as_str()),
            None => "Annex".to_string(),
        });
        self.levels.clear();
        true
    }

    /// A footnote, or a line of the footnote before.
    fn footnote(&mut self, t: &str) -> bool {
        if let Some(c) = FOOTNOTE.captures(t) {
            let mark = footnotes::mark(&c);
            self.footnotes
                .push((mark.unwrap_or_else(|| "*".into()), c[3].to_string()));
            self.in_footnote = true;
            return true;
        }
        if self.in_footnote && !NUMBERED.is_match(t) && !HEADING.is_match(t) {
            if let Some(last) = self.footnotes.last_mut() {
                last.1.push(' ');
                last.1.push_str(t);
            }
            return true;
        }
        false
    }

    /// The number of the paragraph a line opens, if it opens one.
    fn numbered(&self, t: &str) -> Option<String> {
        // A numbered line written as a list item ("- 30. …") is the next paragraph
        // only if it continues the numbering; otherwise it is a list inside one
        // ("- 1. Adoption of the agenda.").
        let bulleted = BULLETED_NUMBER.captures(t).filter(|c| {
            let expected = self
                .paras
                .last()
                .and_then(|p| p.number.parse::<u32>().ok())
                .map_or(1, |n| n + 1);
            c[1].parse::<u32>().ok() == Some(expected)
        });
        NUMBERED.captures(t).or(bulleted).map(|c| c[1].to_string())
    }

    /// A heading: a roman-numbered one opens a part, a lettered one a section in it.
    fn heading(&mut self, t: &str) -> bool {
        let Some(c) = HEADING.captures(t) else {
            return false;
        };
        let level = c[1].to_string();
        let roman = level.len() > 1 || matches!(level.as_str(), "I" | "V" | "X" | "L");
        if roman {
            self.levels = vec![level];
        } else {
            self.levels.truncate(1);
            self.levels.push(level);
        }
        true
    }

    /// Any other line: it goes with the paragraph before when it belongs there.
    fn continues(&mut self, t: &str, line: &Line, continues: bool) {
        // A line right under the paragraph's last one (no blank line between) is the
        // paragraph wrapping, however short: text hard-wrapped, or from a PDF.
        let adjacent = self.paras.last().is_some_and(|p| {
            self.source
                .get(p.end..line.start)
                .is_some_and(|gap| gap.trim().is_empty() && gap.matches('\n').count() == 1)
        });
        // Sub-items, bullets and page-break continuations stay with their paragraph;
        // an unnumbered short line in title case, set apart, is a heading of its own.
        let heading_like = !adjacent
            && t.chars().count() < 80
            && !t.ends_with(['.', ';', ':', ','])
            && t.chars().next().is_some_and(char::is_uppercase)
            && !t.starts_with('(');
        // Without numbers, only a paragraph's own lines and a page break's lower-case
        // continuation belong to it; other unnumbered lines are headings, signatures.
        let belongs = !self.layout.unnumbered
            || adjacent
            || (continues && t.chars().next().is_some_and(char::is_lowercase));
        match self.paras.last_mut() {
            Some(p) if belongs && (!heading_like || t.starts_with('-')) => {
                p.lines.push(t.to_string());
                p.end = line.start + line.text.trim_end().len();
                self.last_in_para = true;
            }
            _ => {}
        }
    }
}

fn section_path(annex: Option<&str>, levels: &[String]) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(a) = annex {
        parts.push(a);
    }
    parts.extend(levels.iter().map(String::as_str));
    (!parts.is_empty()).then(|| parts.join(" / "))
}

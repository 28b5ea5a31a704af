//! Official UN documents: a symbol, a date, numbered paragraphs under headings,
//! lettered sub-items, footnotes, and citations of other documents.
//!
//! Numbered paragraphs are the statements; lettered sub-items, bullets and text that
//! continues after a page break (it starts in lower case) stay with their paragraph;
//! footnotes ("¹ See A/79/214", "^a …") are kept apart and linked to the paragraph
//! that carries their marker. A paper by the Secretariat is attributed to it; in a
//! summary record that reports speech in the third person, each paragraph goes to the
//! organisation of the person reported ("The Director-General of UNESCO, Irina Bokova,
//! indicated …" → UNESCO; a later "Ms. Bokova noted …" → UNESCO again).
//!
//! The steps, one file each: `symbols` (the document's own symbol, the ones it
//! cites), `header` (title, date, session, author), `paragraphs` (the body),
//! `speakers` (who speaks in each paragraph), `footnotes`.

mod footnotes;
mod header;
mod paragraphs;
mod speakers;
mod symbols;

use std::sync::LazyLock;

use regex::Regex;

pub use symbols::{cited_symbols, symbol};

use super::document::{ParsedDocument, SourceType};
use super::ParseError;
use crate::gazetteer::Resolver;
use crate::text;

fn re(pattern: &str) -> Regex {
    text::pattern(pattern)
}

/// A Markdown link, whose text is kept: "[A/79/214](https://…)".
static MARKDOWN_LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r"\[([^\]\n]{1,80})\]\([^)\n]{0,200}\)"));

/// Parses an official UN document.
pub fn parse(source: &str, resolver: &Resolver) -> Result<ParsedDocument, ParseError> {
    let lines = text::lines(source);
    // Most documents number their paragraphs. A letter or note verbale does not: then
    // each paragraph of prose is one, and the header ends where the first begins.
    let layout = paragraphs::layout(&lines, symbols::has_masthead(&lines))?;
    let header = header::read(&lines[..layout.first], resolver);
    let (paras, footnotes) = paragraphs::read(source, &lines, &layout, header.symbol.as_deref())?;

    let mut doc = ParsedDocument::new(SourceType::UnDocument, header.title.clone());
    doc.date = header.date;
    doc.un_symbol = header.symbol.clone();
    doc.sitting = header.sitting.clone();
    doc.symbols = cited_symbols(&MARKDOWN_LINK.replace_all(source, "$1"))
        .into_iter()
        .filter(|s| Some(s) != doc.un_symbol.as_ref())
        .collect();
    doc.statements = speakers::statements(&paras, &header, resolver);
    doc.footnotes = footnotes::link(footnotes, &doc.statements);
    Ok(doc)
}

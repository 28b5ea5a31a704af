//! PDF files: the text layer of every page, pages separated by a blank line.
//!
//! Text comes from `pdf-extract` (fonts, encodings, ToUnicode maps) on a `lopdf`
//! document. Both run inside [`panics::catch`]: they panic on some malformed files, and
//! a hostile or truncated PDF must end in an error, never a crash. A page that fails is
//! reported and skipped; a PDF whose pages hold (next to) no text is a scan. Neither
//! crate limits what it decompresses: [`inflation`] measures that first.

use pdf_extract::{output_doc_page, Document, PlainTextOutput};

use super::{inflation, panics, ExtractError};

/// Fewer visible characters than this over the whole file means there is no text
/// layer: page numbers or a stray header do not make a scan readable.
const MIN_TEXT_CHARS: usize = 20;

/// Extracts the text of a PDF, with notices about pages that could not be read.
/// `max_inflated` caps what its compressed streams may decompress to.
pub(super) fn extract_pdf(
    bytes: &[u8],
    max_inflated: u64,
) -> Result<(String, Vec<String>), ExtractError> {
    let complete = has_eof_marker(bytes);
    let damaged = |detail: String| {
        ExtractError::DamagedPdf(if complete {
            detail
        } else {
            format!("{detail}; it ends without the %%EOF marker, so it is probably truncated")
        })
    };

    // Loading inflates cross-reference and object streams, extraction the rest: both
    // without a limit, so the sizes are measured first (with `weezl` and `flate2`,
    // third-party decoders too, hence the catch).
    panics::catch(|| inflation::check_file(bytes, max_inflated)).map_err(damaged)??;
    let mut doc = match panics::catch(|| Document::load_mem(bytes)) {
        Ok(Ok(doc)) => doc,
        Ok(Err(pdf_extract::Error::InvalidPassword | pdf_extract::Error::Decryption(_))) => {
            return Err(ExtractError::EncryptedPdf)
        }
        Ok(Err(e)) => return Err(damaged(e.to_string())),
        Err(panic) => return Err(damaged(panic)),
    };
    // Many PDFs are "encrypted" with an empty user password only to set permissions.
    if doc.is_encrypted() && !matches!(panics::catch(|| doc.decrypt("")), Ok(Ok(()))) {
        return Err(ExtractError::EncryptedPdf);
    }
    panics::catch(|| inflation::check_document(&doc, max_inflated)).map_err(damaged)??;
    let pages = panics::catch(|| doc.get_pages()).map_err(damaged)?;
    if pages.is_empty() {
        return Err(damaged("it has no pages".to_owned()));
    }

    let mut texts = Vec::new();
    let mut failed: Vec<(u32, String)> = Vec::new();
    for (&number, &id) in &pages {
        // A page that is its own ancestor sends the reader looking for inherited
        // resources round the loop for ever.
        if ancestors_loop(&doc, id) {
            failed.push((
                number,
                "its page tree loops (the page is its own ancestor)".into(),
            ));
            continue;
        }
        let page = panics::catch(|| {
            let mut text = String::new();
            output_doc_page(&doc, &mut PlainTextOutput::new(&mut text), number).map(|()| text)
        });
        match page {
            Ok(Ok(text)) => texts.push(tidy_page(&text)),
            Ok(Err(e)) => failed.push((number, e.to_string())),
            Err(panic) => failed.push((number, panic)),
        }
    }

    let text = join_pages(texts.into_iter().filter(|t| !t.is_empty()));
    let visible = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\u{FFFD}')
        .count();
    if visible < MIN_TEXT_CHARS {
        return Err(match failed.first() {
            Some((number, e)) => damaged(format!("page {number}: {e}")),
            None if !complete => damaged("no text could be read".to_owned()),
            None => ExtractError::NoTextLayer,
        });
    }

    let mut notices = Vec::new();
    if let Some((_, first_error)) = failed.first() {
        let numbers: Vec<String> = failed.iter().map(|(n, _)| n.to_string()).collect();
        notices.push(format!(
            "{} of {} pages could not be read and are missing (page {}: {first_error})",
            failed.len(),
            pages.len(),
            numbers.join(", ")
        ));
    }
    if !complete {
        notices.push(
            "the PDF ends without its %%EOF marker: it may be truncated, and text may be missing"
                .to_owned(),
        );
    }
    Ok((text, notices))
}

/// Whether the file ends as a complete PDF does. Writers may add a little junk (a
/// newline, NUL padding) after the marker, hence the window.
fn has_eof_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// Joins the pages' texts: a blank line between pages, except where a sentence runs
/// on from one page to the next (the page ends mid-sentence and the next begins in
/// lower case), which stays one paragraph.
fn join_pages(pages: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for page in pages {
        if !out.is_empty() {
            let runs_on = !out.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}', ')'])
                && page.chars().next().is_some_and(char::is_lowercase);
            out.push_str(if runs_on { "\n" } else { "\n\n" });
        }
        out.push_str(&page);
    }
    out
}

/// Whether following `/Parent` up from the page `id` comes back to a dictionary already
/// seen (lopdf and pdf-extract follow it without a guard).
fn ancestors_loop(doc: &Document, id: pdf_extract::ObjectId) -> bool {
    let mut seen = std::collections::HashSet::from([id]);
    let mut current = id;
    loop {
        let parent = doc
            .get_dictionary(current)
            .and_then(|d| d.get(b"Parent"))
            .and_then(|p| p.as_reference());
        match parent {
            Ok(parent) if !seen.insert(parent) => return true,
            Ok(parent) => current = parent,
            Err(_) => return false,
        }
    }
}

/// Collapses each line's runs of spaces to one, and runs of blank lines to one. The
/// layout-based extraction turns the wider spaces of justified text into several
/// (cues like "you have the floor" must still read as words) and leaves blank lines
/// between text blocks.
fn tidy_page(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let words = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in text.lines().map(words) {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_page_trims_and_collapses_blank_lines() {
        assert_eq!(
            tidy_page("\n\nTitle  \n\n\n\nBody\nmore \n\n"),
            "Title\n\nBody\nmore"
        );
        // Justified text: wide spaces come out as several.
        assert_eq!(
            tidy_page("France,  you   have\n  the  floor. "),
            "France, you have\nthe floor."
        );
    }

    #[test]
    fn a_sentence_running_over_a_page_break_stays_one_paragraph() {
        let pages = [
            "Page one ends in the middle of a",
            "sentence. New paragraph.",
            "Next page.",
            "Another.",
        ];
        assert_eq!(
            join_pages(pages.iter().map(|p| p.to_string())),
            "Page one ends in the middle of a\nsentence. New paragraph.\n\nNext page.\n\nAnother."
        );
    }

    #[test]
    fn eof_marker_may_be_followed_by_padding() {
        assert!(has_eof_marker(b"%PDF-1.4 ... %%EOF\r\n\0\0"));
        assert!(!has_eof_marker(b"%PDF-1.4 ... endobj"));
    }
}

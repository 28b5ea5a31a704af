//! Extraction: from a file's bytes to normalised text, whatever the container.
//!
//! Meeting records arrive as plain text (in whatever encoding the tool that wrote them
//! chose), saved web pages, PDFs and Word documents. [`extract`] recognises the
//! container by content first (magic numbers, markup at the start) and by the file
//! name's extension second, so a `.txt` that holds HTML is read as HTML. Every path
//! ends in the same normal form — UTF-8, no BOM, `\n` line endings, no NUL — so that
//! source-type detection and the parsers see one kind of text.
//!
//! - `text`: encodings (UTF-8, UTF-16, Windows-1252), binary detection, normalisation.
//! - `html`: the article text of a saved page, with its title and canonical URL;
//!   `nesting` parses it with the nesting depth capped, so that time stays linear.
//! - `pdf`: the text layer of a PDF; a scan without one is refused. `inflation`
//!   measures what its compressed streams expand to before anything inflates them.
//! - `docx`: the paragraphs and notes of a Word document.
//!
//! Everything that goes wrong is an [`ExtractError`] the user can act on; what went
//! right but deserves a mention ("decoded as UTF-16LE") is a notice.

mod docx;
mod error;
mod html;
mod inflation;
mod nesting;
mod panics;
mod pdf;
mod text;

use std::path::Path;

pub use error::ExtractError;

/// The container a file came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Container {
    Text,
    Html,
    Pdf,
    Docx,
}

impl Container {
    /// The usual file extension, which is how users name the container.
    pub fn as_str(self) -> &'static str {
        match self {
            Container::Text => "txt",
            Container::Html => "html",
            Container::Pdf => "pdf",
            Container::Docx => "docx",
        }
    }
}

/// Text extracted from a file, ready for source-type detection and parsing.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub container: Container,
    /// The text, normalised: UTF-8, no BOM, line endings "\n" (CRLF and lone CR
    /// converted), NUL-free.
    pub text: String,
    /// Things the user should know but that did not stop extraction, e.g. "decoded as
    /// UTF-16LE", "decoded as Windows-1252 (Latin-1): the file is not valid UTF-8".
    pub notices: Vec<String>,
    /// For HTML: the page's `<title>`. None otherwise.
    pub title: Option<String>,
    /// For HTML: the page's canonical or `og:url` address (provenance). None otherwise.
    pub source_url: Option<String>,
}

/// Limits the caller sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file accepted, and the most bytes uncompressed from a DOCX or
    /// decompressed from a PDF's streams.
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Extracts the text of the file at `path`, whose content is `bytes`. The path is used
/// only for its extension, which decides when the content does not.
pub fn extract(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let size = bytes.len() as u64;
    if size > limits.max_bytes {
        return Err(ExtractError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let extension = extension.as_deref();

    let mut extracted = extract_container(bytes, extension, limits)?;
    extracted.text = text::normalise(&extracted.text);
    if extracted.text.trim().is_empty() {
        return Err(match extracted.container {
            Container::Html => ExtractError::NoText,
            Container::Pdf => ExtractError::NoTextLayer,
            Container::Text | Container::Docx => ExtractError::Empty,
        });
    }
    if let Some(named) = extension.and_then(container_for_extension) {
        if named != extracted.container {
            let notice = format!(
                "the file is named .{} but holds {}",
                extension.unwrap_or_default(),
                describe(extracted.container)
            );
            extracted.notices.insert(0, notice);
        }
    }
    Ok(extracted)
}

fn container_for_extension(extension: &str) -> Option<Container> {
    match extension {
        "txt" | "text" => Some(Container::Text),
        "html" | "htm" | "xhtml" => Some(Container::Html),
        "pdf" => Some(Container::Pdf),
        "docx" => Some(Container::Docx),
        _ => None,
    }
}

fn describe(container: Container) -> &'static str {
    match container {
        Container::Text => "plain text",
        Container::Html => "HTML",
        Container::Pdf => "a PDF",
        Container::Docx => "a DOCX",
    }
}

fn extract_container(
    bytes: &[u8],
    extension: Option<&str>,
    limits: &Limits,
) -> Result<Extracted, ExtractError> {
    let named = extension.and_then(container_for_extension);
    if is_pdf(bytes, named == Some(Container::Pdf)) {
        let (text, notices) = pdf::extract_pdf(bytes, limits.max_bytes)?;
        return Ok(plain(Container::Pdf, text, notices));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return match docx::is_docx(bytes) {
            Ok(true) => {
                let (text, notices) = docx::extract_docx(bytes, limits.max_bytes)?;
                Ok(plain(Container::Docx, text, notices))
            }
            Ok(false) => Err(ExtractError::binary("a ZIP archive that is not a DOCX")),
            Err(detail) if named == Some(Container::Docx) || docx::mentions_document(bytes) => {
                Err(ExtractError::DamagedDocx(detail))
            }
            Err(detail) => Err(ExtractError::binary(format!(
                "a damaged ZIP archive: {detail}"
            ))),
        };
    }
    text::reject_known_binary(bytes)?;
    extract_text_like(bytes, named)
}

/// `%PDF-` opens the file (after whitespace, which some servers prepend); for a file
/// named .pdf, the header may come anywhere in the first KiB, as readers allow.
fn is_pdf(bytes: &[u8], named_pdf: bool) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    if bytes[start..].starts_with(b"%PDF-") {
        return true;
    }
    named_pdf
        && bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
}

fn plain(container: Container, text: String, notices: Vec<String>) -> Extracted {
    Extracted {
        container,
        text,
        notices,
        title: None,
        source_url: None,
    }
}

/// Plain text or HTML, in any of the encodings [`text`] knows.
fn extract_text_like(bytes: &[u8], named: Option<Container>) -> Result<Extracted, ExtractError> {
    // Markup at the start makes a page HTML whatever its name; a file named .html
    // needs only some markup (a saved fragment), while one without a single tag is
    // plain text, whose line breaks HTML parsing would lose.
    let is_html = |start: &[u8]| {
        html::looks_like_html(start)
            || (named == Some(Container::Html) && start[..start.len().min(4096)].contains(&b'<'))
    };
    let mut notices = Vec::new();
    let (text, is_html) = match text::utf16_encoding(bytes) {
        Some((encoding, bom)) => {
            let decoded = text::decode_utf16(bytes, encoding, bom);
            notices.extend(decoded.notices);
            let is_html = is_html(decoded.text.trim_start_matches('\u{feff}').as_bytes());
            (decoded.text, is_html)
        }
        None => {
            let is_html = is_html(bytes);
            // Content said neither PDF nor DOCX, and it is not markup either: a file
            // named .pdf or .docx that does not start like one is damaged, not text.
            match named {
                Some(Container::Pdf) if !is_html => return Err(ExtractError::DamagedPdf(
                    "it does not start with %PDF-, so its beginning is missing or it is not a PDF"
                        .to_owned(),
                )),
                Some(Container::Docx) if !is_html => {
                    return Err(ExtractError::DamagedDocx(
                        "it is not a ZIP archive".to_owned(),
                    ))
                }
                _ => {}
            }
            let body = text::strip_nul_padding(bytes, &mut notices)?;
            let declared = is_html.then(|| html::declared_charset(body)).flatten();
            let decoded = text::decode_8bit(body, declared);
            notices.extend(decoded.notices);
            (decoded.text, is_html)
        }
    };
    if is_html {
        let page = html::extract_html(&text)?;
        return Ok(Extracted {
            container: Container::Html,
            text: page.text,
            notices,
            title: page.title,
            source_url: page.source_url,
        });
    }
    Ok(plain(Container::Text, text, notices))
}

#[cfg(test)]
mod tests;

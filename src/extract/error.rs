//! Why a file's text could not be extracted, in words the user can act on.

/// A file whose text could not be extracted.
///
/// Every variant is a user error: the file, not Plenary, is at fault, and the message
/// says what to do about it. [`ExtractError::code`] is the stable code sent across the
/// IPC boundary.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// Zero bytes, or nothing but whitespace once decoded.
    #[error("the file is empty; check that it was saved or downloaded completely")]
    Empty,

    /// Larger than [`super::Limits::max_bytes`] (for a DOCX: once uncompressed).
    #[error(
        "the file is too large ({size} bytes; the limit is {limit} bytes); split it into smaller files"
    )]
    TooLarge { size: u64, limit: u64 },

    /// Not text at all: an image, an executable, an archive, or text riddled with NUL bytes.
    #[error("the file is binary ({what}), not a text document; choose the transcript itself")]
    Binary { what: String },

    /// A document format Plenary does not read (legacy Office, RTF).
    #[error("the file is {what}, which Plenary cannot read; save it as DOCX, PDF or plain text")]
    Unsupported { what: &'static str },

    /// A PDF made of page images only (a scan).
    #[error("the PDF has no text layer; run OCR first")]
    NoTextLayer,

    /// A PDF whose compressed streams decompress to more than the limit: a
    /// decompression bomb, or page images too large to hold.
    #[error(
        "the PDF's compressed content expands to more than {} MB, the most Plenary reads from one file (it may be a decompression bomb); if it is a scan, run OCR and import the text, otherwise split it into smaller PDFs",
        limit / (1024 * 1024)
    )]
    PdfInflates { limit: u64 },

    /// A PDF that needs a password to be read.
    #[error("the PDF is password-protected; save an unprotected copy (e.g. print it to a new PDF) and import that")]
    EncryptedPdf,

    /// A PDF the reader could not parse, or that ends early.
    #[error("the PDF is damaged or truncated ({0}); export it again")]
    DamagedPdf(String),

    /// A DOCX whose archive or XML could not be read.
    #[error("the DOCX is damaged ({0}); save it again from your word processor")]
    DamagedDocx(String),

    /// An HTML page that is all markup, scripts and navigation.
    #[error("the HTML page has no text once markup, scripts and navigation are removed; save the page again once it has fully loaded")]
    NoText,
}

impl ExtractError {
    /// A stable, machine-readable code for the failure.
    pub fn code(&self) -> &'static str {
        match self {
            ExtractError::Empty => "empty",
            ExtractError::TooLarge { .. } => "too_large",
            ExtractError::PdfInflates { .. } => "pdf_inflates",
            ExtractError::Binary { .. } => "binary",
            ExtractError::Unsupported { .. } => "unsupported",
            ExtractError::NoTextLayer => "no_text_layer",
            ExtractError::EncryptedPdf => "encrypted_pdf",
            ExtractError::DamagedPdf(_) => "damaged_pdf",
            ExtractError::DamagedDocx(_) => "damaged_docx",
            ExtractError::NoText => "no_text",
        }
    }

    pub(super) fn binary(what: impl Into<String>) -> Self {
        ExtractError::Binary { what: what.into() }
    }
}

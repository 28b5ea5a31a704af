//! Page furniture: what a printed UN document's pages add to its text when it is
//! extracted from PDF — running headers and footers, page numbers, job numbers and
//! barcodes. Official documents and verbatim records both skip it.

use std::sync::LazyLock;

use regex::Regex;

use crate::text;

/// One token of a line that the printed page adds, not the text: a page number
/// ("2/12"), the job number ("25-03456", "GE.24-01234"), its language and print date
/// ("(E)", "040325"), the barcode ("*2503456*").
static FURNITURE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    text::pattern(r"^(?:\d{1,3}/\d{1,3}|(?:GE\.)?\d{2}-\d{5}|\([A-Z]\)|\d{6}|\*\d{7,10}\*)$")
});
/// The tokens among those that only page furniture has (a bare "(E)" or six digits
/// could be text).
static FURNITURE_MARK: LazyLock<Regex> =
    LazyLock::new(|| text::pattern(r"^(?:\d{1,3}/\d{1,3}|(?:GE\.)?\d{2}-\d{5}|\*\d{7,10}\*)$"));

/// Whether a line is a printed page's furniture rather than text: running headers and
/// footers of UN documents extracted from PDF ("A/79/214", "2/12 24-12345",
/// "25-03456 (E) 040325", "*2503456*", "Please recycle", "- 3 -").
pub(super) fn is_page_furniture(t: &str, own_symbol: Option<&str>) -> bool {
    if t.eq_ignore_ascii_case("please recycle") || t.starts_with("Please recycle") {
        return true;
    }
    let dashes = t.trim_matches(|c: char| c == '-' || c.is_whitespace());
    if t.starts_with('-')
        && t.ends_with('-')
        && !dashes.is_empty()
        && dashes.chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let own = |tok: &str| own_symbol.is_some_and(|s| s == tok);
    // "2/12" is page 2 of 12; "77/37" can only be a resolution.
    let page_of = |tok: &str| {
        tok.split_once('/')
            .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)))
            .is_none_or(|(a, b)| 1 <= a && a <= b)
    };
    if !tokens.iter().all(|tok| own(tok) || page_of(tok)) {
        return false;
    }
    // The running header: the document's own symbol, alone or beside page furniture
    // (a symbol of several words, "A/C.1/79/L.1 Rev.1", is only matched alone).
    if own_symbol == Some(t) {
        return true;
    }
    !tokens.is_empty()
        && tokens
            .iter()
            .all(|tok| own(tok) || FURNITURE_TOKEN.is_match(tok))
        && tokens
            .iter()
            .any(|tok| own(tok) || FURNITURE_MARK.is_match(tok))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_told_from_text() {
        let own = Some("A/79/214");
        for line in [
            "A/79/214",
            "2/12",
            "2/12 24-12345",
            "24-12345 3/12",
            "24-12345 (E) 010824",
            "GE.24-01234",
            "*2412345*",
            "Please recycle",
            "- 3 -",
        ] {
            assert!(is_page_furniture(line, own), "{line}");
        }
        for line in [
            "77/37",
            "(E)",
            "A/75/816",
            "resolution 77/37 and 24-12345",
            "3. The directory could be kept.",
            "- 3. a bulleted paragraph -",
        ] {
            assert!(!is_page_furniture(line, own), "{line}");
        }
    }
}

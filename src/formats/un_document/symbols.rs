//! Document symbols: the document's own ("A/79/214", alone on a line near its top,
//! after the masthead words a PDF's text puts before it) and the symbols and
//! resolution numbers it cites.

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::text::Line;

/// A UN document symbol: "A/79/214", "A/AC.292/2024/2", "ST/SGB/2013/4/Amend.1".
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:\d{1,3}\s(?:C|EX)/\d{1,4}(?:\s?\([IVX]+\))?|[A-Z]{1,8}(?:\.\d+)?(?:/(?:(?i:amend|add|rev|corr)\.\d+|[A-Z]{1,10}(?:\.\d+)?|\d{1,4}(?:\.\d+)?))+)",
    )
});
/// General Assembly and other resolutions cited by number: "resolution 67/220",
/// "resolutions 66/235 A and 64/231".
static RESOLUTIONS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bresolutions?\s+((?:\d{2,3}/\d{1,3}(?:\s[A-Z]\b)?(?:,\s*|\s+and\s+)?)+)")
});
static RESOLUTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"\d{2,3}/\d{1,3}(?:\s[A-Z]\b)?"));

/// The masthead words a PDF's text puts before the symbol on one line.
static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:united nations|general assembly|security council|economic and social council|human rights council)\s+",
    )
});
/// A distribution line, alone or after the symbol: "Distr.: General".
static DISTRIBUTED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bdistr\.?:?\s+(?:general|limited|restricted)\b"));
/// The distribution note a PDF's text puts after the symbol on one line.
static DISTRIBUTION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\s+distr\.?:?.*$"));

/// The document's own symbol, if one stands alone on a line near its top.
pub fn symbol(head: &str) -> Option<String> {
    head.lines().take(20).map(str::trim).find_map(|l| {
        // Text from a PDF puts the masthead on the symbol's line: "United Nations
        // A/79/214", "General Assembly A/79/214 Distr.: General".
        let mut l = DISTRIBUTION.replace(l, "").trim().to_string();
        while let Some(m) = MASTHEAD.find(&l) {
            l = l[m.end()..].to_string();
        }
        let l = l.as_str();
        let m = SYMBOL.find(l)?;
        (m.start() == 0 && m.end() == l.len() && l.chars().any(|c| c.is_ascii_digit()))
            .then(|| l.to_string())
    })
}

/// Whether the document opens with a complete masthead: its own symbol and a
/// distribution line in its first lines.
pub(super) fn has_masthead(lines: &[Line]) -> bool {
    let head: Vec<&str> = lines.iter().take(60).map(|l| l.trimmed()).collect();
    symbol(&head.join("\n")).is_some() && head.iter().any(|l| DISTRIBUTED.is_match(l))
}

/// Every document symbol and resolution number cited in `text`, in order, once each.
pub fn cited_symbols(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim_end_matches('.').to_string();
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let mut found: Vec<(usize, String)> = SYMBOL
        .find_iter(text)
        .filter(|m| m.as_str().chars().any(|c| c.is_ascii_digit()) && m.as_str().contains('/'))
        .map(|m| (m.start(), m.as_str().to_string()))
        .collect();
    for c in RESOLUTIONS.captures_iter(text) {
        if let Some(list) = c.get(1) {
            for n in RESOLUTION_NUMBER.find_iter(list.as_str()) {
                found.push((list.start() + n.start(), n.as_str().to_string()));
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    for (_, s) in found {
        push(&s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::MARKDOWN_LINK;
    use super::*;

    #[test]
    fn symbols_are_found_once_in_order() {
        let text = "See [A/79/214](#), annex, and A/75/816; also ST/SGB/2013/4/Amend.1 and General Assembly resolutions 66/235 A and 64/231. See A/79/214 again.";
        let cleaned = MARKDOWN_LINK.replace_all(text, "$1");
        assert_eq!(
            cited_symbols(&cleaned),
            [
                "A/79/214",
                "A/75/816",
                "ST/SGB/2013/4/Amend.1",
                "66/235 A",
                "64/231"
            ]
        );
    }

    #[test]
    fn own_symbol_stands_alone() {
        assert_eq!(
            symbol("United Nations\nA/AC.292/2025/1\n\nGeneral Assembly"),
            Some("A/AC.292/2025/1".into())
        );
        assert_eq!(symbol("See A/79/214 for details"), None);
        assert_eq!(
            symbol("United Nations A/79/214\nGeneral Assembly Distr.: General"),
            Some("A/79/214".into())
        );
        assert_eq!(
            symbol("General Assembly A/C.1/79/L.1 Distr.: Limited"),
            Some("A/C.1/79/L.1".into())
        );
    }
}

//! How names are compared: the folding that makes "Côte d’Ivoire", "Cote dIvoire" and
//! "the delegation of Côte d'Ivoire" the same key.

use crate::text::fold::without_marks;

/// Prefixes that name the speaker's role rather than the speaker ("the delegation of
/// Kenya"). Stripped repeatedly, longest first, after the text is folded.
const PREFIXES: &[&str] = &[
    "distinguished representative of ",
    "distinguished delegation of ",
    "distinguished delegate of ",
    "representative of ",
    "delegation from ",
    "delegation of ",
    "the ",
];

/// Suffixes that say "delegation" after the name ("the Kenya delegation").
const SUFFIXES: &[&str] = &[" delegation"];

/// Folds a name to its comparison key: case, accents, apostrophe style, punctuation and
/// spacing are ignored, "&" reads as "and", and a leading "the" or "delegation of" is
/// dropped.
///
/// ```
/// use plenary::gazetteer::names::normalize;
/// assert_eq!(normalize("The delegation of Côte d’Ivoire"), "cote divoire");
/// assert_eq!(normalize("Trinidad & Tobago"), "trinidad and tobago");
/// ```
pub fn normalize(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    // Separators become one space between words, none at either end.
    let mut gap = false;
    fn word(folded: &mut String, gap: &mut bool, piece: &str) {
        if *gap && !folded.is_empty() {
            folded.push(' ');
        }
        *gap = false;
        folded.push_str(piece);
    }
    fn fold(c: char, folded: &mut String, gap: &mut bool) {
        if is_apostrophe(c) {
            return;
        }
        let mut buf = [0u8; 4];
        match c {
            'ø' | 'Ø' => word(folded, gap, "o"),
            'æ' | 'Æ' => word(folded, gap, "ae"),
            'œ' | 'Œ' => word(folded, gap, "oe"),
            'ß' => word(folded, gap, "ss"),
            'ł' | 'Ł' => word(folded, gap, "l"),
            'đ' | 'Đ' => word(folded, gap, "d"),
            'ı' => word(folded, gap, "i"),
            '&' => {
                *gap = true;
                word(folded, gap, "and");
                *gap = true;
            }
            c if c.is_ascii_alphanumeric() => {
                word(folded, gap, c.to_ascii_lowercase().encode_utf8(&mut buf))
            }
            c if c.is_alphanumeric() => {
                for l in c.to_lowercase() {
                    word(folded, gap, l.encode_utf8(&mut buf));
                }
            }
            _ => *gap = true,
        }
    }
    // Decomposing one character at a time drops the same marks as decomposing the
    // whole name (canonical reordering only moves marks), and skips ASCII cheaply.
    for c in name.chars() {
        if c.is_ascii() {
            fold(c, &mut folded, &mut gap);
        } else {
            for d in without_marks(c.encode_utf8(&mut [0u8; 4])) {
                fold(d, &mut folded, &mut gap);
            }
        }
    }
    without_roles(folded)
}

/// A folded name without the words that name a role around it ("the delegation of …",
/// "… delegation"), stripped repeatedly.
fn without_roles(mut key: String) -> String {
    loop {
        let before = key.len();
        for prefix in PREFIXES {
            if let Some(rest) = key.strip_prefix(prefix) {
                key = rest.to_string();
            }
        }
        for suffix in SUFFIXES {
            if let Some(rest) = key.strip_suffix(suffix) {
                key = rest.to_string();
            }
        }
        if key.len() == before {
            return key;
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' | '\u{2032}'
    )
}

/// A rough key of how a (folded, lower-case) name sounds in English, to match names
/// speech recognition garbled ("Shelly" for Chile): consonants that
/// sound alike merged, vowels dropped but for the first sound, letters not doubled.
pub fn sound_key(folded: &str) -> String {
    let chars: Vec<char> = folded.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let (code, skip) = match (c, next) {
            ('p', Some('h')) => (Some('f'), 2),
            ('s' | 'c', Some('h')) => (Some('x'), 2),
            ('t', Some('h')) => (Some('t'), 2),
            ('c', Some('e' | 'i' | 'y')) => (Some('s'), 1),
            ('c' | 'k' | 'q' | 'g', _) => (Some('k'), 1),
            ('z', _) => (Some('s'), 1),
            ('v', _) => (Some('f'), 1),
            ('d', _) => (Some('t'), 1),
            ('b', _) => (Some('p'), 1),
            ('j', _) => (Some('x'), 1),
            ('a' | 'e' | 'i' | 'o' | 'u' | 'y', _) => (if i == 0 { Some('a') } else { None }, 1),
            ('h' | 'w', _) => (None, 1),
            (other, _) => (Some(other), 1),
        };
        if let Some(code) = code {
            if !out.ends_with(code) {
                out.push(code);
            }
        }
        i += skip;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    /// `normalize` as first written: the whole name decomposed at once, then split on
    /// whitespace and joined. The faster one must give the same keys: statements' text
    /// hashes are stored with them.
    fn reference(name: &str) -> String {
        use super::is_apostrophe;
        let mut folded = String::new();
        for c in crate::text::fold::without_marks(name) {
            if is_apostrophe(c) {
                continue;
            }
            match c {
                'ø' | 'Ø' => folded.push('o'),
                'æ' | 'Æ' => folded.push_str("ae"),
                'œ' | 'Œ' => folded.push_str("oe"),
                'ß' => folded.push_str("ss"),
                'ł' | 'Ł' => folded.push('l'),
                'đ' | 'Đ' => folded.push('d'),
                'ı' => folded.push('i'),
                '&' => folded.push_str(" and "),
                c if c.is_alphanumeric() => folded.extend(c.to_lowercase()),
                _ => folded.push(' '),
            }
        }
        // The folding is what changed; the roles are stripped alike.
        super::without_roles(folded.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    #[test]
    fn the_fast_key_is_the_reference_key() {
        for text in [
            "The delegation of Côte d’Ivoire",
            "  Trinidad & Tobago  ",
            "&&&",
            "Ærø Øresund ﬁnance İstanbul ŁÓDŹ straße Đà Nẵng ı",
            "the the delegation of the Kenya delegation",
            "e\u{301}te\u{301} cafe\u{301}\u{327}",
            "Mr. President, I have the honour… “quotes” – dashes — 1,234.5 %",
            "日本国 العربية Ελλάδα Россия",
            "\t\nline\r\nbreaks\u{a0}nbsp\u{2003}em",
            "",
        ] {
            assert_eq!(normalize(text), reference(text), "{text:?}");
        }
    }

    fn check(input: &str, expected: &str) {
        assert_eq!(normalize(input), expected, "normalize({input:?})");
    }

    #[test]
    fn folds_case_accents_apostrophes_and_prefixes() {
        check("Türkiye", "turkiye");
        check("CÔTE D'IVOIRE", "cote divoire");
        check("Cote d\u{2019}Ivoire", "cote divoire");
        check("Cote dIvoire", "cote divoire");
        check("the Netherlands", "netherlands");
        check("The delegation of Egypt", "egypt");
        check("  Iran (Islamic Republic of) ", "iran islamic republic of");
        check("St. Lucia", "st lucia");
        check("Timor-Leste", "timor leste");
        check("the Kenya delegation", "kenya");
        check("São Tomé and Príncipe", "sao tome and principe");
        check("", "");
    }

    #[test]
    fn keeps_words_that_only_start_like_a_prefix() {
        check("Thessaloniki", "thessaloniki");
        check("theme", "theme");
    }
}

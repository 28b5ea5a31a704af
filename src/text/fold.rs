//! Folding words so that the spellings of one thing meet: case and accents, and British
//! and American spelling. The search analyzer, the theme tagger and the gazetteer's
//! name keys all fold through here, so a word folds the same way everywhere.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// The characters of `text` decomposed (NFKD) without their combining marks:
/// "Côte" → "Cote".
pub fn without_marks(text: &str) -> impl Iterator<Item = char> + '_ {
    text.nfkd().filter(|c| !is_combining_mark(*c))
}

/// Lower-cases and strips accents.
pub fn case_and_accents(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    without_marks(word).flat_map(char::to_lowercase).collect()
}

/// British spellings and their American forms, replaced at the start of a word
/// ("programmes" → "programs", "favourable" → "favorable").
pub const SPELLINGS: &[(&str, &str)] = &[
    ("programme", "program"),
    ("behaviour", "behavior"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("colour", "color"),
    ("neighbour", "neighbor"),
    ("endeavour", "endeavor"),
    ("harbour", "harbor"),
    ("rumour", "rumor"),
    ("vigour", "vigor"),
    ("armour", "armor"),
    ("saviour", "savior"),
    ("centre", "center"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("analyse", "analyze"),
    ("paralyse", "paralyze"),
    ("judgement", "judgment"),
    ("practise", "practice"),
    ("ageing", "aging"),
    ("modelling", "modeling"),
    ("travelling", "traveling"),
    ("cancelled", "canceled"),
    ("labelled", "labeled"),
    ("enrolment", "enrollment"),
    ("fulfilment", "fulfillment"),
];

/// The American form of a British spelling; "-ise" verbs and "-isation" nouns become
/// "-ize" / "-ization" ("organise", "prioritised", "operationalisation").
pub fn american(word: &str) -> String {
    // Every British form in the table starts with one of these letters.
    let first = word.as_bytes().first().copied().unwrap_or(b' ');
    if !matches!(
        first,
        b'p' | b'b'
            | b'f'
            | b'h'
            | b'l'
            | b'c'
            | b'n'
            | b'e'
            | b'r'
            | b'v'
            | b'a'
            | b's'
            | b'd'
            | b'o'
            | b'j'
            | b'm'
            | b't'
    ) && !word.ends_with("se")
        && !word.contains("is")
    {
        return word.to_string();
    }
    for (british, us) in SPELLINGS {
        if let Some(rest) = word.strip_prefix(british) {
            return format!("{us}{rest}");
        }
    }
    if word.chars().count() > 5 {
        for (british, us) in [
            ("isations", "izations"),
            ("isation", "ization"),
            ("ising", "izing"),
            ("ised", "ized"),
            ("ises", "izes"),
            ("ise", "ize"),
        ] {
            if let Some(stem) = word.strip_suffix(british) {
                return format!("{stem}{us}");
            }
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_british_spelling() {
        assert_eq!(case_and_accents("Côte"), "cote");
        assert_eq!(case_and_accents("PROGRAMME"), "programme");
        assert_eq!(american("programmes"), "programs");
        assert_eq!(american("operationalisation"), "operationalization");
        assert_eq!(american("wise"), "wise");
    }
}

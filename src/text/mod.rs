//! Plain-text structure shared by the parsers: lines and paragraphs with their byte
//! offsets and line numbers, so every statement can point back into its source; word
//! folding ([`fold`]); built-in patterns. The ground floor: it depends on nothing else
//! of the crate.

pub mod fold;

/// Compiles a built-in pattern in which a space matches any run of white space, line
/// breaks included: hard-wrapped text and text from a PDF break a phrase ("pointed
/// out", "hand over to my colleague") anywhere.
pub fn pattern(pattern: &str) -> regex::Regex {
    regex::Regex::new(&pattern.replace(' ', r"\s+")).expect("a valid built-in pattern")
}

/// A line of the source: its text (without the newline), byte offset and 1-based number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line<'a> {
    pub text: &'a str,
    pub start: usize,
    pub number: usize,
}

impl Line<'_> {
    /// The line without surrounding white space.
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }

    /// Whether the line holds only white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The lines of `text` (which uses "\n" line endings).
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, part) in text.split('\n').enumerate() {
        out.push(Line {
            text: part,
            start,
            number: i + 1,
        });
        start += part.len() + 1;
    }
    if text.ends_with('\n') {
        out.pop();
    }
    out
}

/// A run of non-blank lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph<'a> {
    pub lines: Vec<Line<'a>>,
    /// How many blank lines stood before it.
    pub blank_before: usize,
}

impl<'a> Paragraph<'a> {
    /// Byte offset of the first non-blank character.
    pub fn start(&self) -> usize {
        let first = &self.lines[0];
        first.start + (first.text.len() - first.text.trim_start().len())
    }

    /// Byte offset just past the last non-blank character.
    pub fn end(&self) -> usize {
        let last = self.lines[self.lines.len() - 1];
        last.start + last.text.trim_end().len()
    }

    /// 1-based number of the first line.
    pub fn line(&self) -> usize {
        self.lines[0].number
    }

    /// The paragraph's text: its lines trimmed and joined with "\n".
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.trimmed())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Whether the paragraph is a single line.
    pub fn is_single_line(&self) -> bool {
        self.lines.len() == 1
    }
}

/// Groups lines into paragraphs separated by blank lines.
pub fn paragraphs<'a>(lines: &[Line<'a>]) -> Vec<Paragraph<'a>> {
    let mut out = Vec::new();
    let mut current: Vec<Line<'a>> = Vec::new();
    let mut blanks = 0;
    let mut blank_before = 0;
    for line in lines {
        if line.is_blank() {
            if !current.is_empty() {
                out.push(Paragraph {
                    lines: std::mem::take(&mut current),
                    blank_before,
                });
                blanks = 0;
            }
            blanks += 1;
        } else {
            if current.is_empty() {
                blank_before = blanks;
            }
            current.push(*line);
        }
    }
    if !current.is_empty() {
        out.push(Paragraph {
            lines: current,
            blank_before,
        });
    }
    out
}

/// "2nd", "78th".
pub fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Counts the words of a text.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Reads an English number word or ordinal ("eighth", "second", "five", "10th").
pub fn number_word(word: &str) -> Option<i64> {
    const WORDS: [(&str, &str); 20] = [
        ("one", "first"),
        ("two", "second"),
        ("three", "third"),
        ("four", "fourth"),
        ("five", "fifth"),
        ("six", "sixth"),
        ("seven", "seventh"),
        ("eight", "eighth"),
        ("nine", "ninth"),
        ("ten", "tenth"),
        ("eleven", "eleventh"),
        ("twelve", "twelfth"),
        ("thirteen", "thirteenth"),
        ("fourteen", "fourteenth"),
        ("fifteen", "fifteenth"),
        ("sixteen", "sixteenth"),
        ("seventeen", "seventeenth"),
        ("eighteen", "eighteenth"),
        ("nineteen", "nineteenth"),
        ("twenty", "twentieth"),
    ];
    let w = word.trim().to_lowercase();
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return digits.parse().ok();
    }
    WORDS
        .iter()
        .position(|(cardinal, ordinal)| w == *cardinal || w == *ordinal)
        .map(|i| i as i64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_offsets_and_line_numbers() {
        let text = "Title\n\n\nFirst para\ncontinues\n\nSecond\n";
        let lines = lines(text);
        let paras = paragraphs(&lines);
        assert_eq!(paras.len(), 3);
        assert_eq!(paras[1].line(), 4);
        assert_eq!(paras[1].blank_before, 2);
        assert_eq!(
            &text[paras[1].start()..paras[1].end()],
            "First para\ncontinues"
        );
        assert_eq!(paras[2].text(), "Second");
    }

    #[test]
    fn number_words() {
        assert_eq!(number_word("eighth"), Some(8));
        assert_eq!(number_word("Second"), Some(2));
        assert_eq!(number_word("10th"), Some(10));
        assert_eq!(number_word("five"), Some(5));
        assert_eq!(number_word("many"), None);
    }
}

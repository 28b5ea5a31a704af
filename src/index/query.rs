//! The query language: words (all must match), `"phrases"`, `-exclusion`, `OR`,
//! `prefix*`, and field filters (`speaker:UK`, `group:NAM`, `region:`, `kind:`,
//! `session:`, `theme:`, `stance:`, `after:`, `before:`, `symbol:`, `document:`).
//!
//! Parsing gives a [`ParsedQuery`]: groups of alternatives, all groups required.
//! Mistakes a reader can guess (an unclosed quote, a dangling `OR`) are read leniently
//! and reported as notices; mistakes that change the meaning (an unknown field) are
//! errors that say where they are.

/// A part of a query.
#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    /// A word; `prefix` when written `word*`.
    Word { text: String, prefix: bool },
    /// A quoted phrase.
    Phrase(String),
    /// `field:value`.
    Filter { field: Field, value: String },
}

/// The filter fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Speaker,
    Group,
    Region,
    Kind,
    Session,
    Theme,
    Stance,
    After,
    Before,
    Symbol,
    Document,
}

impl Field {
    pub const ALL: [(&'static str, Field); 11] = [
        ("speaker", Field::Speaker),
        ("group", Field::Group),
        ("region", Field::Region),
        ("kind", Field::Kind),
        ("session", Field::Session),
        ("theme", Field::Theme),
        ("stance", Field::Stance),
        ("after", Field::After),
        ("before", Field::Before),
        ("symbol", Field::Symbol),
        ("document", Field::Document),
    ];

    /// The field named `name`, if any.
    pub fn parse(name: &str) -> Option<Field> {
        let name = name.to_lowercase();
        Field::ALL.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }

    pub fn name(self) -> &'static str {
        Field::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("?", |(n, _)| n)
    }
}

/// A clause with its sign.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub clause: Clause,
    pub negated: bool,
}

/// A parsed query: each group is a set of alternatives (`a OR b`); every group must
/// match.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedQuery {
    pub groups: Vec<Vec<Item>>,
    /// What was read leniently.
    pub notices: Vec<String>,
}

/// A query that cannot be read: what is wrong and where (1-based column).
#[derive(Debug, Clone, PartialEq)]
pub struct QueryError {
    pub column: usize,
    pub message: String,
}

/// Parses a query string.
pub fn parse(query: &str) -> Result<ParsedQuery, QueryError> {
    let chars: Vec<(usize, char)> = query.char_indices().collect();
    let column = |byte: usize| column(query, byte);
    let mut out = ParsedQuery::default();
    let mut pending_or = false;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // One token: up to white space, or a whole quoted phrase.
        let mut negated = false;
        let mut j = i;
        if matches!(c, '-' | '−') && chars.get(i + 1).is_some_and(|(_, n)| !n.is_whitespace()) {
            negated = true;
            j += 1;
        }
        let token_start = chars[j].0;
        let (clause, next) = if chars[j].1 == '"' {
            let (phrase, next) =
                read_phrase(query, &chars, j, &mut out.notices, column(chars[j].0));
            (Clause::Phrase(phrase), next)
        } else {
            let mut k = j;
            while k < chars.len() && !chars[k].1.is_whitespace() {
                if chars[k].1 == '"' && k > j && chars[k - 1].1 == ':' {
                    break;
                }
                k += 1;
            }
            let end = chars.get(k).map_or(query.len(), |(b, _)| *b);
            let word = &query[token_start..end];
            if word == "OR" && !negated {
                if out.groups.is_empty() || pending_or {
                    out.notices.push(format!(
                        "the OR at column {} has nothing before it and was ignored",
                        column(start)
                    ));
                } else {
                    pending_or = true;
                }
                i = k;
                continue;
            }
            match word.split_once(':') {
                Some((name, value))
                    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) =>
                {
                    let token = (token_start, k);
                    filter_clause(query, &chars, token, name, value, &mut out.notices)?
                }
                _ => (word_clause(word, || column(token_start))?, k),
            }
        };
        let item = Item { clause, negated };
        match (pending_or, out.groups.last_mut()) {
            (true, Some(group)) => group.push(item),
            _ => out.groups.push(vec![item]),
        }
        pending_or = false;
        i = next;
    }
    if pending_or {
        out.notices
            .push("the OR at the end has nothing after it and was ignored".into());
    }
    Ok(out)
}

/// The column (from 1, in characters) of a byte offset of the query.
fn column(query: &str, byte: usize) -> usize {
    query[..byte].chars().count() + 1
}

/// The `field:value` filter of the token `(first byte, index in chars after it)`; the
/// value may be a quoted phrase right after the colon. Returns the filter with the
/// index in chars after it.
fn filter_clause(
    query: &str,
    chars: &[(usize, char)],
    (start, k): (usize, usize),
    name: &str,
    value: &str,
    notices: &mut Vec<String>,
) -> Result<(Clause, usize), QueryError> {
    let Some(field) = Field::parse(name) else {
        let known: Vec<&str> = Field::ALL.iter().map(|(n, _)| *n).collect();
        return Err(QueryError {
            column: column(query, start),
            message: format!("unknown field \"{name}:\"; the fields are {}: (or quote the word to search for it)", known.join(":, ")),
        });
    };
    let (value, next) = if value.is_empty() && chars.get(k).is_some_and(|(_, c)| *c == '"') {
        read_phrase(query, chars, k, notices, column(query, chars[k].0))
    } else {
        (value.to_string(), k)
    };
    if value.trim().is_empty() {
        return Err(QueryError {
            column: column(query, start),
            message: format!("\"{name}:\" needs a value, e.g. {name}:{}", example(field)),
        });
    }
    Ok((Clause::Filter { field, value }, next))
}

/// A word, or a prefix (`word*`) of at least two letters; `column` says where it starts.
fn word_clause(word: &str, column: impl Fn() -> usize) -> Result<Clause, QueryError> {
    let (text, prefix) = match word.strip_suffix('*') {
        Some(stem) => (stem.to_string(), true),
        None => (word.to_string(), false),
    };
    if prefix && text.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return Err(QueryError {
            column: column(),
            message: "a prefix needs at least two letters before the *".into(),
        });
    }
    Ok(Clause::Word { text, prefix })
}

/// Reads a quoted phrase starting at `chars[at]` (the opening quote); an unclosed
/// quote runs to the end, with a notice.
fn read_phrase(
    query: &str,
    chars: &[(usize, char)],
    at: usize,
    notices: &mut Vec<String>,
    column: usize,
) -> (String, usize) {
    let open = chars[at].0 + 1;
    match chars[at + 1..].iter().position(|(_, c)| *c == '"') {
        Some(offset) => {
            let close = chars[at + 1 + offset].0;
            (query[open..close].to_string(), at + offset + 2)
        }
        None => {
            notices.push(format!(
                "the quote at column {column} was not closed; read as a phrase to the end"
            ));
            (query[open..].to_string(), chars.len())
        }
    }
}

fn example(field: Field) -> &'static str {
    match field {
        Field::Speaker => "\"Russian Federation\"",
        Field::Group => "NAM",
        Field::Region => "GRULAC",
        Field::Kind => "transcript",
        Field::Session => "2",
        Field::Theme => "poa",
        Field::Stance => "support",
        Field::After | Field::Before => "2024-05-01",
        Field::Symbol => "A/79/214",
        Field::Document => "12",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(t: &str) -> Item {
        Item {
            clause: Clause::Word {
                text: t.into(),
                prefix: false,
            },
            negated: false,
        }
    }

    #[test]
    fn words_phrases_or_and_negation() {
        let q = parse("capacity \"programme of action\" -funding a OR b").unwrap();
        assert_eq!(q.groups.len(), 4);
        assert_eq!(q.groups[0], vec![word("capacity")]);
        assert_eq!(
            q.groups[1][0].clause,
            Clause::Phrase("programme of action".into())
        );
        assert!(q.groups[2][0].negated);
        assert_eq!(q.groups[3], vec![word("a"), word("b")]);
        assert!(q.notices.is_empty());
    }

    #[test]
    fn filters_and_prefixes() {
        let q = parse("speaker:UK group:\"African Group\" secur*").unwrap();
        assert_eq!(
            q.groups[0][0].clause,
            Clause::Filter {
                field: Field::Speaker,
                value: "UK".into()
            }
        );
        assert_eq!(
            q.groups[1][0].clause,
            Clause::Filter {
                field: Field::Group,
                value: "African Group".into()
            }
        );
        assert_eq!(
            q.groups[2][0].clause,
            Clause::Word {
                text: "secur".into(),
                prefix: true
            }
        );
    }

    #[test]
    fn lenient_readings_say_what_they_did() {
        let q = parse("\"programme of action").unwrap();
        assert_eq!(
            q.groups[0][0].clause,
            Clause::Phrase("programme of action".into())
        );
        assert!(q.notices[0].contains("not closed"));
        let q = parse("funding OR").unwrap();
        assert_eq!(q.groups.len(), 1);
        assert!(q.notices[0].contains("OR at the end"));
        let q = parse("OR funding").unwrap();
        assert!(q.notices[0].contains("nothing before it"));
    }

    #[test]
    fn errors_say_where() {
        let e = parse("funding colour:red").unwrap_err();
        assert_eq!(e.column, 9);
        assert!(e.message.contains("unknown field \"colour:\""));
        assert!(parse("speaker:")
            .unwrap_err()
            .message
            .contains("needs a value"));
        assert!(parse("a*").unwrap_err().message.contains("two letters"));
    }
}

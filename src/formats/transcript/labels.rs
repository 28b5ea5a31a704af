//! Speaker labels in unofficial transcripts: a label on a line of its own ("United
//! Kingdom", "Egypt (on behalf of the African Group)", "H.E. Ambassador X (Kenya)") or
//! opening the speech ("France: Thank you, Chair …"), read the same way.

use std::sync::LazyLock;

use regex::Regex;

use crate::formats::turn::speaking_kinds;
use crate::gazetteer::{ActorKind, Resolution, Resolver};
use crate::text::{self, Paragraph};

fn re(pattern: &str) -> Regex {
    text::pattern(pattern)
}

/// An honorific with a name: a label for a person ("Ambassador Gafoor").
static PERSON_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:H\.?\s?E\.?\s+)?(?:Ambassador|Amb\.|Mr\.?|Ms\.?|Mrs\.?|Madam|Dr\.?|Professor|Prof\.?|Minister|Excellency)\s+\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,3}$",
    )
});
/// A label with a qualifier: "Egypt (on behalf of the African Group)", "H.E. Ambassador
/// X (Egypt)", "France, on behalf of the European Union".
static QUALIFIED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(.+?)\s*(?:\(([^()]{2,80})\)|,\s*((?i:speaking\s+)?(?i:on\s+behalf\s+of)\s+.{2,80}))$")
});
/// "on behalf of the African Group" → "African Group".
static ON_BEHALF_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:speaking\s+)?on\s+behalf\s+of\s+(.+)$"));

/// A label line: the speaker it names, or the presiding officer.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    /// Resolved actor name, if the label names one.
    pub actor: Option<String>,
    pub kind: Option<ActorKind>,
    /// The group the label says the speaker speaks for: "Egypt (on behalf of the
    /// African Group)".
    pub on_behalf: Option<String>,
    /// The person the label names beside the actor: "H.E. Ambassador X (Egypt)".
    pub person: Option<String>,
}

/// Reads `para` as a speaker label, if it is one: a single short line without
/// sentence punctuation that names an actor, or names a person with an honorific, or
/// (with `allow_unknown`) is a short run of capitalised words.
pub fn label(para: &Paragraph, resolver: &Resolver, allow_unknown: bool) -> Option<Label> {
    if !para.is_single_line() {
        return None;
    }
    let raw = para.lines[0].trimmed();
    let text = raw.strip_suffix(':').unwrap_or(raw).trim();
    let words = text.split_whitespace().count();
    // A qualified label ("… (on behalf of …)") may be longer.
    let qualified = QUALIFIED_LABEL.captures(text);
    let (max_chars, max_words) = if qualified.is_some() {
        (110, 18)
    } else {
        (60, 8)
    };
    if text.is_empty() || text.chars().count() > max_chars || words > max_words {
        return None;
    }
    if text.ends_with(['.', '?', '!', ',', ';']) && !text.ends_with("Amb.") {
        return None;
    }
    if let Some((name, kind)) = known(text, resolver) {
        return Some(Label {
            text: text.to_string(),
            actor: Some(name),
            kind: Some(kind),
            on_behalf: None,
            person: None,
        });
    }
    if let Some(found) = qualified.and_then(|c| qualified_label(&c, text, resolver)) {
        return Some(found);
    }
    let capitalised = text.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                w,
                "of" | "and" | "the" | "for" | "de" | "du" | "des" | "la" | "le"
            )
    });
    let looks_named = PERSON_LABEL.is_match(text) || (allow_unknown && raw.ends_with(':'));
    (capitalised && (looks_named || (allow_unknown && words <= 6))).then(|| Label {
        text: text.to_string(),
        actor: None,
        kind: None,
        on_behalf: None,
        person: None,
    })
}

/// The name a resolver knows `name` by, and its kind.
fn known(name: &str, resolver: &Resolver) -> Option<(String, ActorKind)> {
    match resolver.find(name) {
        Resolution::Known { name, kind, .. } => Some((name, kind)),
        Resolution::Unknown { .. } => None,
    }
}

/// Reads a label with a qualifier (`c`, captures of [`QUALIFIED_LABEL`]): an actor
/// and the group it speaks for, or a person and the actor they speak for.
fn qualified_label(c: &regex::Captures, text: &str, resolver: &Resolver) -> Option<Label> {
    let head = c[1].trim();
    let inner = c.get(2).or(c.get(3)).map_or("", |m| m.as_str().trim());
    let behalf = ON_BEHALF_LABEL
        .captures(inner)
        .and_then(|b| known(b[1].trim(), resolver))
        .map(|(name, _)| name);
    // "Egypt (on behalf of the African Group)", "France, on behalf of the EU".
    if let Some((name, kind)) = known(head, resolver) {
        return Some(Label {
            text: text.to_string(),
            actor: Some(name),
            kind: Some(kind),
            on_behalf: behalf,
            person: None,
        });
    }
    // "H.E. Ambassador X (Egypt)": a person, and the actor they speak for.
    if let Some((name, kind)) = known(inner, resolver).filter(|(_, k)| speaking_kinds(*k)) {
        if PERSON_LABEL.is_match(head) {
            return Some(Label {
                text: text.to_string(),
                actor: Some(name),
                kind: Some(kind),
                on_behalf: None,
                person: Some(head.to_string()),
            });
        }
    }
    None
}

/// Splits paragraphs that open with their speaker's label on the same line ("France:
/// Thank you, Chair. …", "The Chair (Mr. Gafoor): …") into the label, as a line of its
/// own, and the speech: the layout the rest of the parser reads. A label is an actor
/// the gazetteer knows (the Chair among them) or a person with an honorific.
pub(super) fn split_inline_labels<'a>(
    paras: Vec<Paragraph<'a>>,
    resolver: &Resolver,
) -> Vec<Paragraph<'a>> {
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        let first = p.lines[0];
        let t = first.text;
        // The label's byte range in the line, and where the speech starts.
        let split = t.find(':').and_then(|colon| {
            let rest = t[colon + 1..].trim();
            if rest.is_empty() || rest.starts_with("//") || colon > 90 {
                return None;
            }
            let from = t.len() - t.trim_start().len();
            let to = colon - (t[from..colon].len() - t[from..colon].trim_end().len());
            // The label as it would stand on its own line, read the same way.
            let alone = Paragraph {
                lines: vec![text::Line {
                    text: &t[from..to],
                    start: first.start + from,
                    number: first.number,
                }],
                blank_before: 0,
            };
            let known = label(&alone, resolver, false)
                .is_some_and(|l| l.actor.is_some() || PERSON_LABEL.is_match(&l.text));
            known.then_some((from, to, colon))
        });
        match split {
            Some((from, to, colon)) => {
                out.push(Paragraph {
                    lines: vec![text::Line {
                        text: &t[from..to],
                        start: first.start + from,
                        number: first.number,
                    }],
                    blank_before: p.blank_before,
                });
                let mut lines = vec![text::Line {
                    text: &t[colon + 1..],
                    start: first.start + colon + 1,
                    number: first.number,
                }];
                lines.extend_from_slice(&p.lines[1..]);
                out.push(Paragraph {
                    lines,
                    blank_before: 0,
                });
            }
            None => out.push(p),
        }
    }
    out
}

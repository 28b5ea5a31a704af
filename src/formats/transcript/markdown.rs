//! Labels that a machine assigned in markdown transcripts: `**Singapore |
//! Representative | (Small States Group)**`, `**IAHWG | Brian Wallace | Co-Chair**`,
//! `**Iran, Islamic Republic of | Representative**`, `**Martin Kimani | President &
//! CEO**`. They are read into [`LabelHint`]s for the turn builder, which weighs them
//! against what the words do.

use std::sync::LazyLock;

use regex::Regex;

use crate::attribution::turns::LabelHint;
use crate::gazetteer::{ActorKind, Mention, Resolution, Resolver};
use crate::text::{self, Paragraph};

/// A label line: bold, with fields separated by "|".
static LABEL: LazyLock<Regex> = LazyLock::new(|| text::pattern(r"^\*\*([^*\n]{2,160})\*\*$"));
/// A role that presides.
static OFFICER: LazyLock<Regex> = LazyLock::new(|| {
    text::pattern(
        r"(?i)^(?:co[-\x20]?chair(?:person|man|woman)?s?|chair(?:person|man|woman)?|vice[-\x20]?chair|moderator|(?:co-)?facilitator|presiding officer)$",
    )
});
/// A role or title that names no one.
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    text::pattern(
        r"(?i)^(?:representative|(?:deputy )?permanent representative|pr|dpr|ambassador|delegate|minister|head of delegation|observer|usg.*|asg.*|.*(?:ceo|director|president|secretary|officer|chief|head).*)$",
    )
});

/// The label a paragraph is, if it is one.
pub fn label(para: &Paragraph, resolver: &Resolver) -> Option<LabelHint> {
    if !para.is_single_line() {
        return None;
    }
    let c = LABEL.captures(para.lines[0].trimmed())?;
    let fields: Vec<&str> = c[1]
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let (group, fields): (Option<&str>, Vec<&str>) = match fields.split_last() {
        Some((last, rest)) if last.starts_with('(') && last.ends_with(')') && !rest.is_empty() => {
            (Some(&last[1..last.len() - 1]), rest.to_vec())
        }
        _ => (None, fields),
    };
    let officer = fields.iter().skip(1).any(|f| OFFICER.is_match(f));
    let known = |name: &str| -> Option<Mention> {
        let name = reorder(name);
        match resolver.find(&name.replace(" + ", " and ")) {
            Resolution::Known {
                actor_id,
                name,
                kind,
                ..
            } if name != "Chair" => Some(Mention {
                start: 0,
                end: 0,
                actor_id,
                kind,
                name,
            }),
            _ => None,
        }
    };
    // The actor: the first field, else a role the last field names ("GA | Annalena
    // Baerbock | PGA").
    let actor = fields.first().and_then(|f| known(f)).or_else(|| {
        fields
            .last()
            .filter(|_| fields.len() >= 2)
            .and_then(|f| known(f))
            .filter(|m| m.kind == ActorKind::Role)
    });
    let person = match fields.as_slice() {
        [_, p, ..] if !TITLE.is_match(p) && !OFFICER.is_match(p) => Some(p.to_string()),
        [p, ..] if actor.is_none() && !officer => Some(p.to_string()),
        _ => None,
    };
    let on_behalf = group.and_then(known).map(|m| m.name);
    Some(LabelHint {
        text: c[1].trim().to_string(),
        actor: if officer { None } else { actor },
        officer,
        on_behalf,
        person,
    })
}

/// "Iran, Islamic Republic of" → "Islamic Republic of Iran"; "Korea, Republic of" →
/// "Republic of Korea": the ISO list's order back to the spoken one.
fn reorder(name: &str) -> String {
    match name.split_once(", ") {
        Some((head, tail)) if tail.ends_with(" of") || tail.ends_with(" the") => {
            format!("{tail} {head}")
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_order_reads_as_spoken() {
        assert_eq!(
            reorder("Iran, Islamic Republic of"),
            "Islamic Republic of Iran"
        );
        assert_eq!(reorder("Korea, Republic of"), "Republic of Korea");
        assert_eq!(reorder("Bolivia"), "Bolivia");
    }
}

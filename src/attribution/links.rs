//! Links between statements and groups: "on behalf of the Non-Aligned Movement",
//! "aligns itself with the statement of the European Union".

use std::sync::LazyLock;

use regex::Regex;

use crate::gazetteer::Mention;

/// The groups a statement speaks for or aligns with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    pub on_behalf_of: Option<Mention>,
    pub aligned_with: Option<Mention>,
    /// A joint statement's other members, when the group is known only by them ("on
    /// behalf of Australia, Belgium, Bulgaria and Canada").
    pub co_speakers: Vec<Mention>,
}

/// How far into a statement the links are looked for: they open a statement.
const OPENING: usize = 1200;

static ALIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:align(?:s|ed|ing)?|associat(?:e|es|ed|ing)|subscribes?|supports?|endorses?|concurs? with)\b")
        .expect("a valid built-in pattern")
});
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bon behalf of\s+(?:the\s+)?$").expect("a valid built-in pattern")
});
static STATEMENT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:statements?|remarks|intervention|position)\s+(?:\w+\s+){0,3}?by\b")
        .expect("a valid built-in pattern")
});
static WITH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:with|to)\b").expect("a valid built-in pattern"));
static STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:statements?|remarks|intervention|position)\b")
        .expect("a valid built-in pattern")
});

/// Finds the links in a statement's opening. `mentions` are the actors named in
/// `text`, in order; `speaker` is the statement's own speaker (it does not align with
/// itself; a group does speak "on behalf of the European Union and its member states").
pub fn find_links(text: &str, mentions: &[Mention], speaker: Option<i64>) -> Links {
    let mut links = Links::default();
    // Where the sentence that set `aligned_with` starts: a later name in the same
    // sentence may refine it ("the statement delivered by Indonesia on behalf of the
    // Non-Aligned Movement" aligns with the Movement, not with Indonesia).
    let mut aligned_sentence = None;
    let opening = floor_char_boundary(text, OPENING);
    for m in mentions.iter().filter(|m| m.end <= opening) {
        let from = text[..m.start].rfind(['.', '?', '!']).map_or(0, |i| i + 1);
        let to = text[m.end..]
            .find(['.', '?', '!'])
            .map_or(text.len(), |i| m.end + i);
        let before = &text[from..m.start];
        // The group comes after the verb and its "with" / "to": "the Philippines aligns
        // itself with …" aligns with what follows, not with the Philippines.
        let aligning = ALIGN.find_iter(before).last().is_some_and(|verb| {
            let between = &before[verb.end()..];
            let direct = verb.as_str().to_lowercase().starts_with("support")
                || verb.as_str().to_lowercase().starts_with("endorse");
            (direct || WITH.is_match(between)) && Some(m.actor_id) != speaker
        }) && STATEMENT.is_match(&text[from..to]);
        // "the statement delivered by Tonga on behalf of the Pacific Islands Forum"
        // describes another's statement: the speaker aligns, it does not speak for.
        // … or names another delegation first: "the delegation of Egypt has also said
        // on behalf of the African Group".
        let other_first = mentions.iter().any(|o| {
            o.start >= from
                && o.end <= m.start
                && Some(o.actor_id) != speaker
                && o.kind == crate::ActorKind::State
        });
        let describes_other = STATEMENT_BY.is_match(before) || other_first;
        let behalf = ON_BEHALF.is_match(before) && !describes_other;
        let aligning = aligning || (ON_BEHALF.is_match(before) && describes_other);
        let names_group = ON_BEHALF.is_match(before);
        if aligning
            && (links.aligned_with.is_none() || (names_group && aligned_sentence == Some(from)))
        {
            links.aligned_with = Some(m.clone());
            aligned_sentence = Some(from);
        } else if behalf && !aligning && links.on_behalf_of.is_none() {
            links.on_behalf_of = Some(m.clone());
        }
    }
    links.co_speakers = joint_members(text, mentions, speaker);
    // A State speaking "on behalf of Belgium" delivers a joint statement: Belgium is a
    // co-speaker, not a group.
    if let Some(m) = links
        .on_behalf_of
        .take_if(|m| m.kind == crate::ActorKind::State && Some(m.actor_id) != speaker)
    {
        if !links.co_speakers.iter().any(|c| c.actor_id == m.actor_id) {
            links.co_speakers.insert(0, m);
        }
    }
    links
}

/// "on behalf of" (or "jointly with") followed by a list of States.
static JOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:on behalf of|jointly with|together with)\b")
        .expect("a valid built-in pattern")
});
/// What may stand between two members of a list.
static MEMBER_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,;:]*(?:and\s+|as well as\s+|&\s+)?(?:the\s+)?(?:delegations?\s+of\s+)?$")
        .expect("a valid built-in pattern")
});

/// The members of a joint statement named in its opening: at least two States listed
/// one after another after "on behalf of"; the speaker itself left out.
fn joint_members(text: &str, mentions: &[Mention], speaker: Option<i64>) -> Vec<Mention> {
    let opening = floor_char_boundary(text, OPENING);
    for j in JOINT.find_iter(&text[..opening]) {
        let mut list: Vec<&Mention> = Vec::new();
        let mut at = j.end();
        for m in mentions.iter().filter(|m| m.start >= j.end()) {
            let gap = &text[at..m.start];
            // The list may open after a few words ("a group of like-minded States:").
            let fits = if list.is_empty() {
                gap.len() <= 80 && !gap.contains(['.', '?', '!'])
            } else {
                MEMBER_GAP.is_match(gap)
            };
            if !fits || m.kind != crate::ActorKind::State {
                break;
            }
            list.push(m);
            at = m.end;
        }
        if list.len() >= 2 {
            let mut members: Vec<Mention> = Vec::new();
            for m in list {
                if Some(m.actor_id) != speaker && !members.iter().any(|x| x.actor_id == m.actor_id)
                {
                    members.push(m.clone());
                }
            }
            return members;
        }
    }
    Vec::new()
}

/// The largest char boundary at or below `index`.
fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut i = index.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ActorKind;

    fn mentions(text: &str, names: &[&str]) -> Vec<Mention> {
        let mut found: Vec<Mention> = names
            .iter()
            .enumerate()
            .flat_map(|(id, name)| {
                text.match_indices(name).map(move |(start, _)| Mention {
                    start,
                    end: start + name.len(),
                    actor_id: id as i64,
                    kind: ActorKind::Group,
                    name: name.to_string(),
                })
            })
            .collect();
        found.sort_by_key(|m| m.start);
        found
    }

    fn check(text: &str, names: &[&str], behalf: Option<&str>, aligned: Option<&str>) {
        let links = find_links(text, &mentions(text, names), None);
        assert_eq!(
            links.on_behalf_of.map(|m| m.name),
            behalf.map(String::from),
            "{text}"
        );
        assert_eq!(
            links.aligned_with.map(|m| m.name),
            aligned.map(String::from),
            "{text}"
        );
    }

    #[test]
    fn on_behalf_of_a_group() {
        check(
            "Thank you, Chair. I have the honour to speak on behalf of the African Group.",
            &["African Group"],
            Some("African Group"),
            None,
        );
    }

    #[test]
    fn aligning_with_a_statement() {
        check(
            "Thank you. My delegation aligns itself with the statement of the European Union and adds remarks.",
            &["European Union"],
            None,
            Some("European Union"),
        );
        check(
            "Chair, Nepal aligns itself with the statement delivered by Indonesia on behalf of the Non-Aligned Movement.",
            &["Nepal", "Indonesia", "Non-Aligned Movement"],
            None,
            Some("Non-Aligned Movement"),
        );
        check(
            "We support Indonesia's statement on behalf of the Non-Aligned Movement.",
            &["Indonesia", "Non-Aligned Movement"],
            None,
            Some("Non-Aligned Movement"),
        );
    }

    #[test]
    fn plain_mentions_are_not_links() {
        check(
            "We thank the European Union for its support to our programmes.",
            &["European Union"],
            None,
            None,
        );
    }

    #[test]
    fn a_joint_statement_keeps_its_members() {
        let text = "Thank you, Chair. I have the honour to speak on behalf of Australia, Belgium, Bulgaria and Canada, and my own country Fiji. Fiji also aligns with the statement of Samoa.";
        let names = [
            "Australia",
            "Belgium",
            "Bulgaria",
            "Canada",
            "Fiji",
            "Samoa",
        ];
        let mentions: Vec<Mention> = mentions(text, &names)
            .into_iter()
            .map(|m| Mention {
                kind: ActorKind::State,
                ..m
            })
            .collect();
        let fiji = mentions
            .iter()
            .find(|m| m.name == "Fiji")
            .map(|m| m.actor_id);
        let links = find_links(text, &mentions, fiji);
        let members: Vec<&str> = links.co_speakers.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(members, ["Australia", "Belgium", "Bulgaria", "Canada"]);
        assert_eq!(links.on_behalf_of, None);
        // A State speaking "on behalf of" another State alone: a co-speaker too.
        let text = "I deliver this explanation of vote on behalf of Belgium.";
        let mentions: Vec<Mention> = mentions_of(text, "Belgium");
        let links = find_links(text, &mentions, None);
        assert_eq!(links.co_speakers.len(), 1);
        assert_eq!(links.on_behalf_of, None);
    }

    fn mentions_of(text: &str, name: &str) -> Vec<Mention> {
        let start = text.find(name).unwrap();
        vec![Mention {
            start,
            end: start + name.len(),
            actor_id: 7,
            kind: ActorKind::State,
            name: name.to_string(),
        }]
    }
}

//! Who speaks in each paragraph of an official UN document: the paper's author or
//! submitters throughout; else, in a summary record that reports speech in the third
//! person, the organisation of the person reported ("The Director-General of UNESCO,
//! Irina Bokova, indicated …" → UNESCO; a later "Ms. Bokova noted …" → UNESCO again).

use std::sync::LazyLock;

use regex::Regex;

use super::header::Header;
use super::paragraphs::Para;
use super::{re, MARKDOWN_LINK};
use crate::attribution::{Method, SpeakerGuess};
use crate::formats::document::ParsedStatement;
use crate::formats::transcript::CHAIR;
use crate::gazetteer::{names, ActorKind, Resolver};

/// Verbs that report speech in the third person.
static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:noted|indicated|stated|said|stressed|emphasi[sz]ed|underlined|underscored|recalled|observed|pointed out|highlighted|welcomed|expressed|outlined|suggested|proposed|agreed|added|explained|informed|introduced|thanked|reported|concluded|remarked|echoed|shared|called|urged|cautioned|affirmed|reiterated|acknowledged|mentioned|began|opened|summari[sz]ed|endorsed|raised|recogni[sz]ed|requested|recommended|took note|adopted|briefed|presented|described|argued|warned|commended|invited|asked|considered|concurred|maintained|believed|felt|responded|replied|confirmed|announced|spoke|welcomed|appreciated|drew attention|referred)\b",
    )
});
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:He|She|They)\b"));
static COLLECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:the board|board members|members of the board|executive heads|participants|members|the committee)\b",
    )
});
/// A person's name set off by commas, or with an honorific.
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b(?:Mr|Ms|Mrs|Dr)\.?\s+(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)?))|(?:(?:^|,\s)(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,2}),)",
    )
});

/// The paragraphs as statements, each with its speaker.
pub(super) fn statements(
    paras: &[Para],
    header: &Header,
    resolver: &Resolver,
) -> Vec<ParsedStatement> {
    let mut reported = Reported {
        issuing_body: issuing_body(paras, resolver),
        people: Vec::new(),
        previous: None,
        previous_section: None,
    };
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        let text = MARKDOWN_LINK
            .replace_all(&p.lines.join("\n"), "$1")
            .into_owned();
        let speaker = match header.author {
            Some(a) => {
                let name = if a == "Secretary-General" {
                    "Secretariat"
                } else {
                    a
                };
                SpeakerGuess::new(name, Method::Document, 0.9)
            }
            None if !header.submitted_by.is_empty() => {
                SpeakerGuess::new(header.submitted_by[0].clone(), Method::Document, 0.9)
            }
            None => reported.speaker(p, &text, resolver),
        };
        reported.previous = speaker.name.clone();
        reported.previous_section = p.section.clone();
        out.push(ParsedStatement {
            speaker,
            on_behalf_of: header.submitted_for.clone(),
            aligned_with: None,
            agenda_item: None,
            section: p.section.clone(),
            number: (!p.number.is_empty()).then(|| p.number.clone()),
            text,
            start: p.start,
            end: p.end,
            line: p.line,
            ..ParsedStatement::default()
        });
    }
    out
}

/// What a summary record has said so far of who speaks.
struct Reported {
    /// The body that issued the document.
    issuing_body: Option<String>,
    /// People introduced with their organisation, latest first.
    people: Vec<(String, String)>,
    /// The speaker of the paragraph before, and its section.
    previous: Option<String>,
    previous_section: Option<String>,
}

impl Reported {
    /// Who speaks in a paragraph of a summary record: the one it reports speaking;
    /// else the one before in the same section; else the issuing body.
    fn speaker(&mut self, p: &Para, text: &str, resolver: &Resolver) -> SpeakerGuess {
        if self.previous_section != p.section {
            self.previous = None;
        }
        let reported = reported_speaker(
            text,
            resolver,
            &mut self.people,
            self.issuing_body.as_deref(),
        );
        match (reported, &self.previous) {
            (Some(name), _) => SpeakerGuess::new(name, Method::InText, 0.8),
            (None, Some(prev)) => SpeakerGuess::new(prev.clone(), Method::InText, 0.6),
            (None, None) => match &self.issuing_body {
                Some(body) => SpeakerGuess::new(body.clone(), Method::Document, 0.5),
                None => SpeakerGuess {
                    method: Some(Method::Unknown),
                    ..SpeakerGuess::default()
                },
            },
        }
    }
}

/// Splits text into sentences at ". ", but not after an honorific or abbreviation
/// ("Mr. Touré noted" is one sentence).
fn sentences(text: &str) -> Vec<&str> {
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Ms", "Mrs", "Dr", "St", "No", "Prof", "Amb", "H.E", "e.g", "i.e", "para", "paras",
        "Vol",
    ];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        let word = text[start..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        if ABBREVIATIONS.contains(&word)
            || (word.len() == 1 && word.chars().all(char::is_uppercase))
        {
            continue;
        }
        out.push(&text[start..i + 2]);
        start = i + 2;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The body that issued the document: the first organisation named in its first
/// paragraph (a summary of conclusions of the CEB names the CEB).
fn issuing_body(paras: &[Para], resolver: &Resolver) -> Option<String> {
    let first = paras.first()?.lines.join(" ");
    resolver
        .mentions(&first, |k| {
            matches!(k, ActorKind::Organisation | ActorKind::Group)
        })
        .into_iter()
        .map(|m| m.name)
        .next()
}

/// Who a paragraph reports as speaking: the organisation of the subject of its first
/// reporting verb ("the Secretary-General of ITU, Hamadoun Touré, noted" → ITU).
/// People introduced with their organisation are remembered in `people`, so "Mr.
/// Touré noted" later resolves too.
fn reported_speaker(
    text: &str,
    resolver: &Resolver,
    people: &mut Vec<(String, String)>,
    body: Option<&str>,
) -> Option<String> {
    let text =
        text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c.is_whitespace());
    for sentence in sentences(text).into_iter().take(4) {
        let Some(verb) = REPORTING.find(sentence) else {
            continue;
        };
        let subject = &sentence[..verb.start()];
        if subject.chars().count() > 260 {
            continue;
        }
        if PRONOUN.is_match(subject) {
            return None;
        }
        // Candidates: organisations and roles named in the subject, and people.
        let mut candidates = named_actors(subject, resolver);
        candidates.extend(named_people(subject, resolver, people));
        if let Some((_, name)) = candidates.into_iter().max_by_key(|(end, _)| *end) {
            return Some(name);
        }
        if COLLECTIVE.is_match(subject) {
            return body.map(str::to_string);
        }
    }
    None
}

/// The organisations, roles, groups and States a sentence's subject names, each with
/// where its name ends.
fn named_actors(subject: &str, resolver: &Resolver) -> Vec<(usize, String)> {
    resolver
        .mentions(subject, |k| {
            matches!(
                k,
                ActorKind::Organisation | ActorKind::Role | ActorKind::Group | ActorKind::State
            )
        })
        .into_iter()
        // "the Chair of the Committee" is not the meeting's presiding officer.
        .filter(|m| m.name != CHAIR)
        .map(|m| (m.end, m.name))
        .collect()
}

/// The organisations of the people a sentence's subject names, each with where the
/// person's name ends. A person introduced beside an organisation is remembered in
/// `people`.
fn named_people(
    subject: &str,
    resolver: &Resolver,
    people: &mut Vec<(String, String)>,
) -> Vec<(usize, String)> {
    let mut candidates = Vec::new();
    let orgs: Vec<(usize, usize, String)> = resolver
        .mentions(subject, |k| k == ActorKind::Organisation)
        .into_iter()
        .map(|m| (m.start, m.end, m.name))
        .collect();
    for c in PERSON.captures_iter(subject) {
        let Some(name) = c.get(1).or_else(|| c.get(2)) else {
            continue;
        };
        let person = name.as_str();
        if resolver
            .mentions(person, |_| true)
            .iter()
            .any(|m| m.end - m.start == person.len())
        {
            continue;
        }
        // A full name set next to an organisation introduces the person ("the
        // Secretary-General of ITU, Hamadoun Touré," / "Mukhisa Kituyi,
        // Secretary-General of UNCTAD,"); "Mr. Touré" alone only refers back.
        let full_name = person.split_whitespace().count() >= 2;
        // An organisation whose name overlaps the person's ("Mr. World Health
        // Organization") is not beside it.
        let nearest = orgs
            .iter()
            .filter_map(|(s, e, org)| {
                let gap = if *s >= name.end() {
                    subject.get(name.end()..*s)
                } else {
                    subject.get(*e..name.start())
                };
                gap.map(|gap| (gap.chars().count(), org))
            })
            .filter(|(gap, _)| *gap <= 60)
            .min_by_key(|(gap, _)| *gap);
        if let (true, Some((_, org))) = (full_name, nearest) {
            // The latest introduction wins: the same person may chair one body
            // in one section and speak for their own organisation in another.
            people.retain(|(p, _)| p != person);
            people.insert(0, (person.to_string(), org.clone()));
        }
        let surname = person.split_whitespace().last().unwrap_or(person);
        if let Some((_, org)) = people.iter().find(|(p, _)| {
            p == person
                || names::normalize(p.split_whitespace().last().unwrap_or(p))
                    == names::normalize(surname)
        }) {
            candidates.push((name.end(), org.clone()));
        }
    }
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerFile;

    fn resolver() -> Resolver {
        let file = GazetteerFile::builtin().expect("the shipped gazetteer");
        file.resolver()
    }

    #[test]
    fn named_people_overlapping_an_organisation_do_not_panic() {
        // Found forcing General Debate speeches through the UN document parser: the
        // person's name began inside an organisation's, which panicked "begin > end".
        let resolver = resolver();
        let mut people = Vec::new();
        let found = named_people("Mr. World Health Organization", &resolver, &mut people);
        assert_eq!(found, Vec::new());
        // A person beside an organisation is still introduced by it.
        let found = named_people(
            "The Secretary-General of the World Health Organization, Tedros Ghebreyesus,",
            &resolver,
            &mut people,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "World Health Organization");
    }
}

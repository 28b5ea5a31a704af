//! Verbatim records of UN meetings (`A/78/PV.6`, `A/C.1/78/PV.3`, `S/PV.9999`): the
//! official record of what was said, each speech opening with its speaker's label —
//! "The President:", "Mr. Lavrov (Russian Federation) (spoke in Russian):",
//! "President Macron (spoke in French):". A label without a country is resolved
//! through the person: the record introduces heads of State ("Address by Mr. Emmanuel
//! Macron, President of the French Republic") and names delegates with their country
//! ("Mr. Lavrov (Russian Federation)") before they speak again.
//!
//! Paragraphs without a label continue the speech before them; the record's own
//! narration ("The meeting rose at 1 p.m.", "… was escorted from the Hall") ends it
//! and is no statement.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use super::document::{ParsedDocument, SourceType};
use super::furniture::is_page_furniture;
use super::turn::Turn;
use super::ParseError;
use crate::attribution::{Method, SpeakerGuess};
use crate::gazetteer::{ActorKind, Resolver};
use crate::text::{self, ordinal, Line};

fn re(pattern: &str) -> Regex {
    text::pattern(pattern)
}

/// Titles and honorifics a speaker's label starts with.
const TITLES: &str = r"Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|President|Vice-President|Prime Minister|Deputy Prime Minister|Chancellor|Federal Chancellor|King|Queen|Emir|Amir|Sheikh|Sheikha|Prince|Princess|Crown Prince|Grand Duke|Sultan|Archbishop|Cardinal|Monsignor|Minister|Foreign Minister|Captain|General|Ambassador";

/// "The President:", "Mr. Lavrov (Russian Federation) (spoke in Russian): We …".
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<who>The\s+(?:Acting\s+)?(?:President|Chair|Chairperson|Chairman|Co-Chair|Vice-Chair|Secretary-General|Deputy Secretary-General)|(?:{TITLES})\.?\s+\p{{Lu}}[\p{{L}}.'’\- ]{{0,60}}?)(?P<parens>(?:\s*\([^()]{{1,80}}\))*)\s*:(?:\s+(?P<rest>\S.*))?$"
    ))
});
static PAREN: LazyLock<Regex> = LazyLock::new(|| re(r"\(([^()]{1,80})\)"));
/// Parentheses that say how, not who: "(spoke in French)", "(interpretation from
/// Arabic)".
static HOW: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:spoke in|interpretation from|in)\b"));
/// The record's own narration between speeches.
static NARRATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the meeting (?:was called to order|rose|was suspended|resumed|was resumed)|.{0,200}\bwas escorted (?:into|from)\b|address by\b|statement by\b|agenda item\b|general debate\b|a recorded vote was taken|in the absence of the president|this record contains|corrections (?:should|will) be|.{0,120}\btook the chair\b|.{0,200}\bwas adopted\.?$)",
    )
});
/// "Address by Mr. Emmanuel Macron, President of the French Republic".
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:address|statement) by\s+(?:(?:his|her) (?:excellency|majesty|highness)\s+)?(.+)$")
});
/// A symbol of a verbatim record, and what it says of the meeting.
static PV_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(A/C\.1/(\d{2,3})/PV\.(\d{1,4})|A/(\d{2,3})/PV\.(\d{1,4})|S/PV\.(\d{1,5}))\b")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\b"));

/// Whether `text` is a verbatim record: a record symbol at its top and speeches that
/// open with labels.
pub fn is_verbatim(text: &str) -> bool {
    let head: String = text.lines().take(30).collect::<Vec<_>>().join("\n");
    PV_SYMBOL.is_match(&head)
        && text
            .lines()
            .filter(|l| LABEL.is_match(l.trim()))
            .take(3)
            .count()
            >= 3
}

/// Parses a verbatim record.
pub fn parse(source: &str, resolver: &Resolver) -> Result<ParsedDocument, ParseError> {
    let lines = text::lines(source);
    let head: String = lines
        .iter()
        .take(30)
        .map(|l| l.trimmed())
        .collect::<Vec<_>>()
        .join("\n");
    let symbol = PV_SYMBOL.captures(&head).ok_or_else(|| {
        ParseError::new(1, "no verbatim record symbol (\"A/78/PV.6\") at the top")
    })?;
    let mut doc = meeting(&symbol, &head, &lines);
    let own_symbol = symbol[1].to_string();
    let plenary_president = symbol.get(4).is_some();
    doc.statements = turns(&lines, &own_symbol, plenary_president, resolver)
        .into_iter()
        .filter(|t| !t.paragraphs.is_empty())
        .map(|t| t.into_statement(resolver))
        .collect();
    if doc.statements.is_empty() {
        return Err(ParseError::new(
            1,
            "no speeches with speaker labels (\"Mr. X (Country):\")",
        ));
    }
    Ok(doc)
}

/// The document, titled, with the meeting its record `symbol` names and the date in
/// its `head`.
fn meeting(symbol: &Captures, head: &str, lines: &[Line]) -> ParsedDocument {
    let (process, session, meeting) = if let Some(s) = symbol.get(2) {
        let process = (
            "unga-first-committee",
            "UN General Assembly First Committee",
        );
        (process, s.as_str().parse().ok(), symbol[3].parse().ok())
    } else if let Some(s) = symbol.get(4) {
        let process = ("unga-plenary", "UN General Assembly plenary");
        (process, s.as_str().parse().ok(), symbol[5].parse().ok())
    } else {
        (
            ("unsc", "UN Security Council"),
            None,
            symbol[6].parse().ok(),
        )
    };
    let plenary_president = symbol.get(4).is_some();
    // A plenary meeting of the General Assembly's general debate ("Agenda item 8 /
    // General debate") belongs with the debate's speeches, whatever their source.
    let process = if plenary_president
        && lines
            .iter()
            .any(|l| l.trimmed().eq_ignore_ascii_case("general debate"))
    {
        super::general_debate::PROCESS
    } else {
        process
    };
    let title = match (session, meeting) {
        (Some(s), Some(m)) => format!(
            "{}, {} session, {} meeting",
            process.1,
            ordinal(s),
            ordinal(m)
        ),
        (None, Some(m)) => format!("{}, {} meeting", process.1, ordinal(m)),
        _ => symbol[1].to_string(),
    };
    let mut doc = ParsedDocument::new(SourceType::UnDocument, title);
    doc.un_symbol = Some(symbol[1].to_string());
    doc.sitting.process = Some((process.0.to_string(), process.1.to_string()));
    doc.sitting.session = session;
    doc.sitting.meeting = meeting;
    doc.date = DATE.captures(head).and_then(|c| {
        NaiveDate::parse_from_str(&format!("{} {} {}", &c[1], &c[2], &c[3]), "%d %B %Y").ok()
    });
    doc
}

/// The record's speeches, each opened by its speaker's label; the record's own
/// narration ends a speech.
fn turns(
    lines: &[Line],
    own_symbol: &str,
    plenary_president: bool,
    resolver: &Resolver,
) -> Vec<Turn> {
    // People and their countries, as the record introduces them.
    let mut people: Vec<(String, String)> = Vec::new();
    let mut turns: Vec<Turn> = Vec::new();
    let mut current: Option<Turn> = None;
    for p in text::paragraphs(lines) {
        let first: &Line = &p.lines[0];
        let t = first.trimmed();
        if p.lines
            .iter()
            .all(|l| is_page_furniture(l.trimmed(), Some(own_symbol)))
        {
            continue;
        }
        let body: Vec<&str> = p
            .lines
            .iter()
            .map(|l| l.trimmed())
            .filter(|l| !is_page_furniture(l, Some(own_symbol)))
            .collect();
        let start = p.start();
        let end = p.end();
        if let Some(c) = LABEL.captures(t) {
            if let Some(turn) = current.take() {
                turns.push(turn);
            }
            let who = c["who"].trim().to_string();
            let parens = c.name("parens").map_or("", |m| m.as_str());
            let (speaker, is_chair) =
                speaker_of(&who, parens, plenary_president, resolver, &mut people);
            let mut text = c
                .name("rest")
                .map_or(String::new(), |m| m.as_str().to_string());
            for more in &body[1..] {
                text.push('\n');
                text.push_str(more);
            }
            current = Some(Turn {
                speaker: speaker.with_label(format!("{who}{parens}")),
                is_chair,
                paragraphs: if text.trim().is_empty() {
                    Vec::new()
                } else {
                    vec![text]
                },
                start,
                end,
                line: first.number,
                ..Turn::default()
            });
            continue;
        }
        if NARRATION.is_match(t) || body.is_empty() {
            if let Some(c) = ADDRESS.captures(t) {
                remember_person(&c[1], resolver, &mut people);
            }
            if let Some(turn) = current.take() {
                turns.push(turn);
            }
            continue;
        }
        // Before the first speech come the masthead and the record's front matter.
        if let Some(turn) = current.as_mut() {
            turn.push(body.join("\n"), end);
        }
    }
    if let Some(turn) = current.take() {
        turns.push(turn);
    }
    turns
}

/// Who a label names, and whether it is the presiding officer.
fn speaker_of(
    who: &str,
    parens: &str,
    plenary_president: bool,
    resolver: &Resolver,
    people: &mut Vec<(String, String)>,
) -> (SpeakerGuess, bool) {
    let role = who.trim_start_matches("The ").trim_start_matches("Acting ");
    if who.starts_with("The ") {
        return match role {
            "Secretary-General" | "Deputy Secretary-General" => {
                (SpeakerGuess::new("Secretariat", Method::Label, 1.0), false)
            }
            "President" if plenary_president => (
                SpeakerGuess::new("President of the General Assembly", Method::Label, 1.0),
                true,
            ),
            _ => (SpeakerGuess::new("Chair", Method::Label, 1.0), true),
        };
    }
    let person = person_name(who);
    // A country in parentheses: "(Russian Federation)", "(spoke in Russian)" skipped.
    for c in PAREN.captures_iter(parens) {
        let inner = c[1].trim();
        if HOW.is_match(inner) {
            continue;
        }
        if let Some(name) = resolver.find(inner).name() {
            if !person.is_empty() {
                people.push((person.clone(), name.to_string()));
            }
            return (
                with_person(SpeakerGuess::new(name, Method::Label, 1.0), person),
                false,
            );
        }
    }
    // A head of State or Government introduced earlier: "President Macron".
    let surname = person.rsplit(' ').next().unwrap_or_default().to_lowercase();
    if let Some((_, country)) = people
        .iter()
        .rev()
        .find(|(p, _)| !surname.is_empty() && p.to_lowercase().split(' ').any(|w| w == surname))
    {
        return (
            with_person(
                SpeakerGuess::new(country.clone(), Method::InText, 0.8),
                person,
            ),
            false,
        );
    }
    (
        SpeakerGuess {
            person: (!person.is_empty()).then_some(person),
            method: Some(Method::Unknown),
            ..SpeakerGuess::default()
        },
        false,
    )
}

fn with_person(mut guess: SpeakerGuess, person: String) -> SpeakerGuess {
    guess.person = (!person.is_empty()).then_some(person);
    guess
}

/// The person's name in a label, without titles: "President Macron" → "Macron".
fn person_name(who: &str) -> String {
    let titles: Vec<&str> = TITLES.split('|').collect();
    let mut rest = who.trim();
    loop {
        let before = rest;
        for t in &titles {
            if let Some(r) = rest.strip_prefix(t) {
                if r.starts_with(['.', ' ']) {
                    rest = r.trim_start_matches('.').trim_start();
                }
            }
        }
        if rest == before {
            break;
        }
    }
    rest.trim().to_string()
}

/// Remembers "Mr. Emmanuel Macron, President of the French Republic" as Macron → France.
fn remember_person(introduced: &str, resolver: &Resolver, people: &mut Vec<(String, String)>) {
    let Some((name, office)) = introduced.split_once(',') else {
        return;
    };
    let country = resolver
        .mentions_any_time(office, |k| matches!(k, ActorKind::State | ActorKind::Group))
        .into_iter()
        .next();
    if let Some(m) = country {
        people.push((person_name(name), m.name));
    }
}

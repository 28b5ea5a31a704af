//! Official UN documents: a symbol, a date, numbered paragraphs under headings,
//! lettered sub-items, footnotes, and citations of other documents.
//!
//! Numbered paragraphs are the statements; lettered sub-items, bullets and text that
//! continues after a page break (it starts in lower case) stay with their paragraph;
//! footnotes ("¹ See A/79/214", "^a …") are kept apart and linked to the paragraph
//! that carries their marker. A paper by the Secretariat is attributed to it; in a
//! summary record that reports speech in the third person, each paragraph goes to the
//! organisation of the person reported ("The Director-General of UNESCO, Irina Bokova,
//! indicated …" → UNESCO; a later "Ms. Bokova noted …" → UNESCO again).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::document::{ParsedDocument, ParsedFootnote, ParsedStatement, SourceType};
use super::transcript::sitting;
use super::ParseError;
use crate::attribution::{Method, SpeakerGuess};
use crate::gazetteer::{names, ActorKind, Resolver};
use crate::text::{self, number_word, Line};

fn re(pattern: &str) -> Regex {
    text::pattern(pattern)
}

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
static DATE: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})$"));
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,3})\.\s+(\S.*)$"));
static BULLETED_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^[-•*]\s+(\d{1,3})\.\s+(\S.*)$"));
static HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^((?:[IVXL]+|[A-Z]))\.\s+(\S.{0,150})$"));
static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:Annex|Enclosure)(?:\s+([IVXL]+|\d+))?(?:\s+to the (?:letter|note verbale)\b.*)?$")
});
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|\^([a-z0-9]{1,3})|\*{1,3})\s*(\S.*)$"));
static MARKERS: LazyLock<Regex> = LazyLock::new(|| re(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|\^([a-z0-9]{1,3})\b"));
static MARKDOWN_LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r"\[([^\]\n]{1,80})\]\([^)\n]{0,200}\)"));
static SESSION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(\w+)\s+(?:substantive|regular|special|organizational|resumed)\s+session\b")
});
static AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:paper|note|report|letter|memorandum)\s+(?:by|of|from)\s+the\s+(secretariat|secretary-general)\b",
    )
});
/// A paper of the presiding officer, in its title or byline.
static CHAIR_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:by|of|from)\s+the\s+(?:chair|chairperson|chairman|chairwoman|co-chairs?)\b|\b(?:chair|chairperson|chairman|co-chairs?)(?:'s|’s|s'|s’)?\s+(?:summary|non-paper|draft|letter|report|note|paper|proposal)\b",
    )
});
static SKIP_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:distr\.?:?|original:|general assembly$|security council$|economic and social council$|united nations$|limited$|new york,|geneva,|vienna,|item \d|agenda item|provisional agenda|\*|page \d)",
    )
});
/// Who submits a paper, in its title or byline: "Working paper submitted by Egypt and
/// France", "Letter dated … from the Permanent Representative of Brazil to the United
/// Nations addressed to …", "Note verbale … from the Permanent Mission of Kenya …".
static SUBMITTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:submitted|presented|proposed|prepared|tabled|circulated) by\s+(.+)|\bfrom the (?:permanent (?:representatives?|missions?|observers?)|chargés? d.affaires(?: a\.i\.)?|delegations?|governments?|ministers? for foreign affairs) of\s+(.+)",
    )
});
/// A byline on its own line ("Submitted by the Non-Aligned Movement").
static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:submitted|presented|proposed|prepared|tabled) by\b"));
/// Where the submitters' names end: "… of Brazil to the United Nations addressed to …".
static SUBMITTER_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s+(?:to the united nations|addressed to|to the (?:chair|president|secretary-general)|for the consideration|at the request)\b.*$",
    )
});
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\s*,?\s+on behalf of\s+"));

/// The submitters named in a paper's title or byline, first author first, and the
/// group they submit for ("… submitted by Cuba on behalf of the Non-Aligned Movement").
fn submitters(title: &str, resolver: &Resolver) -> (Vec<String>, Option<String>) {
    let Some(c) = SUBMITTER.captures(title) else {
        return (Vec::new(), None);
    };
    let Some(clause) = c.get(1).or(c.get(2)) else {
        return (Vec::new(), None);
    };
    let clause = SUBMITTER_END.replace(clause.as_str(), "");
    let (by, group) = match ON_BEHALF.find(&clause) {
        Some(m) => (&clause[..m.start()], Some(&clause[m.end()..])),
        None => (&clause[..], None),
    };
    let actors = |text: &str| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in resolver.mentions(text, |k| {
            matches!(
                k,
                ActorKind::State | ActorKind::Group | ActorKind::Organisation
            )
        }) {
            if !out.contains(&m.name) {
                out.push(m.name);
            }
        }
        out
    };
    let group = group.and_then(|g| actors(g).into_iter().next());
    (actors(by), group)
}

/// The first line numbers of the paragraphs that are prose: at least a line long,
/// ending a sentence, not a signature, heading or footnote.
fn prose_paragraph_lines(lines: &[Line]) -> std::collections::HashSet<usize> {
    text::paragraphs(lines)
        .into_iter()
        .filter(|p| {
            let text = p.text();
            let first = p.lines[0].trimmed();
            let ends_sentence = text
                .trim_end_matches(['"', '\u{201d}', '\u{2019}', ')'])
                .ends_with(['.', '!', '?', ':', ';']);
            text.chars().count() >= 60
                && ends_sentence
                && first
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '"' || c == '\u{201c}')
                && !first.starts_with("(Signed)")
                && !NUMBERED.is_match(first)
                && !HEADING.is_match(first)
                && !FOOTNOTE.is_match(first)
        })
        .map(|p| p.line())
        .collect()
}

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

/// One token of a line that the printed page adds, not the text: a page number
/// ("2/12"), the job number ("25-03456", "GE.24-01234"), its language and print date
/// ("(E)", "040325"), the barcode ("*2503456*").
static FURNITURE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\d{1,3}/\d{1,3}|(?:GE\.)?\d{2}-\d{5}|\([A-Z]\)|\d{6}|\*\d{7,10}\*)$")
});
/// The tokens among those that only page furniture has (a bare "(E)" or six digits
/// could be text).
static FURNITURE_MARK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\d{1,3}/\d{1,3}|(?:GE\.)?\d{2}-\d{5}|\*\d{7,10}\*)$"));

/// Whether a line is a printed page's furniture rather than text: running headers and
/// footers of UN documents extracted from PDF ("A/79/214", "2/12 24-12345",
/// "25-03456 (E) 040325", "*2503456*", "Please recycle", "- 3 -").
pub(super) fn is_page_furniture(t: &str, own_symbol: Option<&str>) -> bool {
    if t.eq_ignore_ascii_case("please recycle") || t.starts_with("Please recycle") {
        return true;
    }
    let dashes = t.trim_matches(|c: char| c == '-' || c.is_whitespace());
    if t.starts_with('-')
        && t.ends_with('-')
        && !dashes.is_empty()
        && dashes.chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let own = |tok: &str| own_symbol.is_some_and(|s| s == tok);
    // "2/12" is page 2 of 12; "77/37" can only be a resolution.
    let page_of = |tok: &str| {
        tok.split_once('/')
            .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)))
            .is_none_or(|(a, b)| 1 <= a && a <= b)
    };
    if !tokens.iter().all(|tok| own(tok) || page_of(tok)) {
        return false;
    }
    // The running header: the document's own symbol, alone or beside page furniture
    // (a symbol of several words, "A/C.1/79/L.1 Rev.1", is only matched alone).
    if own_symbol == Some(t) {
        return true;
    }
    !tokens.is_empty()
        && tokens
            .iter()
            .all(|tok| own(tok) || FURNITURE_TOKEN.is_match(tok))
        && tokens
            .iter()
            .any(|tok| own(tok) || FURNITURE_MARK.is_match(tok))
}

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

/// Superscript digits to ASCII digits.
fn superscript_number(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            '⁰' => '0',
            other => other,
        })
        .collect()
}

/// A numbered paragraph being built.
struct Para {
    number: String,
    section: Option<String>,
    lines: Vec<String>,
    start: usize,
    end: usize,
    line: usize,
}

/// Parses an official UN document.
pub fn parse(source: &str, resolver: &Resolver) -> Result<ParsedDocument, ParseError> {
    let lines = text::lines(source);
    // Most documents number their paragraphs. A letter or note verbale does not: then
    // each paragraph of prose is one, and the header ends where the first begins.
    let masthead = {
        let head: Vec<&str> = lines.iter().take(60).map(|l| l.trimmed()).collect();
        symbol(&head.join("\n")).is_some() && head.iter().any(|l| DISTRIBUTED.is_match(l))
    };
    let prose_starts = if masthead {
        prose_paragraph_lines(&lines)
    } else {
        Default::default()
    };
    let numbered = lines.iter().position(|l| NUMBERED.is_match(l.trimmed()));
    let unnumbered = numbered.is_none();
    let first_numbered = numbered
        .or_else(|| lines.iter().position(|l| prose_starts.contains(&l.number)))
        .ok_or_else(|| {
            ParseError::new(
                1,
                "no numbered paragraphs (\"1. …\") and no paragraphs of prose",
            )
        })?;
    let header: Vec<&Line> = lines[..first_numbered]
        .iter()
        .filter(|l| !l.is_blank())
        .collect();
    let head_text = header
        .iter()
        .map(|l| l.trimmed())
        .collect::<Vec<_>>()
        .join("\n");

    let mut title_lines: Vec<(usize, String)> = Vec::new();
    let mut date = None;
    let mut author = None;
    let mut session_line = None;
    let mut byline: Option<String> = None;
    let own_symbol = symbol(&head_text);
    for l in &header {
        let t = l.trimmed();
        if let Some(c) = DATE.captures(t) {
            date = date.or(NaiveDate::parse_from_str(
                &format!("{} {} {}", &c[1], &c[2], &c[3]),
                "%d %B %Y",
            )
            .ok());
        } else if let Some(c) = AUTHOR.captures(t) {
            author = Some(if c[1].eq_ignore_ascii_case("secretary-general") {
                "Secretary-General"
            } else {
                "Secretariat"
            });
        } else if SESSION_LINE.is_match(t) {
            session_line = Some(t.to_string());
        } else if BYLINE.is_match(t) {
            byline = Some(t.to_string());
        } else if HEADING.is_match(t)
            || Some(t) == own_symbol.as_deref()
            || SKIP_HEADER.is_match(t)
            || is_page_furniture(t, own_symbol.as_deref())
        {
            continue;
        } else {
            // A title wrapped over lines is one title.
            match title_lines.last_mut() {
                Some((last, text)) if *last + 1 == l.number => {
                    text.push(' ');
                    text.push_str(t);
                    *last = l.number;
                }
                _ => title_lines.push((l.number, t.to_string())),
            }
        }
    }
    let title_lines: Vec<String> = title_lines.into_iter().map(|(_, t)| t).collect();
    let title = title_lines.last().cloned().unwrap_or_else(|| {
        own_symbol
            .clone()
            .unwrap_or_else(|| "Untitled document".into())
    });
    // A paper by the presiding officer ("Chair's summary", "Note by the Chair",
    // "Submitted by the Chair") speaks for the Chair throughout.
    if author.is_none() {
        let named = title_lines.iter().chain(byline.iter());
        if named.into_iter().any(|t| CHAIR_AUTHOR.is_match(t)) {
            author = Some("Chair");
        }
    }
    // A paper submitted by States or a group speaks for them throughout.
    let (submitted_by, submitted_for) = match &byline {
        Some(b) => submitters(b, resolver),
        None => submitters(&title_lines.join(" "), resolver),
    };
    let mut doc = ParsedDocument::new(SourceType::UnDocument, title);
    doc.date = date;
    doc.un_symbol = own_symbol;
    doc.sitting = sitting(&head_text, "");
    if let Some(s) = &session_line {
        if let Some(c) = SESSION_LINE.captures(s) {
            doc.sitting.session = doc.sitting.session.or(number_word(&c[1]));
        }
    }
    doc.symbols = cited_symbols(&MARKDOWN_LINK.replace_all(source, "$1"))
        .into_iter()
        .filter(|s| Some(s) != doc.un_symbol.as_ref())
        .collect();

    // Body: headings, numbered paragraphs and what belongs to them, footnotes.
    let mut paras: Vec<Para> = Vec::new();
    let mut footnotes: Vec<(String, String)> = Vec::new();
    let mut annex: Option<String> = None;
    let mut levels: Vec<String> = Vec::new();
    let mut in_footnote = false;
    // Whether the last line read (page furniture aside) went into a paragraph.
    let mut last_in_para = false;
    // The body starts at the first heading before the first numbered paragraph.
    let body_start = lines[..first_numbered]
        .iter()
        .position(|l| HEADING.is_match(l.trimmed()) || ANNEX.is_match(l.trimmed()))
        .unwrap_or(first_numbered);
    for line in &lines[body_start..] {
        let t = line.trimmed();
        if t.is_empty() {
            in_footnote = false;
            continue;
        }
        if is_page_furniture(t, doc.un_symbol.as_deref()) {
            continue;
        }
        let continues = std::mem::replace(&mut last_in_para, false);
        if unnumbered && prose_starts.contains(&line.number) {
            in_footnote = false;
            paras.push(Para {
                number: String::new(),
                section: section_path(annex.as_deref(), &levels),
                lines: vec![t.to_string()],
                start: line.start + (line.text.len() - line.text.trim_start().len()),
                end: line.start + line.text.trim_end().len(),
                line: line.number,
            });
            last_in_para = true;
            continue;
        }
        if let Some(c) = ANNEX.captures(t) {
            annex = Some(match c.get(1) {
                Some(n) => format!("Annex {}", n.as_str()),
                None => "Annex".to_string(),
            });
            levels.clear();
            continue;
        }
        if let Some(c) = FOOTNOTE.captures(t) {
            let mark = c
                .get(1)
                .map(|m| superscript_number(m.as_str()))
                .or_else(|| c.get(2).map(|m| m.as_str().to_string()));
            footnotes.push((mark.unwrap_or_else(|| "*".into()), c[3].to_string()));
            in_footnote = true;
            continue;
        }
        if in_footnote && !NUMBERED.is_match(t) && !HEADING.is_match(t) {
            if let Some(last) = footnotes.last_mut() {
                last.1.push(' ');
                last.1.push_str(t);
            }
            continue;
        }
        // A numbered line written as a list item ("- 30. …") is the next paragraph
        // only if it continues the numbering; otherwise it is a list inside one
        // ("- 1. Adoption of the agenda.").
        let bulleted = BULLETED_NUMBER.captures(t).filter(|c| {
            let expected = paras
                .last()
                .and_then(|p| p.number.parse::<u32>().ok())
                .map_or(1, |n| n + 1);
            c[1].parse::<u32>().ok() == Some(expected)
        });
        if let Some(c) = NUMBERED.captures(t).or(bulleted) {
            let section = section_path(annex.as_deref(), &levels);
            paras.push(Para {
                number: c[1].to_string(),
                section,
                lines: vec![t.trim_start_matches(['-', '•', '*', ' ']).to_string()],
                start: line.start + (line.text.len() - line.text.trim_start().len()),
                end: line.start + line.text.trim_end().len(),
                line: line.number,
            });
            last_in_para = true;
            continue;
        }
        if let Some(c) = HEADING.captures(t) {
            let level = c[1].to_string();
            let roman = level.len() > 1 || matches!(level.as_str(), "I" | "V" | "X" | "L");
            if roman {
                levels = vec![level];
            } else {
                levels.truncate(1);
                levels.push(level);
            }
            continue;
        }
        // A line right under the paragraph's last one (no blank line between) is the
        // paragraph wrapping, however short: text hard-wrapped, or from a PDF.
        let adjacent = paras.last().is_some_and(|p| {
            source
                .get(p.end..line.start)
                .is_some_and(|gap| gap.trim().is_empty() && gap.matches('\n').count() == 1)
        });
        // Sub-items, bullets and page-break continuations stay with their paragraph;
        // an unnumbered short line in title case, set apart, is a heading of its own.
        let heading_like = !adjacent
            && t.chars().count() < 80
            && !t.ends_with(['.', ';', ':', ','])
            && t.chars().next().is_some_and(char::is_uppercase)
            && !t.starts_with('(');
        // Without numbers, only a paragraph's own lines and a page break's lower-case
        // continuation belong to it; other unnumbered lines are headings, signatures.
        let belongs = !unnumbered
            || adjacent
            || (continues && t.chars().next().is_some_and(char::is_lowercase));
        match paras.last_mut() {
            Some(p) if belongs && (!heading_like || t.starts_with('-')) => {
                p.lines.push(t.to_string());
                p.end = line.start + line.text.trim_end().len();
                last_in_para = true;
            }
            _ => {}
        }
    }
    if paras.is_empty() {
        return Err(ParseError::new(
            lines[first_numbered].number,
            "no numbered paragraphs",
        ));
    }

    // Speakers.
    let issuing_body = issuing_body(&paras, resolver);
    let mut people: Vec<(String, String)> = Vec::new();
    let mut previous: Option<String> = None;
    let mut previous_section: Option<String> = None;
    for p in &paras {
        let text = MARKDOWN_LINK
            .replace_all(&p.lines.join("\n"), "$1")
            .into_owned();
        let speaker = match author {
            Some(a) => {
                let name = if a == "Secretary-General" {
                    "Secretariat"
                } else {
                    a
                };
                SpeakerGuess::new(name, Method::Document, 0.9)
            }
            None if !submitted_by.is_empty() => {
                SpeakerGuess::new(submitted_by[0].clone(), Method::Document, 0.9)
            }
            None => {
                if previous_section != p.section {
                    previous = None;
                }
                let reported =
                    reported_speaker(&text, resolver, &mut people, issuing_body.as_deref());
                match (reported, &previous) {
                    (Some(name), _) => SpeakerGuess::new(name, Method::InText, 0.8),
                    (None, Some(prev)) => SpeakerGuess::new(prev.clone(), Method::InText, 0.6),
                    (None, None) => match &issuing_body {
                        Some(body) => SpeakerGuess::new(body.clone(), Method::Document, 0.5),
                        None => SpeakerGuess {
                            method: Some(Method::Unknown),
                            ..SpeakerGuess::default()
                        },
                    },
                }
            }
        };
        previous = speaker.name.clone();
        previous_section = p.section.clone();
        doc.statements.push(ParsedStatement {
            speaker,
            on_behalf_of: submitted_for.clone(),
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

    // Footnotes link to the first paragraph that carries their marker.
    for (mark, body) in footnotes {
        let statement = doc.statements.iter().position(|s| {
            MARKERS.captures_iter(&s.text).any(|c| {
                let found = c
                    .get(1)
                    .map(|m| superscript_number(m.as_str()))
                    .or_else(|| c.get(2).map(|m| m.as_str().to_string()));
                found.as_deref() == Some(mark.as_str())
            })
        });
        doc.footnotes.push(ParsedFootnote {
            number: mark,
            text: MARKDOWN_LINK.replace_all(&body, "$1").into_owned(),
            statement,
        });
    }
    Ok(doc)
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

fn section_path(annex: Option<&str>, levels: &[String]) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(a) = annex {
        parts.push(a);
    }
    parts.extend(levels.iter().map(String::as_str));
    (!parts.is_empty()).then(|| parts.join(" / "))
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
        let mut candidates: Vec<(usize, String)> = resolver
            .mentions(subject, |k| {
                matches!(
                    k,
                    ActorKind::Organisation | ActorKind::Role | ActorKind::Group | ActorKind::State
                )
            })
            .into_iter()
            // "the Chair of the Committee" is not the meeting's presiding officer.
            .filter(|m| m.name != super::transcript::CHAIR)
            .map(|m| (m.end, m.name))
            .collect();
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
            let nearest = orgs
                .iter()
                .map(|(s, e, org)| {
                    let gap = if *s >= name.end() {
                        &subject[name.end()..*s]
                    } else {
                        &subject[*e..name.start()]
                    };
                    (gap.chars().count(), org)
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
        if let Some((_, name)) = candidates.into_iter().max_by_key(|(end, _)| *end) {
            return Some(name);
        }
        if COLLECTIVE.is_match(subject) {
            return body.map(str::to_string);
        }
    }
    None
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn page_furniture_is_told_from_text() {
        let own = Some("A/79/214");
        for line in [
            "A/79/214",
            "2/12",
            "2/12 24-12345",
            "24-12345 3/12",
            "24-12345 (E) 010824",
            "GE.24-01234",
            "*2412345*",
            "Please recycle",
            "- 3 -",
        ] {
            assert!(is_page_furniture(line, own), "{line}");
        }
        for line in [
            "77/37",
            "(E)",
            "A/75/816",
            "resolution 77/37 and 24-12345",
            "3. The directory could be kept.",
            "- 3. a bulleted paragraph -",
        ] {
            assert!(!is_page_furniture(line, own), "{line}");
        }
    }
}

//! The header of an official UN document, the lines before its first paragraph: its
//! title, date, session, and who wrote or submitted it — the Secretariat, the Chair,
//! or States and groups named in the title or a byline.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::paragraphs::HEADING;
use super::re;
use super::symbols::symbol;
use crate::formats::document::Sitting;
use crate::formats::furniture::is_page_furniture;
use crate::formats::transcript::sitting;
use crate::gazetteer::{ActorKind, Resolver};
use crate::text::{number_word, Line};

static DATE: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})$"));
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

/// What a document's header says.
pub(super) struct Header {
    pub title: String,
    pub date: Option<NaiveDate>,
    /// The document's own symbol.
    pub symbol: Option<String>,
    pub sitting: Sitting,
    /// Who wrote the paper, speaking throughout: "Secretariat", "Secretary-General",
    /// "Chair".
    pub author: Option<&'static str>,
    /// Who submitted it, first author first, and the group they submit for.
    pub submitted_by: Vec<String>,
    pub submitted_for: Option<String>,
}

/// The header's lines sorted by what they say.
#[derive(Default)]
struct Lines {
    /// The title's lines, a title wrapped over lines joined into one.
    titles: Vec<String>,
    date: Option<NaiveDate>,
    author: Option<&'static str>,
    session: Option<String>,
    byline: Option<String>,
}

/// Reads the header from the document's lines before its first paragraph.
pub(super) fn read(lines: &[Line], resolver: &Resolver) -> Header {
    let header: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    let head_text = header
        .iter()
        .map(|l| l.trimmed())
        .collect::<Vec<_>>()
        .join("\n");
    let own_symbol = symbol(&head_text);
    let Lines {
        titles,
        date,
        mut author,
        session,
        byline,
    } = sort_lines(&header, own_symbol.as_deref());
    let title = titles.last().cloned().unwrap_or_else(|| {
        own_symbol
            .clone()
            .unwrap_or_else(|| "Untitled document".into())
    });
    // A paper by the presiding officer ("Chair's summary", "Note by the Chair",
    // "Submitted by the Chair") speaks for the Chair throughout.
    if author.is_none() {
        let named = titles.iter().chain(byline.iter());
        if named.into_iter().any(|t| CHAIR_AUTHOR.is_match(t)) {
            author = Some("Chair");
        }
    }
    // A paper submitted by States or a group speaks for them throughout.
    let (submitted_by, submitted_for) = match &byline {
        Some(b) => submitters(b, resolver),
        None => submitters(&titles.join(" "), resolver),
    };
    let mut sitting = sitting(&head_text, "");
    if let Some(s) = &session {
        if let Some(c) = SESSION_LINE.captures(s) {
            sitting.session = sitting.session.or(number_word(&c[1]));
        }
    }
    Header {
        title,
        date,
        symbol: own_symbol,
        sitting,
        author,
        submitted_by,
        submitted_for,
    }
}

/// Sorts the header's non-blank lines into its date, author, session line, byline and
/// title, skipping the masthead, headings and page furniture.
fn sort_lines(header: &[&Line], own_symbol: Option<&str>) -> Lines {
    let mut title_lines: Vec<(usize, String)> = Vec::new();
    let mut found = Lines::default();
    for l in header {
        let t = l.trimmed();
        if let Some(c) = DATE.captures(t) {
            found.date = found.date.or(NaiveDate::parse_from_str(
                &format!("{} {} {}", &c[1], &c[2], &c[3]),
                "%d %B %Y",
            )
            .ok());
        } else if let Some(c) = AUTHOR.captures(t) {
            found.author = Some(if c[1].eq_ignore_ascii_case("secretary-general") {
                "Secretary-General"
            } else {
                "Secretariat"
            });
        } else if SESSION_LINE.is_match(t) {
            found.session = Some(t.to_string());
        } else if BYLINE.is_match(t) {
            found.byline = Some(t.to_string());
        } else if HEADING.is_match(t)
            || Some(t) == own_symbol
            || SKIP_HEADER.is_match(t)
            || is_page_furniture(t, own_symbol)
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
    found.titles = title_lines.into_iter().map(|(_, t)| t).collect();
    found
}

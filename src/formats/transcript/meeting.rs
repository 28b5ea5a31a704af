//! Where and when a transcript was spoken, from what the presiding officer says as the
//! meeting opens ("The 7th meeting of the 11th substantive session of the Open-ended
//! Working Group … is now called to order", "the 8th meeting of the 2026 substantive
//! plenary session of the Global Mechanism …") and from a UN Web TV title or file
//! name ("2026-07-21_global-mechanism_plenary-session-meeting-3.txt"); for labelled
//! transcripts, from their title ("Session 2-8 Transcript (OEWG 2021-25)") and the
//! Chair citing the founding resolution.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::formats::document::{AgendaRef, Sitting};
use crate::text::{self, number_word, ordinal};

fn re(pattern: &str) -> Regex {
    text::pattern(pattern)
}

/// The bodies whose meetings UN Web TV broadcasts on ICT security and cybercrime:
/// a pattern of their names, the process key and the process name.
static BODIES: LazyLock<Vec<(Regex, &'static str, &'static str)>> = LazyLock::new(|| {
    vec![
        (
            re(r"(?i)\bglobal[\s_-]+mechanism\b"),
            GLOBAL_MECHANISM.0,
            GLOBAL_MECHANISM.1,
        ),
        (
            re(
                r"(?i)\bopen[\s_-]*ended[\s_-]+working[\s_-]+group on (?:the )?security of and in the use of\b|\boewg[\s_-]+(?:on[\s_-]+)?(?:ict|2021)",
            ),
            "oewg-2021-2025",
            "OEWG 2021–2025",
        ),
        (
            re(
                r"(?i)\bopen[\s_-]*ended[\s_-]+working[\s_-]+group on developments in the field of\b",
            ),
            "oewg-2019-2021",
            "OEWG 2019–2021",
        ),
        (
            re(
                r"(?i)\bfirst[\s_-]+committee\b|\bdisarmament and international security committee\b",
            ),
            "unga-first-committee",
            "UN General Assembly First Committee",
        ),
        (
            re(
                r"(?i)\bcybercrime\b|\bcountering the use of (?:information and communications technologies|icts) for criminal purposes\b",
            ),
            "ahc-cybercrime",
            "Ad Hoc Committee on Cybercrime",
        ),
        (
            re(r"(?i)\binformal ad hoc working group on mandates\b|\biahwg\b|\bun80\b"),
            "un80-iahwg",
            "UN80 Informal Ad Hoc Working Group on mandates",
        ),
    ]
});
/// "The 7th meeting", "the first meeting", "meeting-3", "3rd meeting".
static MEETING: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [
        re(r"(?i)\b(\d{1,3}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?)[\s_-]+meeting\b"),
        re(r"(?i)\bmeeting[\s_-]+(?:no\.?\s*)?(\d{1,3})\b"),
    ]
});
/// "the 11th substantive session", "Tenth Substantive Session", "80th session",
/// "11th-session".
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)[\s_-]+(substantive[\s_-]+)?session\b|\bsession[\s_-]+(\d{1,3})\b",
    )
});
/// A session known by its year: "the 2026 substantive plenary session", "the
/// substantive plenary session of 2026".
static YEAR_SESSION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b((?:19|20)\d\d)[\s_-]+((?:substantive[\s_-]+)?(?:plenary[\s_-]+)?session)\b|\b((?:substantive[\s_-]+)?plenary[\s_-]+session)(?: of (?:the )?((?:19|20)\d\d))?",
    )
});
/// The working group by its acronym only.
static OEWG: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\boewg\b"));
/// A session named by its subject, in a file name: "rules of procedure session".
static NAMED_SESSION: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*([a-z]+(?: [a-z]+){0,4}) session\b"));
static DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|\D)((?:19|20)\d\d)-(\d\d)-(\d\d)(?:\D|$)"));

/// A date as a title prints it: "(Sep 16, 2025)", "16 September 2025".
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2}),? ((?:19|20)\d\d)\b|\b(\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* ((?:19|20)\d\d)\b",
    )
});

/// The first date written out in the opening lines (a markdown title's "(Sep 16, 2025)").
fn spoken_date(opening: &str) -> Option<NaiveDate> {
    let head: String = opening.lines().take(3).collect::<Vec<_>>().join(" ");
    let c = WRITTEN_DATE.captures(&head)?;
    let (month, day, year) = match c.get(1) {
        Some(m) => (m.as_str(), &c[2], &c[3]),
        None => (&c[5], &c[4], &c[6]),
    };
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = months.iter().position(|m| month.eq_ignore_ascii_case(m))? as u32 + 1;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

// ---- Labelled transcripts: the title and the Chair's opening words.

/// A title's process: "OEWG 2021-25", "Open-ended Working Group 2021–2025".
static PROCESS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(OEWG|Open[- ]ended Working Group)\b\D{0,140}?((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)?\d\d)\b",
    )
});
/// A title's session and meeting: "Session 2-8".
static SESSION_MEETING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bsession\s+(\d{1,2})\s*[-–.:/]\s*(\d{1,2})\b"));
/// The Chair's words: "the eighth meeting of the second substantive session".
static SPOKEN_SITTING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(\w+)\s+meeting\s+of\s+the\s+(\w+)\s+(?:substantive\s+)?session\b")
});
/// The resolution that established a process, as the Chair cites it.
static RESOLUTION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bresolution\s+(\d{2}/\d{1,3})\b"));
/// "agenda item five sub item on capacity building", "agenda item 5 (b) on …".
static AGENDA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bagenda\s+item\s+(\d{1,2}|[a-z]+)(?:\s*\(?([a-h])\)?(?:\s|,|$))?(?:[\s,]*(?:sub[- ]?item\s+)?(?:on|relating to|concerning|regarding|entitled|,)\s+(?:the\s+)?([a-z][a-z \-]{2,60}?))?(?:[.,;]|\s+and\b|\s+which\b|\s+i\b|$)",
    )
});
static FUTURE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:tomorrow|will|next|later|afternoon session)\b"));
/// Known processes by the General Assembly resolution that established them.
const PROCESS_BY_RESOLUTION: &[(&str, &str, &str)] = &[
    ("75/240", "oewg-2021-2025", "OEWG 2021–2025"),
    ("73/27", "oewg-2019-2021", "OEWG 2019–2021"),
];

/// The process key and name of the OEWG's successor.
pub const GLOBAL_MECHANISM: (&str, &str) = ("global-mechanism", "Global Mechanism on ICT security");
static GLOBAL_MECHANISM_TITLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bglobal\s+mechanism\b"));
static GLOBAL_MECHANISM_OPENING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:session|meeting|plenary|chair) of the global\s+mechanism\b"));

/// Process, session and meeting from a title, else from the Chair's opening words.
pub fn sitting(title: &str, opening: &str) -> Sitting {
    let mut sitting = Sitting::default();
    for source in [title, opening] {
        if sitting.process.is_none() {
            if let Some(c) = PROCESS.captures(source) {
                let from: i64 = c[2].parse().unwrap_or(0);
                let mut to: i64 = c[3].parse().unwrap_or(0);
                if to < 100 {
                    to += from / 100 * 100;
                }
                sitting.process = Some((format!("oewg-{from}-{to}"), format!("OEWG {from}–{to}")));
            }
        }
        if sitting.session.is_none() {
            if let Some(c) = SESSION_MEETING.captures(source) {
                sitting.session = c[1].parse().ok();
                sitting.meeting = c[2].parse().ok();
            } else if let Some(c) = SPOKEN_SITTING.captures(source) {
                sitting.meeting = number_word(&c[1]);
                sitting.session = number_word(&c[2]);
            }
        }
    }
    // The OEWG's successor, the Global Mechanism on ICT security (from 2026): named in
    // the title, or by the presiding officer opening one of its meetings.
    if sitting.process.is_none()
        && (GLOBAL_MECHANISM_TITLE.is_match(title) || GLOBAL_MECHANISM_OPENING.is_match(opening))
    {
        sitting.process = Some((
            GLOBAL_MECHANISM.0.to_string(),
            GLOBAL_MECHANISM.1.to_string(),
        ));
    }
    if sitting.process.is_none() && opening.contains("Working Group") {
        if let Some(c) = RESOLUTION.captures(opening) {
            if let Some((_, key, name)) = PROCESS_BY_RESOLUTION.iter().find(|(r, _, _)| *r == &c[1])
            {
                sitting.process = Some((key.to_string(), name.to_string()));
            }
        }
    }
    sitting
}

/// The agenda item a presiding officer opens, if stated ("continue with the
/// consideration of agenda item five sub item on capacity building").
pub fn agenda_item(chair_text: &str) -> Option<AgendaRef> {
    for sentence in chair_text.split_inclusive(['.', '?', '!']) {
        if FUTURE.is_match(sentence) && !sentence.to_lowercase().contains("continue") {
            continue;
        }
        if let Some(c) = AGENDA.captures(sentence) {
            let Some(number) = number_word(&c[1]) else {
                continue;
            };
            let number = match c.get(2) {
                Some(sub) => format!("{number} ({})", sub.as_str().to_lowercase()),
                None => number.to_string(),
            };
            let title = c
                .get(3)
                .map(|t| t.as_str().trim().to_string())
                .filter(|t| !t.is_empty());
            return Some(AgendaRef { number, title });
        }
    }
    None
}

/// What a transcript says of its meeting.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meeting {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub sitting: Sitting,
}

/// Reads the meeting from the transcript's opening words, then its file name.
pub fn read(source: &str, file_name: &str) -> Meeting {
    let mut cut = source.len().min(2500);
    while !source.is_char_boundary(cut) {
        cut -= 1;
    }
    let opening = &source[..cut];
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem)
        .to_string();
    let date = DATE
        .captures(&stem)
        .and_then(|c| {
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
        })
        .or_else(|| spoken_date(opening));
    // File names join words with "_" and "-", which a word boundary does not see.
    let spaced = stem.replace(['_', '-'], " ");
    let mut sitting = spoken_sitting([opening, spaced.as_str()], date);
    // A session the file name calls by its subject ("…_ahc-cybercrime_rules-of-procedure-
    // session-…"): the words between the body and "session".
    if sitting.session.is_none() && sitting.session_name.is_none() {
        let lower = spaced.to_lowercase();
        let after_body = BODIES
            .iter()
            .find_map(|(p, _, _)| p.find(&lower).map(|m| m.end()))
            .unwrap_or(0);
        if let Some(c) = NAMED_SESSION.captures(&lower[after_body..]) {
            sitting.session_name = Some(format!("{} session", c[1].trim()));
        }
    }
    // "OEWG" alone: the working group of the meeting's year.
    if sitting.process.is_none() && OEWG.is_match(&spaced) {
        sitting.process = date.and_then(oewg_of);
    }
    let title = title(&sitting, date, &stem);
    Meeting {
        title,
        date,
        sitting,
    }
}

/// The process, meeting and session named in the meeting's opening words, else in its
/// file name (`sources`, in that order).
fn spoken_sitting(sources: [&str; 2], date: Option<NaiveDate>) -> Sitting {
    let mut sitting = Sitting::default();
    for source in sources {
        if sitting.process.is_none() {
            sitting.process = BODIES
                .iter()
                .find(|(p, _, _)| p.is_match(source))
                .map(|(_, key, name)| (key.to_string(), name.to_string()));
        }
        if sitting.meeting.is_none() {
            sitting.meeting = MEETING.iter().find_map(|p| {
                p.captures_iter(source)
                    .find_map(|c| number_word(&c[1]).filter(|n| (1..=200).contains(n)))
            });
        }
        if sitting.session.is_none() && sitting.session_name.is_none() {
            if let Some(c) = YEAR_SESSION.captures(source) {
                // The meeting's date wins over a year speech recognition garbled
                // ("the substantive plenary session of 2020. 26").
                let year = date
                    .map(|d| d.format("%Y").to_string())
                    .or_else(|| c.get(1).or(c.get(4)).map(|y| y.as_str().to_string()));
                let kind = c.get(2).or(c.get(3)).map_or("session", |k| k.as_str());
                let kind = kind.replace(['_', '-'], " ").to_lowercase();
                sitting.session_name = Some(match year {
                    Some(y) => format!("{kind} of {y}"),
                    None => kind,
                });
            } else {
                sitting.session = SESSION.captures_iter(source).find_map(|c| {
                    number_word(c.get(1).or(c.get(3))?.as_str()).filter(|n| (1..=200).contains(n))
                });
            }
        }
    }
    sitting
}

/// The open-ended working group on ICT security sitting at `date`.
fn oewg_of(d: NaiveDate) -> Option<(String, String)> {
    let (year, month) = (d.format("%Y").to_string(), d.format("%m").to_string());
    match (year.as_str(), month.as_str()) {
        ("2019" | "2020", _) | ("2021", "01" | "02" | "03") => {
            Some(("oewg-2019-2021".to_string(), "OEWG 2019–2021".to_string()))
        }
        ("2021" | "2022" | "2023" | "2024" | "2025", _) => {
            Some(("oewg-2021-2025".to_string(), "OEWG 2021–2025".to_string()))
        }
        _ => None,
    }
}

/// "Global Mechanism on ICT security, substantive plenary session of 2026, 3rd
/// meeting (2026-07-21)"; the file's name when nothing is known.
fn title(sitting: &Sitting, date: Option<NaiveDate>, stem: &str) -> String {
    let Some((_, process)) = &sitting.process else {
        return stem.replace('_', " ");
    };
    let mut parts = vec![process.clone()];
    if let Some(name) = &sitting.session_name {
        parts.push(name.clone());
    } else if let Some(n) = sitting.session {
        parts.push(format!("{} session", ordinal(n)));
    }
    if let Some(n) = sitting.meeting {
        parts.push(format!("{} meeting", ordinal(n)));
    }
    let mut title = parts.join(", ");
    if let Some(d) = date {
        title.push_str(&format!(" ({d})"));
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(opening: &str, file: &str, process: &str, session: &str, meeting: Option<i64>) {
        let m = read(opening, file);
        assert_eq!(
            m.sitting.process.map(|p| p.0).as_deref(),
            Some(process),
            "{opening}"
        );
        let s = m
            .sitting
            .session_name
            .or(m.sitting.session.map(|n| n.to_string()))
            .unwrap_or_default();
        assert_eq!(s, session, "{opening}");
        assert_eq!(m.sitting.meeting, meeting, "{opening}");
    }

    #[test]
    fn the_chair_opening_the_meeting() {
        check(
            "The 7th meeting of the 11th substantive session of the Open-ended Working Group on Security of and in the Use of ICTs is now called to order.",
            "x.txt",
            "oewg-2021-2025",
            "11",
            Some(7),
        );
        check(
            "Good morning. The First Meeting of the Tenth Substantive Session of the Open-Ended Working Group on Security of and in the Use of ICTs 2021-2025 is called to order.",
            "x.txt",
            "oewg-2021-2025",
            "10",
            Some(1),
        );
        check(
            "I call to order the 8th meeting of the 2026 substantive plenary session of the Global Mechanism on Developments in the Field of ICTs.",
            "x.txt",
            "global-mechanism",
            "substantive plenary session of 2026",
            Some(8),
        );
        check(
            "The 26th meeting of the Disarmament and International Security Committee, First Committee, of the 80th session of the General Assembly is called to order.",
            "x.txt",
            "unga-first-committee",
            "80",
            Some(26),
        );
    }

    #[test]
    fn the_file_name_when_the_text_is_silent() {
        check(
            "I hope you had some rest.",
            "2026-01-30_ahc-cybercrime_rules-of-procedure-session-meeting-9.txt",
            "ahc-cybercrime",
            "rules of procedure session",
            Some(9),
        );
        let m = read(
            "Hello.",
            "2026-07-21_global-mechanism_plenary-session-meeting-3.txt",
        );
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2026, 7, 21));
        assert_eq!(
            m.sitting.session_name.as_deref(),
            Some("plenary session of 2026")
        );
    }
}

//! Checking what a person types to correct a document ([`DocumentEdit`]) into a
//! [`Correction`]: a known process or a new one, a session number or name, a meeting
//! number, a real day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Correction, Process, SessionRef};
use crate::error::{Error, Result};

/// What to change in a document's description; a field left `None` stays as it is.
///
/// Values are given as a person types them and checked by [`DocumentEdit::check`]:
/// - `process`: a process key the library knows (`"global-mechanism"`), or `KEY=NAME`
///   to add a new process (`"oewg-2026=OEWG 2026"`);
/// - `session`: a number (`"11"`, named like the sessions Plenary reads: "11th
///   substantive session" in an OEWG, "11th session" elsewhere) or a name
///   (`"substantive plenary session of 2026"`); it belongs to the document's process;
/// - `meeting`: its number within the session, from 1;
/// - `date`: `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
#[serde(default)]
pub struct DocumentEdit {
    pub title: Option<String>,
    pub process: Option<String>,
    pub session: Option<String>,
    pub meeting: Option<i64>,
    pub date: Option<String>,
}

/// A field of an edit that cannot be applied, and how to fix it.
pub(super) fn invalid(field: &'static str, value: &str, problem: &str, fix: &str) -> Error {
    Error::InvalidEdit {
        field,
        value: value.to_string(),
        problem: problem.to_string(),
        fix: fix.to_string(),
    }
}

impl DocumentEdit {
    /// Checks every given field, against the processes the library knows, and returns
    /// the correction it stands for.
    pub fn check(&self, processes: &[Process]) -> Result<Correction> {
        let title = match &self.title {
            Some(t) if t.trim().is_empty() => {
                return Err(invalid(
                    "title",
                    t,
                    "it is empty",
                    "Give the title in words, or leave the title out to keep it",
                ))
            }
            Some(t) => Some(t.trim().to_string()),
            None => None,
        };
        let process = self
            .process
            .as_deref()
            .map(|p| check_process(p, processes))
            .transpose()?;
        let session = self.session.as_deref().map(check_session).transpose()?;
        if let Some(m) = self.meeting.filter(|m| *m < 1) {
            return Err(invalid(
                "meeting",
                &m.to_string(),
                "meetings are numbered from 1",
                "Give the meeting's number within its session (1, 2, …)",
            ));
        }
        let date = self.date.as_deref().map(check_date).transpose()?;
        Ok(Correction {
            title,
            process,
            session,
            meeting: self.meeting,
            date,
        })
    }
}

fn check_process(value: &str, processes: &[Process]) -> Result<(String, String)> {
    let known = |key: &str| processes.iter().find(|p| p.key == key).map(|p| &p.name);
    match value.split_once('=') {
        None => {
            let key = value.trim().to_lowercase();
            match known(&key) {
                Some(name) => Ok((key, name.clone())),
                None => Err(Error::UnknownProcess {
                    key: value.trim().to_string(),
                    known: if processes.is_empty() {
                        "none yet".to_string()
                    } else {
                        processes
                            .iter()
                            .map(|p| format!("{} ({})", p.key, p.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                }),
            }
        }
        Some((key, name)) => {
            let (key, name) = (key.trim().to_lowercase(), name.trim());
            let well_formed = !key.is_empty()
                && !key.starts_with('-')
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !well_formed {
                return Err(invalid(
                    "process",
                    value,
                    "a process key is lower-case letters, digits and hyphens",
                    "Write KEY=NAME, e.g. oewg-2026=OEWG 2026",
                ));
            }
            if name.is_empty() {
                return Err(invalid(
                    "process",
                    value,
                    "the new process has no name",
                    "Write KEY=NAME, e.g. oewg-2026=OEWG 2026",
                ));
            }
            match known(&key) {
                Some(existing) if existing.to_lowercase() != name.to_lowercase() => Err(invalid(
                    "process",
                    value,
                    &format!("the library already has the process {key} named {existing:?}"),
                    &format!(
                        "Give the key alone ({key}) to use it, or another key for a new process"
                    ),
                )),
                Some(existing) => Ok((key, existing.clone())),
                None => Ok((key, name.to_string())),
            }
        }
    }
}

fn check_session(value: &str) -> Result<SessionRef> {
    let text = value.trim();
    if text.is_empty() {
        return Err(invalid(
            "session",
            value,
            "it is empty",
            "Give the session's number (11) or its name (substantive plenary session of 2026)",
        ));
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        return match text.parse::<i64>() {
            Ok(n) if n >= 1 => Ok(SessionRef::Number(n)),
            _ => Err(invalid(
                "session",
                value,
                "sessions are numbered from 1",
                "Give the session's number (1, 2, …) or its name",
            )),
        };
    }
    Ok(SessionRef::Name(text.to_string()))
}

fn check_date(value: &str) -> Result<String> {
    let text = value.trim();
    let fix = "Write the date as YYYY-MM-DD, e.g. 2026-07-21";
    let shaped = text.len() == 10
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return Err(invalid(
            "date",
            value,
            "it is not a date in the form YYYY-MM-DD",
            fix,
        ));
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => Ok(date.to_string()),
        Err(_) => Err(invalid("date", value, "there is no such day", fix)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn processes() -> Vec<Process> {
        vec![Process {
            key: "oewg-2021-2025".into(),
            name: "OEWG 2021–2025".into(),
        }]
    }

    /// Checks one field's value: `Ok(debug of the checked value)` or `Err(error code and
    /// the start of the problem)`.
    fn check(edit: DocumentEdit, expected: Result<&str, &str>) {
        let got = edit
            .check(&processes())
            .map(|c| {
                let fields = [
                    c.title.map(|t| format!("{t:?}")),
                    c.process.map(|p| format!("{p:?}")),
                    c.session.map(|s| format!("{s:?}")),
                    c.meeting.map(|m| m.to_string()),
                    c.date,
                ];
                fields.into_iter().flatten().collect::<Vec<_>>().join(" ")
            })
            .map_err(|e| format!("{}: {e}", e.code()));
        match (&got, expected) {
            (Ok(value), Ok(want)) => assert_eq!(value, want),
            (Err(message), Err(want)) => assert!(message.starts_with(want), "{message}"),
            _ => panic!("{edit:?}: got {got:?}, expected {expected:?}"),
        }
    }

    fn title(t: &str) -> DocumentEdit {
        DocumentEdit {
            title: Some(t.into()),
            ..DocumentEdit::default()
        }
    }
    fn process(p: &str) -> DocumentEdit {
        DocumentEdit {
            process: Some(p.into()),
            ..DocumentEdit::default()
        }
    }
    fn session(s: &str) -> DocumentEdit {
        DocumentEdit {
            session: Some(s.into()),
            ..DocumentEdit::default()
        }
    }
    fn meeting(m: i64) -> DocumentEdit {
        DocumentEdit {
            meeting: Some(m),
            ..DocumentEdit::default()
        }
    }
    fn date(d: &str) -> DocumentEdit {
        DocumentEdit {
            date: Some(d.into()),
            ..DocumentEdit::default()
        }
    }

    #[test]
    fn titles() {
        check(title("  Third meeting "), Ok("\"Third meeting\""));
        check(
            title(" \t"),
            Err("invalid_edit: cannot set the document's title to \" \\t\": it is empty"),
        );
    }

    #[test]
    fn processes_by_key_or_new_with_a_name() {
        check(
            process("oewg-2021-2025"),
            Ok("(\"oewg-2021-2025\", \"OEWG 2021–2025\")"),
        );
        check(
            process(" OEWG-2021-2025 "),
            Ok("(\"oewg-2021-2025\", \"OEWG 2021–2025\")"),
        );
        check(
            process("oewg-2021-2025=oewg 2021–2025"),
            Ok("(\"oewg-2021-2025\", \"OEWG 2021–2025\")"),
        );
        check(
            process("oewg-2026 = OEWG 2026"),
            Ok("(\"oewg-2026\", \"OEWG 2026\")"),
        );
        check(process("global-mechanism"), Err("unknown_process: process \"global-mechanism\" is not in the library (it knows: oewg-2021-2025 (OEWG 2021–2025); a new one is given as KEY=NAME)"));
        check(process("oewg-2021-2025=Something else"), Err("invalid_edit: cannot set the document's process to \"oewg-2021-2025=Something else\": the library already has"));
        check(process("new process=New"), Err("invalid_edit: cannot set the document's process to \"new process=New\": a process key is lower-case"));
        check(process("=New"), Err("invalid_edit"));
        check(process("new-one= "), Err("invalid_edit: cannot set the document's process to \"new-one= \": the new process has no name"));
    }

    #[test]
    fn sessions_by_number_or_name() {
        check(session("11"), Ok("Number(11)"));
        check(
            session(" substantive plenary session of 2026 "),
            Ok("Name(\"substantive plenary session of 2026\")"),
        );
        check(session("0"), Err("invalid_edit: cannot set the document's session to \"0\": sessions are numbered from 1"));
        check(session("99999999999999999999"), Err("invalid_edit"));
        check(
            session(""),
            Err("invalid_edit: cannot set the document's session to \"\": it is empty"),
        );
    }

    #[test]
    fn meetings_from_one() {
        check(meeting(3), Ok("3"));
        check(meeting(0), Err("invalid_edit: cannot set the document's meeting to \"0\": meetings are numbered from 1"));
        check(meeting(-2), Err("invalid_edit"));
    }

    #[test]
    fn dates_are_real_days_written_yyyy_mm_dd() {
        check(date("2026-07-21"), Ok("2026-07-21"));
        check(date(" 2024-02-29 "), Ok("2024-02-29"));
        check(date("2023-02-29"), Err("invalid_edit: cannot set the document's date to \"2023-02-29\": there is no such day. Write the date as YYYY-MM-DD"));
        check(date("21/07/2026"), Err("invalid_edit: cannot set the document's date to \"21/07/2026\": it is not a date in the form YYYY-MM-DD"));
        check(date("2026-7-21"), Err("invalid_edit"));
        check(date("2026"), Err("invalid_edit"));
        check(date("２０２６-07-21"), Err("invalid_edit"));
    }

    #[test]
    fn only_given_fields_are_corrected() {
        let fix = DocumentEdit {
            title: Some("T".into()),
            meeting: Some(2),
            ..DocumentEdit::default()
        }
        .check(&processes())
        .unwrap();
        assert_eq!(fix.fields(), ["title", "meeting"]);
        assert!(DocumentEdit::default().check(&[]).unwrap().is_empty());
        let newer = Correction {
            session: Some(SessionRef::Name("x".into())),
            meeting: Some(5),
            ..Correction::default()
        };
        let merged = fix.merged(&newer);
        assert_eq!(merged.fields(), ["title", "session", "meeting"]);
        assert_eq!(merged.meeting, Some(5));
    }
}

//! Documents, their statements and speaker lists, and the review queue: listing them,
//! correcting a document, fixing or accepting a speaker.

use std::process::ExitCode;

use plenary::{DocumentEdit, DocumentRow, Library, StatementRow};

use crate::args::{DocumentsCommand, ReviewCommand, StatementsCommand, StatementsList};
use crate::output::{self, Format, Table};

/// `plenary documents`, or `plenary documents edit ID …`.
pub fn documents(
    library: &mut Library,
    action: Option<&DocumentsCommand>,
    list_format: Format,
) -> anyhow::Result<ExitCode> {
    match action {
        Some(DocumentsCommand::Edit {
            id,
            title,
            process,
            session,
            meeting,
            date,
            format,
        }) => {
            let edit = DocumentEdit {
                title: title.clone(),
                process: process.clone(),
                session: session.clone(),
                meeting: *meeting,
                date: date.clone(),
            };
            let document = library.edit_document(*id, edit)?;
            print_documents(format.format, &[document])?;
        }
        None => print_documents(list_format, &library.documents()?)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `plenary statements`, or `plenary statements fix ID --speaker NAME`.
pub fn statements(
    library: &mut Library,
    action: Option<&StatementsCommand>,
    list: &StatementsList,
) -> anyhow::Result<ExitCode> {
    match action {
        Some(StatementsCommand::Fix {
            id,
            speaker,
            format,
        }) => print_statements(format.format, &[library.fix_speaker(*id, speaker)?])?,
        None => {
            let rows = library.statements(
                list.document,
                list.speaker.as_deref(),
                list.limit,
                list.offset,
            )?;
            print_statements(list.format.format, &rows)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `plenary review`, `plenary review accept ID` or `plenary review fix ID --speaker NAME`.
pub fn review(
    library: &mut Library,
    action: Option<&ReviewCommand>,
    document: Option<i64>,
    queue_format: Format,
) -> anyhow::Result<ExitCode> {
    match action {
        Some(ReviewCommand::Accept { id, format }) => {
            print_statements(format.format, &[library.accept_speaker(*id)?])?
        }
        Some(ReviewCommand::Fix {
            id,
            speaker,
            format,
        }) => print_statements(format.format, &[library.fix_speaker(*id, speaker)?])?,
        None => queue(library, document, queue_format)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `plenary review [--document ID]`: the queue, and how many remain per document.
fn queue(library: &Library, document: Option<i64>, format: Format) -> anyhow::Result<()> {
    let rows = library.review_queue(document)?;
    let mut table = Table::new([
        "ID",
        "DOC",
        "LINE",
        "SUGGESTED",
        "HOW",
        "CONF",
        "WHY",
        "EVIDENCE",
    ]);
    let mut per_document: Vec<(i64, usize)> = Vec::new();
    for s in &rows {
        match per_document.last_mut() {
            Some((d, n)) if *d == s.document => *n += 1,
            _ => per_document.push((s.document, 1)),
        }
        let mut evidence: String = s
            .evidence
            .clone()
            .unwrap_or_default()
            .chars()
            .take(50)
            .collect();
        if !s.alternatives.is_empty() {
            evidence.push_str(&format!(" (or {})", s.alternatives.join(", ")));
        }
        table.row([
            &s.id.to_string(),
            &s.document.to_string(),
            &s.source_line.map_or("-".into(), |l| l.to_string()),
            s.speaker.as_deref().unwrap_or("?"),
            &s.method,
            &format!("{:.2}", s.confidence),
            s.review.as_deref().unwrap_or_default(),
            &evidence,
        ]);
    }
    output::print(format, &rows, &table)?;
    if format == Format::Table {
        for (d, n) in per_document {
            eprintln!("document {d}: {n} to review");
        }
        eprintln!("{} statements to review", rows.len());
    }
    Ok(())
}

/// `plenary speakers --document ID`.
pub fn speakers(library: &Library, document: i64, format: Format) -> anyhow::Result<ExitCode> {
    let rows = library.speaker_list(document)?;
    let mut table = Table::new(["ORDER", "SPEAKER", "STATUS", "WORDS", "SECONDS", "WPM"]);
    let num = |v: Option<f64>| v.map_or("-".into(), |v| format!("{v}"));
    for e in &rows {
        let status = match (e.spoke, e.announced) {
            (true, true) => "announced, spoke",
            (true, false) => "spoke",
            (false, _) => "announced, not spoken",
        };
        table.row([
            &e.order.to_string(),
            e.speaker.as_deref().unwrap_or(&e.label),
            status,
            &e.words.map_or("-".into(), |w| w.to_string()),
            &num(e.seconds),
            &num(e.words_per_minute),
        ]);
    }
    output::print(format, &rows, &table)?;
    Ok(ExitCode::SUCCESS)
}

/// `plenary documents`: a table, or every field in JSON.
fn print_documents(format: Format, docs: &[DocumentRow]) -> anyhow::Result<()> {
    let mut table = Table::new([
        "ID",
        "KIND",
        "DATE",
        "PROCESS",
        "SESSION",
        "MEETING",
        "STATEMENTS",
        "TITLE",
    ]);
    for d in docs {
        table.row([
            &d.id.to_string(),
            &d.kind,
            d.date.as_deref().unwrap_or("-"),
            d.process.as_deref().unwrap_or("-"),
            d.session.as_deref().unwrap_or("-"),
            d.meeting.as_deref().unwrap_or("-"),
            &d.statements.to_string(),
            &d.title,
        ]);
    }
    output::print(format, docs, &table)
}

/// Prints statements: a table with a shortened text, or every field in JSON.
fn print_statements(format: Format, rows: &[StatementRow]) -> anyhow::Result<()> {
    let mut table = Table::new(["ID", "DOC", "SEQ", "SPEAKER", "HOW", "CONF", "LINE", "TEXT"]);
    for s in rows {
        let speaker = s
            .speaker
            .clone()
            .or_else(|| s.speaker_label.clone())
            .unwrap_or_else(|| "?".into());
        let mut text: String = s.text.replace('\n', " ").chars().take(70).collect();
        if s.text.chars().count() > 70 {
            text.push('…');
        }
        table.row([
            &s.id.to_string(),
            &s.document.to_string(),
            &s.seq.to_string(),
            &speaker,
            &s.method,
            &format!("{:.2}", s.confidence),
            &s.source_line.map_or("-".into(), |l| l.to_string()),
            &text,
        ]);
    }
    output::print(format, rows, &table)
}

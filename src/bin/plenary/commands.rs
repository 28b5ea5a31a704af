//! The CLI's import and listing commands: call the library, print what it returns.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use plenary::{DocumentRow, ImportOptions, ImportStatus, Library, SourceType, StatementRow};

use crate::output::{self, Format, Table};
use crate::progress::Progress;

/// `plenary import`: one line per file, a summary, exit 1 if any file failed.
pub fn import(
    library: &mut Library,
    paths: &[PathBuf],
    source_type: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let source_type = match source_type {
        Some(name) => Some(SourceType::parse(name).ok_or_else(|| {
            let known: Vec<_> = SourceType::ALL.iter().map(|t| t.as_str()).collect();
            anyhow::anyhow!(
                "--format {name:?} is not a source type; use one of: {}",
                known.join(", ")
            )
        })?),
        None => None,
    };
    let options = ImportOptions {
        source_type,
        ..ImportOptions::default()
    };
    let progress = if json {
        Progress::hidden()
    } else {
        Progress::stderr()
    };
    let results = library.import(paths, &options, |p| progress.file(p.path, p.done, p.total))?;
    drop(progress);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut imported, mut present, mut replaced, mut failed) = (0, 0, 0, 0);
    let mut to_review = 0;
    for (path, result) in &results {
        let shown = path.display();
        match result {
            Ok(o) if json => {
                serde_json::to_writer(&mut out, o)?;
                writeln!(out)?;
                match o.status {
                    ImportStatus::Imported => imported += 1,
                    ImportStatus::AlreadyPresent => present += 1,
                    ImportStatus::Replaced { .. } => replaced += 1,
                }
            }
            Ok(o) => {
                let speakers = if o.top_speakers.is_empty() {
                    String::new()
                } else {
                    format!("; speakers: {}", o.top_speakers.join(", "))
                };
                to_review += o.to_review;
                let review = match o.to_review {
                    0 => String::new(),
                    n => format!("; {n} to review"),
                };
                let kind = o
                    .source_type
                    .map(|t| format!(", {}", t.as_str()))
                    .unwrap_or_default();
                match &o.status {
                    ImportStatus::Imported => {
                        imported += 1;
                        writeln!(
                            out,
                            "imported  {shown}  (document {}{kind}: {} statements{speakers}{review})",
                            o.document, o.statements
                        )?;
                    }
                    ImportStatus::AlreadyPresent => {
                        present += 1;
                        writeln!(
                            out,
                            "present   {shown}  (already in the library as document {})",
                            o.document
                        )?;
                    }
                    ImportStatus::Replaced {
                        replaced: old,
                        carried,
                        lost,
                    } => {
                        replaced += 1;
                        let lost = if lost.is_empty() {
                            String::new()
                        } else {
                            format!("; could not keep: {}", lost.join("; "))
                        };
                        writeln!(out, "replaced  {shown}  (document {old} → {}{kind}: {} statements; kept {carried} human edits{lost})", o.document, o.statements)?;
                    }
                }
                for notice in &o.notices {
                    writeln!(out, "          note: {notice}")?;
                }
            }
            Err(err) => {
                failed += 1;
                if json {
                    serde_json::to_writer(
                        &mut out,
                        &serde_json::json!({"path": path, "status": "failed", "code": err.code(), "error": err.to_string()}),
                    )?;
                    writeln!(out)?;
                } else {
                    writeln!(out, "failed    {}", err.to_string().replace('\n', " "))?;
                }
            }
        }
    }
    if !json {
        writeln!(
            out,
            "{imported} imported, {present} already present, {replaced} replaced, {failed} failed"
        )?;
        if to_review > 0 {
            writeln!(
                out,
                "{to_review} statements need review: their speaker is uncertain (plenary review)"
            )?;
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `plenary documents`: a table, or every field in JSON.
pub fn print_documents(format: Format, docs: &[DocumentRow]) -> anyhow::Result<()> {
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
pub fn print_statements(format: Format, rows: &[StatementRow]) -> anyhow::Result<()> {
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

/// `plenary review [--document ID]`: the queue, and how many remain per document.
pub fn review(library: &Library, document: Option<i64>, format: Format) -> anyhow::Result<()> {
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
pub fn speakers(library: &Library, document: i64, format: Format) -> anyhow::Result<()> {
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
    output::print(format, &rows, &table)
}

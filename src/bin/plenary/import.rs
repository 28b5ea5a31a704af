//! `plenary import`: one line per file (or one JSON object with `--json`), a summary,
//! and exit 1 if any file failed.

use std::io::Write;
use std::process::ExitCode;

use plenary::{Failure, FileReport, FileStatus, ImportCounts, ImportOptions, Library, SourceType};

use crate::output;

use crate::args::ImportArgs;
use crate::progress::Progress;

pub fn run(library: &mut Library, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let options = ImportOptions {
        source_type: source_type(args.source_type.as_deref())?,
        ..ImportOptions::default()
    };
    let progress = if args.json {
        Progress::hidden()
    } else {
        Progress::stderr()
    };
    let report = library.import_report(&args.paths, &options, |p| {
        progress.file(p.path, p.done, p.total)
    })?;
    drop(progress);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in &report.files {
        if args.json {
            serde_json::to_writer(&mut out, file)?;
            writeln!(out)?;
        } else {
            let mut line = Vec::new();
            write_file(&mut line, file)?;
            let text = String::from_utf8_lossy(&line);
            for l in text.lines() {
                writeln!(out, "{}", output::printable(l))?;
            }
        }
    }
    if !args.json {
        write_counts(&mut out, &report.counts)?;
    }
    out.flush()?;
    Ok(if report.counts.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--format NAME`: the source type forced instead of detected.
fn source_type(name: Option<&str>) -> anyhow::Result<Option<SourceType>> {
    let Some(name) = name else {
        return Ok(None);
    };
    let source_type = SourceType::parse(name).ok_or_else(|| {
        let known: Vec<_> = SourceType::ALL.iter().map(|t| t.as_str()).collect();
        anyhow::anyhow!(
            "--format {name:?} is not a source type; use one of: {}",
            known.join(", ")
        )
    })?;
    Ok(Some(source_type))
}

/// The summary line, and the review queue's size when there is one.
fn write_counts(out: &mut impl Write, counts: &ImportCounts) -> std::io::Result<()> {
    let ImportCounts {
        imported,
        already_present,
        replaced,
        failed,
        to_review,
    } = counts;
    writeln!(
        out,
        "{imported} imported, {already_present} already present, {replaced} replaced, {failed} failed"
    )?;
    if *to_review > 0 {
        writeln!(
            out,
            "{to_review} statements need review: their speaker is uncertain (plenary review)"
        )?;
    }
    Ok(())
}

/// One file's line, and its notices under it.
fn write_file(out: &mut impl Write, f: &FileReport) -> std::io::Result<()> {
    let shown = &f.path;
    let document = f.document.unwrap_or_default();
    let speakers = if f.top_speakers.is_empty() {
        String::new()
    } else {
        format!("; speakers: {}", f.top_speakers.join(", "))
    };
    let review = match f.to_review {
        0 => String::new(),
        n => format!("; {n} to review"),
    };
    let kind = f
        .source_type
        .map(|t| format!(", {}", t.as_str()))
        .unwrap_or_default();
    let statements = f.statements;
    match f.status {
        FileStatus::Imported => writeln!(
            out,
            "imported  {shown}  (document {document}{kind}: {statements} statements{speakers}{review})"
        )?,
        FileStatus::AlreadyPresent => writeln!(
            out,
            "present   {shown}  (already in the library as document {document})"
        )?,
        FileStatus::Replaced => {
            let (old, carried) = (f.replaced.unwrap_or_default(), f.carried);
            let lost = if f.lost.is_empty() {
                String::new()
            } else {
                format!("; could not keep: {}", f.lost.join("; "))
            };
            writeln!(out, "replaced  {shown}  (document {old} → {document}{kind}: {statements} statements; kept {carried} human edits{lost})")?;
        }
        FileStatus::Failed => {
            let message = match &f.error {
                Some(Failure { message, remedy: Some(remedy), .. }) => output::with_remedy(message, remedy),
                Some(failure) => failure.message.clone(),
                None => String::new(),
            };
            writeln!(out, "failed    {}", message.replace('\n', " "))?;
        }
    }
    for notice in &f.notices {
        writeln!(out, "          note: {notice}")?;
    }
    Ok(())
}

//! `plenary import`: one line per file (or one JSON object with `--json`), a summary,
//! and exit 1 if any file failed.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use plenary::{ImportOptions, ImportOutcome, ImportStatus, Library, SourceType};

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
    let results = library.import(&args.paths, &options, |p| {
        progress.file(p.path, p.done, p.total)
    })?;
    drop(progress);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut tally = Tally::default();
    for (path, result) in &results {
        match result {
            Ok(o) if args.json => {
                serde_json::to_writer(&mut out, o)?;
                writeln!(out)?;
                tally.count(&o.status);
            }
            Ok(o) => {
                tally.count(&o.status);
                tally.to_review += o.to_review;
                write_outcome(&mut out, path, o)?;
            }
            Err(err) => {
                tally.failed += 1;
                write_failure(&mut out, path, err, args.json)?;
            }
        }
    }
    if !args.json {
        tally.write(&mut out)?;
    }
    out.flush()?;
    Ok(if tally.failed > 0 {
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

/// How many files went which way, for the summary line.
#[derive(Default)]
struct Tally {
    imported: usize,
    present: usize,
    replaced: usize,
    failed: usize,
    to_review: usize,
}

impl Tally {
    fn count(&mut self, status: &ImportStatus) {
        match status {
            ImportStatus::Imported => self.imported += 1,
            ImportStatus::AlreadyPresent => self.present += 1,
            ImportStatus::Replaced { .. } => self.replaced += 1,
        }
    }

    fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        let Tally {
            imported,
            present,
            replaced,
            failed,
            to_review,
        } = self;
        writeln!(
            out,
            "{imported} imported, {present} already present, {replaced} replaced, {failed} failed"
        )?;
        if *to_review > 0 {
            writeln!(
                out,
                "{to_review} statements need review: their speaker is uncertain (plenary review)"
            )?;
        }
        Ok(())
    }
}

/// One file's line, and its notices under it.
fn write_outcome(out: &mut impl Write, path: &Path, o: &ImportOutcome) -> std::io::Result<()> {
    let shown = path.display();
    let speakers = if o.top_speakers.is_empty() {
        String::new()
    } else {
        format!("; speakers: {}", o.top_speakers.join(", "))
    };
    let review = match o.to_review {
        0 => String::new(),
        n => format!("; {n} to review"),
    };
    let kind = o
        .source_type
        .map(|t| format!(", {}", t.as_str()))
        .unwrap_or_default();
    match &o.status {
        ImportStatus::Imported => writeln!(
            out,
            "imported  {shown}  (document {}{kind}: {} statements{speakers}{review})",
            o.document, o.statements
        )?,
        ImportStatus::AlreadyPresent => writeln!(
            out,
            "present   {shown}  (already in the library as document {})",
            o.document
        )?,
        ImportStatus::Replaced {
            replaced: old,
            carried,
            lost,
        } => {
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
    Ok(())
}

/// A file that could not be imported: a line, or a JSON object with the error's code.
fn write_failure(
    out: &mut impl Write,
    path: &Path,
    err: &plenary::Error,
    json: bool,
) -> anyhow::Result<()> {
    if json {
        let failure = serde_json::json!({
            "path": path, "status": "failed", "code": err.code(), "error": err.to_string()
        });
        serde_json::to_writer(&mut *out, &failure)?;
        writeln!(out)?;
    } else {
        writeln!(out, "failed    {}", err.to_string().replace('\n', " "))?;
    }
    Ok(())
}

//! Themes, tags, comparisons and exports on the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use plenary::{ExportRow, Library, NewTag, Position, TagRow};

use crate::output::{self, Format, Table};

/// Output formats of `compare` and `matrix`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
    Csv,
    Md,
}

/// Output formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Xlsx,
}

pub fn themes_list(library: &Library, format: Format) -> anyhow::Result<()> {
    let themes = library.themes()?;
    let mut table = Table::new(["KEY", "LABEL", "STATEMENTS"]);
    for t in &themes {
        table.row([&t.key, &t.label, &t.statements.to_string()]);
    }
    output::print(format, &themes, &table)
}

pub fn themes_import(library: &mut Library, file: &Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the codebook {}", file.display()))?;
    let changes = library.import_codebook(&file.display().to_string(), &text, &mut |_, _, _| {})?;
    println!(
        "codebook loaded from {}; automatic tags recomputed, human tags untouched",
        file.display()
    );
    if changes.is_empty() {
        println!("no automatic tag changed");
    }
    for (theme, added, removed) in changes {
        println!("  {theme}: {added} added, {removed} removed");
    }
    Ok(())
}

/// Reads "START..END".
pub fn parse_span(span: &str) -> anyhow::Result<(i64, i64)> {
    let (a, b) = span
        .split_once("..")
        .ok_or_else(|| anyhow::anyhow!("--span {span:?} must be START..END (character offsets)"))?;
    let start: i64 = a
        .trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("--span {span:?}: {a:?} is not a number"))?;
    let end: i64 = b
        .trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("--span {span:?}: {b:?} is not a number"))?;
    Ok((start, end))
}

#[allow(clippy::too_many_arguments)]
pub fn tag_add(
    library: &mut Library,
    statement: i64,
    theme: &str,
    stance: &str,
    span: Option<&str>,
    note: Option<String>,
    author: Option<String>,
    format: Format,
) -> anyhow::Result<()> {
    let span = span.map(parse_span).transpose()?;
    let author = author.or_else(|| std::env::var("USER").ok());
    let tag = library.add_tag(&NewTag {
        statement,
        theme: theme.to_string(),
        stance: stance.to_string(),
        span,
        note,
        author,
    })?;
    print_tags(format, &[tag])
}

pub fn print_tags(format: Format, tags: &[TagRow]) -> anyhow::Result<()> {
    let mut table = Table::new([
        "ID",
        "STATEMENT",
        "SPEAKER",
        "THEME",
        "STANCE",
        "ORIGIN",
        "NOTE",
    ]);
    for t in tags {
        let origin = if t.overridden {
            format!("{} (overridden)", t.origin)
        } else {
            t.origin.clone()
        };
        table.row([
            &t.id.to_string(),
            &t.statement.to_string(),
            t.speaker.as_deref().unwrap_or("-"),
            &t.theme,
            &t.stance,
            &origin,
            t.note.as_deref().unwrap_or(""),
        ]);
    }
    output::print(format, tags, &table)
}

/// Prints positions: a table of themes × actors, JSON Lines, CSV or Markdown.
pub fn print_positions(format: TableFormat, positions: &[Position]) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        TableFormat::Json => {
            for p in positions {
                serde_json::to_writer(&mut out, p)?;
                writeln!(out)?;
            }
        }
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "actor",
                "theme",
                "stance",
                "statements",
                "support",
                "oppose",
                "conditional",
                "mention",
                "first_date",
                "last_date",
                "evidence_ids",
            ])?;
            for p in positions {
                let ids: Vec<String> = p.evidence.iter().map(|e| e.id.to_string()).collect();
                w.write_record([
                    p.actor.as_str(),
                    &p.theme,
                    &p.stance,
                    &p.statements.to_string(),
                    &p.counts.support.to_string(),
                    &p.counts.oppose.to_string(),
                    &p.counts.conditional.to_string(),
                    &p.counts.mention.to_string(),
                    p.first_date.as_deref().unwrap_or(""),
                    p.last_date.as_deref().unwrap_or(""),
                    &ids.join(" "),
                ])?;
            }
            w.flush()?;
        }
        TableFormat::Table | TableFormat::Md => {
            let mut actors: Vec<&str> = Vec::new();
            let mut themes: Vec<&str> = Vec::new();
            for p in positions {
                if !actors.contains(&p.actor.as_str()) {
                    actors.push(&p.actor);
                }
                if !themes.contains(&p.theme.as_str()) {
                    themes.push(&p.theme);
                }
            }
            let cell = |actor: &str, theme: &str| {
                positions
                    .iter()
                    .find(|p| p.actor == actor && p.theme == theme)
                    .map(|p| {
                        if p.statements > 0 {
                            format!("{} ({})", p.stance, p.statements)
                        } else {
                            p.stance.clone()
                        }
                    })
                    .unwrap_or_default()
            };
            if format == TableFormat::Md {
                writeln!(out, "| theme | {} |", actors.join(" | "))?;
                writeln!(out, "| --- |{}", " --- |".repeat(actors.len()))?;
                for t in &themes {
                    let cells: Vec<String> = actors.iter().map(|a| cell(a, t)).collect();
                    writeln!(out, "| {t} | {} |", cells.join(" | "))?;
                }
            } else {
                let widths: Vec<usize> = actors.iter().map(|a| a.chars().count().max(14)).collect();
                let theme_width = themes.iter().map(|t| t.len()).max().unwrap_or(5).max(5);
                write!(out, "{:<theme_width$}", "THEME")?;
                for (a, w) in actors.iter().zip(&widths) {
                    write!(out, "  {a:<w$}")?;
                }
                writeln!(out)?;
                for t in &themes {
                    write!(out, "{t:<theme_width$}")?;
                    for (a, w) in actors.iter().zip(&widths) {
                        write!(out, "  {:<w$}", cell(a, t))?;
                    }
                    writeln!(out)?;
                }
                // Evidence, for a handful of actors.
                if actors.len() <= 6 {
                    for p in positions.iter().filter(|p| !p.evidence.is_empty()) {
                        writeln!(out, "\n{} on {}: {}", p.actor, p.theme, p.stance)?;
                        for e in &p.evidence {
                            let quote: String = e.quote.chars().take(160).collect();
                            writeln!(
                                out,
                                "  [{}] {} — \"{}\"",
                                e.id,
                                e.stance,
                                quote.replace('\n', " ")
                            )?;
                        }
                    }
                    let mut groups: Vec<&Position> = positions
                        .iter()
                        .filter(|p| !p.aligned_members.is_empty())
                        .collect();
                    groups.dedup_by(|a, b| a.actor == b.actor);
                    for p in groups {
                        writeln!(
                            out,
                            "\nmembers aligning with {}: {}",
                            p.actor,
                            p.aligned_members.join(", ")
                        )?;
                    }
                }
            }
        }
    }
    Ok(out.flush()?)
}

/// `plenary export`: to a file, or standard output for CSV and JSON.
pub fn export(
    library: &Library,
    format: ExportFormat,
    output: Option<&PathBuf>,
) -> anyhow::Result<()> {
    let rows = library.export_rows()?;
    match format {
        ExportFormat::Xlsx => {
            let path =
                output.ok_or_else(|| anyhow::anyhow!("--format xlsx needs --output FILE.xlsx"))?;
            write_xlsx(&rows, path).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("wrote {} statements to {}", rows.len(), path.display());
        }
        ExportFormat::Csv | ExportFormat::Json => {
            let mut out: Box<dyn Write> = match output {
                Some(path) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(path)
                        .with_context(|| format!("cannot create {}", path.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            if format == ExportFormat::Json {
                for r in &rows {
                    serde_json::to_writer(&mut out, r)?;
                    writeln!(out)?;
                }
            } else {
                let mut w = csv::Writer::from_writer(&mut out);
                for r in &rows {
                    w.serialize(r)?;
                }
                w.flush()?;
            }
            out.flush()?;
        }
    }
    Ok(())
}

fn write_xlsx(rows: &[ExportRow], path: &Path) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("statements")?;
    let header = [
        "statement",
        "document",
        "document_title",
        "document_kind",
        "date",
        "process",
        "session",
        "meeting",
        "seq",
        "speaker",
        "speaker_label",
        "method",
        "confidence",
        "on_behalf_of",
        "aligned_with",
        "agenda_item",
        "tags",
        "text",
    ];
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        sheet.write_number(row, 0, r.statement as f64)?;
        sheet.write_number(row, 1, r.document as f64)?;
        sheet.write_string(row, 2, &r.document_title)?;
        sheet.write_string(row, 3, &r.document_kind)?;
        sheet.write_string(row, 4, text(&r.date))?;
        sheet.write_string(row, 5, text(&r.process))?;
        sheet.write_string(row, 6, text(&r.session))?;
        sheet.write_string(row, 7, text(&r.meeting))?;
        sheet.write_number(row, 8, r.seq as f64)?;
        sheet.write_string(row, 9, text(&r.speaker))?;
        sheet.write_string(row, 10, text(&r.speaker_label))?;
        sheet.write_string(row, 11, &r.method)?;
        sheet.write_number(row, 12, r.confidence)?;
        sheet.write_string(row, 13, text(&r.on_behalf_of))?;
        sheet.write_string(row, 14, text(&r.aligned_with))?;
        sheet.write_string(row, 15, text(&r.agenda_item))?;
        sheet.write_string(row, 16, &r.tags)?;
        // Excel cells hold at most 32,767 characters.
        let cell: String = r.text.chars().take(32_000).collect();
        sheet.write_string(row, 17, cell)?;
    }
    book.save(path)
}

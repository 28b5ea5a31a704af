//! `plenary export`: every statement with its speaker, document and tags, as CSV, JSON
//! Lines or an Excel workbook.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use plenary::{ExportRow, Library};

use crate::args::{ExportArgs, ExportFormat};

/// `plenary export`: to a file, or standard output for CSV and JSON.
pub fn run(library: &Library, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let (format, output) = (args.format, args.output.as_deref());
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
    Ok(ExitCode::SUCCESS)
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

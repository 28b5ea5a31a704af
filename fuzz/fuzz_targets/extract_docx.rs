//! Text extraction of a Word document, through `extract::extract`.
//!
//! Mutated ZIP archives almost never get past the CRC checks, so most inputs are
//! parts, not archives: the input is split at NUL bytes into `word/document.xml`,
//! `word/footnotes.xml` and `word/endnotes.xml`, zipped here. An input starting with
//! `PK` is passed on as the archive itself.
#![no_main]

use std::io::{Cursor, Write};
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use plenary::extract::{extract, Limits};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const PARTS: [&str; 3] = [
    "word/document.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
];

fn archive(data: &[u8]) -> Option<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, part) in PARTS.iter().zip(data.split(|&b| b == 0)) {
        zip.start_file(*name, options).ok()?;
        zip.write_all(part).ok()?;
    }
    zip.finish().ok().map(Cursor::into_inner)
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    if data.starts_with(b"PK") {
        let _ = extract(Path::new("record.docx"), data, &limits);
    } else if let Some(bytes) = archive(data) {
        let _ = extract(Path::new("record.docx"), &bytes, &limits);
    }
});

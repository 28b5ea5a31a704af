//! Text extraction of a PDF, through `extract::extract` as the importer calls it (so a
//! panic in the PDF crates goes through the same catch as in the app).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use plenary::extract::{extract, Limits};

fuzz_target!(|data: &[u8]| {
    let _ = extract(Path::new("record.pdf"), data, &Limits::default());
});

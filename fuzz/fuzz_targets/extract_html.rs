//! Text extraction of a saved web page (and of plain text: a file named .html without
//! markup is read as text), through `extract::extract` as the importer calls it.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use plenary::extract::{extract, Limits};

fuzz_target!(|data: &[u8]| {
    let _ = extract(Path::new("page.html"), data, &Limits::default());
});

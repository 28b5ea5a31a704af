//! The format parsers, as the importer runs them: bytes → `extract::extract` (plain
//! text) → `formats::detect`, or a source type forced by the user (`--type`) →
//! `formats::parse`, with the shipped gazetteer's names.
//!
//! The first byte chooses the source type (detected, or one of the four forced) and the
//! file name (General Debate speeches are recognised by theirs).
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use plenary::extract::{extract, Limits};
use plenary::formats::{self, SourceType};
use plenary::gazetteer::{GazetteerFile, Resolver};

static RESOLVER: LazyLock<Resolver> = LazyLock::new(|| {
    let file = GazetteerFile::builtin().expect("the shipped gazetteer");
    file.resolver()
});

const FILE_NAMES: [&str; 3] = [
    "2025-07-09_oewg_11th-session-meeting-5.txt",
    "FRA_70_2015.txt",
    "record.txt",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let file_name = FILE_NAMES[usize::from(selector >> 4) % FILE_NAMES.len()];
    let Ok(extracted) = extract(Path::new(file_name), bytes, &Limits::default()) else {
        return;
    };
    let text = &extracted.text;
    let source_type = match usize::from(selector & 0x0f) % (SourceType::ALL.len() + 1) {
        0 => formats::detect(text, file_name),
        n => Some(SourceType::ALL[n - 1]),
    };
    if let Some(source_type) = source_type {
        let _ = formats::parse(source_type, text, file_name, &RESOLVER);
    }
});

//! A user's codebook (`plenary themes import`): parsing and checking the TOML, then
//! compiling it into a tagger and tagging a statement with it, as an import does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::themes::codebook::Codebook;
use plenary::themes::tagger::Tagger;

const STATEMENT: &str = "The Chair: We welcome the Programme of Action (PoA) on \
    international law, capacity-building and confidence-building measures. We oppose a \
    new legally binding instrument on ransomware and critical infrastructure.";

fuzz_target!(|text: &str| {
    if let Ok(book) = Codebook::parse("fuzz.toml", text) {
        let tagger = Tagger::new(&book);
        let _ = tagger.tag(STATEMENT, None);
        let _ = tagger.tag(text, Some("oewg"));
    }
});

//! The search query parser (`plenary search …`, the desktop search box).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    let _ = plenary::index::query::parse(query);
});

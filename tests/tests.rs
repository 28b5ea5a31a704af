//! Plenary's integration tests, compiled into one test binary (see STYLE.md).

mod common;

mod architecture;
mod bindings;
mod cli;
mod consistency;
mod containers;
mod formats;
mod gazetteer;
mod hostile;
mod import;
mod library;
mod positions;
mod search;
mod seeds;
mod stances;
mod ungdc_1970_1994;
mod webtv;

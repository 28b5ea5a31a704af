//! Plenary's integration tests, compiled into one test binary (see STYLE.md).

mod common;

mod cli;
mod gazetteer;
mod library;
mod seeds;

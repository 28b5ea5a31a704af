//! `plenary`, the command-line face of the library: a thin layer over `plenary::Library`.
//!
//! `args.rs` reads the command line; each area has its module, which calls the library
//! and prints what it returns through `output.rs`.

mod actors;
mod args;
mod documents;
mod export;
mod import;
mod output;
mod positions;
mod progress;
mod search;
mod themes;
mod upkeep;

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use plenary::Library;

use args::{Cli, Command};
use progress::Progress;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", output::one_line(&err));
            ExitCode::from(2)
        }
    }
}

fn open(cli: &Cli) -> anyhow::Result<Library> {
    let dir = match &cli.library {
        Some(dir) => dir.clone(),
        None => Library::default_dir()?,
    };
    let progress = Progress::stderr();
    let library = Library::open_with_progress(&dir, &mut |what, done, total| {
        progress.step(what, done, total)
    })
    .with_context(|| format!("opening the library in {}", dir.display()))?;
    drop(progress);
    if let Some(repair) = library.index_repair() {
        eprintln!("note: {repair}");
    }
    Ok(library)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let library = &mut open(&cli)?;
    match &cli.command {
        Command::Actors(command) => actors::run(library, command),
        Command::Status(format) => upkeep::status(library, format.format),
        Command::Import(args) => import::run(library, args),
        Command::Documents { action, format } => {
            documents::documents(library, action.as_ref(), format.format)
        }
        Command::Statements { action, list } => {
            documents::statements(library, action.as_ref(), list)
        }
        Command::Review {
            action,
            document,
            format,
        } => documents::review(library, action.as_ref(), *document, format.format),
        Command::Speakers { document, format } => {
            documents::speakers(library, *document, format.format)
        }
        Command::Search(args) => search::run(library, args),
        Command::Similar(args) => search::similar(library, args),
        Command::Themes(command) => themes::themes(library, command),
        Command::Tag(command) => themes::tag(library, command),
        Command::Compare(args) => positions::compare(library, args),
        Command::Matrix(args) => positions::matrix(library, args),
        Command::Export(args) => export::run(library, args),
        Command::Reindex => upkeep::reindex(library),
        Command::Check => upkeep::check(library),
    }
}

//! `plenary actors`: the actors the library knows, and how it resolves names.

use std::process::ExitCode;

use plenary::{ActorKind, Library, Resolution};

use crate::args::ActorsCommand;
use crate::output::{self, Format, Table};

pub fn run(library: &Library, command: &ActorsCommand) -> anyhow::Result<ExitCode> {
    match command {
        ActorsCommand::List { kind, format } => list(library, kind.as_deref(), format.format),
        ActorsCommand::Resolve { names, format } => resolve(library, names, format.format),
    }
}

/// `plenary actors list [--kind KIND]`.
fn list(library: &Library, kind: Option<&str>, format: Format) -> anyhow::Result<ExitCode> {
    let kind = kind.map(str::parse::<ActorKind>).transpose()?;
    let actors = library.actors(kind)?;
    let mut table = Table::new(["NAME", "KIND", "ISO3", "REGION", "GROUPS"]);
    for a in &actors {
        let kind = match &a.until {
            Some(until) => format!("{} (until {until})", a.kind),
            None => a.kind.to_string(),
        };
        table.row([
            a.name.as_str(),
            &kind,
            a.iso3.as_deref().unwrap_or("-"),
            a.region_key.as_deref().unwrap_or("-"),
            &a.group_keys.join(","),
        ]);
    }
    output::print(format, &actors, &table)?;
    Ok(ExitCode::SUCCESS)
}

/// `plenary actors resolve NAME…`: exits 1 if any name is unknown.
fn resolve(library: &Library, names: &[String], format: Format) -> anyhow::Result<ExitCode> {
    let mut unknown = 0;
    let mut rows = Vec::new();
    let mut table = Table::new(["INPUT", "NAME", "KIND", "SUGGESTIONS"]);
    for input in names {
        let resolution = library.resolve(input);
        let row = match &resolution {
            Resolution::Known { name, kind, .. } => {
                [input.clone(), name.clone(), kind.to_string(), String::new()]
            }
            Resolution::Unknown { suggestions } => {
                unknown += 1;
                [
                    input.clone(),
                    "unknown".into(),
                    "-".into(),
                    hint(suggestions),
                ]
            }
        };
        table.row(row.each_ref().map(String::as_str));
        rows.push(serde_json::json!({ "input": input, "resolution": resolution }));
    }
    output::print(format, &rows, &table)?;
    Ok(if unknown > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn hint(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "no close name".to_string()
    } else {
        format!("did you mean: {}?", suggestions.join(", "))
    }
}

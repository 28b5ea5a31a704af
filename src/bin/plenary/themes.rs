//! The theme codebook and human tags on the command line.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use plenary::{Library, NewTag, TagRow};

use crate::args::{TagAddArgs, TagCommand, TagListArgs, ThemesCommand};
use crate::output::{self, Format, Table};

/// `plenary themes list|export|import`.
pub fn themes(library: &mut Library, command: &ThemesCommand) -> anyhow::Result<ExitCode> {
    match command {
        ThemesCommand::List(format) => list(library, format.format)?,
        ThemesCommand::Export => print!("{}", library.export_codebook()?),
        ThemesCommand::Import { file, replace } => import(library, file, *replace)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `plenary tag add|rm|list`.
pub fn tag(library: &mut Library, command: &TagCommand) -> anyhow::Result<ExitCode> {
    match command {
        TagCommand::Add(args) => add(library, args)?,
        TagCommand::Rm { id } => {
            library.remove_tag(*id)?;
            println!("removed tag {id}");
        }
        TagCommand::List(args) => tags(library, args)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn list(library: &Library, format: Format) -> anyhow::Result<()> {
    let themes = library.themes()?;
    let mut table = Table::new(["KEY", "LABEL", "STATEMENTS"]);
    for t in &themes {
        table.row([&t.key, &t.label, &t.statements.to_string()]);
    }
    output::print(format, &themes, &table)
}

fn import(library: &mut Library, file: &Path, replace: bool) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the codebook {}", file.display()))?;
    let name = file.display().to_string();
    let changes = library.import_codebook(&name, &text, replace, &mut |_, _, _| {})?;
    println!(
        "codebook loaded from {}; automatic tags recomputed, human tags untouched",
        file.display()
    );
    if changes.is_empty() {
        println!("no automatic tag changed");
    }
    for (theme, added, removed) in changes {
        println!("  {theme}: {added} added, {removed} removed");
    }
    Ok(())
}

/// Reads "START..END".
fn parse_span(span: &str) -> anyhow::Result<(i64, i64)> {
    let (a, b) = span
        .split_once("..")
        .ok_or_else(|| anyhow::anyhow!("--span {span:?} must be START..END (character offsets)"))?;
    let start: i64 = a
        .trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("--span {span:?}: {a:?} is not a number"))?;
    let end: i64 = b
        .trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("--span {span:?}: {b:?} is not a number"))?;
    Ok((start, end))
}

fn add(library: &mut Library, args: &TagAddArgs) -> anyhow::Result<()> {
    let span = args.span.as_deref().map(parse_span).transpose()?;
    let tag = library.add_tag(&NewTag {
        statement: args.statement,
        theme: args.theme.clone(),
        stance: args.stance.parse()?,
        span,
        note: args.note.clone(),
        author: args.author.clone(),
    })?;
    print_tags(args.format.format, &[tag])
}

fn tags(library: &Library, args: &TagListArgs) -> anyhow::Result<()> {
    let tags = library.tags(
        args.statement,
        args.document,
        args.theme.as_deref(),
        args.origin.as_deref().map(str::parse).transpose()?,
    )?;
    print_tags(args.format.format, &tags)
}

fn print_tags(format: Format, tags: &[TagRow]) -> anyhow::Result<()> {
    let mut table = Table::new([
        "ID",
        "STATEMENT",
        "SPEAKER",
        "THEME",
        "STANCE",
        "ORIGIN",
        "NOTE",
    ]);
    for t in tags {
        let origin = if t.overridden {
            format!("{} (overridden)", t.origin)
        } else {
            t.origin.to_string()
        };
        table.row([
            &t.id.to_string(),
            &t.statement.to_string(),
            t.speaker.as_deref().unwrap_or("-"),
            &t.theme,
            t.stance.as_str(),
            &origin,
            t.note.as_deref().unwrap_or(""),
        ]);
    }
    output::print(format, tags, &table)
}

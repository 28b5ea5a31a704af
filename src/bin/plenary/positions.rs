//! `plenary compare` and `plenary matrix`: actors' positions on themes, as a table of
//! themes × actors with evidence, JSON Lines, CSV or Markdown.

use std::io::Write;
use std::process::ExitCode;

use plenary::{Library, Position, PositionFilter};

use crate::args::{CompareArgs, MatrixArgs, PositionArgs, TableFormat};
use crate::output;

/// `plenary compare --actors NAMES [--themes KEYS]`.
pub fn compare(library: &Library, args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let positions = library.compare(
        &list(&args.actors),
        &list(&args.themes),
        &filter(&args.filter),
    )?;
    print_positions(args.format, &positions)?;
    Ok(ExitCode::SUCCESS)
}

/// `plenary matrix [--group NAME | --region NAME]`.
pub fn matrix(library: &Library, args: &MatrixArgs) -> anyhow::Result<ExitCode> {
    let positions = library.matrix(
        &list(&args.themes),
        args.group.as_deref().or(args.region.as_deref()),
        &filter(&args.filter),
    )?;
    print_positions(args.format, &positions)?;
    Ok(ExitCode::SUCCESS)
}

fn filter(args: &PositionArgs) -> PositionFilter {
    PositionFilter {
        session: args.session,
        document: args.document,
        after: args.after.clone(),
        before: args.before.clone(),
    }
}

/// A comma-separated option's values.
fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// Prints positions: a table of themes × actors, JSON Lines, CSV or Markdown.
fn print_positions(format: TableFormat, positions: &[Position]) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        TableFormat::Json => {
            for p in positions {
                serde_json::to_writer(&mut out, p)?;
                writeln!(out)?;
            }
        }
        TableFormat::Csv => write_csv(&mut out, positions)?,
        TableFormat::Md => Grid::of(positions).write_markdown(&mut out)?,
        TableFormat::Table => {
            let grid = Grid::of(positions);
            grid.write_table(&mut out)?;
            // Evidence, for a handful of actors.
            if grid.actors.len() <= 6 {
                write_evidence(&mut out, positions)?;
            }
        }
    }
    Ok(out.flush()?)
}

fn write_csv(out: &mut impl Write, positions: &[Position]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "actor",
        "theme",
        "stance",
        "statements",
        "support",
        "oppose",
        "conditional",
        "mention",
        "first_date",
        "last_date",
        "evidence_ids",
    ])?;
    for p in positions {
        let ids: Vec<String> = p.evidence.iter().map(|e| e.id.to_string()).collect();
        w.write_record([
            p.actor.as_str(),
            &p.theme,
            &p.stance,
            &p.statements.to_string(),
            &p.counts.support.to_string(),
            &p.counts.oppose.to_string(),
            &p.counts.conditional.to_string(),
            &p.counts.mention.to_string(),
            p.first_date.as_deref().unwrap_or(""),
            p.last_date.as_deref().unwrap_or(""),
            &ids.join(" "),
        ])?;
    }
    Ok(w.flush()?)
}

/// Positions laid out as themes (rows) × actors (columns), in the order they come.
struct Grid<'a> {
    positions: &'a [Position],
    actors: Vec<&'a str>,
    themes: Vec<&'a str>,
}

impl<'a> Grid<'a> {
    fn of(positions: &'a [Position]) -> Grid<'a> {
        let mut actors: Vec<&str> = Vec::new();
        let mut themes: Vec<&str> = Vec::new();
        for p in positions {
            if !actors.contains(&p.actor.as_str()) {
                actors.push(&p.actor);
            }
            if !themes.contains(&p.theme.as_str()) {
                themes.push(&p.theme);
            }
        }
        Grid {
            positions,
            actors,
            themes,
        }
    }

    /// An actor's stance on a theme, with its number of statements.
    fn cell(&self, actor: &str, theme: &str) -> String {
        self.positions
            .iter()
            .find(|p| p.actor == actor && p.theme == theme)
            .map(|p| {
                if p.statements > 0 {
                    format!("{} ({})", p.stance, p.statements)
                } else {
                    p.stance.clone()
                }
            })
            .unwrap_or_default()
    }

    fn write_markdown(&self, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, "| theme | {} |", self.actors.join(" | "))?;
        writeln!(out, "| --- |{}", " --- |".repeat(self.actors.len()))?;
        for t in &self.themes {
            let cells: Vec<String> = self.actors.iter().map(|a| self.cell(a, t)).collect();
            writeln!(out, "| {t} | {} |", cells.join(" | "))?;
        }
        Ok(())
    }

    fn write_table(&self, out: &mut impl Write) -> std::io::Result<()> {
        let widths: Vec<usize> = self
            .actors
            .iter()
            .map(|a| a.chars().count().max(14))
            .collect();
        let theme_width = self
            .themes
            .iter()
            .map(|t| t.len())
            .max()
            .unwrap_or(5)
            .max(5);
        write!(out, "{:<theme_width$}", "THEME")?;
        for (a, w) in self.actors.iter().zip(&widths) {
            write!(out, "  {a:<w$}")?;
        }
        writeln!(out)?;
        for t in &self.themes {
            write!(out, "{t:<theme_width$}")?;
            for (a, w) in self.actors.iter().zip(&widths) {
                write!(out, "  {:<w$}", self.cell(a, t))?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

/// Under the table: each position's quotes, then the members aligning with each group.
fn write_evidence(out: &mut impl Write, positions: &[Position]) -> std::io::Result<()> {
    for p in positions.iter().filter(|p| !p.evidence.is_empty()) {
        writeln!(out, "\n{} on {}: {}", p.actor, p.theme, p.stance)?;
        for e in &p.evidence {
            let quote: String = e.quote.chars().take(160).collect();
            writeln!(
                out,
                "  [{}] {} — \"{}\"",
                e.id,
                e.stance,
                output::printable(&quote)
            )?;
        }
    }
    let mut groups: Vec<&Position> = positions
        .iter()
        .filter(|p| !p.aligned_members.is_empty())
        .collect();
    groups.dedup_by(|a, b| a.actor == b.actor);
    for p in groups {
        writeln!(
            out,
            "\nmembers aligning with {}: {}",
            p.actor,
            p.aligned_members.join(", ")
        )?;
    }
    Ok(())
}

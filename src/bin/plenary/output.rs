//! How the CLI prints: aligned tables for people, JSON Lines for scripts, and errors on
//! one line.

use std::io::{self, Write};

use plenary::{Listing, Remedy};
use serde::Serialize;

/// The output format of a listing command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading
    Table,
    /// JSON Lines: one object per line
    Json,
}

/// A table of text cells, printed with aligned columns.
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<const N: usize>(header: [&str; N]) -> Table {
        Table {
            rows: vec![header.iter().map(|h| h.to_string()).collect()],
        }
    }

    pub fn row<const N: usize>(&mut self, cells: [&str; N]) {
        self.rows.push(cells.iter().map(|c| printable(c)).collect());
    }

    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|i| {
                let cell_width = |r: &Vec<String>| r.get(i).map_or(0, |c| c.chars().count());
                self.rows.iter().map(cell_width).max().unwrap_or(0)
            })
            .collect();
        for row in &self.rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i + 1 == row.len() {
                    line.push_str(cell);
                } else {
                    let pad = widths[i] - cell.chars().count() + 2;
                    line.push_str(cell);
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// Prints `items` as JSON Lines, or `table` for people.
pub fn print<T: Serialize>(format: Format, items: &[T], table: &Table) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match format {
        Format::Table => table.write(&mut out),
        Format::Json => items.iter().try_for_each(|item| {
            serde_json::to_writer(&mut out, item)?;
            writeln!(out)
        }),
    };
    match result.and_then(|()| out.flush()) {
        // A closed pipe (`plenary … | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The error and its causes on one line, without repeating a cause that a message
/// already quotes.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    let core = err.chain().find_map(|c| c.downcast_ref::<plenary::Error>());
    if let Some(remedy) = core.and_then(plenary::Error::remedy) {
        line = with_remedy(&line, &remedy);
    }
    printable(&line)
}

/// Text from documents and file names as the terminal may show it: line breaks and tabs
/// become spaces, other control characters (escape sequences) a visible U+FFFD, so no
/// document can move the cursor, recolour or retitle the terminal.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// A message with what to do about it, worded for the command line.
pub fn with_remedy(message: &str, remedy: &Remedy) -> String {
    format!("{message}; {}", remedy_words(remedy))
}

/// What to do, as a command to run or a flag to give.
pub fn remedy_words(remedy: &Remedy) -> String {
    let words = match remedy {
        Remedy::ChooseLibrary => {
            "choose a directory you can write to with --library DIR or PLENARY_LIBRARY"
        }
        Remedy::MoveAside => "move it away or choose another directory with --library DIR",
        Remedy::UpdatePlenary => "install a newer Plenary to open it",
        Remedy::FixEntry => "fix the entry and try again",
        Remedy::ChooseFormat => "if it is one of them, force its type with --format NAME",
        Remedy::NameProcess => {
            "give one of those keys, or KEY=NAME to add a new process, e.g. --process \"oewg-2026=OEWG 2026\""
        }
        Remedy::Wait => "wait for it to finish",
        Remedy::Reindex => "run `plenary reindex`",
        Remedy::Check => "if it persists, run `plenary check`",
        Remedy::RestoreBackup => "restore library.sqlite3 from a backup; the index can then be rebuilt with `plenary reindex`",
        Remedy::Pick { list } => match list {
            Listing::Documents => "list document ids with `plenary documents`",
            Listing::Statements => "list statement ids with `plenary statements --document ID`",
            Listing::Themes => "list the themes with `plenary themes list`",
            Listing::Actors => "see `plenary actors list`",
            Listing::Tags => "list tags with `plenary tag list`",
        },
        Remedy::DidYouMean { names } => return format!("did you mean {}?", names.join(", ")),
        Remedy::TypeSpeaker => {
            "nobody was suggested: type the speaker instead (review fix ID --speaker NAME)"
        }
        Remedy::Restart => "restart Plenary",
        Remedy::TryAgain => "try again",
        Remedy::ConfirmReplace => "if that is what you mean, run it again with --replace",
    };
    words.to_string()
}

//! `plenary search` and `plenary similar`: results as a table with hits in context, or
//! one JSON object per query.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use plenary::{Facets, Field, Filter, Hit, Library, SearchRequest, SearchResults, Sort};

use crate::args::{SearchArgs, SimilarArgs, SortArg};
use crate::output::{self, Format};

/// Runs one query, or one per line of `--queries FILE`.
pub fn run(library: &Library, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let filters = filters(args);
    let request = |query: &str| SearchRequest {
        query: query.to_string(),
        filters: filters.clone(),
        exact: args.exact,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Date => Sort::Date,
        },
        limit: args.limit,
        offset: args.offset,
    };
    if let Some(file) = &args.queries {
        return queries(library, file, &request);
    }
    let query = args.query.as_deref().unwrap_or_default();
    let results = library.search(&request(query))?;
    print(args.format.format, &results)?;
    Ok(ExitCode::SUCCESS)
}

/// `plenary similar ID`: statements most like a given one.
pub fn similar(library: &Library, args: &SimilarArgs) -> anyhow::Result<ExitCode> {
    let results = library.similar(args.id, args.other_speakers, args.limit)?;
    print(args.format.format, &results)?;
    Ok(ExitCode::SUCCESS)
}

/// The filter options as search filters.
fn filters(args: &SearchArgs) -> Vec<Filter> {
    let options = [
        (Field::Speaker, &args.speaker),
        (Field::Group, &args.group),
        (Field::Region, &args.region),
        (Field::Kind, &args.kind),
        (Field::Session, &args.session),
        (Field::Theme, &args.theme),
        (Field::Stance, &args.stance),
        (Field::After, &args.after),
        (Field::Before, &args.before),
    ];
    let given = options
        .into_iter()
        .filter_map(|(f, v)| v.as_ref().map(|v| (f, v)));
    given
        .map(|(field, value)| Filter::new(field, value))
        .collect()
}

/// `--queries FILE`: one JSON object per query (or its error); exit 1 if any failed.
fn queries(
    library: &Library,
    file: &Path,
    request: &dyn Fn(&str) -> SearchRequest,
) -> anyhow::Result<ExitCode> {
    let reader =
        std::io::BufReader::new(std::fs::File::open(file).map_err(|e| {
            anyhow::anyhow!("cannot read the queries file {}: {e}", file.display())
        })?);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match library.search(&request(line.trim())) {
            Ok(results) => serde_json::to_writer(&mut out, &results)?,
            Err(e) => {
                failed += 1;
                serde_json::to_writer(
                    &mut out,
                    &serde_json::json!({"query": line.trim(), "line": n + 1, "error": e.to_string()}),
                )?;
            }
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints results: a readable list with the hits marked, or one JSON object.
pub fn print(format: Format, results: &SearchResults) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if format == Format::Json {
        serde_json::to_writer(&mut out, results)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    let color = std::io::stdout().is_terminal();
    for notice in &results.notices {
        writeln!(out, "note: {notice}")?;
    }
    writeln!(
        out,
        "{} statements match ({:.1} ms)",
        results.total, results.took_ms
    )?;
    for hit in &results.hits {
        write_hit(&mut out, hit, color)?;
    }
    write_facets(&mut out, &results.facets)?;
    Ok(out.flush()?)
}

/// A hit: who, in which document and where, then the fragment with the matches marked
/// (in colour on a terminal, in brackets otherwise).
fn write_hit(out: &mut impl Write, hit: &Hit, color: bool) -> std::io::Result<()> {
    let place: Vec<&str> = [
        hit.process.as_deref(),
        hit.session.as_deref(),
        hit.meeting.as_deref(),
        hit.date.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    writeln!(out)?;
    writeln!(
        out,
        "[{}] {} — {}{}",
        hit.id,
        output::printable(hit.speaker.as_deref().unwrap_or("unknown speaker")),
        output::printable(&hit.document_title),
        if place.is_empty() {
            String::new()
        } else {
            format!(" ({})", place.join(", "))
        }
    )?;
    let mut line = String::new();
    let mut at = 0;
    for &(s, e) in &hit.highlights {
        if s < at || e > hit.fragment.len() {
            continue;
        }
        line.push_str(&output::printable(&hit.fragment[at..s]));
        let marked = output::printable(&hit.fragment[s..e]);
        if color {
            line.push_str(&format!("\x1b[1;33m{marked}\x1b[0m"));
        } else {
            line.push_str(&format!("[{marked}]"));
        }
        at = e;
    }
    line.push_str(&output::printable(&hit.fragment[at..]));
    writeln!(out, "    {line}")
}

/// The most frequent speakers, groups, themes and sessions among the hits.
fn write_facets(out: &mut impl Write, facets: &Facets) -> std::io::Result<()> {
    for (name, counts) in [
        ("speakers", &facets.speaker),
        ("groups", &facets.group),
        ("themes", &facets.theme),
        ("sessions", &facets.session),
    ] {
        if counts.is_empty() {
            continue;
        }
        let shown: Vec<String> = counts
            .iter()
            .take(8)
            .map(|c| format!("{} {}", c.name, c.count))
            .collect();
        writeln!(out, "\n{name}: {}", shown.join(" · "))?;
    }
    Ok(())
}

//! `plenary search` and `plenary similar`: results as a table with hits in context, or
//! one JSON object per query.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use plenary::{Library, SearchRequest, SearchResults, Sort};

use crate::output::Format;
use crate::{SearchArgs, SortArg};

/// Runs one query, or one per line of `--queries FILE`.
pub fn run(library: &Library, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let mut filters = Vec::new();
    for (name, value) in [
        ("speaker", &args.speaker),
        ("group", &args.group),
        ("region", &args.region),
        ("kind", &args.kind),
        ("session", &args.session),
        ("theme", &args.theme),
        ("stance", &args.stance),
        ("after", &args.after),
        ("before", &args.before),
    ] {
        if let Some(v) = value {
            filters.push(format!("{name}:\"{}\"", v.replace('"', "")));
        }
    }
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
        let reader = std::io::BufReader::new(std::fs::File::open(file).map_err(|e| {
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
        return Ok(if failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let query = args.query.as_deref().unwrap_or_default();
    let results = library.search(&request(query))?;
    print(args.format.format, &results)?;
    Ok(ExitCode::SUCCESS)
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
            hit.speaker.as_deref().unwrap_or("unknown speaker"),
            hit.document_title,
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
            line.push_str(&hit.fragment[at..s]);
            if color {
                line.push_str(&format!("\x1b[1;33m{}\x1b[0m", &hit.fragment[s..e]));
            } else {
                line.push_str(&format!("[{}]", &hit.fragment[s..e]));
            }
            at = e;
        }
        line.push_str(&hit.fragment[at..]);
        writeln!(out, "    {}", line.replace('\n', " "))?;
    }
    let facets = [
        ("speakers", &results.facets.speaker),
        ("groups", &results.facets.group),
        ("themes", &results.facets.theme),
        ("sessions", &results.facets.session),
    ];
    for (name, counts) in facets {
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
    Ok(out.flush()?)
}

//! The library's upkeep: where it is and what it holds, rebuilding the search index,
//! checking the database against it.

use std::process::ExitCode;

use plenary::Library;

use crate::output::{self, Format, Table};
use crate::progress::Progress;

/// `plenary status`.
pub fn status(library: &Library, format: Format) -> anyhow::Result<ExitCode> {
    let status = library.status()?;
    let mut table = Table::new(["FIELD", "VALUE"]);
    table.row(["library", &status.dir.display().to_string()]);
    table.row(["database", &status.database.display().to_string()]);
    table.row(["schema version", &status.schema_version.to_string()]);
    table.row(["actors", &status.actors.to_string()]);
    output::print(format, &[status], &table)?;
    Ok(ExitCode::SUCCESS)
}

/// `plenary reindex`: the search index rebuilt from the database.
pub fn reindex(library: &mut Library) -> anyhow::Result<ExitCode> {
    let progress = Progress::stderr();
    let n = library.reindex(&mut |what, done, total| progress.step(what, done, total))?;
    drop(progress);
    println!("rebuilt the search index: {n} statements");
    Ok(ExitCode::SUCCESS)
}

/// `plenary check`: exits 1 if the database or the index has a problem.
pub fn check(library: &mut Library) -> anyhow::Result<ExitCode> {
    let problems = library.check()?;
    if problems.is_empty() {
        println!("ok: the database passes its integrity check and the search index matches it");
        return Ok(ExitCode::SUCCESS);
    }
    for p in &problems {
        println!("problem: {}", output::with_remedy(&p.message, &p.remedy));
    }
    Ok(ExitCode::from(1))
}

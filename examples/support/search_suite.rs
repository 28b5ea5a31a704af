//! The search benchmark's queries and its runner, shared by `bench_search` and
//! `bench_scale`: each query runs on Plenary, on SQLite FTS5 over the same statements
//! and, when the texts are given, on a scan of them, each engine after its own warm-up.

use std::path::Path;
use std::time::Instant;

use plenary::index::search::SearchRequest;
use plenary::Library;
use rusqlite::Connection;

type Error = Box<dyn std::error::Error>;

/// One benchmark query: class, Plenary query, FTS5 MATCH expression, speaker filter,
/// words for the scan.
pub type BenchQuery = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
);

pub const QUERIES: &[BenchQuery] = &[
    (
        "rare",
        "cyberattacks",
        "cyberattacks",
        None,
        &["cyberattack"],
    ),
    ("rare", "ransomware", "ransomware", None, &["ransomware"]),
    ("rare", "cybercrime", "cybercrime", None, &["cybercrime"]),
    ("rare", "blockchain", "blockchain", None, &["blockchain"]),
    ("rare", "Tuvalu", "Tuvalu", None, &["tuvalu"]),
    (
        "common",
        "development",
        "development",
        None,
        &["development"],
    ),
    ("common", "peace", "peace", None, &["peace"]),
    ("common", "security", "security", None, &["security"]),
    (
        "common",
        "international",
        "international",
        None,
        &["international"],
    ),
    ("common", "people", "people", None, &["people"]),
    ("common", "world", "world", None, &["world"]),
    (
        "and",
        "climate finance",
        "climate finance",
        None,
        &["climate", "finance"],
    ),
    (
        "and",
        "nuclear weapons treaty",
        "nuclear weapons treaty",
        None,
        &["nuclear", "weapons", "treaty"],
    ),
    (
        "and",
        "digital technology",
        "digital technology",
        None,
        &["digital", "technology"],
    ),
    (
        "and",
        "women girls education",
        "women girls education",
        None,
        &["women", "girls", "education"],
    ),
    (
        "and",
        "terrorism security",
        "terrorism security",
        None,
        &["terrorism", "security"],
    ),
    (
        "or",
        "cyber OR digital",
        "cyber OR digital",
        None,
        &["cyber"],
    ),
    (
        "or",
        "refugees OR migrants",
        "refugees OR migrants",
        None,
        &["refugees"],
    ),
    (
        "or",
        "drought OR floods",
        "drought OR floods",
        None,
        &["drought"],
    ),
    (
        "or",
        "vaccine OR pandemic",
        "vaccine OR pandemic",
        None,
        &["vaccine"],
    ),
    ("or", "ocean OR sea", "ocean OR sea", None, &["ocean"]),
    (
        "phrase",
        "\"united nations\"",
        "\"united nations\"",
        None,
        &["united nations"],
    ),
    (
        "phrase",
        "\"sustainable development\"",
        "\"sustainable development\"",
        None,
        &["sustainable development"],
    ),
    (
        "phrase",
        "\"climate change\"",
        "\"climate change\"",
        None,
        &["climate change"],
    ),
    (
        "phrase",
        "\"security council\"",
        "\"security council\"",
        None,
        &["security council"],
    ),
    (
        "phrase",
        "\"human rights\"",
        "\"human rights\"",
        None,
        &["human rights"],
    ),
    (
        "phrase+filter",
        "\"climate change\" speaker:Tuvalu",
        "\"climate change\"",
        Some("Tuvalu"),
        &["climate change"],
    ),
    (
        "phrase+filter",
        "\"human rights\" speaker:France",
        "\"human rights\"",
        Some("France"),
        &["human rights"],
    ),
    (
        "phrase+filter",
        "\"security council\" speaker:India",
        "\"security council\"",
        Some("India"),
        &["security council"],
    ),
    (
        "phrase+filter",
        "\"united nations\" speaker:\"Russian Federation\"",
        "\"united nations\"",
        Some("Russian Federation"),
        &["united nations"],
    ),
    ("facets", "cyber", "cyber", None, &["cyber"]),
    ("facets", "sanctions", "sanctions", None, &["sanctions"]),
    (
        "facets",
        "multilateralism",
        "multilateralism",
        None,
        &["multilateralism"],
    ),
    ("facets", "the", "the", None, &["the"]),
];

/// The query classes, in the order they are reported.
pub const CLASSES: [&str; 7] = [
    "rare",
    "common",
    "and",
    "or",
    "phrase",
    "phrase+filter",
    "facets",
];

/// The value at `p` (0–1) of sorted timings.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Builds an FTS5 table `fts` (`porter unicode61`) in `fts` over the statements of the
/// library database at `library_db`, with each statement's speaker alongside.
pub fn build_fts(fts: &Connection, library_db: &Path) -> Result<i64, Error> {
    fts.execute_batch(
        "CREATE VIRTUAL TABLE fts USING fts5(text, speaker UNINDEXED, tokenize = 'porter unicode61');",
    )?;
    fts.execute("ATTACH DATABASE ?1 AS lib", [library_db.to_string_lossy()])?;
    let rows = fts.execute(
        "INSERT INTO fts (rowid, text, speaker)
         SELECT s.id, s.text, a.name FROM lib.statements s LEFT JOIN lib.actors a ON a.id = s.speaker_id",
        [],
    )?;
    fts.execute_batch("DETACH DATABASE lib")?;
    Ok(rows as i64)
}

/// Timings of one class, in milliseconds.
pub struct ClassRow {
    pub class: &'static str,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
    pub fts50: f64,
    pub fts99: f64,
    pub scan50: Option<f64>,
}

/// The whole suite's timings.
pub struct Suite {
    pub rows: Vec<ClassRow>,
    pub repeats: usize,
    pub plenary_total: f64,
    pub fts_total: f64,
    pub scan_total: Option<f64>,
    /// Every Plenary timing of the suite, sorted.
    pub plenary_all: Vec<f64>,
}

/// Runs every query `repeats` times on each engine. `texts` (lower-cased text and
/// speaker of every statement) adds the scan; `None` leaves it out.
pub fn run(
    library: &Library,
    fts: &Connection,
    texts: Option<&[(String, Option<String>)]>,
    repeats: usize,
) -> Result<Suite, Error> {
    let mut rows = Vec::new();
    let (mut plenary_total, mut fts_total, mut scan_total) = (0.0, 0.0, 0.0);
    let mut plenary_all = Vec::new();
    for class in CLASSES {
        let (mut p, mut f, mut s) = (Vec::new(), Vec::new(), Vec::new());
        for (c, query, fts_query, speaker, words) in QUERIES {
            if *c != class {
                continue;
            }
            let request = SearchRequest {
                query: query.to_string(),
                limit: 20,
                ..SearchRequest::default()
            };
            // Each engine runs its repetitions back to back, after its own warm-up,
            // so none of them starts on caches another one just emptied (the scan
            // reads every statement's text).
            let filter = if speaker.is_some() {
                " AND speaker = ?2"
            } else {
                ""
            };
            let mut top = fts.prepare_cached(&format!("SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ?1{filter} ORDER BY bm25(fts) LIMIT 20"))?;
            let mut count = fts.prepare_cached(&format!(
                "SELECT count(*) FROM fts WHERE fts MATCH ?1{filter}"
            ))?;
            let mut facet = fts.prepare_cached(
                "SELECT speaker, count(*) FROM fts WHERE fts MATCH ?1 GROUP BY speaker",
            )?;
            let mut fts_query_once = || -> Result<(), Error> {
                let ids: Vec<i64> = match speaker {
                    Some(sp) => top
                        .query_map(rusqlite::params![fts_query, sp], |r| r.get(0))?
                        .collect::<Result<_, _>>()?,
                    None => top
                        .query_map(rusqlite::params![fts_query], |r| r.get(0))?
                        .collect::<Result<_, _>>()?,
                };
                let n: i64 = match speaker {
                    Some(sp) => count.query_row(rusqlite::params![fts_query, sp], |r| r.get(0))?,
                    None => count.query_row(rusqlite::params![fts_query], |r| r.get(0))?,
                };
                if class == "facets" {
                    let groups: Vec<(Option<String>, i64)> = facet
                        .query_map([fts_query], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<Result<_, _>>()?;
                    std::hint::black_box(groups);
                }
                std::hint::black_box((ids, n));
                Ok(())
            };
            library.search(&request)?; // warm up
            for _ in 0..repeats {
                let t = Instant::now();
                let r = library.search(&request)?;
                p.push(t.elapsed().as_secs_f64() * 1000.0);
                std::hint::black_box(r);
            }
            fts_query_once()?; // warm up
            for _ in 0..repeats {
                let t = Instant::now();
                fts_query_once()?;
                f.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            let Some(texts) = texts else { continue };
            let scan_once = || {
                texts
                    .iter()
                    .filter(|(text, who)| {
                        speaker.is_none_or(|sp| who.as_deref() == Some(sp))
                            && if class == "or" {
                                text.contains(words[0])
                                    || text.contains(fts_query.split(" OR ").nth(1).unwrap_or(""))
                            } else {
                                words.iter().all(|w| text.contains(w))
                            }
                    })
                    .count()
            };
            std::hint::black_box(scan_once()); // warm up
            for _ in 0..repeats {
                let t = Instant::now();
                let matched = scan_once();
                s.push(t.elapsed().as_secs_f64() * 1000.0);
                std::hint::black_box(matched);
            }
        }
        for v in [&mut p, &mut f, &mut s] {
            v.sort_by(|a, b| a.total_cmp(b));
        }
        plenary_total += p.iter().sum::<f64>();
        fts_total += f.iter().sum::<f64>();
        scan_total += s.iter().sum::<f64>();
        plenary_all.extend_from_slice(&p);
        rows.push(ClassRow {
            class,
            p50: percentile(&p, 0.5),
            p95: percentile(&p, 0.95),
            p99: percentile(&p, 0.99),
            max: p.last().copied().unwrap_or(0.0),
            fts50: percentile(&f, 0.5),
            fts99: percentile(&f, 0.99),
            scan50: (!s.is_empty()).then(|| percentile(&s, 0.5)),
        });
    }
    plenary_all.sort_by(|a, b| a.total_cmp(b));
    Ok(Suite {
        rows,
        repeats,
        plenary_total,
        fts_total,
        scan_total: texts.map(|_| scan_total),
        plenary_all,
    })
}

/// Prints the suite as a Markdown table and its totals.
pub fn print(suite: &Suite, statements: i64) {
    println!(
        "{} queries × {} runs over {statements} statements",
        QUERIES.len(),
        suite.repeats
    );
    let scan = suite.scan_total.is_some();
    let scan_heads = if scan {
        " scan p50 | scan ÷ Plenary (p50) |"
    } else {
        ""
    };
    let scan_rule = if scan { " ---: | ---: |" } else { "" };
    println!("| class | Plenary p50 | p95 | p99 | max | FTS5 p50 | FTS5 p99 | FTS5 ÷ Plenary (p50) |{scan_heads}");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |{scan_rule}");
    for r in &suite.rows {
        let scan_cells = match r.scan50 {
            Some(s50) => format!(" {s50:.2} ms | {:.1}× |", s50 / r.p50),
            None => String::new(),
        };
        println!(
            "| {} | {:.2} ms | {:.2} | {:.2} | {:.2} | {:.2} ms | {:.2} | {:.1}× |{scan_cells}",
            r.class,
            r.p50,
            r.p95,
            r.p99,
            r.max,
            r.fts50,
            r.fts99,
            r.fts50 / r.p50
        );
    }
    let all = &suite.plenary_all;
    println!(
        "all Plenary queries: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        percentile(all, 0.5),
        percentile(all, 0.99),
        all.last().copied().unwrap_or(0.0)
    );
    let scan_total = suite
        .scan_total
        .map(|s| format!(", scan {s:.0} ms"))
        .unwrap_or_default();
    println!(
        "whole suite: Plenary {:.0} ms, FTS5 {:.0} ms ({:.3} of FTS5's time){scan_total}",
        suite.plenary_total,
        suite.fts_total,
        suite.plenary_total / suite.fts_total
    );
}

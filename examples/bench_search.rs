//! Search latency on the UN General Debate corpus and the seeds, against SQLite FTS5
//! and a scan of the raw text, measured in the same run on the same statements and
//! queries.
//!
//! Run: `cargo run --release --example bench_search -- ../shared/corpus`
//!
//! Plenary's time covers the whole answer: top 20 by relevance, the exact total, facet
//! counts (speaker, group, theme, session) over every match, snippets with the hits
//! marked, and the hits' speakers and documents read back from SQLite. FTS5 does a
//! ranked top 20 and a count (and, for the facet class, a GROUP BY speaker).

use std::path::PathBuf;
use std::time::Instant;

use plenary::import::ImportOptions;
use plenary::index::search::SearchRequest;
use plenary::Library;
use rusqlite::Connection;

/// One benchmark query: class, Plenary query, FTS5 MATCH expression, speaker filter,
/// words for the scan.
type BenchQuery = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
);

const QUERIES: &[BenchQuery] = &[
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

const REPEATS: usize = 15;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let corpus = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpus".into()),
    );
    let tmp = tempfile::tempdir()?;
    let mut library = Library::open(tmp.path())?;
    let started = Instant::now();
    library.import(
        &[corpus.join("seeds"), corpus.join("ungdc")],
        &ImportOptions::default(),
        |_| {},
    )?;
    eprintln!("imported in {:.1} s", started.elapsed().as_secs_f64());
    let statements = library.statements(None, None, None, None)?;

    // FTS5 over the same statements, with the speaker alongside.
    let fts = Connection::open(tmp.path().join("fts.sqlite3"))?;
    fts.execute_batch("CREATE VIRTUAL TABLE fts USING fts5(text, speaker UNINDEXED, tokenize = 'porter unicode61');")?;
    {
        let tx = fts.unchecked_transaction()?;
        let mut insert =
            tx.prepare("INSERT INTO fts (rowid, text, speaker) VALUES (?1, ?2, ?3)")?;
        for s in &statements {
            insert.execute(rusqlite::params![s.id, s.text, s.speaker])?;
        }
        drop(insert);
        tx.commit()?;
    }
    let texts: Vec<(String, Option<String>)> = statements
        .iter()
        .map(|s| (s.text.to_lowercase(), s.speaker.clone()))
        .collect();
    eprintln!("{} statements", statements.len());

    let classes = [
        "rare",
        "common",
        "and",
        "or",
        "phrase",
        "phrase+filter",
        "facets",
    ];
    let mut rows = Vec::new();
    let (mut plenary_total, mut fts_total, mut scan_total) = (0.0, 0.0, 0.0);
    for class in classes {
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
            let mut fts_query_once = || -> Result<(), Box<dyn std::error::Error>> {
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
            library.search(&request)?; // warm up
            for _ in 0..REPEATS {
                let t = Instant::now();
                let r = library.search(&request)?;
                p.push(t.elapsed().as_secs_f64() * 1000.0);
                std::hint::black_box(r);
            }
            fts_query_once()?; // warm up
            for _ in 0..REPEATS {
                let t = Instant::now();
                fts_query_once()?;
                f.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            std::hint::black_box(scan_once()); // warm up
            for _ in 0..REPEATS {
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
        rows.push((
            class,
            percentile(&p, 0.5),
            percentile(&p, 0.95),
            percentile(&p, 0.99),
            percentile(&f, 0.5),
            percentile(&f, 0.99),
            percentile(&s, 0.5),
        ));
    }
    println!(
        "{} queries × {REPEATS} runs over {} statements",
        QUERIES.len(),
        statements.len()
    );
    println!("| class | Plenary p50 | p95 | p99 | FTS5 p50 | FTS5 p99 | scan p50 | FTS5 ÷ Plenary (p50) | scan ÷ Plenary (p50) |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (class, p50, p95, p99, f50, f99, s50) in &rows {
        println!("| {class} | {p50:.2} ms | {p95:.2} | {p99:.2} | {f50:.2} ms | {f99:.2} | {s50:.2} ms | {:.1}× | {:.1}× |", f50 / p50, s50 / p50);
    }
    println!("whole suite: Plenary {plenary_total:.0} ms, FTS5 {fts_total:.0} ms ({:.2} of FTS5's time), scan {scan_total:.0} ms", plenary_total / fts_total);
    Ok(())
}

//! Search: the query language, folding, facets against SQLite, safe snippets, index
//! recovery, and searching while another process imports.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use plenary::index::search::{SearchRequest, Sort};
use plenary::{Error, Library, SearchResults};

use crate::common::{corpus, plenary, stderr, stdout, temp_dir};

use crate::common::{fixtures, fixtures_library as library};

fn search(library: &Library, query: &str) -> SearchResults {
    library
        .search(&SearchRequest {
            query: query.into(),
            limit: 50,
            ..SearchRequest::default()
        })
        .unwrap_or_else(|e| panic!("{query}: {e}"))
}

fn exact(library: &Library, query: &str) -> SearchResults {
    library
        .search(&SearchRequest {
            query: query.into(),
            limit: 50,
            exact: true,
            ..SearchRequest::default()
        })
        .unwrap()
}

fn speakers(r: &SearchResults) -> Vec<String> {
    let mut s: Vec<String> = r.hits.iter().filter_map(|h| h.speaker.clone()).collect();
    s.sort();
    s.dedup();
    s
}

#[test]
fn each_construct_of_the_query_language() {
    let (_dir, library) = library();
    // Words: all must match.
    assert_eq!(speakers(&search(&library, "Kiribati aligns")), ["Kiribati"]);
    assert_eq!(search(&library, "Kiribati Atlantis").total, 0);
    // Phrases keep word order.
    assert_eq!(search(&library, "\"permanent mechanism\"").total, 1);
    assert_eq!(search(&library, "\"mechanism permanent\"").total, 0);
    // Exclusion.
    let with = search(&library, "thank").total;
    let without = search(&library, "thank -Chile").total;
    assert!(without < with && without > 0, "{with} {without}");
    // OR.
    let either = search(&library, "Kiribati OR Chile -speaker:Chair");
    assert_eq!(speakers(&either), ["Chile", "Kiribati"]);
    // Prefix.
    assert!(search(&library, "Kirib*").total >= 1);
    assert_eq!(search(&library, "Kiribx*").total, 0);
}

#[test]
fn each_filter() {
    let (_dir, library) = library();
    let uk = search(&library, "speaker:UK");
    assert!(
        uk.total >= 1 && speakers(&uk) == ["United Kingdom"],
        "{:?}",
        speakers(&uk)
    );
    // A group: its members (Kiribati is in the Pacific Islands Forum).
    assert_eq!(
        speakers(&search(&library, "group:\"Pacific Islands Forum\"")),
        ["Kiribati"]
    );
    let grulac = speakers(&search(&library, "region:GRULAC"));
    assert!(
        grulac.contains(&"Chile".to_string()) && grulac.contains(&"Brazil".to_string()),
        "{grulac:?}"
    );
    assert!(!grulac.contains(&"France".to_string()), "{grulac:?}");
    assert!(search(&library, "kind:session_report")
        .hits
        .iter()
        .all(
            |h| h.document_title.contains("Exercise") || h.document_title.contains("Example Forum")
        ));
    assert_eq!(search(&library, "kind:general_debate").total, 4);
    assert!(search(&library, "session:3").total >= 10);
    assert_eq!(search(&library, "session:3 speaker:Peru").total, 1);
    assert_eq!(
        search(&library, "symbol:A/75/816").total,
        4,
        "all paragraphs of the citing document"
    );
    let dated = search(&library, "after:2030-01-01");
    assert!(
        dated.total >= 4
            && dated
                .hits
                .iter()
                .all(|h| h.date.as_deref().unwrap_or("") >= "2030")
    );
    assert!(search(&library, "before:2026")
        .hits
        .iter()
        .all(|h| h.date.as_deref().unwrap_or("0") < "2026"));
    // The same filters as flags.
    let flagged = library
        .search(&SearchRequest {
            query: "thank".into(),
            filters: vec![plenary::Filter::new(plenary::Field::Speaker, "Chile")],
            limit: 10,
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(speakers(&flagged), ["Chile"]);
    // Sorting by date puts the newest first.
    let by_date = library
        .search(&SearchRequest {
            query: "the".into(),
            sort: Sort::Date,
            limit: 100,
            ..SearchRequest::default()
        })
        .unwrap();
    let dates: Vec<String> = by_date
        .hits
        .iter()
        .map(|h| h.date.clone().unwrap_or_default())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

#[test]
fn bad_queries_explain_or_read_leniently() {
    let (_dir, library) = library();
    let err = |q: &str| {
        library
            .search(&SearchRequest {
                query: q.into(),
                limit: 5,
                ..SearchRequest::default()
            })
            .unwrap_err()
    };
    match err("training colour:red") {
        Error::Query { column, message } => {
            assert_eq!(column, 10);
            assert!(message.contains("unknown field \"colour:\""), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let e = err("speaker:Frnace").to_string();
    assert!(
        e.contains("unknown speaker") && e.contains("did you mean France"),
        "{e}"
    );
    assert!(err("").to_string().contains("empty"));
    assert!(err("stance:maybe").to_string().contains("not a stance"));
    assert!(err("after:soon").to_string().contains("not a date"));
    let open = search(&library, "\"permanent mechanism");
    assert_eq!(open.total, 1);
    assert!(open.notices[0].contains("not closed"), "{:?}", open.notices);
    let dangling = search(&library, "mechanism OR");
    assert!(dangling.total >= 1 && dangling.notices[0].contains("OR at the end"));
}

#[test]
fn session_filters_take_a_number_or_the_name_the_facet_shows() {
    let (_dir, library) = library();
    // Each session of the facet, named as the facet names it, filters to its count.
    let all = search(&library, "the");
    assert!(all.facets.session.len() >= 2, "{:?}", all.facets.session);
    for f in &all.facets.session {
        let q = format!("the session:\"{}\"", f.name);
        assert_eq!(search(&library, &q).total as u64, f.count, "{q}");
        // Without its process, the session's own name matches it too.
        let (_, own) = f.name.rsplit_once(", ").expect("process, session");
        let q = format!("the session:\"{own}\"");
        assert!(search(&library, &q).total as u64 >= f.count, "{q}");
    }
    // Ordinals read as numbers.
    assert_eq!(
        search(&library, "session:3rd").total,
        search(&library, "session:3").total
    );
    let err = library
        .search(&SearchRequest {
            query: "session:\"Fifth special session\"".into(),
            limit: 5,
            ..SearchRequest::default()
        })
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("no session is named") && err.contains("session:2"),
        "{err}"
    );
}

/// Lower-cased words of a text, split as the exact tokenizer splits them (at anything
/// not a letter or digit).
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn exact_words_and_prefixes_agree_with_the_texts() {
    // The index holds folded words only: `--exact` and `word*` are checked against the
    // texts. Their totals must be those of reading every statement.
    let (_dir, library) = library();
    let all = library.statements(None, None, None, None).unwrap();
    let texts: Vec<Vec<String>> = all.iter().map(|s| words_of(&s.text)).collect();
    let mut asked = 0;
    for query in [
        "programme",
        "program",
        "programmes",
        "\"programme of action\"",
        "\"capacity building\"",
        "states",
        "state",
    ] {
        let run = words_of(query);
        let expected = texts
            .iter()
            .filter(|w| w.windows(run.len()).any(|x| x == run))
            .count();
        let found = exact(&library, query);
        assert_eq!(found.total, expected, "--exact {query}");
        asked += expected;
    }
    for prefix in ["program", "polic", "capac", "cyber", "stat", "develop"] {
        let expected = texts
            .iter()
            .filter(|w| w.iter().any(|x| x.starts_with(prefix)))
            .count();
        let found = search(&library, &format!("{prefix}*"));
        assert_eq!(found.total, expected, "{prefix}*");
        asked += expected;
    }
    assert!(asked > 20, "the fixtures hold these words: {asked}");
}

#[test]
fn spelling_variants_fold_together_unless_exact() {
    let (_dir, library) = library();
    // The fixture writes "programme of action" and "cybersecurity".
    for q in [
        "\"program of action\"",
        "\"programme of action\"",
        "programmes",
    ] {
        assert!(
            speakers(&search(&library, q)).contains(&"Peru".to_string()),
            "{q}"
        );
    }
    for q in ["cybersecurity", "cyber-security", "\"cyber security\""] {
        assert!(
            speakers(&search(&library, q)).contains(&"Peru".to_string()),
            "{q}"
        );
    }
    // Hyphens and compounds: the transcript fixture says "capacity building".
    assert_eq!(
        search(&library, "capacity-building").total,
        search(&library, "\"capacity building\"").total
    );
    // Plurals and stems.
    assert!(search(&library, "delegation").total >= search(&library, "delegations").total.min(1));
    assert_eq!(
        search(&library, "paragraphs").total,
        search(&library, "paragraph").total
    );
    // --exact turns folding off.
    assert!(!speakers(&exact(&library, "\"program of action\"")).contains(&"Peru".to_string()));
    assert!(speakers(&exact(&library, "\"programme of action\"")).contains(&"Peru".to_string()));
    assert!(!speakers(&exact(&library, "\"cyber security\"")).contains(&"Peru".to_string()));
}

#[test]
fn acronyms_expand_only_from_the_codebook_and_say_so() {
    let (_dir, library) = library();
    let poa = search(&library, "PoA");
    assert!(
        poa.notices
            .iter()
            .any(|n| n == "also searching: Programme of Action"),
        "{:?}",
        poa.notices
    );
    assert!(speakers(&poa).contains(&"Peru".to_string()));
    // And the other way: the phrase finds the acronym.
    let phrase = search(&library, "\"programme of action\"");
    assert!(
        phrase
            .notices
            .iter()
            .any(|n| n.starts_with("also searching: POA")),
        "{:?}",
        phrase.notices
    );
    let plain = search(&library, "Peru");
    assert!(plain.notices.is_empty());
    let e = exact(&library, "PoA");
    assert!(e.notices.is_empty(), "--exact does not expand");
}

/// The speaker facet of a query that matches most statements, against the speakers
/// of its hits read from SQLite.
fn assert_speaker_facet_matches_sqlite(library: &Library) {
    let r = library
        .search(&SearchRequest {
            query: "the".into(),
            limit: 1000,
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(r.hits.len(), r.total, "all hits returned");
    let mut truth: HashMap<String, u64> = HashMap::new();
    for h in &r.hits {
        let s = library.statement(h.id).unwrap();
        if let Some(name) = s.speaker {
            *truth.entry(name).or_default() += 1;
        }
    }
    let facets: HashMap<String, u64> = r
        .facets
        .speaker
        .iter()
        .map(|f| (f.name.clone(), f.count))
        .collect();
    assert_eq!(facets, truth);
}

#[test]
fn facet_counts_match_sqlite() {
    let (_dir, mut library) = library();
    // "the" matches most statements of each segment: counted as the segment's totals
    // less what did not match.
    assert_speaker_facet_matches_sqlite(&library);
    // A statement re-indexed leaves a deleted document in its old segment, which the
    // totals still count.
    let chile = library.statements(None, Some("Chile"), None, None).unwrap();
    library.fix_speaker(chile[0].id, "Peru").unwrap();
    assert_speaker_facet_matches_sqlite(&library);
    library.fix_speaker(chile[0].id, "Chile").unwrap();
    // And a filter's total equals SQLite's count.
    let chile = library
        .statements(None, Some("Chile"), None, None)
        .unwrap()
        .len();
    assert_eq!(search(&library, "speaker:Chile").total, chile);
    // Sessions facet: every statement of the OEWG transcripts is in session 3.
    let s = search(&library, "session:3");
    assert_eq!(
        s.facets.session.iter().map(|f| f.count).sum::<u64>() as usize,
        s.total
    );
    // Groups facet counts members' statements.
    let g = search(&library, "speaker:Kiribati");
    assert!(g
        .facets
        .group
        .iter()
        .any(|f| f.name == "Pacific Islands Forum" && f.count == g.total as u64));
}

#[test]
fn snippets_are_escaped_with_only_the_markers() {
    let (_dir, library) = library();
    let r = search(&library, "cybersecurity speaker:Peru");
    let hit = r
        .hits
        .iter()
        .find(|h| h.snippet.contains("img"))
        .expect("the hostile statement");
    assert!(
        !hit.snippet.contains("<script") && !hit.snippet.contains("<img"),
        "{}",
        hit.snippet
    );
    assert!(
        hit.snippet.contains("&lt;script&gt;")
            && hit.snippet.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{}",
        hit.snippet
    );
    assert!(hit.snippet.contains("<mark>"), "{}", hit.snippet);
    let without_marks = hit.snippet.replace("<mark>", "").replace("</mark>", "");
    assert!(!without_marks.contains('<') && !without_marks.contains('>'));
}

#[test]
fn similar_statements_optionally_by_others() {
    let (_dir, library) = library();
    let peru = search(&library, "speaker:Peru training");
    let id = peru.hits[0].id;
    let all = library.similar(id, false, 10).unwrap();
    assert!(all.hits.iter().all(|h| h.id != id));
    let others = library.similar(id, true, 10).unwrap();
    assert!(others
        .hits
        .iter()
        .all(|h| h.speaker.as_deref() != Some("Peru")));
    assert!(matches!(
        library.similar(999_999, false, 5),
        Err(Error::NotFound { .. })
    ));
}

fn index_dir(dir: &Path) -> PathBuf {
    dir.join("index")
}

#[test]
fn missing_damaged_and_stale_indexes_are_rebuilt() {
    let (dir, library) = library();
    let total = search(&library, "the").total;
    drop(library);

    // Missing.
    fs::remove_dir_all(index_dir(dir.path())).unwrap();
    let library = Library::open(dir.path()).unwrap();
    assert!(library.index_repair().unwrap().contains("missing"));
    assert_eq!(search(&library, "the").total, total);
    drop(library);

    // A segment file deleted.
    let segment = fs::read_dir(index_dir(dir.path()))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .expect("a segment file");
    fs::remove_file(segment).unwrap();
    let library = Library::open(dir.path()).unwrap();
    assert!(
        library.index_repair().unwrap().contains("damaged"),
        "{:?}",
        library.index_repair()
    );
    assert_eq!(search(&library, "the").total, total);
    drop(library);

    // The index metadata truncated.
    let meta = index_dir(dir.path()).join("meta.json");
    let bytes = fs::read(&meta).unwrap();
    fs::write(&meta, &bytes[..bytes.len() / 3]).unwrap();
    let library = Library::open(dir.path()).unwrap();
    assert!(library.index_repair().unwrap().contains("damaged"));
    assert_eq!(search(&library, "the").total, total);
    drop(library);

    // Stale: the database changed behind the index's back.
    {
        let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
        conn.execute("DELETE FROM documents WHERE kind = 'general_debate'", [])
            .unwrap();
        conn.execute(
            "UPDATE library_meta SET value = value + 1 WHERE key = 'generation'",
            [],
        )
        .unwrap();
    }
    let mut library = Library::open(dir.path()).unwrap();
    assert!(
        library.index_repair().unwrap().contains("statements"),
        "{:?}",
        library.index_repair()
    );
    assert_eq!(search(&library, "kind:general_debate").total, 0);
    assert!(library.check().unwrap().is_empty());
}

#[test]
fn check_and_reindex_commands() {
    let dir = temp_dir();
    let out = plenary(dir.path(), &["import", fixtures().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = plenary(dir.path(), &["check"]);
    assert!(
        out.status.success() && stdout(&out).starts_with("ok"),
        "{}",
        stdout(&out)
    );
    let out = plenary(dir.path(), &["reindex"]);
    assert!(
        out.status.success() && stdout(&out).contains("rebuilt the search index"),
        "{}",
        stdout(&out)
    );
    // A search from the command line, as JSON with the documented fields.
    let out = plenary(
        dir.path(),
        &["search", "\"programme of action\"", "--format", "json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    for key in ["query", "total", "took_ms", "hits", "facets"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    for key in ["id", "document", "speaker", "date", "score", "snippet"] {
        assert!(v["hits"][0].get(key).is_some(), "hit {key}");
    }
    // --queries: one object per line.
    let queries = dir.path().join("queries.txt");
    fs::write(
        &queries,
        "training\n\"permanent mechanism\"\nspeaker:Nowhere\n",
    )
    .unwrap();
    let out = plenary(
        dir.path(),
        &["search", "--queries", queries.to_str().unwrap()],
    );
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[2]["error"]
        .as_str()
        .unwrap()
        .contains("unknown speaker"));
    assert_eq!(out.status.code(), Some(1));
    // Bad query: one line, exit 2.
    let out = plenary(dir.path(), &["search", "colour:red"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
}

/// Starts `plenary import FOLDER` on the library in `dir`, in a child process.
fn spawn_import(dir: &Path, folder: &Path, stderr: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("--library")
        .arg(dir)
        .arg("import")
        .arg(folder)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("start plenary import")
}

/// Import the UNGDC corpus in a child process while searching from this one.
#[test]
fn searching_while_another_process_imports() {
    let Some(corpus) = corpus() else { return };
    let dir = temp_dir();
    drop(Library::open(dir.path()).unwrap());
    let mut child = spawn_import(dir.path(), &corpus.join("ungdc"), Stdio::piped());
    let started = Instant::now();
    let mut searches = 0;
    let mut last_total = 0;
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(300) {
        let library = Library::open(dir.path()).expect("opening while another process imports");
        let r = library
            .search(&SearchRequest {
                query: "peace".into(),
                limit: 5,
                ..SearchRequest::default()
            })
            .expect("searching while importing");
        assert!(r.total >= last_total, "the index went backwards");
        last_total = r.total;
        // Never half a document: the index holds all of a document's statements or none.
        for hit in &r.hits {
            let in_index = library
                .search(&SearchRequest {
                    query: format!("document:{}", hit.document),
                    limit: 1,
                    ..SearchRequest::default()
                })
                .unwrap()
                .total;
            let in_db = library
                .statements(Some(hit.document), None, None, None)
                .unwrap()
                .len();
            assert_eq!(in_index, in_db, "document {} half indexed", hit.document);
        }
        searches += 1;
        std::thread::sleep(Duration::from_millis(200));
    }
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "{:?}",
        child.stderr.take().map(|mut e| {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut e, &mut s).ok();
            s
        })
    );
    assert!(
        searches >= 2,
        "only {searches} searches ran during the import"
    );
    let mut library = Library::open(dir.path()).unwrap();
    let problems = library.check().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert!(search(&library, "peace").total > last_total.min(1));
}

/// Kill an import half-way; the library must open, answer correctly and hold no half
/// document.
#[test]
fn a_killed_import_leaves_a_consistent_library() {
    let Some(corpus) = corpus() else { return };
    let dir = temp_dir();
    drop(Library::open(dir.path()).unwrap());
    let mut child = spawn_import(dir.path(), &corpus.join("ungdc"), Stdio::null());
    // Wait until some documents are in, then kill it mid-import.
    let db = dir.path().join("library.sqlite3");
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let n: i64 = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .unwrap_or(0);
        if n >= 50 || started.elapsed() > Duration::from_secs(120) {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let mut library = Library::open(dir.path()).expect("the library opens after a killed import");
    let docs = library.documents().unwrap();
    assert!(
        !docs.is_empty() && docs.len() < 1746,
        "{} documents",
        docs.len()
    );
    for d in &docs {
        assert!(d.statements > 0, "document {} has no statements", d.id);
        let indexed = library
            .search(&SearchRequest {
                query: format!("document:{}", d.id),
                limit: 1,
                ..SearchRequest::default()
            })
            .unwrap()
            .total;
        assert_eq!(
            indexed as i64, d.statements,
            "document {} half indexed",
            d.id
        );
    }
    let problems = library.check().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    // The rest imports on a second run; the documents already in are recognised.
    drop(library);
    let out = plenary(
        dir.path(),
        &["import", corpus.join("ungdc").to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("{} already present", docs.len())),
        "{}",
        stdout(&out).lines().last().unwrap_or("")
    );
}

#[test]
fn a_cancelled_reindex_leaves_the_index_as_it_was() {
    let (_dir, mut library) = library();
    let before = search(&library, "capacity").total;
    assert!(before > 0);
    let cancel = std::sync::atomic::AtomicBool::new(true);
    let done = library
        .reindex_cancellable(&mut |_, _, _| {}, &cancel)
        .unwrap();
    assert_eq!(done, None, "cancelled");
    assert_eq!(search(&library, "capacity").total, before);
    assert!(library.check().unwrap().is_empty(), "healthy after cancel");
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let done = library
        .reindex_cancellable(&mut |_, _, _| {}, &cancel)
        .unwrap();
    assert!(done.is_some_and(|n| n > 0));
    assert_eq!(search(&library, "capacity").total, before);
}

#[test]
fn impossible_dates_and_huge_pages_are_answered_not_crashed_on() {
    let (_dir, library) = library();
    for bad in [
        "after:2020-13-45",
        "before:2021-02-30",
        "after:20",
        "before:2021-00",
    ] {
        let err = library
            .search(&SearchRequest {
                query: bad.into(),
                limit: 10,
                ..SearchRequest::default()
            })
            .unwrap_err();
        assert_eq!(err.code(), "bad_query", "{bad}: {err}");
        assert!(err.to_string().contains("is not a date"), "{bad}: {err}");
    }
    assert!(!search(&library, "after:2020-02-29").hits.is_empty());
    // A page of two billion, or one that starts past the end: an answer, no abort.
    let all = library
        .search(&SearchRequest {
            query: "thank".into(),
            limit: 2_000_000_000,
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(all.hits.len(), all.total);
    let past = library
        .search(&SearchRequest {
            query: "thank".into(),
            limit: 2_000_000_000,
            offset: 2_000_000_000,
            ..SearchRequest::default()
        })
        .unwrap();
    assert!(past.hits.is_empty());
    assert_eq!(past.total, all.total);
}

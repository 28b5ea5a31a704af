//! The `plenary` command line, run as a user would.

use crate::common::{plenary, stderr, stdout, temp_dir};

#[test]
fn actors_list_json_has_the_documented_fields() {
    let dir = temp_dir();
    let out = plenary(
        dir.path(),
        &["actors", "list", "--kind", "state", "--format", "json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert_eq!(
        lines.len(),
        200,
        "193 member states, 2 observer states and 5 former member states"
    );
    let ussr = lines.iter().find(|a| a["iso3"] == "SUN").unwrap();
    assert_eq!(ussr["name"], "Union of Soviet Socialist Republics");
    assert_eq!(ussr["until"], "1991-12-25");
    let france = lines.iter().find(|a| a["name"] == "France").unwrap();
    assert_eq!(france["kind"], "state");
    assert_eq!(france["iso3"], "FRA");
    assert!(france["until"].is_null());
    assert_eq!(france["region"], "Western European and Others Group");
    let groups = france["groups"].as_array().unwrap();
    assert!(groups.iter().any(|g| g == "European Union"), "{groups:?}");
    let holy_see = lines.iter().find(|a| a["name"] == "Holy See").unwrap();
    assert_eq!(holy_see["observer"], true);
}

#[test]
fn actors_list_table_and_kinds() {
    let dir = temp_dir();
    let out = plenary(dir.path(), &["actors", "list", "--kind", "role"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("NAME"), "{text}");
    assert!(
        text.contains("Chair") && text.contains("Secretariat"),
        "{text}"
    );
    let out = plenary(dir.path(), &["actors", "list", "--kind", "state"]);
    let text = stdout(&out);
    let gdr = text
        .lines()
        .find(|l| l.starts_with("German Democratic Republic"));
    assert!(
        gdr.is_some_and(|l| l.contains("state (until 1990-10-02)")),
        "{text}"
    );

    let out = plenary(dir.path(), &["actors", "list", "--format", "json"]);
    let iso3_null = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|a| a["name"] == "Non-Aligned Movement")
        .unwrap();
    assert!(iso3_null["iso3"].is_null());
    assert_eq!(iso3_null["kind"], "group");
}

#[test]
fn unknown_kind_is_one_clear_line() {
    let dir = temp_dir();
    let out = plenary(dir.path(), &["actors", "list", "--kind", "country"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("actor kind \"country\" is not known"), "{err}");
}

#[test]
fn resolve_prints_canonical_names_and_fails_on_unknown() {
    let dir = temp_dir();
    let out = plenary(
        dir.path(),
        &[
            "actors",
            "resolve",
            "UK",
            "the delegation of Türkiye",
            "NAM",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("United Kingdom"), "{text}");
    assert!(text.contains("Türkiye"), "{text}");
    assert!(text.contains("Non-Aligned Movement"), "{text}");

    let out = plenary(
        dir.path(),
        &["actors", "resolve", "France", "Frnace", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "an unknown name exits 1");
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["resolution"]["name"], "France");
    assert_eq!(lines[1]["resolution"]["status"], "unknown");
    assert_eq!(lines[1]["resolution"]["suggestions"][0], "France");
}

#[test]
fn library_errors_are_one_line_without_backtrace() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("library.sqlite3"), "not a database").unwrap();
    let out = plenary(dir.path(), &["actors", "list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: ") && err.contains("not a Plenary library"),
        "{err}"
    );
    assert!(
        !err.contains("backtrace") && !err.contains("Sqlite {"),
        "{err}"
    );
}

#[test]
fn library_comes_from_the_environment_variable() {
    let dir = temp_dir();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["status", "--format", "json"])
        .env("PLENARY_LIBRARY", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let status: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(status["dir"], dir.path().to_str().unwrap());
    assert!(dir.path().join("library.sqlite3").is_file());
}

#[test]
fn default_library_is_in_the_data_directory() {
    let home = temp_dir();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["status", "--format", "json"])
        .env_remove("PLENARY_LIBRARY")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(home
        .path()
        .join(".local/share/plenary/library.sqlite3")
        .is_file());
}

#[test]
fn every_subcommand_has_help() {
    let dir = temp_dir();
    for args in [
        &["--help"][..],
        &["actors", "--help"],
        &["actors", "list", "--help"],
        &["actors", "resolve", "--help"],
        &["status", "--help"],
    ] {
        let out = plenary(dir.path(), args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn documents_edit_corrects_and_the_listing_shows_it() {
    let dir = temp_dir();
    let work = temp_dir();
    let file = work.path().join("meeting.txt");
    let transcript = "\
Session 4-2 Transcript
(OEWG 2021-25)

This is an unofficial transcript

Ambassador Example

Good morning. The second meeting of the fourth substantive session is now called to order. I give the floor to Ghana.


Thank you, Chair. Ghana supports a permanent mechanism on capacity building.
";
    std::fs::write(&file, transcript).unwrap();
    let file_arg = file.to_str().unwrap();
    let out = plenary(dir.path(), &["import", file_arg]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = plenary(
        dir.path(),
        &[
            "documents",
            "edit",
            "1",
            "--title",
            "Fourth session, third meeting",
            "--meeting",
            "3",
            "--date",
            "2022-07-26",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let edited: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(edited["id"], 1);
    assert_eq!(edited["title"], "Fourth session, third meeting");
    assert_eq!(edited["meeting"], "3rd meeting");
    assert_eq!(edited["session"], "4th substantive session");
    assert_eq!(edited["date"], "2022-07-26");
    assert_eq!(
        edited["corrected"],
        serde_json::json!(["title", "meeting", "date"])
    );

    // The listing shows the corrected values, also after the file changed and was
    // imported again.
    std::fs::write(
        &file,
        transcript.replace("Ghana supports", "Ghana firmly supports"),
    )
    .unwrap();
    let out = plenary(dir.path(), &["import", file_arg]);
    assert!(stdout(&out).contains("replaced"), "{}", stdout(&out));
    let out = plenary(dir.path(), &["documents"]);
    let table = stdout(&out);
    let row = table.lines().nth(1).unwrap_or_default();
    for value in [
        "2022-07-26",
        "4th substantive session",
        "3rd meeting",
        "Fourth session, third meeting",
    ] {
        assert!(row.contains(value), "{table}");
    }

    let out = plenary(dir.path(), &["documents", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(listed["title"], "Fourth session, third meeting");
    let id = listed["id"].to_string();

    // Bad values: one line saying what is wrong and what to do, exit code 2.
    for (args, expected) in [
        (
            &["--date", "26/07/2022"][..],
            "not a date in the form YYYY-MM-DD",
        ),
        (&["--meeting", "0"], "meetings are numbered from 1"),
        (&["--title", " "], "title to \" \": it is empty"),
        (
            &["--process", "nowhere"],
            "process \"nowhere\" is not in the library",
        ),
    ] {
        let out = plenary(
            dir.path(),
            &[&["documents", "edit", &id][..], args].concat(),
        );
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("error: ") && err.contains(expected),
            "{args:?}: {err}"
        );
    }
    // Nothing to change is a usage error.
    let out = plenary(dir.path(), &["documents", "edit", &id]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--title"), "{}", stderr(&out));
    let out = plenary(dir.path(), &["documents", "edit", "--help"]);
    assert!(stdout(&out).contains("KEY=NAME"), "{}", stdout(&out));
}

/// The core says what to do as data; the command line words it with its commands and
/// flags, in one line.
#[test]
fn the_command_line_words_what_to_do() {
    let dir = temp_dir();
    let work = temp_dir();
    let page = work.path().join("page.txt");
    std::fs::write(&page, "Nothing here reads as a meeting record.\n").unwrap();
    let out = plenary(dir.path(), &["import", page.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("force its type with --format NAME"),
        "{}",
        stdout(&out)
    );
    let out = plenary(dir.path(), &["import", "--json", page.to_str().unwrap()]);
    let line: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(line["status"], "failed");
    assert_eq!(line["error"]["remedy"]["kind"], "choose_format");
    let out = plenary(dir.path(), &["documents", "edit", "999999", "--title", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("document 999999 does not exist; list document ids with `plenary documents`"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// A missing path is one failed file among others, not the end of the import; and text
/// from documents never reaches the terminal as escape sequences.
#[test]
fn a_missing_path_fails_alone_and_documents_cannot_drive_the_terminal() {
    let dir = temp_dir();
    let work = temp_dir();
    let file = work.path().join("meeting.txt");
    let hostile = "Session 9-1 Transcript \u{1b}]0;owned\u{7}\n(OEWG 2021-25)\n\nThis is an unofficial transcript\n\n\
        Ambassador Example\n\nGood morning. I give the floor to the delegation of Peru. You have the floor, please.\n\n\n\
        Thank you, Chair. Our programme of action \u{1b}[2J\u{1b}[31mcleared your screen.\n\n\n\
        Ambassador Example\n\nI thank Peru for its statement.\n";
    std::fs::write(&file, hostile).unwrap();
    let missing = work.path().join("not-there.txt");
    let out = plenary(
        dir.path(),
        &["import", missing.to_str().unwrap(), file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("failed") && text.contains("not-there.txt"),
        "{text}"
    );
    assert!(text.contains("1 imported"), "{text}");
    for args in [
        vec!["documents"],
        vec!["statements", "--document", "1"],
        vec!["search", "programme"],
    ] {
        let out = plenary(dir.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let shown = stdout(&out);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{args:?}: {shown:?}"
        );
        assert!(shown.contains('\u{FFFD}'), "{args:?}: {shown}");
    }
}

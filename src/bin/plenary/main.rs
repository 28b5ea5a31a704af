//! `plenary`, the command-line face of the library: a thin layer over `plenary::Library`.

mod commands;
mod output;
mod positions;
mod progress;
mod search;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{ArgGroup, Args, Parser, Subcommand};
use plenary::{ActorKind, DocumentEdit, Library, Resolution};

use output::{Format, Table};
use progress::Progress;

/// Plenary: search, attribute, tag and compare UN OEWG meeting records, offline.
#[derive(Debug, Parser)]
#[command(name = "plenary", version, about, propagate_version = true)]
struct Cli {
    /// The library directory [default: the OS data directory, e.g. ~/.local/share/plenary]
    #[arg(long, global = true, env = "PLENARY_LIBRARY", value_name = "DIR")]
    library: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Actors: states, groups, organisations, stakeholders and roles
    #[command(subcommand)]
    Actors(ActorsCommand),
    /// Where the library is and what it holds
    Status(FormatArg),
    /// Import files or folders (recursively): transcripts, session reports, UN documents,
    /// General Debate speeches; text, HTML, PDF or DOCX
    Import {
        /// Files or folders to import
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Force the source type instead of detecting it: transcript, session_report,
        /// un_document or general_debate
        #[arg(long = "format", value_name = "NAME")]
        source_type: Option<String>,
        /// Print one JSON object per file instead of a line of text
        #[arg(long)]
        json: bool,
    },
    /// List the documents in the library, or correct one's title, process, session,
    /// meeting or date (`plenary documents edit ID --title TEXT`)
    #[command(args_conflicts_with_subcommands = true)]
    Documents {
        #[command(subcommand)]
        action: Option<DocumentsCommand>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// List statements, or fix one's speaker (`plenary statements fix ID --speaker NAME`)
    #[command(args_conflicts_with_subcommands = true)]
    Statements {
        #[command(subcommand)]
        action: Option<StatementsCommand>,
        #[command(flatten)]
        list: StatementsList,
    },
    /// The review queue: statements whose speaker a person should check
    /// (`plenary review accept ID`, `plenary review fix ID --speaker NAME`)
    #[command(args_conflicts_with_subcommands = true)]
    Review {
        #[command(subcommand)]
        action: Option<ReviewCommand>,
        /// Only this document's queue
        #[arg(long, value_name = "ID")]
        document: Option<i64>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Search statements: words (all must match), "phrases", -exclusion, OR, prefix*,
    /// and filters speaker: group: region: kind: session: theme: stance: after: before:
    /// symbol:
    Search(SearchArgs),
    /// Statements most like a given one: who else said something like this?
    Similar {
        /// The statement's id
        id: i64,
        /// Leave out statements by the same speaker
        #[arg(long)]
        other_speakers: bool,
        /// How many to show
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        format: FormatArg,
    },
    /// The theme codebook: list, export, import (re-tags automatically; human tags stay)
    #[command(subcommand)]
    Themes(ThemesCommand),
    /// Human tags: add, remove, list
    #[command(subcommand)]
    Tag(TagCommand),
    /// Actors side by side on themes: stance, counts, dates, evidence
    Compare {
        /// Actors, comma-separated (any name: "France, Egypt, Russia")
        #[arg(long, value_name = "NAMES", required = true)]
        actors: String,
        /// Theme keys, comma-separated (see `plenary themes list`)
        #[arg(
            long,
            value_name = "KEYS",
            default_value = "poa,funding,capacity-building"
        )]
        themes: String,
        #[command(flatten)]
        filter: PositionArgs,
        /// Output: table, json (JSON Lines), csv or md
        #[arg(long, value_enum, default_value_t = positions::TableFormat::Table)]
        format: positions::TableFormat,
    },
    /// Every actor × theme (the data of a heatmap), or the members of a group or region
    Matrix {
        /// Theme keys, comma-separated
        #[arg(
            long,
            value_name = "KEYS",
            default_value = "poa,funding,capacity-building,cbms,norms,international-law"
        )]
        themes: String,
        /// Only members of this group
        #[arg(long, value_name = "NAME", conflicts_with = "region")]
        group: Option<String>,
        /// Only states of this UN regional group
        #[arg(long, value_name = "NAME")]
        region: Option<String>,
        #[command(flatten)]
        filter: PositionArgs,
        #[arg(long, value_enum, default_value_t = positions::TableFormat::Table)]
        format: positions::TableFormat,
    },
    /// Export statements with speakers, documents and tags (csv, json or xlsx)
    Export {
        #[arg(long, value_enum, default_value_t = positions::ExportFormat::Csv)]
        format: positions::ExportFormat,
        /// Write to this file (required for xlsx; CSV and JSON default to standard output)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Rebuild the search index from the database
    Reindex,
    /// Check the database and the search index; exits 1 if there is a problem
    Check,
    /// A document's speaker list: order, announced or spoken, statistics
    Speakers {
        /// The document's id (see `plenary documents`)
        #[arg(long, value_name = "ID")]
        document: i64,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (quote it in the shell): e.g. "programme of action" speaker:France
    #[arg(value_name = "QUERY", required_unless_present = "queries")]
    pub query: Option<String>,
    /// Run one query per line of FILE and print one JSON object per query
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    pub queries: Option<PathBuf>,
    /// Only statements by this speaker (any name: UK, Türkiye, NAM)
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only statements by members of this group (or the group itself)
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
    /// Only statements by states of this UN regional group
    #[arg(long, value_name = "NAME")]
    pub region: Option<String>,
    /// Only this document kind (transcript, session_report, un_document, general_debate) or speaker kind (state, group, …)
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Only this session number
    #[arg(long, value_name = "N")]
    pub session: Option<String>,
    /// Only statements tagged with this theme
    #[arg(long, value_name = "KEY")]
    pub theme: Option<String>,
    /// Only statements with this stance (support, oppose, conditional, mention)
    #[arg(long, value_name = "STANCE")]
    pub stance: Option<String>,
    /// Only statements on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub after: Option<String>,
    /// Only statements before this date
    #[arg(long, value_name = "DATE")]
    pub before: Option<String>,
    /// No folding: no stemming, no spelling variants, no acronym expansion
    #[arg(long)]
    pub exact: bool,
    /// Order by relevance or by date (newest first)
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// How many hits to show
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Skip this many hits first
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    Relevance,
    Date,
}

#[derive(Debug, Subcommand)]
enum ThemesCommand {
    /// List the themes and how many statements each tags
    List(FormatArg),
    /// Print the codebook (TOML) to edit it
    Export,
    /// Load an edited codebook; automatic tags are recomputed, human tags stay
    Import {
        /// The codebook file (TOML)
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum TagCommand {
    /// Tag a statement with a theme and a stance (overrides the automatic tag)
    Add {
        /// The statement's id
        statement: i64,
        /// The theme's key (see `plenary themes list`)
        theme: String,
        /// support, oppose, conditional or mention
        #[arg(long)]
        stance: String,
        /// Character span within the statement: START..END
        #[arg(long, value_name = "START..END")]
        span: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// Who tags (default: $USER)
        #[arg(long)]
        author: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Remove a human tag
    Rm {
        /// The tag's id (see `plenary tag list`)
        id: i64,
    },
    /// List tags
    List {
        #[arg(long, value_name = "ID")]
        statement: Option<i64>,
        #[arg(long, value_name = "ID")]
        document: Option<i64>,
        /// A theme key (its sub-themes included)
        #[arg(long, value_name = "KEY")]
        theme: Option<String>,
        /// auto or manual
        #[arg(long)]
        origin: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Args)]
struct PositionArgs {
    /// Only this session number
    #[arg(long, value_name = "N")]
    session: Option<i64>,
    /// Only this document
    #[arg(long, value_name = "ID")]
    document: Option<i64>,
    /// Only statements on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    after: Option<String>,
    /// Only statements before this date
    #[arg(long, value_name = "DATE")]
    before: Option<String>,
}

impl PositionArgs {
    fn filter(&self) -> plenary::PositionFilter {
        plenary::PositionFilter {
            session: self.session,
            document: self.document,
            after: self.after.clone(),
            before: self.before.clone(),
        }
    }
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

#[derive(Debug, Args)]
struct StatementsList {
    /// Only statements of this document
    #[arg(long, value_name = "ID")]
    document: Option<i64>,
    /// Only statements by this speaker (any name: "UK", "NAM", "Türkiye")
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// At most this many statements
    #[arg(long, value_name = "N")]
    limit: Option<i64>,
    /// Skip this many statements first
    #[arg(long, value_name = "N")]
    offset: Option<i64>,
    #[command(flatten)]
    format: FormatArg,
}

#[derive(Debug, Subcommand)]
enum DocumentsCommand {
    /// Correct a document's title, process, session, meeting or date; only the values
    /// given change, and re-importing the file keeps them
    #[command(group(
        ArgGroup::new("fields")
            .required(true)
            .multiple(true)
            .args(["title", "process", "session", "meeting", "date"])
    ))]
    Edit {
        /// The document's id (see `plenary documents`)
        id: i64,
        /// The title
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The process: a key the library knows (global-mechanism, oewg-2021-2025, …),
        /// or KEY=NAME for a new one ("oewg-2026=OEWG 2026")
        #[arg(long, value_name = "KEY")]
        process: Option<String>,
        /// The session: its number (11) or its name ("substantive plenary session of
        /// 2026")
        #[arg(long, value_name = "N|NAME")]
        session: Option<String>,
        /// The meeting's number within the session
        #[arg(long, value_name = "N")]
        meeting: Option<i64>,
        /// The date, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Subcommand)]
enum StatementsCommand {
    /// Set a statement's speaker by hand (kept when the document is re-imported)
    Fix {
        /// The statement's id
        id: i64,
        /// The speaker, as any name the gazetteer knows
        #[arg(long, value_name = "NAME")]
        speaker: String,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Subcommand)]
enum ReviewCommand {
    /// Accept the suggested speaker (it becomes a manual speaker, kept on re-import)
    Accept {
        /// The statement's id
        id: i64,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Set the speaker by hand (kept on re-import)
    Fix {
        /// The statement's id
        id: i64,
        /// The speaker, as any name the gazetteer knows
        #[arg(long, value_name = "NAME")]
        speaker: String,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Subcommand)]
enum ActorsCommand {
    /// List the actors the library knows
    List {
        /// Only actors of this kind: state, group, organisation, stakeholder or role
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Resolve names as records write them ("UK", "the delegation of Türkiye", "NAM");
    /// exits with 1 if any is unknown
    Resolve {
        /// Names to resolve
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Args)]
pub struct FormatArg {
    /// Output format: a readable table, or JSON Lines (one object per line)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", output::one_line(&err));
            ExitCode::from(2)
        }
    }
}

fn open(cli: &Cli) -> anyhow::Result<Library> {
    let dir = match &cli.library {
        Some(dir) => dir.clone(),
        None => Library::default_dir()?,
    };
    let progress = Progress::stderr();
    let library = Library::open_with_progress(&dir, &mut |what, done, total| {
        progress.step(what, done, total)
    })
    .with_context(|| format!("opening the library in {}", dir.display()))?;
    if let Some(repair) = library.index_repair() {
        eprintln!("note: {repair}");
    }
    Ok(library)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut library = open(&cli)?;
    match &cli.command {
        Command::Import {
            paths,
            source_type,
            json,
        } => {
            return commands::import(&mut library, paths, source_type.as_deref(), *json);
        }
        Command::Documents {
            action:
                Some(DocumentsCommand::Edit {
                    id,
                    title,
                    process,
                    session,
                    meeting,
                    date,
                    format,
                }),
            ..
        } => {
            let edit = DocumentEdit {
                title: title.clone(),
                process: process.clone(),
                session: session.clone(),
                meeting: *meeting,
                date: date.clone(),
            };
            let document = library.edit_document(*id, edit)?;
            commands::print_documents(format.format, &[document])?;
        }
        Command::Documents {
            action: None,
            format,
        } => commands::print_documents(format.format, &library.documents()?)?,
        Command::Statements {
            action:
                Some(StatementsCommand::Fix {
                    id,
                    speaker,
                    format,
                }),
            ..
        } => {
            let row = library.fix_speaker(*id, speaker)?;
            commands::print_statements(format.format, &[row])?;
        }
        Command::Statements { action: None, list } => {
            let rows = library.statements(
                list.document,
                list.speaker.as_deref(),
                list.limit,
                list.offset,
            )?;
            commands::print_statements(list.format.format, &rows)?;
        }
        Command::Review {
            action: Some(ReviewCommand::Accept { id, format }),
            ..
        } => {
            let row = library.accept_speaker(*id)?;
            commands::print_statements(format.format, &[row])?;
        }
        Command::Review {
            action:
                Some(ReviewCommand::Fix {
                    id,
                    speaker,
                    format,
                }),
            ..
        } => {
            let row = library.fix_speaker(*id, speaker)?;
            commands::print_statements(format.format, &[row])?;
        }
        Command::Review {
            action: None,
            document,
            format,
        } => commands::review(&library, *document, format.format)?,
        Command::Speakers { document, format } => {
            commands::speakers(&library, *document, format.format)?
        }
        Command::Search(args) => return search::run(&library, args),
        Command::Similar {
            id,
            other_speakers,
            limit,
            format,
        } => {
            let results = library.similar(*id, *other_speakers, *limit)?;
            search::print(format.format, &results)?;
        }
        Command::Themes(ThemesCommand::List(f)) => positions::themes_list(&library, f.format)?,
        Command::Themes(ThemesCommand::Export) => print!("{}", library.export_codebook()?),
        Command::Themes(ThemesCommand::Import { file }) => {
            positions::themes_import(&mut library, file)?
        }
        Command::Tag(TagCommand::Add {
            statement,
            theme,
            stance,
            span,
            note,
            author,
            format,
        }) => positions::tag_add(
            &mut library,
            *statement,
            theme,
            stance,
            span.as_deref(),
            note.clone(),
            author.clone(),
            format.format,
        )?,
        Command::Tag(TagCommand::Rm { id }) => {
            library.remove_tag(*id)?;
            println!("removed tag {id}");
        }
        Command::Tag(TagCommand::List {
            statement,
            document,
            theme,
            origin,
            format,
        }) => {
            let tags = library.tags(*statement, *document, theme.as_deref(), origin.as_deref())?;
            positions::print_tags(format.format, &tags)?;
        }
        Command::Compare {
            actors,
            themes,
            filter,
            format,
        } => {
            let positions = library.compare(&list(actors), &list(themes), &filter.filter())?;
            positions::print_positions(*format, &positions)?;
        }
        Command::Matrix {
            themes,
            group,
            region,
            filter,
            format,
        } => {
            let positions = library.matrix(
                &list(themes),
                group.as_deref().or(region.as_deref()),
                &filter.filter(),
            )?;
            positions::print_positions(*format, &positions)?;
        }
        Command::Export { format, output } => {
            positions::export(&library, *format, output.as_ref())?
        }
        Command::Reindex => {
            let progress = Progress::stderr();
            let n = library.reindex(&mut |what, done, total| progress.step(what, done, total))?;
            drop(progress);
            println!("rebuilt the search index: {n} statements");
        }
        Command::Check => {
            let problems = library.check()?;
            if problems.is_empty() {
                println!(
                    "ok: the database passes its integrity check and the search index matches it"
                );
            } else {
                for p in &problems {
                    println!("problem: {p}");
                }
                return Ok(ExitCode::from(1));
            }
        }
        Command::Status(FormatArg { format }) => {
            let status = library.status()?;
            let mut table = Table::new(["FIELD", "VALUE"]);
            table.row(["library", &status.dir.display().to_string()]);
            table.row(["database", &status.database.display().to_string()]);
            table.row(["schema version", &status.schema_version.to_string()]);
            table.row(["actors", &status.actors.to_string()]);
            output::print(*format, &[status], &table)?;
        }
        Command::Actors(ActorsCommand::List { kind, format }) => {
            let kind = kind.as_deref().map(str::parse::<ActorKind>).transpose()?;
            let actors = library.actors(kind)?;
            let mut table = Table::new(["NAME", "KIND", "ISO3", "REGION", "GROUPS"]);
            for a in &actors {
                table.row([
                    a.name.as_str(),
                    a.kind.as_str(),
                    a.iso3.as_deref().unwrap_or("-"),
                    a.region_key.as_deref().unwrap_or("-"),
                    &a.group_keys.join(","),
                ]);
            }
            output::print(format.format, &actors, &table)?;
        }
        Command::Actors(ActorsCommand::Resolve { names, format }) => {
            let mut unknown = 0;
            let mut rows = Vec::new();
            let mut table = Table::new(["INPUT", "NAME", "KIND", "SUGGESTIONS"]);
            for input in names {
                let resolution = library.resolve(input);
                let row = match &resolution {
                    Resolution::Known { name, kind, .. } => {
                        [input.clone(), name.clone(), kind.to_string(), String::new()]
                    }
                    Resolution::Unknown { suggestions } => {
                        unknown += 1;
                        let hint = if suggestions.is_empty() {
                            "no close name".to_string()
                        } else {
                            format!("did you mean: {}?", suggestions.join(", "))
                        };
                        [input.clone(), "unknown".into(), "-".into(), hint]
                    }
                };
                table.row(row.each_ref().map(String::as_str));
                rows.push(serde_json::json!({ "input": input, "resolution": resolution }));
            }
            output::print(format.format, &rows, &table)?;
            if unknown > 0 {
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

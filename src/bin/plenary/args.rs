//! The command line's arguments, as clap reads them.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand};

use crate::output::Format;

/// Plenary: search, attribute, tag and compare UN OEWG meeting records, offline.
#[derive(Debug, Parser)]
#[command(name = "plenary", version, about, propagate_version = true)]
pub struct Cli {
    /// The library directory [default: the OS data directory, e.g. ~/.local/share/plenary]
    #[arg(long, global = true, env = "PLENARY_LIBRARY", value_name = "DIR")]
    pub library: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Actors: states, groups, organisations, stakeholders and roles
    #[command(subcommand)]
    Actors(ActorsCommand),
    /// Where the library is and what it holds
    Status(FormatArg),
    /// Import files or folders (recursively): transcripts, session reports, UN documents,
    /// General Debate speeches; text, HTML, PDF or DOCX
    Import(ImportArgs),
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
    Similar(SimilarArgs),
    /// The theme codebook: list, export, import (re-tags automatically; human tags stay)
    #[command(subcommand)]
    Themes(ThemesCommand),
    /// Human tags: add, remove, list
    #[command(subcommand)]
    Tag(TagCommand),
    /// Actors side by side on themes: stance, counts, dates, evidence
    Compare(CompareArgs),
    /// Every actor × theme (the data of a heatmap), or the members of a group or region
    Matrix(MatrixArgs),
    /// Export statements with speakers, documents and tags (csv, json or xlsx)
    Export(ExportArgs),
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

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files or folders to import
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Force the source type instead of detecting it: transcript, session_report,
    /// un_document or general_debate
    #[arg(long = "format", value_name = "NAME")]
    pub source_type: Option<String>,
    /// Print one JSON object per file instead of a line of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// The statement's id
    pub id: i64,
    /// Leave out statements by the same speaker
    #[arg(long)]
    pub other_speakers: bool,
    /// How many to show
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Actors, comma-separated (any name: "France, Egypt, Russia")
    #[arg(long, value_name = "NAMES", required = true)]
    pub actors: String,
    /// Theme keys, comma-separated (see `plenary themes list`)
    #[arg(
        long,
        value_name = "KEYS",
        default_value = "poa,funding,capacity-building"
    )]
    pub themes: String,
    #[command(flatten)]
    pub filter: PositionArgs,
    /// Output: table, json (JSON Lines), csv or md
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct MatrixArgs {
    /// Theme keys, comma-separated
    #[arg(
        long,
        value_name = "KEYS",
        default_value = "poa,funding,capacity-building,cbms,norms,international-law"
    )]
    pub themes: String,
    /// Only members of this group
    #[arg(long, value_name = "NAME", conflicts_with = "region")]
    pub group: Option<String>,
    /// Only states of this UN regional group
    #[arg(long, value_name = "NAME")]
    pub region: Option<String>,
    #[command(flatten)]
    pub filter: PositionArgs,
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Write to this file (required for xlsx; CSV and JSON default to standard output)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats of `compare` and `matrix`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
    Csv,
    Md,
}

/// Output formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum ThemesCommand {
    /// List the themes and how many statements each tags
    List(FormatArg),
    /// Print the codebook (TOML) to edit it
    Export,
    /// Load an edited codebook; automatic tags are recomputed, human tags stay
    Import {
        /// The codebook file (TOML)
        file: PathBuf,
        /// Replace the codebook even if it removes most of the library's themes
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TagCommand {
    /// Tag a statement with a theme and a stance (overrides the automatic tag)
    Add(TagAddArgs),
    /// Remove a human tag
    Rm {
        /// The tag's id (see `plenary tag list`)
        id: i64,
    },
    /// List tags
    List(TagListArgs),
}

#[derive(Debug, Args)]
pub struct TagAddArgs {
    /// The statement's id
    pub statement: i64,
    /// The theme's key (see `plenary themes list`)
    pub theme: String,
    /// support, oppose, conditional or mention
    #[arg(long)]
    pub stance: String,
    /// Character span within the statement: START..END
    #[arg(long, value_name = "START..END")]
    pub span: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// Who tags (default: $USER)
    #[arg(long)]
    pub author: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct TagListArgs {
    #[arg(long, value_name = "ID")]
    pub statement: Option<i64>,
    #[arg(long, value_name = "ID")]
    pub document: Option<i64>,
    /// A theme key (its sub-themes included)
    #[arg(long, value_name = "KEY")]
    pub theme: Option<String>,
    /// auto or manual
    #[arg(long)]
    pub origin: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct PositionArgs {
    /// Only this session number
    #[arg(long, value_name = "N")]
    pub session: Option<i64>,
    /// Only this document
    #[arg(long, value_name = "ID")]
    pub document: Option<i64>,
    /// Only statements on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub after: Option<String>,
    /// Only statements before this date
    #[arg(long, value_name = "DATE")]
    pub before: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatementsList {
    /// Only statements of this document
    #[arg(long, value_name = "ID")]
    pub document: Option<i64>,
    /// Only statements by this speaker (any name: "UK", "NAM", "Türkiye")
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// At most this many statements
    #[arg(long, value_name = "N")]
    pub limit: Option<i64>,
    /// Skip this many statements first
    #[arg(long, value_name = "N")]
    pub offset: Option<i64>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Subcommand)]
pub enum DocumentsCommand {
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
pub enum StatementsCommand {
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
pub enum ReviewCommand {
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
pub enum ActorsCommand {
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

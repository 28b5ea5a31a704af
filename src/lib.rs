//! Plenary's core: an offline library of UN OEWG ICT-security meeting records.
//!
//! The flow runs one way — files → statements with speakers → SQLite (the source of
//! truth) → derived indexes → analyses — and every front-end (the `plenary` CLI, the
//! desktop shell in `src-tauri/`) goes through one facade, [`Library`].
//!
//! Stages live in their own modules:
//! - [`gazetteer`]: who can speak — states, groups, organisations, roles — and how
//!   records name them;
//! - [`store`]: the SQLite database, its migrations and every SQL statement;
//! - [`library`]: the facade the front-ends call.

pub mod attribution;
pub mod compare;
pub mod error;
pub mod export;
pub mod extract;
pub mod formats;
pub mod gazetteer;
pub mod import;
pub mod index;
pub mod library;
pub mod store;
pub mod text;
pub mod themes;

pub use compare::{ActorProfile, CellStatement, DatedCount, Evidence, Position, StanceCounts};
pub use error::{Error, Failure, Listing, Problem, Remedy, Result};
pub use export::ExportRow;
pub use formats::SourceType;
pub use gazetteer::{ActorKind, Resolution};
pub use import::{FileReport, FileStatus, ImportCounts, ImportReport};
pub use import::{ImportOptions, ImportOutcome, ImportStatus, Progress};
pub use index::request::{Field, Filter, SearchRequest, Sort};
pub use index::{FacetCount, Facets, Hit, SearchResults};
pub use library::{Library, LibraryStatus};
pub use store::actors::Actor;
pub use store::corrections::{DocumentEdit, Process};
pub use store::documents::{DocumentRow, DocumentView, SpeakerEntryRow, StatementRow};
pub use store::positions::PositionFilter;
pub use store::themes::{NewTag, TagRow, ThemeRow};
pub use themes::{Stance, TagOrigin};

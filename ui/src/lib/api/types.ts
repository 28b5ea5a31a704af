// Shapes of what crosses the IPC boundary. The core's types are generated from Rust
// (ts-rs) into bindings.ts and re-exported here; the few shapes that only the desktop
// shell (src-tauri) defines are written below, named after their Rust types. Text
// offsets: see lib/text/offsets.ts.

import type { DocumentView as GeneratedDocumentView, StatementRow as GeneratedStatementRow } from "./bindings";

export type {
  Actor,
  ActorKind,
  ActorProfile,
  CellStatement,
  DatedCount,
  DocumentEdit,
  DocumentRow,
  Evidence,
  Failure,
  FacetCount,
  Facets,
  Field,
  FileReport,
  FileStatus,
  Filter,
  Hit,
  ImportCounts,
  ImportReport,
  LibraryStatus,
  Listing,
  Position,
  Process,
  Remedy,
  SearchResults,
  SourceType,
  SpeakerEntryRow,
  Stance,
  StanceCounts,
  TagOrigin,
  TagRow,
  ThemeRow,
} from "./bindings";
import type { Filter, Remedy, Stance } from "./bindings";

/** What one imported file became (the core's `FileReport`). */
export type FileResult = import("./bindings").FileReport;

/** A statement, its `method` read as one of the attribution methods' names. */
export type StatementRow = Omit<GeneratedStatementRow, "method"> & { method: Method };

/** What the reader shows of one document, its statements' methods read as above. */
export type DocumentView = Omit<GeneratedDocumentView, "statements"> & { statements: StatementRow[] };

// ---- Errors and the library ------------------------------------------------------

/** An error as it crosses the IPC boundary (`src-tauri`'s `error::ApiError`). */
export interface ApiError {
  /** Stable, machine-readable (`plenary::Error::code`). */
  code: string;
  /** One line for the user: what failed, where, what to do. */
  message: string;
  /** What to do, as data (the message already says it in words). */
  remedy?: Remedy;
}


// ---- Documents, statements, speakers ---------------------------------------------





/**
 * How a statement's speaker was found (`plenary::attribution::Method`, serde
 * `snake_case`): what {@link StatementRow.method} holds.
 */
export type Method = "label" | "chair_cue" | "approximate" | "in_text" | "file_name" | "document" | "manual" | "unknown";




// ---- Actors ----------------------------------------------------------------------





// ---- Themes and tags -------------------------------------------------------------

export const STANCES: Stance[] = ["support", "oppose", "conditional", "mention"];


/** A new human tag as the UI sends it (`src-tauri`'s `commands::TagArgs`). */
export interface TagArgs {
  statement: number;
  theme: string;
  stance: Stance;
  /** `[start, end)` in code points (Rust `char`s) of the statement text; null tags it whole. */
  span?: [number, number] | null;
  note?: string | null;
}


/** How re-tagging changed one theme (`src-tauri`'s `commands::RetagChange`). */
export interface RetagChange {
  theme: string;
  added: number;
  removed: number;
}

// ---- Comparing -------------------------------------------------------------------




/** Which statements count in a comparison, all optional (`src-tauri`'s `commands::FilterArgs`). */
export interface FilterArgs {
  /** Session number. */
  session?: number | null;
  document?: number | null;
  /** ISO dates, "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  after?: string | null;
  before?: string | null;
}


// ---- Search ----------------------------------------------------------------------

/** A search as the UI asks it (`src-tauri`'s `commands::SearchArgs`). */
export interface SearchArgs {
  query: string;
  filters?: Filter[];
  exact?: boolean;
  sort_by_date?: boolean;
  limit?: number;
  offset?: number;
}





// ---- Importing and reindexing ----------------------------------------------------

/** A progress event of long work (`src-tauri`'s `commands::ProgressEvent`). */
export interface ProgressEvent {
  /** "importing" (per file) or "indexing" (per statement batch). */
  stage: string;
  done: number;
  total: number;
  /** The file being read, when importing. */
  path: string | null;
}



/** The end of a reindex (`src-tauri`'s `commands::ReindexReport`). */
export interface ReindexReport {
  statements: number;
  /** True when the user cancelled: the index is as it was. */
  cancelled: boolean;
}

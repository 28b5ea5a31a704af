// Generated from Plenary's Rust types by tests/bindings.rs (ts-rs); do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test --test tests bindings

/**
 * A summary of an open library.
 */
export type LibraryStatus = { dir: string, database: string, schema_version: number, actors: number, documents: number, statements: number, };

/**
 * The answer to a search.
 */
export type SearchResults = { query: string, 
/**
 * Exact number of matching statements.
 */
total: number, took_ms: number, hits: Array<Hit>, facets: Facets, 
/**
 * What was read leniently or added ("also searching: Programme of Action").
 */
notices?: Array<string>, };

/**
 * One search result.
 */
export type Hit = { id: number, document: number, document_title: string, speaker: string | null, process: string | null, session: string | null, meeting: string | null, date: string | null, source_line: number | null, score: number, 
/**
 * The hit in context: HTML-escaped text with the hits in `<mark>`.
 */
snippet: string, 
/**
 * The same fragment as plain text, and the byte ranges of the hits in it (for
 * front-ends that render text, never HTML).
 */
fragment: string, highlights: Array<[number, number]>, };

/**
 * Counts of the matching statements, top values first.
 */
export type Facets = { speaker: Array<FacetCount>, group: Array<FacetCount>, theme: Array<FacetCount>, session: Array<FacetCount>, };

/**
 * A facet value and how many matching statements have it.
 */
export type FacetCount = { name: string, count: number, };

/**
 * A statement behind a comparison cell.
 */
export type CellStatement = { id: number, document: number, document_title: string, date: string | null, 
/**
 * The stance(s) its tags on the theme take, comma-separated.
 */
stance: string, text: string, };

/**
 * Statements on one date.
 */
export type DatedCount = { date: string, statements: number, };

/**
 * One actor's position on one theme.
 */
export type Position = { actor: string, theme: string, stance: string, statements: number, counts: StanceCounts, first_date: string | null, last_date: string | null, evidence: Array<Evidence>, 
/**
 * For a group: the members whose statements align with it (never merged into it).
 */
aligned_members: Array<string>, };

/**
 * How often an actor took each stance on a theme.
 */
export type StanceCounts = { support: number, oppose: number, conditional: number, mention: number, };

/**
 * A quote that shows the position.
 */
export type Evidence = { id: number, stance: string, date: string | null, quote: string, };

/**
 * A statement as exported: one row of a spreadsheet.
 */
export type ExportRow = { statement: number, document: number, document_title: string, document_kind: string, date: string | null, process: string | null, session: string | null, meeting: string | null, seq: number, speaker: string | null, speaker_label: string | null, method: string, confidence: number, on_behalf_of: string | null, aligned_with: string | null, agenda_item: string | null, 
/**
 * "theme:stance" pairs, separated by "; ".
 */
tags: string, text: string, };

/**
 * The end of an import.
 */
export type ImportReport = { files: Array<FileReport>, counts: ImportCounts, 
/**
 * Whether it was stopped before the last file.
 */
cancelled: boolean, };

/**
 * One file of an import.
 */
export type FileReport = { path: string, status: FileStatus, 
/**
 * The document it is (or already was) in the library.
 */
document: number | null, 
/**
 * The document a changed version replaced.
 */
replaced: number | null, 
/**
 * Human edits carried over to the new version, and those that could not be.
 */
carried: number, lost: Array<string>, source_type: SourceType | null, statements: number, 
/**
 * Statements whose speaker a person should check.
 */
to_review: number, 
/**
 * The most frequent speakers.
 */
top_speakers: Array<string>, notices: Array<string>, 
/**
 * Why it failed.
 */
error: Failure | null, };

/**
 * What became of one file.
 */
export type FileStatus = "imported" | "already_present" | "replaced" | "failed";

/**
 * How many files went which way.
 */
export type ImportCounts = { imported: number, already_present: number, replaced: number, failed: number, to_review: number, };

/**
 * An error as a front-end shows it: `{code, message}` (the desktop shell sends it
 * across the IPC boundary; the CLI writes it in JSON reports).
 */
export type Failure = { 
/**
 * Stable, machine-readable ([`Error::code`]).
 */
code: string, 
/**
 * One line for the user: what failed, where, what to do.
 */
message: string, };

/**
 * The source families Plenary reads.
 */
export type SourceType = "transcript" | "session_report" | "un_document" | "general_debate";

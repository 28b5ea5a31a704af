// Shapes of what crosses the IPC boundary, each named after the Rust type it mirrors
// (`plenary::…` in the core, `commands::…` in src-tauri) and following its serde names.
// Written by hand for now, every type in this one file, so that generating them from
// Rust (ts-rs) can replace the file whole. Text offsets: see lib/text/offsets.ts.

// ---- Errors and the library ------------------------------------------------------

/** An error as it crosses the IPC boundary (`src-tauri`'s `error::ApiError`). */
export interface ApiError {
  /** Stable, machine-readable (`plenary::Error::code`). */
  code: string;
  /** One line for the user: what failed, where, what to do. */
  message: string;
}

/** What the shell reports about the open library (`plenary::LibraryStatus`). */
export interface LibraryStatus {
  dir: string;
  database: string;
  schema_version: number;
  actors: number;
  documents: number;
  statements: number;
}

// ---- Documents, statements, speakers ---------------------------------------------

/**
 * The source families Plenary reads (`plenary::formats::SourceType`, serde
 * `snake_case`): what {@link DocumentRow.kind} and {@link FileResult.source_type} hold.
 */
export type SourceType = "transcript" | "session_report" | "un_document" | "general_debate";

/** A document as listed (`plenary::store::documents::DocumentRow`). */
export interface DocumentRow {
  id: number;
  title: string;
  /** A {@link SourceType} name: the core stores and sends it as a string. */
  kind: string;
  container: string;
  process: string | null;
  session: string | null;
  meeting: string | null;
  date: string | null;
  un_symbol: string | null;
  statements: number;
  source_path: string;
  unofficial: boolean;
  ai_generated: boolean;
  provenance: string | null;
  summary: string | null;
  symbols: string[];
  notices: string[];
  content_hash: string;
  /** The fields a person corrected (title, process, session, meeting, date); a re-import keeps them. */
  corrected: string[];
}

/** A process the library knows (`plenary::Process`). */
export interface Process {
  /** "global-mechanism": what {@link DocumentEdit.process} takes. */
  key: string;
  /** "Global Mechanism on ICT security": what documents show. */
  name: string;
}

/**
 * A correction of a document's description (`plenary::DocumentEdit`): only the fields
 * given change. `process` is a known key, or `KEY=NAME` for a new process; `session` a
 * number ("11") or a name; `meeting` its number within the session; `date` YYYY-MM-DD.
 */
export interface DocumentEdit {
  title?: string;
  process?: string;
  session?: string;
  meeting?: number;
  date?: string;
}

/**
 * How a statement's speaker was found (`plenary::attribution::Method`, serde
 * `snake_case`): what {@link StatementRow.method} holds.
 */
export type Method = "label" | "chair_cue" | "approximate" | "in_text" | "file_name" | "document" | "manual" | "unknown";

/** A statement (`plenary::store::documents::StatementRow`). */
export interface StatementRow {
  id: number;
  document: number;
  seq: number;
  speaker: string | null;
  speaker_label: string | null;
  speaker_kind: string | null;
  speaker_person: string | null;
  on_behalf_of: string | null;
  aligned_with: string | null;
  /** How the speaker was found: a {@link Method} name (the core sends a string). */
  method: string;
  confidence: number;
  agenda_item: string | null;
  section: string | null;
  number: string | null;
  words: number;
  source_line: number | null;
  footnotes: string[];
  text: string;
  /** The words that named the speaker (e.g. "Ghana, you have the floor."). */
  evidence: string | null;
  /** Why a person should check the speaker; null once nobody needs to. */
  review: string | null;
  /** Other speakers the evidence points to. */
  alternatives: string[];
  /** The other members of a joint statement. */
  co_speakers: string[];
}

/** One entry of a document's speaker list (`plenary::store::documents::SpeakerEntryRow`). */
export interface SpeakerEntryRow {
  order: number;
  label: string;
  speaker: string | null;
  announced: boolean;
  spoke: boolean;
  statement: number | null;
  words: number | null;
  seconds: number | null;
  words_per_minute: number | null;
}

/** Everything the reader shows for one document (`src-tauri`'s `commands::DocumentView`). */
export interface DocumentView {
  document: DocumentRow;
  statements: StatementRow[];
  /** Every tag of the document's statements, automatic and human. */
  tags: TagRow[];
  speakers: SpeakerEntryRow[];
}

// ---- Actors ----------------------------------------------------------------------

/** What sort of actor speaks (`plenary::ActorKind`, serde `lowercase`). */
export type ActorKind = "state" | "group" | "organisation" | "stakeholder" | "role";

/** An actor of the gazetteer (`plenary::store::actors::Actor`). */
export interface Actor {
  id: number;
  key: string;
  name: string;
  kind: ActorKind;
  category: string | null;
  iso2: string | null;
  iso3: string | null;
  /** Canonical name of the UN regional group. */
  region: string | null;
  region_key: string | null;
  /** Canonical names of the groups and organisations it belongs to. */
  groups: string[];
  group_keys: string[];
  /** Every other name it answers to. */
  aliases: string[];
  /** An observer state (its kind stays `state`). */
  observer: boolean;
}

/** Statements on one date (`plenary::library::DatedCount`). */
export interface DatedCount {
  /** "YYYY" or "YYYY-MM-DD"; "undated" when unknown. */
  date: string;
  statements: number;
}

/** Everything one delegation said (`plenary::ActorProfile`). */
export interface ActorProfile {
  actor: Actor;
  /** Its position on every theme it touched (themes it never touched are left out). */
  positions: Position[];
  /** Its statements, newest documents first (at most the limit asked). */
  statements: StatementRow[];
  /** Statements per document date, oldest first. */
  timeline: DatedCount[];
  /** Total statements, even when `statements` was cut at the limit. */
  total_statements: number;
}

// ---- Themes and tags -------------------------------------------------------------

/** A stance on a theme (`plenary::themes::Stance`, serde `lowercase`). */
export type Stance = "support" | "oppose" | "conditional" | "mention";
export const STANCES: Stance[] = ["support", "oppose", "conditional", "mention"];

/** A tag (`plenary::store::themes::TagRow`). */
export interface TagRow {
  id: number;
  statement: number;
  document: number;
  speaker: string | null;
  theme: string;
  stance: Stance;
  /** Where in the statement text: `[start, end)` in code points (Rust `char`s). */
  span: [number, number] | null;
  note: string | null;
  author: string | null;
  /** "auto" or "manual". */
  origin: string;
  confidence: number | null;
  /** An automatic tag overridden by a human tag on the same statement and theme. */
  overridden: boolean;
  created_at: string;
  updated_at: string;
}

/** A new human tag as the UI sends it (`src-tauri`'s `commands::TagArgs`). */
export interface TagArgs {
  statement: number;
  theme: string;
  stance: Stance;
  /** `[start, end)` in code points (Rust `char`s) of the statement text; null tags it whole. */
  span?: [number, number] | null;
  note?: string | null;
}

/** A theme of the codebook (`plenary::store::themes::ThemeRow`). */
export interface ThemeRow {
  id: number;
  key: string;
  parent: string | null;
  label: string;
  description: string | null;
  /** Statements tagged with it. */
  statements: number;
}

/** How re-tagging changed one theme (`src-tauri`'s `commands::RetagChange`). */
export interface RetagChange {
  theme: string;
  added: number;
  removed: number;
}

// ---- Comparing -------------------------------------------------------------------

/** How often an actor took each stance on a theme (`plenary::compare::StanceCounts`). */
export interface StanceCounts {
  support: number;
  oppose: number;
  conditional: number;
  mention: number;
}

/** A quote showing a position (`plenary::compare::Evidence`). */
export interface Evidence {
  id: number;
  stance: Stance;
  date: string | null;
  quote: string;
}

/** One actor's position on one theme (`plenary::compare::Position`). */
export interface Position {
  actor: string;
  theme: string;
  /** support, oppose, conditional, mixed, mention or none. */
  stance: string;
  statements: number;
  counts: StanceCounts;
  first_date: string | null;
  last_date: string | null;
  evidence: Evidence[];
  /** For a group: the members whose statements align with it (left out when none). */
  aligned_members?: string[];
}

/** Which statements count in a comparison, all optional (`src-tauri`'s `commands::FilterArgs`). */
export interface FilterArgs {
  /** Session number. */
  session?: number | null;
  document?: number | null;
  /** ISO dates, "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  after?: string | null;
  before?: string | null;
}

/** A statement behind one actor × theme cell (`plenary::CellStatement`). */
export interface CellStatement {
  id: number;
  document: number;
  document_title: string;
  date: string | null;
  /** The stance(s) its tags on the theme take, comma-separated. */
  stance: string;
  text: string;
}

// ---- Search ----------------------------------------------------------------------

/** A search as the UI asks it (`src-tauri`'s `commands::SearchArgs`). */
export interface SearchArgs {
  query: string;
  filters?: string[];
  exact?: boolean;
  sort_by_date?: boolean;
  limit?: number;
  offset?: number;
}

/** One hit (`plenary::Hit`). */
export interface Hit {
  id: number;
  document: number;
  document_title: string;
  speaker: string | null;
  process: string | null;
  session: string | null;
  meeting: string | null;
  date: string | null;
  source_line: number | null;
  score: number;
  /** Escaped HTML with <mark>: not used by this UI, which renders text only. */
  snippet: string;
  /** The same fragment as plain text. */
  fragment: string;
  /** The hits within `fragment`: `[start, end)` in UTF-8 bytes. */
  highlights: [number, number][];
}

/** A facet value and how many matching statements have it (`plenary::FacetCount`). */
export interface FacetCount {
  name: string;
  count: number;
}

/** Counts of the matching statements, top values first (`plenary::Facets`). */
export interface Facets {
  speaker: FacetCount[];
  group: FacetCount[];
  theme: FacetCount[];
  session: FacetCount[];
}

/** Search results (`plenary::SearchResults`). */
export interface SearchResults {
  query: string;
  /** Exact number of matching statements. */
  total: number;
  took_ms: number;
  hits: Hit[];
  facets: Facets;
  /** What was read leniently or added (left out when none). */
  notices?: string[];
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

/** What happened to one imported file (`src-tauri`'s `commands::FileResult`). */
export interface FileResult {
  path: string;
  status: "imported" | "already_present" | "replaced" | "failed";
  document: number | null;
  /** A {@link SourceType} name. */
  source_type: string | null;
  statements: number;
  top_speakers: string[];
  notices: string[];
  /** Why it failed, when it did. */
  error: ApiError | null;
}

/** The end of an import (`src-tauri`'s `commands::ImportReport`). */
export interface ImportReport {
  files: FileResult[];
  /** True when the user cancelled: files after the one being read were skipped. */
  cancelled: boolean;
}

/** The end of a reindex (`src-tauri`'s `commands::ReindexReport`). */
export interface ReindexReport {
  statements: number;
  /** True when the user cancelled: the index is as it was. */
  cancelled: boolean;
}

// Generated from Plenary's Rust types by tests/bindings.rs (ts-rs); do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test --test tests bindings

/**
 * A summary of an open library.
 */
export type LibraryStatus = { dir: string, database: string, schema_version: number, actors: number, documents: number, statements: number, };

/**
 * An actor with its region, groups and aliases.
 */
export type Actor = { id: number, key: string, name: string, kind: ActorKind, category: string | null, iso2: string | null, iso3: string | null, 
/**
 * Canonical name of the UN regional group.
 */
region: string | null, region_key: string | null, 
/**
 * Canonical names of the groups and organisations it belongs to.
 */
groups: Array<string>, group_keys: Array<string>, 
/**
 * Every other name it answers to.
 */
aliases: Array<string>, observer: boolean, 
/**
 * A former State's last day (`YYYY-MM-DD`); none for today's actors.
 */
until: string | null, };

/**
 * What sort of actor speaks.
 */
export type ActorKind = "state" | "group" | "organisation" | "stakeholder" | "role";

/**
 * A document as listed.
 */
export type DocumentRow = { id: number, title: string, kind: string, container: string, process: string | null, session: string | null, meeting: string | null, date: string | null, un_symbol: string | null, statements: number, source_path: string, unofficial: boolean, ai_generated: boolean, provenance: string | null, summary: string | null, symbols: Array<string>, notices: Array<string>, content_hash: string, 
/**
 * The fields a person corrected (`title`, `process`, `session`, `meeting`,
 * `date`); a re-import of the file keeps them.
 */
corrected: Array<string>, };

/**
 * A process the library knows.
 */
export type Process = { 
/**
 * `"global-mechanism"`: what [`DocumentEdit::process`] takes.
 *
 * [`DocumentEdit::process`]: super::corrections::DocumentEdit::process
 */
key: string, 
/**
 * `"Global Mechanism on ICT security"`: what documents and search results show.
 */
name: string, };

/**
 * What to change in a document's description; a field left `None` stays as it is.
 *
 * Values are given as a person types them and checked by [`DocumentEdit::check`]:
 * - `process`: a process key the library knows (`"global-mechanism"`), or `KEY=NAME`
 *   to add a new process (`"oewg-2026=OEWG 2026"`);
 * - `session`: a number (`"11"`, named like the sessions Plenary reads: "11th
 *   substantive session" in an OEWG, "11th session" elsewhere) or a name
 *   (`"substantive plenary session of 2026"`); it belongs to the document's process;
 * - `meeting`: its number within the session, from 1;
 * - `date`: `YYYY-MM-DD`.
 */
export type DocumentEdit = { title?: string, process?: string, session?: string, meeting?: number, date?: string, };

/**
 * A statement as listed.
 */
export type StatementRow = { id: number, document: number, seq: number, speaker: string | null, speaker_label: string | null, speaker_kind: string | null, speaker_person: string | null, on_behalf_of: string | null, aligned_with: string | null, method: string, confidence: number, agenda_item: string | null, section: string | null, number: string | null, words: number, source_line: number | null, footnotes: Array<string>, text: string, 
/**
 * The words that named the speaker.
 */
evidence: string | null, 
/**
 * Why a person should check the speaker; `None` once nobody needs to.
 */
review: string | null, 
/**
 * Other speakers the evidence points to.
 */
alternatives: Array<string>, 
/**
 * The other members of a joint statement.
 */
co_speakers: Array<string>, };

/**
 * An entry of a speaker list as listed.
 */
export type SpeakerEntryRow = { order: number, label: string, speaker: string | null, announced: boolean, spoke: boolean, statement: number | null, words: number | null, seconds: number | null, words_per_minute: number | null, };

/**
 * A theme as listed.
 */
export type ThemeRow = { id: number, key: string, parent: string | null, label: string, description: string | null, 
/**
 * Statements tagged with it (effective tags).
 */
statements: number, };

/**
 * A tag as listed.
 */
export type TagRow = { id: number, statement: number, document: number, speaker: string | null, theme: string, stance: Stance, span: [number, number] | null, note: string | null, author: string | null, origin: TagOrigin, confidence: number | null, 
/**
 * Overridden by a human tag on the same statement and theme.
 */
overridden: boolean, created_at: string, updated_at: string, };

/**
 * A stance on a theme.
 */
export type Stance = "support" | "oppose" | "conditional" | "mention";

/**
 * Who made a tag: the tagger, from the codebook, or a person.
 */
export type TagOrigin = "auto" | "manual";

/**
 * A search as asked.
 */
export type SearchRequest = { query: string, 
/**
 * Extra filters (the CLI's `--speaker` and friends, the desktop's facet chips),
 * each a field and a value: no query syntax to write or to escape.
 */
filters: Array<Filter>, exact: boolean, sort: Sort, limit: number, offset: number, };

/**
 * How results are ordered.
 */
export type Sort = "relevance" | "date";

/**
 * A filter on one field: `{field: "speaker", value: "Egypt"}` means what
 * `speaker:"Egypt"` means in a query.
 */
export type Filter = { field: Field, value: string, };

/**
 * The filter fields.
 */
export type Field = "speaker" | "group" | "region" | "kind" | "session" | "theme" | "stance" | "after" | "before" | "symbol" | "document";

/**
 * Which statements count.
 */
export type PositionFilter = { 
/**
 * Session number.
 */
session: number | null, document: number | null, 
/**
 * Dates as ISO text, compared as text.
 */
after: string | null, before: string | null, };

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
 * Everything one actor said.
 */
export type ActorProfile = { actor: Actor, 
/**
 * Its position on every theme it touched.
 */
positions: Array<Position>, 
/**
 * Its statements as speaker, in document order (at most the limit asked).
 */
statements: Array<StatementRow>, 
/**
 * Statements (as speaker or on its behalf) per document date, oldest first.
 */
timeline: Array<DatedCount>, total_statements: number, };

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
aligned_members?: Array<string>, };

/**
 * How often an actor took each stance on a theme.
 */
export type StanceCounts = { support: number, oppose: number, conditional: number, mention: number, };

/**
 * A quote that shows the position.
 */
export type Evidence = { id: number, stance: Stance, date: string | null, quote: string, };

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
 * An error as a front-end shows it: `{code, message, remedy}` (the desktop shell sends
 * it across the IPC boundary; the CLI writes it in JSON reports).
 */
export type Failure = { 
/**
 * Stable, machine-readable ([`Error::code`]).
 */
code: string, 
/**
 * One line for the user: what failed and where.
 */
message: string, 
/**
 * What to do about it, for the front-end to word.
 */
remedy: Remedy | null, };

/**
 * What a person can do about an error or a problem. The core says which; each
 * front-end words it ([`Remedy::cli`] for the command line; the desktop shell its own
 * way), so no message of the core names a command or a flag.
 */
export type Remedy = { "kind": "choose_library" } | { "kind": "move_aside" } | { "kind": "update_plenary" } | { "kind": "fix_entry" } | { "kind": "choose_format" } | { "kind": "name_process" } | { "kind": "wait" } | { "kind": "reindex" } | { "kind": "check" } | { "kind": "restore_backup" } | { "kind": "pick", list: Listing, } | { "kind": "did_you_mean", names: Array<string>, } | { "kind": "type_speaker" } | { "kind": "restart" } | { "kind": "try_again" } | { "kind": "confirm_replace" };

/**
 * The lists a [`Remedy::Pick`] points to.
 */
export type Listing = "documents" | "statements" | "themes" | "actors" | "tags";

/**
 * A problem `check` found, and what to do about it.
 */
export type Problem = { message: string, remedy: Remedy, };

/**
 * What a reader shows of one document.
 */
export type DocumentView = { document: DocumentRow, statements: Array<StatementRow>, 
/**
 * Every tag of the document's statements, automatic and human.
 */
tags: Array<TagRow>, speakers: Array<SpeakerEntryRow>, };

/**
 * The source families Plenary reads.
 */
export type SourceType = "transcript" | "session_report" | "un_document" | "general_debate";

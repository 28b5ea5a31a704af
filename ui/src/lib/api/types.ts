// Shapes of what the shell returns: each mirrors a serialised `plenary` type.

/** A document as listed (`plenary::store::documents::DocumentRow`). */
export interface DocumentRow {
  id: number;
  title: string;
  /** Source type: transcript, report, un_document, general_debate. */
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

/** A statement (`StatementRow`). `method` says how the speaker was found. */
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
  /** label, chair_cue, approximate, in_text, file_name, document, manual, unknown. */
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
}

/** One entry of a document's speaker list (`SpeakerEntryRow`). */
export interface SpeakerEntry {
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

export type Stance = "support" | "oppose" | "conditional" | "mention";
export const STANCES: Stance[] = ["support", "oppose", "conditional", "mention"];

/** A tag (`TagRow`). `span` is in characters of the statement text. */
export interface TagRow {
  id: number;
  statement: number;
  document: number;
  speaker: string | null;
  theme: string;
  stance: Stance;
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

/** A theme of the codebook (`ThemeRow`). */
export interface ThemeRow {
  id: number;
  key: string;
  parent: string | null;
  label: string;
  description: string | null;
  /** Statements tagged with it. */
  statements: number;
}

/** An actor of the gazetteer (`plenary::store::actors::Actor`). */
export interface Actor {
  id: number;
  key: string;
  name: string;
  /** state, observer, group, organisation, stakeholder, role, … */
  kind: string;
  category: string | null;
  iso2: string | null;
  iso3: string | null;
  region: string | null;
  region_key: string | null;
  groups: string[];
  group_keys: string[];
  aliases: string[];
  observer: boolean;
}

export interface StanceCounts {
  support: number;
  oppose: number;
  conditional: number;
  mention: number;
}

/** A quote showing a position. */
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
  aligned_members?: string[];
}

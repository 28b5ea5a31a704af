// Search: the typed call to the shell's `search` command.
import { call } from "./library";

/** One hit (mirrors `plenary::Hit`). */
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
  fragment: string;
  /** Byte ranges of the hits within `fragment` (UTF-8). */
  highlights: [number, number][];
}

export interface FacetCount {
  name: string;
  count: number;
}

/** Search results (mirrors `plenary::SearchResults`). */
export interface SearchResults {
  query: string;
  total: number;
  took_ms: number;
  hits: Hit[];
  facets: { speaker: FacetCount[]; group: FacetCount[]; theme: FacetCount[]; session: FacetCount[] };
  notices?: string[];
}

export interface SearchArgs {
  query: string;
  filters?: string[];
  exact?: boolean;
  sort_by_date?: boolean;
  limit?: number;
  offset?: number;
}

/** Runs a search. */
export function search(args: SearchArgs): Promise<SearchResults> {
  return call<SearchResults>("search", { args });
}

/** Statements most like statement `id` ("who else said something like this?"). */
export function similar(id: number, otherSpeakersOnly = true, limit = 10): Promise<SearchResults> {
  return call<SearchResults>("similar", { id, otherSpeakersOnly, limit });
}

// Search: the typed call to the shell's `search` command.
import { call } from "./library";
import type { SearchArgs, SearchResults } from "./types";

/** Runs a search. */
export function search(args: SearchArgs): Promise<SearchResults> {
  return call<SearchResults>("search", { args });
}

/** Statements most like statement `id` ("who else said something like this?"). */
export function similar(id: number, otherSpeakersOnly = true, limit = 10): Promise<SearchResults> {
  return call<SearchResults>("similar", { id, otherSpeakersOnly, limit });
}

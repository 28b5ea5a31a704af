// Facet entries become filters ("speaker:\"Egypt\""), shown as removable chips and
// sent in the search's `filters` (each parsed by the shell like a query).

export type FacetField = "speaker" | "group" | "theme" | "session";

/** Quotes a filter value when it has spaces or other query syntax in it. */
export function quoteValue(value: string): string {
  const clean = value.replaceAll('"', "").trim();
  return /^[\p{L}\p{N}_/.-]+$/u.test(clean) ? clean : `"${clean}"`;
}

/**
 * The filter for clicking facet entry `name`. A session is filtered by its full name
 * ("OEWG 2021–2025, 2nd substantive session"), which is that one session, not the 2nd
 * session of every process as `session:2` would be.
 */
export function facetFilter(field: FacetField, name: string): string | null {
  if (!name.trim()) return null;
  return `${field}:${quoteValue(name)}`;
}

/** `filters` with `filter` added once (case-insensitively). */
export function addFilter(filters: string[], filter: string): string[] {
  return filters.some((f) => f.toLowerCase() === filter.toLowerCase()) ? filters : [...filters, filter];
}

/** `filters` without `filter`. */
export function removeFilter(filters: string[], filter: string): string[] {
  return filters.filter((f) => f !== filter);
}

/** A chip's parts: `speaker:"Egypt"` → { field: "speaker", value: "Egypt" }. */
export function describeFilter(filter: string): { field: string; value: string } {
  const at = filter.indexOf(":");
  if (at < 0) return { field: "", value: filter };
  return { field: filter.slice(0, at), value: filter.slice(at + 1).replaceAll('"', "") };
}

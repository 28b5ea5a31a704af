// Facet entries become filters ("speaker:\"Egypt\""), shown as removable chips and
// sent in the search's `filters` (each parsed by the shell like a query).

export type FacetField = "speaker" | "group" | "theme" | "session";

/** Quotes a filter value when it has spaces or other query syntax in it. */
export function quoteValue(value: string): string {
  const clean = value.replaceAll('"', "").trim();
  return /^[\p{L}\p{N}_/.-]+$/u.test(clean) ? clean : `"${clean}"`;
}

/**
 * The filter for clicking facet entry `name`. Sessions are filtered by number, so a
 * session facet ("OEWG 2021–2025, 2nd substantive session") becomes `session:2`;
 * null when its name holds no number.
 */
export function facetFilter(field: FacetField, name: string): string | null {
  if (field === "session") {
    const session = name.slice(name.lastIndexOf(",") + 1);
    const n = session.match(/\d+/);
    return n ? `session:${n[0]}` : null;
  }
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

// Facet entries become filters ({field: "speaker", value: "Egypt"}), shown as removable
// chips and sent in the search's `filters`: a field and a value each, never query
// syntax (the core reads them as such).

import type { Field, Filter } from "../api/types";

export type FacetField = Extract<Field, "speaker" | "group" | "theme" | "session">;

/**
 * The filter for clicking facet entry `name`. A session is filtered by its full name
 * ("OEWG 2021–2025, 2nd substantive session"), which is that one session, not the 2nd
 * session of every process as `session:2` would be.
 */
export function facetFilter(field: FacetField, name: string): Filter | null {
  const value = name.trim();
  return value ? { field, value } : null;
}

/** Whether two filters are the same (values compared without case). */
export function sameFilter(a: Filter, b: Filter): boolean {
  return a.field === b.field && a.value.toLowerCase() === b.value.toLowerCase();
}

/** `filters` with `filter` added once (case-insensitively). */
export function addFilter(filters: Filter[], filter: Filter): Filter[] {
  return filters.some((f) => sameFilter(f, filter)) ? filters : [...filters, filter];
}

/** `filters` without `filter`. */
export function removeFilter(filters: Filter[], filter: Filter): Filter[] {
  return filters.filter((f) => !sameFilter(f, filter));
}

/** A chip as the query language would write it (`speaker:"Egypt"`), for labels. */
export function filterText(filter: Filter): string {
  return `${filter.field}:"${filter.value}"`;
}

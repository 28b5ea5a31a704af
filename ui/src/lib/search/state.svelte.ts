// The Search screen's state, kept outside the view so it survives a trip to the
// Reader and back.
import { search } from "../api/search";
import type { ApiError, Filter, Hit, SearchResults } from "../api/types";
import { addFilter, facetFilter, removeFilter, type FacetField } from "./filters";

export const PAGE = 20;

export class SearchState {
  query = $state("");
  /** Filter chips, sent as the search's `filters`. */
  filters = $state<Filter[]>([]);
  exact = $state(false);
  sortByDate = $state(false);
  /** The latest page of results (facets, total, notices). */
  results = $state<SearchResults | null>(null);
  /** Every hit loaded so far (pages appended by "Load more"). */
  hits = $state<Hit[]>([]);
  error = $state<ApiError | null>(null);
  loading = $state(false);
  selected = $state(0);
  #sequence = 0;
  /** How many hits the pages so far held (the next page's offset). */
  #fetched = 0;
  /** The arguments of the last first-page search sent. */
  #lastSent = "";
  #search: typeof search;

  constructor(run: typeof search = search) {
    this.#search = run;
  }

  /** Whether there is anything to search for. */
  get active(): boolean {
    return this.query.trim() !== "" || this.filters.length > 0;
  }

  /** Runs the search from the first page; stale answers are dropped. */
  async run(): Promise<void> {
    const mine = ++this.#sequence;
    if (!this.active) {
      this.results = null;
      this.hits = [];
      this.error = null;
      this.loading = false;
      return;
    }
    this.loading = true;
    this.#lastSent = JSON.stringify(this.#args(0));
    try {
      const r = await this.#search(this.#args(0));
      if (mine !== this.#sequence) return;
      this.results = r;
      this.hits = r.hits;
      this.#fetched = r.hits.length;
      this.error = null;
      this.selected = 0;
    } catch (err) {
      if (mine === this.#sequence) this.error = err as ApiError;
    } finally {
      if (mine === this.#sequence) this.loading = false;
    }
  }

  /** Runs the search unless the same one was already sent (a `change` after `input`). */
  runIfChanged(): Promise<void> {
    if (this.active && JSON.stringify(this.#args(0)) === this.#lastSent) return Promise.resolve();
    return this.run();
  }

  /** Appends the next page. */
  async more(): Promise<void> {
    const mine = ++this.#sequence;
    this.loading = true;
    try {
      const r = await this.#search(this.#args(this.#fetched));
      if (mine !== this.#sequence) return;
      this.results = r;
      this.#fetched += r.hits.length;
      // The index may change between pages: never list a statement twice.
      const seen = new Set(this.hits.map((h) => h.id));
      this.hits = [...this.hits, ...r.hits.filter((h) => !seen.has(h.id))];
      this.error = null;
    } catch (err) {
      if (mine === this.#sequence) this.error = err as ApiError;
    } finally {
      if (mine === this.#sequence) this.loading = false;
    }
  }

  get hasMore(): boolean {
    return !!this.results && this.#fetched < this.results.total && this.results.hits.length > 0;
  }

  /** Adds the filter for a facet entry as a chip and searches again. */
  addFacet(field: FacetField, name: string): Promise<void> {
    const f = facetFilter(field, name);
    if (!f) return Promise.resolve();
    this.filters = addFilter(this.filters, f);
    return this.run();
  }

  removeFilter(filter: Filter): Promise<void> {
    this.filters = removeFilter(this.filters, filter);
    return this.run();
  }

  /** Empties the query (the chips stay). */
  clear(): Promise<void> {
    this.query = "";
    return this.run();
  }

  #args(offset: number) {
    return { query: this.query, filters: this.filters, exact: this.exact, sort_by_date: this.sortByDate, limit: PAGE, offset };
  }
}

export const searchState = new SearchState();

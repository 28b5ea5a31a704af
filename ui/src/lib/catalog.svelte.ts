// Lists several screens share (actors, themes, documents, library status), loaded once
// and reloaded after work that changes them (import, reindex, codebook save).
import { libraryStatus } from "./api/library";
import type { Actor, ApiError, DocumentRow, LibraryStatus, ThemeRow } from "./api/types";
import { actors, documents } from "./api/documents";
import { themes } from "./api/themes";

/** A value loaded from the shell, with its loading and error state. */
export class Loaded<T> {
  value = $state<T | null>(null);
  error = $state<ApiError | null>(null);
  loading = $state(false);
  #pending: Promise<void> | null = null;
  #fetch: () => Promise<T>;

  constructor(fetch: () => Promise<T>) {
    this.#fetch = fetch;
  }

  /** Loads once; `force` reloads even when loaded. Never rejects (see `error`). */
  load(force = false): Promise<void> {
    if (this.#pending) return this.#pending;
    if (this.value !== null && !force) return Promise.resolve();
    this.loading = true;
    this.#pending = this.#fetch()
      .then((v) => {
        this.value = v;
        this.error = null;
      })
      .catch((err: ApiError) => {
        this.error = err;
      })
      .finally(() => {
        this.loading = false;
        this.#pending = null;
      });
    return this.#pending;
  }
}

export const status = new Loaded<LibraryStatus>(() =>
  libraryStatus().then((s) => {
    // The library is open and the search box is up: what the launch benchmark
    // (scripts/bench-desktop.sh) measures up to. Marked once.
    if (performance.getEntriesByName("plenary:interactive").length === 0) {
      performance.mark("plenary:interactive");
    }
    return s;
  }),
);
export const actorList = new Loaded<Actor[]>(actors);
export const themeList = new Loaded<ThemeRow[]>(themes);
export const documentList = new Loaded<DocumentRow[]>(documents);

/** After documents changed (import, reindex): reload what depends on them. */
export function documentsChanged(): void {
  void status.load(true);
  void documentList.load(true);
  void actorList.load(true);
  void themeList.load(true);
}

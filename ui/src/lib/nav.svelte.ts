// State-based navigation: the current screen, a back stack, and "layers" (popovers,
// menus, inline editors) that Esc closes before it goes back a screen.

/** A screen of the app, with what it needs to show. */
export type Screen =
  | { name: "library" }
  | { name: "search" }
  | { name: "compare" }
  | { name: "codebook" }
  /** Statements whose speaker is uncertain, one at a time. */
  | { name: "review" }
  /** A document, optionally scrolled to (and highlighting) one statement. */
  | { name: "reader"; document: number; statement?: number | null }
  | { name: "actor"; actor: string };

/** The screens reached from the navigation bar. */
export const TOP_SCREENS = ["library", "search", "review", "compare", "codebook"] as const;

/** How many screens the back stack remembers. */
const MAX_HISTORY = 50;

function same(a: Screen, b: Screen): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class Navigator {
  current = $state<Screen>({ name: "search" });
  /** Screens to go back to, oldest first. */
  history = $state<Screen[]>([]);
  /** Bumped to ask the search box to take focus. */
  searchFocus = $state(0);
  /** Close functions of open popovers and menus, innermost last. */
  #layers: (() => void)[] = [];

  constructor(start: Screen = { name: "search" }) {
    this.current = start;
  }

  /** Shows `screen`, remembering the current one (nothing happens if it is the same). */
  go(screen: Screen): void {
    if (same(screen, this.current)) return;
    this.history = [...this.history, this.current].slice(-MAX_HISTORY);
    this.current = screen;
    this.#layers = [];
  }

  get canGoBack(): boolean {
    return this.history.length > 0;
  }

  /** Goes back to the previous screen; false when there is none. */
  back(): boolean {
    const previous = this.history.at(-1);
    if (!previous) return false;
    this.history = this.history.slice(0, -1);
    this.current = previous;
    this.#layers = [];
    return true;
  }

  /**
   * Registers an open popover or menu that Esc should close first. Returns the function
   * to call when it closes by other means (so Esc does not close it twice).
   */
  openLayer(close: () => void): () => void {
    const entry = () => close();
    this.#layers.push(entry);
    return () => {
      this.#layers = this.#layers.filter((l) => l !== entry);
    };
  }

  get layers(): number {
    return this.#layers.length;
  }

  /** What Esc does: closes the innermost layer, else goes back. False if nothing to do. */
  escape(): boolean {
    const layer = this.#layers.pop();
    if (layer) {
      layer();
      return true;
    }
    return this.back();
  }

  /** Switches to Search and focuses its box. */
  focusSearch(): void {
    this.go({ name: "search" });
    this.searchFocus++;
  }
}

/** The app's navigator. */
export const nav = new Navigator();

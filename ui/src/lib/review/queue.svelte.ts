// The review screen's state: the queue of statements whose speaker is uncertain, the
// one being looked at, and what accepting or fixing it does. Kept across visits, so
// going to the reader and back returns to the same statement.
import { fixSpeaker } from "../api/documents";
import type { ApiError, StatementRow } from "../api/types";
import { acceptSpeaker, reviewQueue } from "../api/review";

/** How many statements one document still has in the queue. */
export interface DocumentCount {
  document: number;
  remaining: number;
}

/** What the queue calls; the shell's commands unless a test passes others. */
export interface ReviewCalls {
  queue: () => Promise<StatementRow[]>;
  accept: (statement: number) => Promise<StatementRow>;
  fix: (statement: number, speaker: string) => Promise<StatementRow>;
}

/** The last decision, to confirm it to the user. */
export interface Decision {
  statement: number;
  speaker: string | null;
  how: "accepted" | "fixed";
}

const SHELL: ReviewCalls = { queue: () => reviewQueue(), accept: acceptSpeaker, fix: fixSpeaker };

export class ReviewQueue {
  /** The statements still to review, in document order. */
  items = $state<StatementRow[]>([]);
  /** The position of the statement shown. */
  index = $state(0);
  loaded = $state(false);
  loading = $state(false);
  /** A decision being saved: keys wait for it. */
  saving = $state(false);
  error = $state<ApiError | null>(null);
  last = $state<Decision | null>(null);
  #calls: ReviewCalls;

  constructor(calls: ReviewCalls = SHELL) {
    this.#calls = calls;
  }

  get current(): StatementRow | null {
    return this.items[this.index] ?? null;
  }

  /** Per document, how many remain, in the queue's order. */
  get documents(): DocumentCount[] {
    const counts = new Map<number, number>();
    for (const s of this.items) counts.set(s.document, (counts.get(s.document) ?? 0) + 1);
    return [...counts].map(([document, remaining]) => ({ document, remaining }));
  }

  /** (Re)loads the queue, staying on the statement shown if it is still there. */
  async load(): Promise<void> {
    const keep = this.current?.id;
    this.loading = true;
    try {
      const items = await this.#calls.queue();
      const at = items.findIndex((s) => s.id === keep);
      this.items = items;
      this.index = at >= 0 ? at : Math.min(this.index, Math.max(items.length - 1, 0));
      this.error = null;
      this.loaded = true;
    } catch (err) {
      this.error = err as ApiError;
    } finally {
      this.loading = false;
    }
  }

  next(): void {
    if (this.index < this.items.length - 1) this.index++;
  }

  previous(): void {
    if (this.index > 0) this.index--;
  }

  /** Shows the first statement of `document` still in the queue. */
  goToDocument(document: number): void {
    const at = this.items.findIndex((s) => s.document === document);
    if (at >= 0) this.index = at;
  }

  /** Keeps the suggested speaker of the statement shown. */
  accept(): Promise<boolean> {
    const s = this.current;
    if (!s?.speaker) return Promise.resolve(false);
    return this.#decide(s.id, "accepted", () => this.#calls.accept(s.id));
  }

  /** Sets the statement shown to `speaker` (any name or alias the gazetteer knows). */
  fix(speaker: string): Promise<boolean> {
    const s = this.current;
    const name = speaker.trim();
    if (!s || !name) return Promise.resolve(false);
    return this.#decide(s.id, "fixed", () => this.#calls.fix(s.id, name));
  }

  /** Saves a decision; the statement leaves the queue and the next one takes its place. */
  async #decide(id: number, how: Decision["how"], save: () => Promise<StatementRow>): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.error = null;
    try {
      const saved = await save();
      this.items = this.items.filter((s) => s.id !== id);
      this.index = Math.min(this.index, Math.max(this.items.length - 1, 0));
      this.last = { statement: id, speaker: saved.speaker, how };
      return true;
    } catch (err) {
      this.error = err as ApiError;
      return false;
    } finally {
      this.saving = false;
    }
  }
}

/** The app's review queue. */
export const review = new ReviewQueue();

// The one long-running job (import or reindex): progress, cancel, and its outcome.
// Lives outside the screens so the work carries on while the user looks elsewhere.
import { cancelWork, importPaths, reindex } from "../api/imports";
import type { ApiError, ImportReport, ProgressEvent } from "../api/types";
import { documentsChanged } from "../catalog.svelte";

export class Job {
  /** What is running, if anything. */
  kind = $state<"import" | "reindex" | null>(null);
  progress = $state<ProgressEvent | null>(null);
  cancelling = $state(false);
  /** The last import's per-file results. */
  report = $state<ImportReport | null>(null);
  /** The last reindex's outcome. */
  reindexed = $state<{ statements: number; cancelled: boolean } | null>(null);
  error = $state<ApiError | null>(null);

  get running(): boolean {
    return this.kind !== null;
  }

  /** Imports files and folders; refuses (with an error) while other work runs. */
  async importPaths(paths: string[]): Promise<void> {
    if (paths.length === 0 || !this.#begin("import")) return;
    this.report = null;
    try {
      this.report = await importPaths(paths, (e) => (this.progress = e));
    } catch (err) {
      this.error = err as ApiError;
    } finally {
      this.#end();
    }
  }

  async reindex(): Promise<void> {
    if (!this.#begin("reindex")) return;
    this.reindexed = null;
    try {
      this.reindexed = await reindex((e) => (this.progress = e));
    } catch (err) {
      this.error = err as ApiError;
    } finally {
      this.#end();
    }
  }

  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelling = true;
    try {
      await cancelWork();
    } catch (err) {
      this.error = err as ApiError;
      this.cancelling = false;
    }
  }

  #begin(kind: "import" | "reindex"): boolean {
    if (this.running) {
      this.error = { code: "busy", message: `Wait for the ${this.kind === "import" ? "import" : "index rebuild"} to finish, or cancel it.` };
      return false;
    }
    this.kind = kind;
    this.error = null;
    this.progress = null;
    this.cancelling = false;
    return true;
  }

  #end(): void {
    this.kind = null;
    this.cancelling = false;
    this.progress = null;
    documentsChanged();
  }
}

export const job = new Job();

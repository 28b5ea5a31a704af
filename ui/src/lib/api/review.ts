// The review queue: statements whose speaker a person should check.
import { call } from "./library";
import type { StatementRow } from "./types";

/** The queue in document order: one document's, or every document's. */
export function reviewQueue(document: number | null = null): Promise<StatementRow[]> {
  return call<StatementRow[]>("review_queue", { document });
}

/**
 * Keeps a queued statement's suggested speaker: it becomes a manual speaker and leaves
 * the queue. To type another speaker, use `fixSpeaker` (documents.ts).
 */
export function acceptSpeaker(statement: number): Promise<StatementRow> {
  return call<StatementRow>("accept_speaker", { statement });
}

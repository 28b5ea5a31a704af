// A document named in little room (the review screen's list): what tells it apart
// from its neighbours first — the meeting (or session) and date — then where it
// belongs. Titles of one process start alike and would all be cut at the same place.
import type { DocumentRow } from "../api/types";

export interface ShortLabel {
  /** The meeting or session and the date; the title when there is neither. */
  name: string;
  /** The process (and the session, when the name is a meeting); "" when unknown. */
  detail: string;
}

type Placed = Pick<DocumentRow, "title" | "process" | "session" | "meeting" | "date">;

export function shortLabel(d: Placed): ShortLabel {
  const head = d.meeting ?? d.session;
  if (!head) return { name: d.title, detail: d.process ?? "" };
  const name = [head, d.date].filter(Boolean).join(" · ");
  const detail = [d.process, d.meeting ? d.session : null].filter(Boolean).join(", ");
  return { name, detail };
}

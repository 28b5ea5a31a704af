// Groups the document list by process, then session, for the Library screen.
import type { DocumentRow, SourceType } from "../api/types";

export interface SessionGroup {
  key: string;
  /** The session's name, or a fallback such as "Without a session". */
  label: string;
  documents: DocumentRow[];
}

export interface ProcessGroup {
  key: string;
  /** The process name, or a fallback named after the kind of document. */
  label: string;
  /** False for the fallback groups of documents outside any process. */
  named: boolean;
  sessions: SessionGroup[];
  /** Number of documents in the group. */
  count: number;
}

/** Where documents outside any process go, by kind. */
/** Where documents outside a named process go, by source type (transcripts: "Other documents"). */
const KIND_GROUPS: Partial<Record<SourceType, string>> = {
  general_debate: "General debate",
  session_report: "Reports",
  un_document: "UN documents",
};
export const OTHER_DOCUMENTS = "Other documents";
export const NO_SESSION = "Without a session";

/** The first number in a label ("8th meeting" → 8), for natural ordering. */
function number(label: string | null): number {
  const m = label?.match(/\d+/);
  return m ? Number(m[0]) : Number.POSITIVE_INFINITY;
}

/** Dates sort as ISO strings; undated last. */
function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Documents within a session: by date, then meeting number, then title. */
export function compareDocuments(a: DocumentRow, b: DocumentRow): number {
  return byDate(a.date, b.date) || number(a.meeting) - number(b.meeting) || a.title.localeCompare(b.title);
}

function earliest(docs: DocumentRow[]): string | null {
  return docs.reduce<string | null>((min, d) => (d.date && (!min || d.date < min) ? d.date : min), null);
}

function latest(docs: DocumentRow[]): string | null {
  return docs.reduce<string | null>((max, d) => (d.date && (!max || d.date > max) ? d.date : max), null);
}

/**
 * Groups documents by process, then session. Named processes come first, newest
 * first; documents without a process are grouped by kind ("General debate",
 * "Reports", … "Other documents") after them. Sessions run in order of their first
 * meeting, "Without a session" last; documents by date then meeting.
 */
export function groupDocuments(docs: DocumentRow[]): ProcessGroup[] {
  const processes = new Map<string, { label: string; named: boolean; docs: DocumentRow[] }>();
  for (const d of docs) {
    const named = !!d.process;
    const label = d.process ?? KIND_GROUPS[d.kind as SourceType] ?? OTHER_DOCUMENTS;
    const key = (named ? "p:" : "k:") + label;
    const entry = processes.get(key) ?? { label, named, docs: [] };
    entry.docs.push(d);
    processes.set(key, entry);
  }
  const groups: ProcessGroup[] = [...processes.entries()].map(([key, p]) => {
    const sessions = new Map<string, DocumentRow[]>();
    for (const d of p.docs) {
      const s = d.session ?? "";
      sessions.set(s, [...(sessions.get(s) ?? []), d]);
    }
    const sessionGroups: SessionGroup[] = [...sessions.entries()]
      .map(([s, list]) => ({
        key: `${key}/${s}`,
        label: s || (p.named ? NO_SESSION : ""),
        documents: list.sort(compareDocuments),
      }))
      .sort((a, b) => {
        if (!a.label || a.label === NO_SESSION) return 1;
        if (!b.label || b.label === NO_SESSION) return -1;
        return byDate(earliest(a.documents), earliest(b.documents)) || number(a.label) - number(b.label) || a.label.localeCompare(b.label);
      });
    return { key, label: p.label, named: p.named, sessions: sessionGroups, count: p.docs.length };
  });
  return groups.sort((a, b) => {
    if (a.named !== b.named) return a.named ? -1 : 1;
    if (!a.named) {
      // Fallback groups in a fixed order, "Other documents" last.
      const order = [...Object.values(KIND_GROUPS), OTHER_DOCUMENTS];
      return order.indexOf(a.label) - order.indexOf(b.label);
    }
    const [la, lb] = [latest(a.sessions.flatMap((s) => s.documents)), latest(b.sessions.flatMap((s) => s.documents))];
    return -byDate(la, lb) || a.label.localeCompare(b.label);
  });
}

// The document correction form's values: prefilled from the document as listed, and
// turned back into the `DocumentEdit` the core takes — only the fields a person
// changed, so that an untouched field never overwrites what the file says.
import type { DocumentEdit, DocumentRow, Process } from "../api/types";

/** What the form asks of the library: the Library screen passes the shell's commands. */
export interface EditCalls {
  /** The processes the library knows, by key. */
  processes: () => Promise<Process[]>;
  /** Sends the correction; resolves to the document as it now is. */
  editDocument: (document: number, edit: DocumentEdit) => Promise<DocumentRow>;
}

/** The process select's value for "a new process" (never a key: keys have no "+"). */
export const NEW_PROCESS = "+new";

/** What the form's fields hold, as typed. */
export interface EditForm {
  title: string;
  /** A known process's key; "" when the document has none; {@link NEW_PROCESS}. */
  process: string;
  /** The new process's key and name, when `process` is {@link NEW_PROCESS}. */
  newKey: string;
  newName: string;
  session: string;
  meeting: string;
  date: string;
}

/** The meeting's number from its name ("3rd meeting" → "3"); "" when it has none. */
export function meetingNumber(meeting: string | null): string {
  return meeting?.match(/^\s*(\d+)/)?.[1] ?? "";
}

/**
 * The form prefilled with the document's current values. The process is listed by
 * name; its key is found among the processes the library knows.
 */
export function formOf(d: DocumentRow, processes: Process[]): EditForm {
  return {
    title: d.title,
    process: (d.process && processes.find((p) => p.name === d.process)?.key) || "",
    newKey: "",
    newName: "",
    session: d.session ?? "",
    meeting: meetingNumber(d.meeting),
    date: d.date ?? "",
  };
}

/** The edit to send, or what is wrong with the form in words. */
export type EditResult = { edit: DocumentEdit } | { error: string };

const MEETING_FIX = "give its number within the session (1, 2, …)";

/**
 * The changes between the prefilled form and the form as it is now. Values go as
 * typed (trimmed): the core checks them and says what is wrong (an empty title, a
 * date that is not YYYY-MM-DD, a session without a process…). Only what cannot be
 * sent is refused here: a meeting that is not a number, a new process without a key
 * or a name.
 */
export function editOf(initial: EditForm, form: EditForm): EditResult {
  const edit: DocumentEdit = {};
  const changed = (a: string, b: string) => a.trim() !== b.trim();
  if (changed(form.title, initial.title)) edit.title = form.title.trim();
  if (form.process === NEW_PROCESS) {
    const key = form.newKey.trim();
    const name = form.newName.trim();
    if (!key || key.includes("=")) {
      return { error: "The new process needs a key: lower-case letters, digits and hyphens, e.g. oewg-2026." };
    }
    if (!name) return { error: `The new process ${key} needs a name, e.g. OEWG 2026.` };
    edit.process = `${key}=${name}`;
  } else if (form.process !== initial.process) {
    edit.process = form.process;
  }
  if (changed(form.session, initial.session)) edit.session = form.session.trim();
  if (changed(form.meeting, initial.meeting)) {
    const text = form.meeting.trim();
    if (!text) return { error: `The meeting cannot be removed here: ${MEETING_FIX}.` };
    if (!/^-?\d+$/.test(text)) return { error: `The meeting "${text}" is not a number: ${MEETING_FIX}.` };
    edit.meeting = Number(text);
  }
  if (changed(form.date, initial.date)) edit.date = form.date.trim();
  return { edit };
}

/** Whether an edit changes nothing. */
export function isEmpty(edit: DocumentEdit): boolean {
  return Object.keys(edit).length === 0;
}

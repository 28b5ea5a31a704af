// Documents, the reader, speakers and actors.
import { call } from "./library";
import type { Actor, ActorProfile, DocumentEdit, DocumentRow, DocumentView, Process, StatementRow } from "./types";

/** Every document in the library. */
export function documents(): Promise<DocumentRow[]> {
  return call<DocumentRow[]>("documents");
}

/** The processes the library knows, by key: what a document's process may be set to. */
export function processes(): Promise<Process[]> {
  return call<Process[]>("processes");
}

/**
 * Corrects a document's title, process, session, meeting and/or date (only the fields
 * `edit` gives). Importing the file again keeps the correction. Resolves to the
 * document as it now is; rejects with the core's `{code, message}` (`invalid_edit`,
 * `unknown_process`, …).
 */
export function editDocument(document: number, edit: DocumentEdit): Promise<DocumentRow> {
  return call<DocumentRow>("edit_document", { document, edit });
}

/** A document as its turns, with tags and speaker list. */
export function readDocument(id: number): Promise<DocumentView> {
  return call<DocumentView>("read_document", { id });
}

/** Sets a statement's speaker by hand (any name or alias the gazetteer knows). */
export function fixSpeaker(statement: number, speaker: string): Promise<StatementRow> {
  return call<StatementRow>("fix_speaker", { statement, speaker });
}

/** The actors of the gazetteer, for pickers. */
export function actors(): Promise<Actor[]> {
  return call<Actor[]>("actors");
}

/** An actor's profile, by any name or alias. */
export function actorProfile(name: string, limit = 200): Promise<ActorProfile> {
  return call<ActorProfile>("actor_profile", { name, limit });
}

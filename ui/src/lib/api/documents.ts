// Documents, the reader, speakers and actors.
import { call } from "./library";
import type { Actor, DocumentRow, SpeakerEntry, StatementRow, TagRow } from "./types";

/** Every document in the library. */
export function documents(): Promise<DocumentRow[]> {
  return call<DocumentRow[]>("documents");
}

/** Everything the reader shows for one document. */
export interface DocumentView {
  document: DocumentRow;
  statements: StatementRow[];
  /** Every tag of the document's statements, automatic and human. */
  tags: TagRow[];
  speakers: SpeakerEntry[];
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

/** Everything one delegation said. */
export interface ActorProfile {
  actor: Actor;
  /** Its position on every theme it touched (themes it never touched are left out). */
  positions: import("./types").Position[];
  /** Its statements, newest documents first (at most `limit`). */
  statements: StatementRow[];
  /** Statements per document date ("YYYY" or "YYYY-MM-DD"; "undated" when unknown). */
  timeline: { date: string; statements: number }[];
  /** Total statements, even when `statements` was cut at the limit. */
  total_statements: number;
}

/** An actor's profile, by any name or alias. */
export function actorProfile(name: string, limit = 200): Promise<ActorProfile> {
  return call<ActorProfile>("actor_profile", { name, limit });
}

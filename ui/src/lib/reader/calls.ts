// What the Reader's turns ask of the library. The Reader screen passes the shell's
// commands (lib/api); a turn, its speaker chip and its tag popover never call the
// shell themselves.
import type { StatementRow, TagArgs, TagRow } from "../api/types";

export interface ReaderCalls {
  /** Sets a statement's speaker by hand; resolves to the statement as it now is. */
  fixSpeaker: (statement: number, speaker: string) => Promise<StatementRow>;
  /** Adds a human tag (or updates the statement's human tag for the theme). */
  addTag: (tag: TagArgs) => Promise<TagRow>;
  /** Removes a human tag. */
  removeTag: (id: number) => Promise<void>;
}

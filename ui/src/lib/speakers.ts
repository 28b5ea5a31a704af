// How a statement's speaker was found, in words: shared by the reader's speaker chip
// and the review screen.
import type { Method } from "./api/types";

/** Each attribution method (`plenary::attribution::Method`) as the user reads it. */
const METHODS: Record<Method, string> = {
  label: "named in the record",
  chair_cue: "announced by the chair",
  approximate: "a name the chair said, matched approximately",
  in_text: "named in the statement",
  file_name: "from the file name",
  document: "from the document",
  manual: "set by hand",
  unknown: "not found",
};

/** The method in words (an unknown method is shown as it is). */
export function methodLabel(method: string): string {
  return METHODS[method as Method] ?? method.replaceAll("_", " ");
}

/** A confidence as a percentage ("50%"); values above 1 are shown as they are. */
export function confidenceLabel(confidence: number): string {
  return confidence <= 1 ? `${Math.round(confidence * 100)}%` : String(confidence);
}

import { describe, expect, it } from "vitest";
import type { DocumentRow, Process } from "../api/types";
import { editOf, formOf, isEmpty, meetingNumber, NEW_PROCESS, type EditForm } from "./edit";

const processes: Process[] = [
  { key: "global-mechanism", name: "Global Mechanism on ICT security" },
  { key: "oewg-2021-2025", name: "OEWG 2021–2025" },
];

const row = (over: Partial<DocumentRow> = {}): DocumentRow => ({
  id: 4,
  title: "Session 4-2 Transcript (OEWG 2021-25)",
  kind: "transcript",
  container: "txt",
  process: "OEWG 2021–2025",
  session: "4th substantive session",
  meeting: "2nd meeting",
  date: null,
  un_symbol: null,
  statements: 5,
  source_path: "/x/session-4-2.txt",
  unofficial: true,
  ai_generated: false,
  provenance: null,
  summary: null,
  symbols: [],
  notices: [],
  content_hash: "h",
  corrected: [],
  ...over,
});

/** The edit (or error) after changing `changes` in the form prefilled from `d`. */
function check(changes: Partial<EditForm>, d: DocumentRow = row()) {
  const initial = formOf(d, processes);
  return editOf(initial, { ...initial, ...changes });
}

describe("the document correction form", () => {
  it("is prefilled with the document's values, the process by its key", () => {
    expect(formOf(row(), processes)).toEqual({
      title: "Session 4-2 Transcript (OEWG 2021-25)",
      process: "oewg-2021-2025",
      newKey: "",
      newName: "",
      session: "4th substantive session",
      meeting: "2",
      date: "",
    });
    const bare = formOf(row({ process: null, session: null, meeting: null, date: "2026-03-04" }), processes);
    expect(bare).toMatchObject({ process: "", session: "", meeting: "", date: "2026-03-04" });
  });

  it("reads the meeting's number from its name", () => {
    expect(meetingNumber("3rd meeting")).toBe("3");
    expect(meetingNumber("11th meeting")).toBe("11");
    expect(meetingNumber("opening meeting")).toBe("");
    expect(meetingNumber(null)).toBe("");
  });

  it("sends only the fields that changed", () => {
    expect(check({})).toEqual({ edit: {} });
    expect(isEmpty({})).toBe(true);
    expect(check({ title: "  Session 4-2 Transcript (OEWG 2021-25) " })).toEqual({ edit: {} });
    expect(check({ title: " Fourth session, third meeting ", meeting: "3" })).toEqual({
      edit: { title: "Fourth session, third meeting", meeting: 3 },
    });
    expect(check({ process: "global-mechanism", session: "2", date: "2026-03-04" })).toEqual({
      edit: { process: "global-mechanism", session: "2", date: "2026-03-04" },
    });
    expect(isEmpty({ meeting: 3 })).toBe(false);
  });

  it("lets the core judge what it can read: an empty title, session or date", () => {
    expect(check({ title: "" })).toEqual({ edit: { title: "" } });
    expect(check({ session: " " })).toEqual({ edit: { session: "" } });
    expect(check({ date: "4 March" })).toEqual({ edit: { date: "4 March" } });
    expect(check({ meeting: "0" })).toEqual({ edit: { meeting: 0 } });
  });

  it("says in words what it cannot send: a meeting that is no number", () => {
    expect(check({ meeting: "" })).toEqual({ error: expect.stringMatching(/^The meeting cannot be removed here: give its number/) });
    expect(check({ meeting: "third" })).toEqual({ error: expect.stringMatching(/^The meeting "third" is not a number/) });
  });

  it("adds a new process as KEY=NAME, with both given", () => {
    expect(check({ process: NEW_PROCESS, newKey: " oewg-2026 ", newName: " OEWG 2026 " })).toEqual({
      edit: { process: "oewg-2026=OEWG 2026" },
    });
    expect(check({ process: NEW_PROCESS, newName: "OEWG 2026" })).toEqual({ error: expect.stringContaining("needs a key") });
    expect(check({ process: NEW_PROCESS, newKey: "a=b", newName: "OEWG 2026" })).toEqual({ error: expect.stringContaining("needs a key") });
    expect(check({ process: NEW_PROCESS, newKey: "oewg-2026" })).toEqual({ error: "The new process oewg-2026 needs a name, e.g. OEWG 2026." });
  });
});

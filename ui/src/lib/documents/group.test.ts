import { describe, expect, it } from "vitest";
import type { DocumentRow } from "../api/types";
import { groupDocuments, NO_SESSION } from "./group";

let nextId = 1;
function doc(over: Partial<DocumentRow>): DocumentRow {
  return {
    id: nextId++,
    title: "t",
    kind: "transcript",
    container: "txt",
    process: null,
    session: null,
    meeting: null,
    date: null,
    un_symbol: null,
    statements: 1,
    source_path: "/x",
    unofficial: false,
    ai_generated: false,
    provenance: null,
    summary: null,
    symbols: [],
    notices: [],
    content_hash: "h",
    corrected: [],
    ...over,
  };
}

describe("groupDocuments", () => {
  const oewg = "OEWG 2021–2025";
  const docs = [
    doc({ title: "10th", process: oewg, session: "2nd substantive session", meeting: "10th meeting", date: "2022-03-31" }),
    doc({ title: "8th", process: oewg, session: "2nd substantive session", meeting: "8th meeting", date: "2022-03-30" }),
    doc({ title: "9th", process: oewg, session: "2nd substantive session", meeting: "9th meeting", date: "2022-03-30" }),
    doc({ title: "1st", process: oewg, session: "1st substantive session", meeting: "1st meeting", date: "2021-12-13" }),
    doc({ title: "loose", process: oewg, session: null, date: "2021-06-01" }),
    doc({ title: "old", process: "OEWG 2019–2021", session: "1st substantive session", date: "2019-09-09" }),
    doc({ title: "gd", kind: "general_debate", date: "2020-10-01" }),
    doc({ title: "misc", kind: "transcript" }),
    doc({ title: "report", kind: "session_report", date: "2021-03-12" }),
  ];
  const groups = groupDocuments(docs);

  it("puts named processes first, newest first, then fallbacks by kind", () => {
    expect(groups.map((g) => g.label)).toEqual([oewg, "OEWG 2019–2021", "General debate", "Reports", "Other documents"]);
    expect(groups.map((g) => g.count)).toEqual([5, 1, 1, 1, 1]);
  });

  it("orders sessions by date with documents without a session last", () => {
    expect(groups[0].sessions.map((s) => s.label)).toEqual(["1st substantive session", "2nd substantive session", NO_SESSION]);
  });

  it("orders meetings by date, then meeting number", () => {
    expect(groups[0].sessions[1].documents.map((d) => d.title)).toEqual(["8th", "9th", "10th"]);
  });

  it("leaves the session label empty in fallback groups", () => {
    expect(groups[2].sessions).toHaveLength(1);
    expect(groups[2].sessions[0].label).toBe("");
  });

  it("handles an empty library", () => {
    expect(groupDocuments([])).toEqual([]);
  });
});

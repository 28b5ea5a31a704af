import { describe, expect, it } from "vitest";
import { citation, place, segments } from "./segments";

describe("segments", () => {
  it("cuts at byte ranges, multi-byte text included", () => {
    const text = "Côte d’Ivoire supports the <b>PoA</b>";
    const bytes = new TextEncoder().encode(text);
    const start = bytes.length - new TextEncoder().encode("PoA</b>").length;
    const parts = segments(text, [[start, start + 3]]);
    expect(parts).toEqual([
      { text: "Côte d’Ivoire supports the <b>", hit: false },
      { text: "PoA", hit: true },
      { text: "</b>", hit: false },
    ]);
  });

  it("cuts after characters outside the BMP (4 bytes, 2 UTF-16 units)", () => {
    const text = "🇪🇺 supports the PoA";
    const start = new TextEncoder().encode("🇪🇺 supports the ").length;
    expect(segments(text, [[start, start + 3]])).toEqual([
      { text: "🇪🇺 supports the ", hit: false },
      { text: "PoA", hit: true },
    ]);
  });

  it("ignores ranges out of order or out of bounds", () => {
    expect(segments("abc", [[2, 9], [0, 1]])).toEqual([
      { text: "a", hit: true },
      { text: "bc", hit: false },
    ]);
  });
});

describe("citation", () => {
  it("names speaker, process, session and meeting", () => {
    expect(
      citation({ speaker: "Egypt", process: "OEWG 2021–2025", session: "2nd substantive session", meeting: "8th meeting", date: null, document_title: "x" }),
    ).toBe("Egypt, OEWG 2021–2025, 2nd substantive session, 8th meeting");
  });
});

describe("place", () => {
  it("falls back to the document title outside a process", () => {
    expect(place({ process: null, session: null, meeting: null, date: "2014-01-13", document_title: "Summary of conclusions" })).toBe(
      "Summary of conclusions, 2014-01-13",
    );
  });
});

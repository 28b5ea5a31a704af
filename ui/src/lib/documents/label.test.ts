import { describe, expect, it } from "vitest";
import { shortLabel } from "./label";

const doc = (fields: Partial<Record<"process" | "session" | "meeting" | "date", string>>, title = "A title") => ({
  title,
  process: fields.process ?? null,
  session: fields.session ?? null,
  meeting: fields.meeting ?? null,
  date: fields.date ?? null,
});

describe("shortLabel", () => {
  it("puts the meeting and date first, the process and session after", () => {
    expect(
      shortLabel(doc({ process: "Global Mechanism on ICT security", session: "substantive plenary session of 2026", meeting: "9th meeting", date: "2026-07-24" })),
    ).toEqual({ name: "9th meeting · 2026-07-24", detail: "Global Mechanism on ICT security, substantive plenary session of 2026" });
  });

  it("falls back to the session, then to the title", () => {
    expect(shortLabel(doc({ process: "UN80 Informal Ad Hoc Working Group on mandates", session: "5th session" }))).toEqual({
      name: "5th session",
      detail: "UN80 Informal Ad Hoc Working Group on mandates",
    });
    expect(shortLabel(doc({}, "Statement by France"))).toEqual({ name: "Statement by France", detail: "" });
    expect(shortLabel(doc({ process: "General debate", date: "2023-09-20" }, "France, 78th session"))).toEqual({
      name: "France, 78th session",
      detail: "General debate",
    });
  });
});

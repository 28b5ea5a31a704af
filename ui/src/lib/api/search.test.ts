import { afterEach, describe, expect, it } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { search, similar } from "./search";
import { mockFailingShell, mockShell } from "./testing";

describe("search API", () => {
  afterEach(() => clearMocks());

  it("wraps the search request in `args`", async () => {
    const sent = mockShell(() => ({ hits: [], total: 0 }));
    await search({ query: "poa", filters: [{ field: "speaker", value: "Russian Federation" }], sort_by_date: true, offset: 20, limit: 20 });
    expect(sent).toEqual([
      { cmd: "search", args: { args: { query: "poa", filters: [{ field: "speaker", value: "Russian Federation" }], sort_by_date: true, offset: 20, limit: 20 } } },
    ]);
  });

  it("asks for similar statements", async () => {
    const sent = mockShell(() => ({ hits: [], total: 0 }));
    await similar(12);
    await similar(12, false, 5);
    expect(sent.map((s) => s.args)).toEqual([
      { id: 12, otherSpeakersOnly: true, limit: 10 },
      { id: 12, otherSpeakersOnly: false, limit: 5 },
    ]);
    expect(sent[0].cmd).toBe("similar");
  });

  it("passes {code, message} through", async () => {
    mockFailingShell("bad_query", "unknown field nope: at column 1");
    await expect(search({ query: "nope:x" })).rejects.toEqual({ code: "bad_query", message: "unknown field nope: at column 1" });
  });
});

import { describe, expect, it, vi } from "vitest";
import type { SearchArgs, SearchResults } from "../api/types";
import { SearchState } from "./state.svelte";

function results(n: number, total: number, first = 0): SearchResults {
  return {
    query: "",
    total,
    took_ms: 1,
    hits: Array.from({ length: n }, (_, i) => ({ id: first + i }) as SearchResults["hits"][number]),
    facets: { speaker: [], group: [], theme: [], session: [] },
  };
}

describe("SearchState", () => {
  it("adds facet chips to the filters and searches with them", async () => {
    const run = vi.fn(async (_: SearchArgs) => results(2, 2));
    const s = new SearchState(run);
    s.query = "poa";
    await s.addFacet("speaker", "Russian Federation");
    await s.addFacet("speaker", "Russian Federation");
    await s.addFacet("session", "OEWG 2021–2025, 2nd substantive session");
    const session = { field: "session", value: "OEWG 2021–2025, 2nd substantive session" };
    const russia = { field: "speaker", value: "Russian Federation" } as const;
    expect(s.filters).toEqual([russia, session]);
    expect(run.mock.calls.at(-1)?.[0]).toMatchObject({ query: "poa", filters: [russia, session], offset: 0 });
    await s.removeFilter(russia);
    expect(s.filters).toEqual([session]);
    expect(run.mock.calls.at(-1)?.[0].filters).toEqual([session]);
  });

  it("searches on filters alone, and clears when there is nothing", async () => {
    const run = vi.fn(async () => results(1, 1));
    const s = new SearchState(run);
    await s.run();
    expect(run).not.toHaveBeenCalled();
    await s.addFacet("theme", "poa");
    expect(run).toHaveBeenCalledOnce();
    expect(s.hits).toHaveLength(1);
    await s.removeFilter({ field: "theme", value: "poa" });
    expect(s.results).toBeNull();
  });

  it("loads more pages by offset", async () => {
    const run = vi.fn(async (a: SearchArgs) => results(a.offset ? 5 : 20, 25, a.offset ?? 0));
    const s = new SearchState(run);
    s.query = "norms";
    await s.run();
    expect(s.hasMore).toBe(true);
    await s.more();
    expect(run.mock.calls[1][0].offset).toBe(20);
    expect(s.hits).toHaveLength(25);
    expect(s.hasMore).toBe(false);
  });

  it("does not list a hit twice across pages", async () => {
    const run = vi.fn(async (a: SearchArgs) => results(a.offset ? 3 : 2, 5));
    const s = new SearchState(run);
    s.query = "x";
    await s.run();
    await s.more();
    expect(s.hits.map((h) => h.id)).toEqual([0, 1, 2]);
  });

  it("keeps the error message and drops stale answers", async () => {
    let fail = true;
    const run = vi.fn(async () => {
      if (fail) throw { code: "bad_query", message: "unknown field" };
      return results(0, 0);
    });
    const s = new SearchState(run);
    s.query = "nope:x";
    await s.run();
    expect(s.error?.message).toBe("unknown field");
    fail = false;
    await s.run();
    expect(s.error).toBeNull();
  });
});

describe("SearchState.runIfChanged", () => {
  it("does not send the same search twice", async () => {
    const run = vi.fn(async () => results(1, 1));
    const s = new SearchState(run);
    s.query = "poa";
    await s.run();
    await s.runIfChanged();
    expect(run).toHaveBeenCalledOnce();
    s.query = "";
    await s.runIfChanged();
    expect(s.results).toBeNull();
  });
});

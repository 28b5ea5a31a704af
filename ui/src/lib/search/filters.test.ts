import { describe, expect, it } from "vitest";
import { addFilter, facetFilter, filterText, removeFilter } from "./filters";

describe("facetFilter", () => {
  it("gives the field and the name as they are, quotes and all", () => {
    expect(facetFilter("speaker", "Russian Federation")).toEqual({ field: "speaker", value: "Russian Federation" });
    expect(facetFilter("speaker", "Côte d’Ivoire")).toEqual({ field: "speaker", value: "Côte d’Ivoire" });
    expect(facetFilter("theme", "capacity-building/gender")).toEqual({ field: "theme", value: "capacity-building/gender" });
  });

  it("filters a session by its full name, and not by nothing", () => {
    const name = "OEWG 2021–2025, 2nd substantive session";
    expect(facetFilter("session", name)).toEqual({ field: "session", value: name });
    expect(facetFilter("session", " ")).toBeNull();
  });
});

describe("filter chips", () => {
  it("adds once and removes", () => {
    const egypt = { field: "speaker", value: "Egypt" } as const;
    let filters = addFilter([], egypt);
    filters = addFilter(filters, { field: "speaker", value: "egypt" });
    filters = addFilter(filters, { field: "theme", value: "poa" });
    expect(filters).toEqual([egypt, { field: "theme", value: "poa" }]);
    expect(removeFilter(filters, egypt)).toEqual([{ field: "theme", value: "poa" }]);
  });

  it("writes a chip as the query language would", () => {
    expect(filterText({ field: "speaker", value: "Russian Federation" })).toBe('speaker:"Russian Federation"');
  });
});

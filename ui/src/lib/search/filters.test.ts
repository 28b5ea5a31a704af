import { describe, expect, it } from "vitest";
import { addFilter, describeFilter, facetFilter, quoteValue, removeFilter } from "./filters";

describe("facetFilter", () => {
  it("quotes names with spaces", () => {
    expect(facetFilter("speaker", "Russian Federation")).toBe('speaker:"Russian Federation"');
    expect(facetFilter("group", "Non-Aligned Movement")).toBe('group:"Non-Aligned Movement"');
    expect(facetFilter("speaker", "Egypt")).toBe("speaker:Egypt");
  });

  it("keeps theme keys as they are", () => {
    expect(facetFilter("theme", "capacity-building/gender")).toBe("theme:capacity-building/gender");
  });

  it("filters a session by its full name, numbered or not", () => {
    expect(facetFilter("session", "OEWG 2021–2025, 2nd substantive session")).toBe('session:"OEWG 2021–2025, 2nd substantive session"');
    expect(facetFilter("session", "OEWG 2021–2025, Organizational session")).toBe('session:"OEWG 2021–2025, Organizational session"');
    expect(facetFilter("session", " ")).toBeNull();
  });

  it("drops quotes a name cannot carry", () => {
    expect(quoteValue('Côte d"Ivoire')).toBe("\"Côte dIvoire\"");
    expect(quoteValue("Côte d’Ivoire")).toBe("\"Côte d’Ivoire\"");
  });
});

describe("filter chips", () => {
  it("adds once and removes", () => {
    let filters = addFilter([], "speaker:Egypt");
    filters = addFilter(filters, "speaker:egypt");
    filters = addFilter(filters, "theme:poa");
    expect(filters).toEqual(["speaker:Egypt", "theme:poa"]);
    expect(removeFilter(filters, "speaker:Egypt")).toEqual(["theme:poa"]);
  });

  it("describes a chip", () => {
    expect(describeFilter('speaker:"Russian Federation"')).toEqual({ field: "speaker", value: "Russian Federation" });
    expect(describeFilter("poa")).toEqual({ field: "", value: "poa" });
  });
});

import { describe, expect, it } from "vitest";
import type { Position } from "../api/types";
import { canonicalName, compareColumns, intensity, matrixRows, maxStatements, stanceKind } from "./scale";

function pos(actor: string, theme: string, statements: number, stance = "support"): Position {
  return {
    actor,
    theme,
    stance,
    statements,
    counts: { support: statements, oppose: 0, conditional: 0, mention: 0 },
    first_date: null,
    last_date: null,
    evidence: [],
  };
}

describe("intensity", () => {
  it("is empty without statements and full at the maximum", () => {
    expect(intensity(0, 10)).toBe(0);
    expect(intensity(10, 10)).toBe(1);
    expect(intensity(1, 10)).toBe(0.3);
    expect(intensity(1, 1)).toBe(1);
    expect(intensity(3, 0)).toBe(0);
  });

  it("grows with the count, clamped at the maximum", () => {
    const steps = [1, 2, 5, 20, 50].map((n) => intensity(n, 50));
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(new Set(steps).size).toBe(steps.length);
    expect(intensity(99, 50)).toBe(1);
  });
});

describe("stanceKind", () => {
  it("keeps known stances and maps the rest to none", () => {
    expect(stanceKind("mixed")).toBe("mixed");
    expect(stanceKind("oppose")).toBe("oppose");
    expect(stanceKind("whatever")).toBe("none");
    expect(stanceKind(null)).toBe("none");
  });
});

describe("matrixRows", () => {
  it("groups by actor in order, keyed by theme", () => {
    const ps = [pos("France", "poa", 3), pos("France", "cbms", 1, "mention"), pos("Egypt", "poa", 7)];
    const rows = matrixRows(ps);
    expect(rows.map((r) => r.actor)).toEqual(["France", "Egypt"]);
    expect(rows[0].cells.cbms.stance).toBe("mention");
    expect(rows[0].statements).toBe(4);
    expect(maxStatements(ps)).toBe(7);
  });
});

describe("compare columns", () => {
  const actors = [
    { name: "European Union", aliases: ["EU"] },
    { name: "Russian Federation", aliases: ["Russia"] },
  ];

  it("names columns by the gazetteer, keeping unknown input", () => {
    expect(canonicalName("eu", actors)).toBe("European Union");
    expect(canonicalName(" Russian federation ", actors)).toBe("Russian Federation");
    expect(canonicalName("Atlantis", actors)).toBe("Atlantis");
  });

  it("keeps the chosen order and adds actors only the positions name", () => {
    const ps = [pos("Russian Federation", "poa", 1), pos("France", "poa", 2)];
    expect(compareColumns(["Russia", "EU"], ps, actors)).toEqual(["Russian Federation", "European Union", "France"]);
  });
});

import { describe, expect, it } from "vitest";
import { errorLine, lineRange } from "./codebook";

describe("codebook helpers", () => {
  it("finds the line an error names", () => {
    expect(errorLine('line 12: unknown parent "nope"')).toBe(12);
    expect(errorLine("TOML parse error at line 3, column 5")).toBe(3);
    expect(errorLine("something else")).toBeNull();
  });

  it("selects a line", () => {
    const text = "a\nbcd\n\nef";
    expect(lineRange(text, 2)).toEqual([2, 5]);
    expect(text.slice(...lineRange(text, 4))).toBe("ef");
    expect(lineRange(text, 99)).toEqual([7, 9]);
    expect(lineRange(text, 3)).toEqual([6, 6]);
  });
});

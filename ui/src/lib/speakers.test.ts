import { describe, expect, it } from "vitest";
import { confidenceLabel, methodLabel } from "./speakers";

describe("speaker attribution in words", () => {
  it("names every method of the core", () => {
    for (const method of ["label", "chair_cue", "approximate", "in_text", "file_name", "document", "manual", "unknown"]) {
      expect(methodLabel(method)).not.toContain("_");
    }
    expect(methodLabel("chair_cue")).toBe("announced by the chair");
    expect(methodLabel("some_new_method")).toBe("some new method");
  });

  it("shows confidences as percentages", () => {
    expect(confidenceLabel(0.5)).toBe("50%");
    expect(confidenceLabel(0)).toBe("0%");
    expect(confidenceLabel(1)).toBe("100%");
    expect(confidenceLabel(0.444)).toBe("44%");
  });
});

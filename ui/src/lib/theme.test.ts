import { describe, expect, it } from "vitest";
import { applyTheme, loadTheme, nextTheme, setTheme } from "./theme";

describe("theme", () => {
  it("saves, loads and applies the choice", () => {
    localStorage.clear();
    expect(loadTheme()).toBe("system");
    setTheme("dark");
    expect(loadTheme()).toBe("dark");
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    setTheme("system");
    expect(loadTheme()).toBe("system");
    expect(document.documentElement.hasAttribute("data-theme")).toBe(false);
  });

  it("ignores unknown saved values and missing storage", () => {
    expect(loadTheme({ getItem: () => "purple" })).toBe("system");
    expect(loadTheme(undefined)).toBe("system");
    applyTheme("light");
    expect(document.documentElement.dataset.theme).toBe("light");
  });

  it("cycles system → light → dark", () => {
    expect(nextTheme("system")).toBe("light");
    expect(nextTheme("light")).toBe("dark");
    expect(nextTheme("dark")).toBe("system");
  });
});

import { describe, expect, it } from "vitest";
import { markNames } from "./names";

const joined = (parts: { text: string }[]) => parts.map((p) => p.text).join("");

describe("markNames", () => {
  it("marks whole-word names and keeps the text whole", () => {
    const text = "Madam Chair, Suriname aligns itself with the statement of the Bahamas. Surinamese people…";
    const parts = markNames(text, [
      { name: "Paraguay", spellings: [] },
      { name: "Suriname", spellings: ["Surinam"] },
    ]);
    expect(joined(parts)).toBe(text);
    expect(parts.filter((p) => p.name)).toEqual([{ text: "Suriname", name: "Suriname" }]);
  });

  it("prefers the longest spelling and maps aliases to their speaker", () => {
    const text = "The Republic of Korea and Korea; Türkiye (Turkey).";
    const parts = markNames(text, [
      { name: "Republic of Korea", spellings: ["Korea", "South Korea"] },
      { name: "Türkiye", spellings: ["Turkey", "TUR"] },
    ]);
    expect(parts.filter((p) => p.name).map((p) => [p.text, p.name])).toEqual([
      ["Republic of Korea", "Republic of Korea"],
      ["Korea", "Republic of Korea"],
      ["Türkiye", "Türkiye"],
      ["Turkey", "Türkiye"],
    ]);
    expect(joined(parts)).toBe(text);
  });

  it("keeps case and skips short codes", () => {
    const parts = markNames("Let us thank the US and usa.", [{ name: "United States of America", spellings: ["US", "USA"] }]);
    expect(parts).toEqual([{ text: "Let us thank the US and usa.", name: null }]);
  });

  it("treats markup as plain text", () => {
    const text = "<img src=x onerror=alert(1)> Ghana";
    const parts = markNames(text, [{ name: "Ghana", spellings: [] }]);
    expect(parts).toEqual([
      { text: "<img src=x onerror=alert(1)> ", name: null },
      { text: "Ghana", name: "Ghana" },
    ]);
  });

  it("returns the text as one part when there is nothing to mark", () => {
    expect(markNames("Thank you.", [])).toEqual([{ text: "Thank you.", name: null }]);
    expect(markNames("", [{ name: "Ghana", spellings: [] }])).toEqual([{ text: "", name: null }]);
  });
});

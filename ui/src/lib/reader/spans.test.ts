import { describe, expect, it } from "vitest";
import { splitBySpans } from "./spans";
import { selectionSpan } from "./selection";

// "🇪🇺" is two code points of two UTF-16 units each; "é" is one of each.
const text = "The 🇪🇺 and Côte d’Ivoire support the PoA.";

describe("splitBySpans", () => {
  const tag = (id: number, span: [number, number] | null) => ({ id, span });

  it("cuts at span boundaries in code points and keeps the text whole", () => {
    const cpStart = Array.from(text).indexOf("P");
    const t = tag(1, [cpStart, cpStart + 3]);
    const pieces = splitBySpans(text, [t, tag(2, null)]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces).toEqual([
      { text: "The 🇪🇺 and Côte d’Ivoire support the ", tags: [] },
      { text: "PoA", tags: [t] },
      { text: ".", tags: [] },
    ]);
  });

  it("handles overlapping spans", () => {
    const a = tag(1, [0, 5]);
    const b = tag(2, [3, 8]);
    expect(splitBySpans("abcdefghij", [a, b])).toEqual([
      { text: "abc", tags: [a] },
      { text: "de", tags: [a, b] },
      { text: "fgh", tags: [b] },
      { text: "ij", tags: [] },
    ]);
  });

  it("clamps spans past the end and drops empty ones", () => {
    const a = tag(1, [2, 99]);
    expect(splitBySpans("abcd", [a, tag(2, [1, 1])])).toEqual([
      { text: "ab", tags: [] },
      { text: "cd", tags: [a] },
    ]);
    expect(splitBySpans("", [a])).toEqual([]);
  });
});

describe("selectionSpan", () => {
  it("measures a selection across marks in code points", () => {
    const div = document.createElement("div");
    div.append("a😀 ");
    const mark = document.createElement("mark");
    mark.textContent = "bold";
    div.append(mark, " tail");
    document.body.append(div);
    const range = document.createRange();
    range.setStart(mark.firstChild!, 1); // "old tail" starts after "b"
    range.setEnd(div.lastChild!, 3); // " ta"
    const full = "a😀 bold tail";
    expect(div.textContent).toBe(full);
    expect(selectionSpan(div, range, full)).toEqual([4, 10]);
    expect(Array.from(full).slice(4, 10).join("")).toBe("old ta");
  });

  it("ignores selections outside the container", () => {
    const div = document.createElement("div");
    div.textContent = "inside";
    const other = document.createElement("p");
    other.textContent = "outside";
    document.body.append(div, other);
    const range = document.createRange();
    range.selectNodeContents(other);
    expect(selectionSpan(div, range, "inside")).toBeNull();
  });
});

describe("taggingFromSelection", () => {
  it("finds the statement and span of a selection inside a turn's text", async () => {
    const { taggingFromSelection } = await import("./selection");
    const turn = document.createElement("article");
    turn.setAttribute("data-statement-id", "42");
    const text = document.createElement("div");
    text.setAttribute("data-turn-text", "");
    text.textContent = "We support the PoA.";
    turn.append(text);
    document.body.append(turn);
    const range = document.createRange();
    range.setStart(text.firstChild!, 15);
    range.setEnd(text.firstChild!, 18);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    const t = taggingFromSelection(sel, (id) => (id === 42 ? "We support the PoA." : undefined));
    expect(t).toMatchObject({ statement: 42, span: [15, 18], quote: "PoA" });
    expect(taggingFromSelection(sel, () => undefined)).toBeNull();
    sel.removeAllRanges();
    expect(taggingFromSelection(sel, () => "x")).toBeNull();
  });
});

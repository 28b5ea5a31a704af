import { describe, expect, it } from "vitest";
import { Offsets, type Unit } from "./offsets";

// "ô" is 2 UTF-8 bytes, "’" 3; both one code point and one UTF-16 unit. "😀" is 4
// bytes, one code point, two UTF-16 units; "🇪🇺" is two such code points.
const ivoire = "Côte d’Ivoire";
const emoji = "a😀b";
const flag = "The 🇪🇺 and Côte d’Ivoire support the PoA.";

/** Where `word` starts and ends in `text`, counted the way Rust counts `unit`. */
function rustRange(text: string, word: string, unit: Unit): [number, number] {
  const at = text.indexOf(word);
  const count = (s: string) => (unit === "utf8" ? new TextEncoder().encode(s).length : Array.from(s).length);
  return [count(text.slice(0, at)), count(text.slice(0, at + word.length))];
}

describe("Offsets", () => {
  const check = (text: string, unit: Unit, offset: number, utf16: number) =>
    expect(new Offsets(text).toUtf16(offset, unit), `${unit} ${offset} in ${text}`).toBe(utf16);

  it("maps core offsets to UTF-16 indices", () => {
    check(ivoire, "utf8", 0, 0);
    check(ivoire, "utf8", 3, 2); // after "Cô"
    check(ivoire, "utf8", 7, 6); // before "’"
    check(ivoire, "utf8", 10, 7); // after "’"
    check(ivoire, "utf8", 8, 6); // inside "’": its start
    check(ivoire, "char", 7, 7);
    check(emoji, "utf8", 5, 3);
    check(emoji, "char", 2, 3);
    check(emoji, "char", 99, 4); // clamped
    check(emoji, "utf8", -1, 0);
  });

  it("measures a text in each unit", () => {
    const o = new Offsets(ivoire);
    expect([o.length("utf8"), o.length("char"), o.length("utf16")]).toEqual([16, 13, 13]);
    const e = new Offsets(emoji);
    expect([e.length("utf8"), e.length("char"), e.length("utf16")]).toEqual([6, 3, 4]);
    expect(e.length("utf8")).toBe(new TextEncoder().encode(emoji).length);
    expect(new Offsets("").length("char")).toBe(0);
  });

  it("cuts the same words as Rust's byte and char ranges", () => {
    for (const text of [ivoire, flag]) {
      for (const unit of ["utf8", "char"] as const) {
        for (const word of ["Ivoire", "d’", "PoA"]) {
          if (!text.includes(word)) continue;
          const [start, end] = rustRange(text, word, unit);
          expect(new Offsets(text).slice(start, end, unit), `${word} by ${unit}`).toBe(word);
        }
      }
    }
  });

  it("maps UTF-16 indices back, inside a surrogate pair to either end", () => {
    const o = new Offsets(emoji);
    expect(o.fromUtf16(3, "char")).toBe(2);
    expect(o.fromUtf16(3, "utf8")).toBe(5);
    expect(o.fromUtf16(2, "char")).toBe(1); // inside the pair: start of the emoji
    expect(o.fromUtf16(2, "char", "up")).toBe(2);
    expect(o.fromUtf16(2, "utf8", "up")).toBe(5);
    expect(new Offsets(ivoire).fromUtf16(7, "utf8")).toBe(10);
  });

  it("turns a UTF-16 range into a core range, keeping whole characters", () => {
    const o = new Offsets(emoji);
    expect(o.rangeFromUtf16(1, 2, "char")).toEqual([1, 2]);
    expect(o.rangeFromUtf16(3, 1, "char")).toEqual([1, 2]);
    expect(o.rangeFromUtf16(1, 3, "utf8")).toEqual([1, 5]);
    expect(new Offsets("abc").rangeFromUtf16(2, 2, "char")).toBeNull();
    // The flag shifts UTF-16 indices by two against code points.
    const f = new Offsets(flag);
    const at = flag.indexOf("PoA");
    expect(f.rangeFromUtf16(at, at + 3, "char")).toEqual(rustRange(flag, "PoA", "char"));
    expect(f.rangeFromUtf16(at, at + 3, "utf8")).toEqual(rustRange(flag, "PoA", "utf8"));
  });
});

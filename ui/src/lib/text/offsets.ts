// Positions in a text across the IPC boundary: the one place that converts between the
// units the core counts in and the UTF-16 indices of JavaScript strings and the DOM.
//
// The API uses two units, and says which in types.ts:
// - UTF-8 bytes ("utf8"): search hits, `Hit.highlights` within `Hit.fragment` (Rust
//   string slicing works in bytes);
// - code points ("char", Rust `char`s): tag spans, `TagRow.span` and `TagArgs.span`
//   within the statement text (the core checks them against `text.chars().count()`).
// JavaScript strings (`slice`, `length`) and DOM ranges count UTF-16 code units.
//
// The three agree on ASCII only: "ô" is 2 bytes, 1 code point, 1 unit; "’" is 3 bytes,
// 1 code point, 1 unit; "😀" is 4 bytes, 1 code point, 2 units. Ranges are half-open,
// `[start, end)`.

/** A unit the core counts text positions in. */
export type Unit = "utf8" | "char";

/**
 * Where each character (code point) of one text starts, in UTF-16 units and in UTF-8
 * bytes. Build one per text and convert as many offsets as needed.
 */
export class Offsets {
  readonly text: string;
  /** `utf16[i]`: the UTF-16 index where character `i` starts; the last entry is the text's length. */
  readonly #utf16: number[] = [];
  /** `utf8[i]`: the byte where character `i` starts; the last entry is the byte length. */
  readonly #utf8: number[] = [];

  constructor(text: string) {
    this.text = text;
    let byte = 0;
    for (let i = 0; i < text.length; ) {
      const c = text.codePointAt(i) ?? 0;
      this.#utf16.push(i);
      this.#utf8.push(byte);
      i += c > 0xffff ? 2 : 1;
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    this.#utf16.push(text.length);
    this.#utf8.push(byte);
  }

  /** The text's length in `unit`. */
  length(unit: Unit | "utf16"): number {
    return unit === "char" ? this.#utf16.length - 1 : this.#starts(unit).at(-1)!;
  }

  /**
   * The UTF-16 index of `offset` given in `unit`, clamped to the text. An offset inside
   * a character (a byte in the middle of "’") counts as that character's start.
   */
  toUtf16(offset: number, unit: Unit): number {
    return this.#utf16[this.#char(offset, unit, "down")];
  }

  /**
   * The offset in `unit` of UTF-16 index `index`, clamped to the text. An index inside
   * a surrogate pair counts as the start of its character, or (`round` "up") its end.
   */
  fromUtf16(index: number, unit: Unit, round: "down" | "up" = "down"): number {
    const char = this.#char(index, "utf16", round);
    return unit === "char" ? char : this.#utf8[char];
  }

  /** The text between `start` and `end`, given in `unit`. */
  slice(start: number, end: number, unit: Unit): string {
    return this.text.slice(this.toUtf16(start, unit), this.toUtf16(end, unit));
  }

  /**
   * A UTF-16 range (a DOM selection, either way round) in `unit`, keeping whole
   * characters: a start inside a character moves to its start, an end to its end.
   * Null when the range holds no character.
   */
  rangeFromUtf16(start: number, end: number, unit: Unit): [number, number] | null {
    const [a, b] = [this.fromUtf16(Math.min(start, end), unit, "down"), this.fromUtf16(Math.max(start, end), unit, "up")];
    return b > a ? [a, b] : null;
  }

  #starts(unit: Unit | "utf16"): number[] {
    return unit === "utf8" ? this.#utf8 : this.#utf16;
  }

  /** The character at `offset` in `unit`: the one starting there, or the one it falls inside. */
  #char(offset: number, unit: Unit | "utf16", round: "down" | "up"): number {
    const last = this.#utf16.length - 1;
    if (unit === "char") return Math.max(0, Math.min(Math.floor(offset), last));
    const starts = this.#starts(unit);
    // The last character starting at or before `offset` (binary search).
    let [lo, hi] = [0, last];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return round === "up" && starts[lo] < offset && lo < last ? lo + 1 : lo;
  }
}

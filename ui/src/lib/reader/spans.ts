// Tag spans are counted in Unicode code points (Rust `char`s); JavaScript strings are
// indexed in UTF-16 code units. A character outside the Basic Multilingual Plane (an
// emoji, some CJK) is one code point but two UTF-16 units, so the two counts drift
// apart after it. These helpers convert between them and cut text by tag spans.

/** The UTF-16 index of every code-point boundary: `offsets[cp]`, length = code points + 1. */
export function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  let i = 0;
  while (i < text.length) {
    offsets.push(i);
    const c = text.codePointAt(i) ?? 0;
    i += c > 0xffff ? 2 : 1;
  }
  offsets.push(text.length);
  return offsets;
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  return codePointOffsets(text).length - 1;
}

/** The UTF-16 index of code point `cp` (clamped to the text). */
export function cpToUtf16(text: string, cp: number): number {
  const offsets = codePointOffsets(text);
  return offsets[Math.max(0, Math.min(cp, offsets.length - 1))];
}

/**
 * The code-point index of UTF-16 index `u16` (clamped). An index inside a surrogate
 * pair counts as the start of that character.
 */
export function utf16ToCp(text: string, u16: number): number {
  const offsets = codePointOffsets(text);
  let cp = 0;
  while (cp + 1 < offsets.length && offsets[cp + 1] <= u16) cp++;
  return cp;
}

/** A UTF-16 range converted to a code-point span; null when empty. */
export function utf16RangeToSpan(text: string, start: number, end: number): [number, number] | null {
  const a = utf16ToCp(text, Math.min(start, end));
  // The end rounds up so a selection ending inside a pair keeps the whole character.
  const offsets = codePointOffsets(text);
  let b = utf16ToCp(text, Math.max(start, end));
  if (b + 1 < offsets.length && offsets[b] < Math.max(start, end)) b++;
  return b > a ? [a, b] : null;
}

/** A piece of text and the tags whose spans cover all of it. */
export interface Piece<T> {
  text: string;
  tags: T[];
}

/**
 * Cuts `text` at every boundary of the tags' code-point spans. Each piece lists the
 * tags covering it (overlaps allowed); tags without a span, with an empty span or
 * outside the text are ignored. Concatenating the pieces gives back `text`.
 */
export function splitBySpans<T extends { span: [number, number] | null }>(text: string, tags: T[]): Piece<T>[] {
  const offsets = codePointOffsets(text);
  const last = offsets.length - 1;
  const spans = tags
    .filter((t) => t.span !== null)
    .map((t) => {
      const [s, e] = t.span as [number, number];
      return { tag: t, start: Math.max(0, Math.min(s, last)), end: Math.max(0, Math.min(e, last)) };
    })
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, last]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.tag);
    const piece = text.slice(offsets[from], offsets[to]);
    const prev = pieces.at(-1);
    // Merge neighbours covered by the same tags (keeps the DOM small).
    if (prev && sameTags(prev.tags, covering)) prev.text += piece;
    else pieces.push({ text: piece, tags: covering });
  }
  return pieces;
}

function sameTags<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

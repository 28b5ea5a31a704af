// Splits a fragment into plain and highlighted parts, to render as text nodes (never
// as HTML). The shell gives byte ranges in UTF-8; JavaScript strings are UTF-16.

export interface Segment {
  text: string;
  hit: boolean;
}

/** Cuts `fragment` at the UTF-8 byte ranges `highlights`. */
export function segments(fragment: string, highlights: [number, number][]): Segment[] {
  const bytes = new TextEncoder().encode(fragment);
  const decode = (from: number, to: number) => new TextDecoder().decode(bytes.slice(from, to));
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end > bytes.length || start >= end) continue;
    if (start > at) out.push({ text: decode(at, start), hit: false });
    out.push({ text: decode(start, end), hit: true });
    at = end;
  }
  if (at < bytes.length) out.push({ text: decode(at, bytes.length), hit: false });
  return out;
}

// Kept here for existing imports; they live in citation.ts.
export { citation, place } from "./citation";

// Splits a fragment into plain and highlighted parts, to render as text nodes (never
// as HTML). The core gives the hits as UTF-8 byte ranges (see lib/text/offsets.ts).
import { Offsets } from "../text/offsets";

export interface Segment {
  text: string;
  hit: boolean;
}

/** Cuts `fragment` at the UTF-8 byte ranges `highlights`. */
export function segments(fragment: string, highlights: [number, number][]): Segment[] {
  const offsets = new Offsets(fragment);
  const bytes = offsets.length("utf8");
  const cut = (from: number, to: number) => offsets.slice(from, to, "utf8");
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end > bytes || start >= end) continue;
    if (start > at) out.push({ text: cut(at, start), hit: false });
    out.push({ text: cut(start, end), hit: true });
    at = end;
  }
  if (at < bytes) out.push({ text: cut(at, bytes), hit: false });
  return out;
}

// Kept here for existing imports; they live in citation.ts.
export { citation, place } from "./citation";

// Cuts a statement's text by tag spans, which the core counts in code points (see
// lib/text/offsets.ts), into pieces to render as text nodes.
import { Offsets } from "../text/offsets";

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
  const offsets = new Offsets(text);
  const last = offsets.length("char");
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
    const piece = offsets.slice(from, to, "char");
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

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

/** A citation to paste: "Egypt, OEWG 2021–2025, 2nd substantive session, 8th meeting". */
export function citation(hit: { speaker: string | null; process: string | null; session: string | null; meeting: string | null; date: string | null; document_title: string }): string {
  const parts = [hit.speaker ?? "Unknown speaker", hit.process, hit.session, hit.meeting].filter((p): p is string => !!p);
  if (!hit.process) parts.push(hit.document_title);
  if (hit.date) parts.push(hit.date);
  return parts.join(", ");
}

/** Where a statement was made, without the speaker: "OEWG 2021–2025, 2nd substantive session, 8th meeting". */
export function place(hit: { process: string | null; session: string | null; meeting: string | null; date: string | null; document_title: string }): string {
  const parts = [hit.process, hit.session, hit.meeting].filter((p): p is string => !!p);
  if (!hit.process) parts.push(hit.document_title);
  if (hit.date) parts.push(hit.date);
  return parts.join(", ");
}

// Helpers for the codebook editor.

/** The line number an error message names ("line 12: …"), if any. */
export function errorLine(message: string): number | null {
  const m = message.match(/\bline (\d+)/i);
  return m ? Number(m[1]) : null;
}

/** UTF-16 start and end of 1-based line `line` in `text` (clamped to the last line). */
export function lineRange(text: string, line: number): [number, number] {
  const lines = text.split("\n");
  const n = Math.max(1, Math.min(line, lines.length));
  let start = 0;
  for (let i = 0; i < n - 1; i++) start += lines[i].length + 1;
  return [start, start + lines[n - 1].length];
}

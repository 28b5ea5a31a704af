// Where a DOM selection falls within a turn's text, as a code-point span (the unit of
// tag spans: see lib/text/offsets.ts).
import { Offsets } from "../text/offsets";

/**
 * The UTF-16 offsets of `range` within `container`'s text, or null when the range is
 * not inside it. The container must hold the statement text and nothing else (text
 * nodes, possibly wrapped in marks), so its text equals the statement text.
 */
export function rangeOffsets(container: Node, range: Range): [number, number] | null {
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const measure = (node: Node, offset: number) => {
    const before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(node, offset);
    return before.toString().length;
  };
  return [measure(range.startContainer, range.startOffset), measure(range.endContainer, range.endOffset)];
}

/** The code-point span of `range` within `container` holding `text`; null if none. */
export function selectionSpan(container: Node, range: Range, text: string): [number, number] | null {
  const offsets = rangeOffsets(container, range);
  if (!offsets) return null;
  return new Offsets(text).rangeFromUtf16(offsets[0], offsets[1], "char");
}

/** An open tag popover: which statement, which passage, where to show it. */
export interface Tagging {
  statement: number;
  /** Code-point span of the passage; null tags the whole statement. */
  span: [number, number] | null;
  quote: string;
  /** Where the popover floats, relative to the turn; null keeps it in the flow. */
  anchor: { top: number; left: number } | null;
}

/**
 * Reads the window's selection: when it lies inside one turn's text (an element with
 * `data-turn-text` inside one with `data-statement-id`), the statement, span and where
 * to float a popover under it. `textOf` gives the statement text by id.
 */
export function taggingFromSelection(selection: Selection | null, textOf: (id: number) => string | undefined): Tagging | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer;
  const startEl = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
  const textEl = startEl?.closest("[data-turn-text]");
  const turnEl = textEl?.closest("[data-statement-id]");
  if (!textEl || !turnEl) return null;
  const id = Number(turnEl.getAttribute("data-statement-id"));
  const text = textOf(id);
  if (text === undefined) return null;
  const span = selectionSpan(textEl, range, text);
  if (!span) return null;
  const r = range.getBoundingClientRect?.();
  const t = turnEl.getBoundingClientRect();
  const anchor = r && (r.width || r.height) ? { top: Math.round(r.bottom - t.top + 6), left: Math.round(Math.max(0, Math.min(r.left - t.left, t.width - 360))) } : null;
  return { statement: id, span, quote: range.toString(), anchor };
}

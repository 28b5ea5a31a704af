// Citing a statement, and copying text to the clipboard.

/** What a citation is built from (a search hit has all of it). */
export interface Citable {
  speaker: string | null;
  process: string | null;
  session: string | null;
  meeting: string | null;
  date: string | null;
  document_title: string;
}

/** A citation to paste: "Egypt, OEWG 2021–2025, 2nd substantive session, 8th meeting". */
export function citation(hit: Citable): string {
  return [hit.speaker?.trim() || "Unknown speaker", place(hit)].filter(Boolean).join(", ");
}

/** Where a statement was made, without the speaker: "OEWG 2021–2025, 2nd substantive session, 8th meeting". */
export function place(hit: Omit<Citable, "speaker">): string {
  const parts = [hit.process, hit.session, hit.meeting].filter((p): p is string => !!p?.trim());
  if (!hit.process) parts.push(hit.document_title);
  if (hit.date) parts.push(hit.date);
  return parts.filter(Boolean).join(", ");
}

/**
 * Copies `text`: the Clipboard API where the webview allows it, else a hidden
 * textarea and `execCommand("copy")`. True when it worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable: fall back below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.focus();
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

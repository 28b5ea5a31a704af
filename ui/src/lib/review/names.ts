// Finds the names of the suggested speaker and its alternatives in a statement's text,
// so the reviewer sees at a glance who the speech names. The parts are rendered as
// text nodes (never as HTML).

/** A speaker and the spellings that name it (its name and aliases). */
export interface Speaker {
  name: string;
  spellings: string[];
}

/** A piece of the text: plain (`name` null) or naming one of the speakers. */
export interface NamePart {
  text: string;
  name: string | null;
}

/**
 * Cuts `text` where a spelling of one of `speakers` stands as a whole word. Matching
 * keeps case (names are capitalised; "us" is not the US) and skips spellings shorter
 * than 4 characters, which are codes and acronyms more often than not.
 */
export function markNames(text: string, speakers: Speaker[]): NamePart[] {
  const owner = new Map<string, string>();
  for (const s of speakers) {
    for (const spelling of [s.name, ...s.spellings]) {
      if (spelling.length >= 4 && !owner.has(spelling)) owner.set(spelling, s.name);
    }
  }
  if (owner.size === 0 || !text) return [{ text, name: null }];
  // Longest first, so "Republic of Korea" wins over "Korea".
  const alternatives = [...owner.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const parts: NamePart[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    if (start > at) parts.push({ text: text.slice(at, start), name: null });
    parts.push({ text: m[0], name: owner.get(m[0]) ?? null });
    at = start + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), name: null });
  return parts;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

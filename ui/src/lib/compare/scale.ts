// Stance colours and the heatmap scale. Colours themselves are CSS variables
// (--stance-support, …) so they follow the light/dark theme.
import type { Position } from "../api/types";

export const STANCE_KINDS = ["support", "conditional", "mixed", "oppose", "mention", "none"] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];

/** A known stance, or "none" for anything else. */
export function stanceKind(stance: string | null | undefined): StanceKind {
  return (STANCE_KINDS as readonly string[]).includes(stance ?? "") ? (stance as StanceKind) : "none";
}

/** Words shown for each stance. */
export const STANCE_LABELS: Record<StanceKind, string> = {
  support: "Support",
  conditional: "Conditional",
  mixed: "Mixed",
  oppose: "Oppose",
  mention: "Mention",
  none: "No statement",
};

/**
 * The opacity of a heatmap cell: 0 without statements; otherwise from 0.3 (one
 * statement) to 1 (the most in the grid) on a log scale, so a few very talkative
 * delegations do not wash out everyone else.
 */
export function intensity(statements: number, max: number): number {
  if (statements <= 0 || max <= 0) return 0;
  if (max <= 1) return 1;
  const t = Math.log1p(Math.min(statements, max) - 1) / Math.log1p(max - 1);
  return Math.round((0.3 + 0.7 * t) * 100) / 100;
}

/** The most statements in any one cell. */
export function maxStatements(positions: Position[]): number {
  return positions.reduce((m, p) => Math.max(m, p.statements), 0);
}

export interface MatrixRow {
  actor: string;
  /** By theme key. */
  cells: Record<string, Position>;
  statements: number;
}

/** Matrix positions as rows, one per actor, in the order the shell gave them. */
export function matrixRows(positions: Position[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const p of positions) {
    const row = rows.get(p.actor) ?? { actor: p.actor, cells: {}, statements: 0 };
    row.cells[p.theme] = p;
    row.statements += p.statements;
    rows.set(p.actor, row);
  }
  return [...rows.values()];
}

/**
 * The gazetteer name for what the user typed (a name or alias, any case), so a
 * column is labelled "European Union" whether "EU" or "european union" was typed.
 * Unknown input comes back as typed (the shell then says what it did not know).
 */
export function canonicalName(typed: string, actors: { name: string; aliases: string[] }[]): string {
  const t = typed.trim().toLowerCase();
  const hit = actors.find((a) => a.name.toLowerCase() === t) ?? actors.find((a) => a.aliases.some((al) => al.toLowerCase() === t));
  return hit?.name ?? typed.trim();
}

/** Column order: the chosen actors (by gazetteer name), then any other actor the positions name. */
export function compareColumns(chosen: string[], positions: Position[], actors: { name: string; aliases: string[] }[]): string[] {
  const names = chosen.map((c) => canonicalName(c, actors));
  for (const p of positions) if (!names.includes(p.actor)) names.push(p.actor);
  return [...new Set(names)];
}

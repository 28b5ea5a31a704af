// Comparing actors by theme.
import { call } from "./library";
import type { Position } from "./types";

/** Which statements count (all optional). */
export interface PositionFilter {
  session?: number | null;
  document?: number | null;
  /** ISO dates, "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  after?: string | null;
  before?: string | null;
}

/** Positions of actors (any names or aliases) on themes (keys), with quotes. */
export function compare(actors: string[], themes: string[], filter: PositionFilter = {}): Promise<Position[]> {
  return call<Position[]>("compare", { actors, themes, filter });
}

/** Every speaking actor (or a group's members and the group) × themes, without quotes. */
export function matrix(themes: string[], group: string | null = null, filter: PositionFilter = {}): Promise<Position[]> {
  return call<Position[]>("matrix", { themes, group, filter });
}

/** Statements behind one cell: an actor's tagged statements on a theme. */
export interface CellStatement {
  id: number;
  document: number;
  document_title: string;
  date: string | null;
  stance: string;
  text: string;
}

/** The statements of one actor × theme cell. */
export function cellStatements(actor: string, theme: string, filter: PositionFilter = {}): Promise<CellStatement[]> {
  return call<CellStatement[]>("cell_statements", { actor, theme, filter });
}

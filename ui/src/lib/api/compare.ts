// Comparing actors by theme.
import { call } from "./library";
import type { CellStatement, FilterArgs, Position } from "./types";

/** Positions of actors (any names or aliases) on themes (keys), with quotes. */
export function compare(actors: string[], themes: string[], filter: FilterArgs = {}): Promise<Position[]> {
  return call<Position[]>("compare", { actors, themes, filter });
}

/** Every speaking actor (or a group's members and the group) × themes, without quotes. */
export function matrix(themes: string[], group: string | null = null, filter: FilterArgs = {}): Promise<Position[]> {
  return call<Position[]>("matrix", { themes, group, filter });
}

/** The statements of one actor × theme cell. */
export function cellStatements(actor: string, theme: string, filter: FilterArgs = {}): Promise<CellStatement[]> {
  return call<CellStatement[]>("cell_statements", { actor, theme, filter });
}

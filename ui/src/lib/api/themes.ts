// Themes, the codebook and tags.
import { call } from "./library";
import type { RetagChange, TagArgs, TagRow, ThemeRow } from "./types";

/** The themes of the codebook, with how many statements each tags. */
export function themes(): Promise<ThemeRow[]> {
  return call<ThemeRow[]>("themes");
}

/** The codebook in use, as TOML text. */
export function codebookText(): Promise<string> {
  return call<string>("codebook_text");
}

/**
 * Replaces the codebook with `text` (TOML) and re-tags every statement. A codebook
 * that would remove most of the library's themes is refused (`codebook_drops_themes`)
 * unless `replace` confirms it.
 */
export function saveCodebook(text: string, replace = false): Promise<RetagChange[]> {
  return call<RetagChange[]>("save_codebook", { text, replace });
}

/** Adds a human tag (or updates this statement's human tag for the theme). */
export function addTag(tag: TagArgs): Promise<TagRow> {
  return call<TagRow>("add_tag", { tag });
}

/** Removes a human tag. */
export function removeTag(id: number): Promise<void> {
  return call<void>("remove_tag", { id });
}

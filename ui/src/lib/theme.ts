// Light / dark: follows the system unless the user picked one, kept in localStorage
// and applied as `data-theme` on <html> (the CSS variables key off it).

export type ThemeChoice = "system" | "light" | "dark";
const KEY = "plenary.theme";

/** The saved choice, "system" when none (or storage is unavailable). */
export function loadTheme(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): ThemeChoice {
  try {
    const v = storage?.getItem(KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}

/** Saves and applies `choice`. */
export function setTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement, storage: Pick<Storage, "setItem" | "removeItem"> | undefined = globalThis.localStorage): void {
  try {
    if (choice === "system") storage?.removeItem(KEY);
    else storage?.setItem(KEY, choice);
  } catch {
    // Private mode or no storage: the choice lasts for this session.
  }
  applyTheme(choice, root);
}

/** Sets `data-theme` on `root` ("system" removes it). */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", choice);
}

/** The next choice of the toggle: system → light → dark → system. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return choice === "system" ? "light" : choice === "light" ? "dark" : "system";
}

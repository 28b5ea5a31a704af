// Keyboard helpers shared by the shell and the screens.

/** Whether keys typed at `target` go into a text field (so "/" must not be stolen). */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(target.type);
  }
  return false;
}

/**
 * After a button is clicked with the mouse, gives the focus back to the page, so the
 * screen's keys (Enter to accept on the review screen) work next; a button pressed
 * from the keyboard (`detail` 0) keeps the focus.
 */
export function releaseAfterClick(event: MouseEvent): void {
  if (event.detail > 0 && event.currentTarget instanceof HTMLElement) event.currentTarget.blur();
}

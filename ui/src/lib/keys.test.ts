import { describe, expect, it } from "vitest";
import { isEditable, releaseAfterClick } from "./keys";

describe("isEditable", () => {
  it("recognises text fields only", () => {
    const text = document.createElement("input");
    const box = document.createElement("input");
    box.type = "checkbox";
    expect(isEditable(text)).toBe(true);
    expect(isEditable(box)).toBe(false);
    expect(isEditable(document.createElement("textarea"))).toBe(true);
    expect(isEditable(document.createElement("button"))).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});

describe("releaseAfterClick", () => {
  it("lets go of the focus after a mouse click, not after a key press", () => {
    const button = document.createElement("button");
    document.body.append(button);
    button.addEventListener("click", releaseAfterClick);
    button.focus();
    button.dispatchEvent(new MouseEvent("click", { detail: 0 }));
    expect(document.activeElement).toBe(button);
    button.dispatchEvent(new MouseEvent("click", { detail: 1 }));
    expect(document.activeElement).not.toBe(button);
    button.remove();
  });
});

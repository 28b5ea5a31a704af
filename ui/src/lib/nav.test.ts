import { describe, expect, it, vi } from "vitest";
import { Navigator } from "./nav.svelte";

describe("Navigator", () => {
  it("pushes screens and goes back in order", () => {
    const nav = new Navigator({ name: "search" });
    nav.go({ name: "reader", document: 3, statement: 12 });
    nav.go({ name: "actor", actor: "Egypt" });
    expect(nav.current).toEqual({ name: "actor", actor: "Egypt" });
    expect(nav.back()).toBe(true);
    expect(nav.current).toEqual({ name: "reader", document: 3, statement: 12 });
    expect(nav.back()).toBe(true);
    expect(nav.current).toEqual({ name: "search" });
    expect(nav.back()).toBe(false);
    expect(nav.current).toEqual({ name: "search" });
  });

  it("does not stack the same screen twice", () => {
    const nav = new Navigator({ name: "library" });
    nav.go({ name: "library" });
    expect(nav.canGoBack).toBe(false);
    nav.go({ name: "reader", document: 1 });
    nav.go({ name: "reader", document: 1 });
    expect(nav.history).toHaveLength(1);
  });

  it("Esc closes the innermost layer before going back", () => {
    const nav = new Navigator({ name: "search" });
    nav.go({ name: "reader", document: 1 });
    const outer = vi.fn();
    const inner = vi.fn();
    nav.openLayer(outer);
    nav.openLayer(inner);
    expect(nav.escape()).toBe(true);
    expect(inner).toHaveBeenCalledOnce();
    expect(outer).not.toHaveBeenCalled();
    expect(nav.current.name).toBe("reader");
    nav.escape();
    expect(outer).toHaveBeenCalledOnce();
    expect(nav.current.name).toBe("reader");
    nav.escape();
    expect(nav.current.name).toBe("search");
    expect(nav.escape()).toBe(false);
  });

  it("forgets a layer closed by other means", () => {
    const nav = new Navigator({ name: "search" });
    nav.go({ name: "compare" });
    const close = vi.fn();
    const forget = nav.openLayer(close);
    forget();
    expect(nav.layers).toBe(0);
    nav.escape();
    expect(close).not.toHaveBeenCalled();
    expect(nav.current.name).toBe("search");
  });

  it("drops layers when the screen changes", () => {
    const nav = new Navigator({ name: "search" });
    nav.openLayer(() => {});
    nav.go({ name: "codebook" });
    expect(nav.layers).toBe(0);
  });

  it("switches to Search and asks for focus", () => {
    const nav = new Navigator({ name: "compare" });
    nav.focusSearch();
    expect(nav.current).toEqual({ name: "search" });
    expect(nav.searchFocus).toBe(1);
    expect(nav.history).toEqual([{ name: "compare" }]);
  });

  it("keeps a bounded history", () => {
    const nav = new Navigator({ name: "search" });
    for (let i = 0; i < 80; i++) nav.go({ name: "reader", document: i });
    expect(nav.history.length).toBe(50);
  });
});

// The UI's tiers, checked on the sources: only lib/api/ talks to the Tauri shell, and
// components (the parts of screens) take data and callbacks from their screen instead
// of calling lib/api themselves; they may import its types.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob(["./**/*.ts", "./**/*.svelte", "!./**/*.test.ts"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/** Every module `path` imports (static `import … from "x"` and dynamic `import("x")`). */
function imports(path: string): string[] {
  const text = sources[path];
  return [...text.matchAll(/\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? m[2]);
}

describe("UI tiers", () => {
  it("finds the sources", () => {
    expect(Object.keys(sources)).toContain("./components/reader/ReaderTurn.svelte");
  });

  it("lets only lib/api/ import @tauri-apps", () => {
    const outside = Object.keys(sources).filter((p) => !p.startsWith("./lib/api/") && imports(p).some((m) => m.startsWith("@tauri-apps/")));
    expect(outside).toEqual([]);
  });

  it("keeps components free of API calls: from lib/api they import types only", () => {
    const calling = Object.keys(sources)
      .filter((p) => p.startsWith("./components/"))
      .flatMap((p) => imports(p).filter((m) => /\/lib\/api\//.test(m) && !m.endsWith("/lib/api/types")).map((m) => `${p} imports ${m}`));
    expect(calling).toEqual([]);
  });
});

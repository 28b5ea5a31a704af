import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { cancelWork, chooseFiles, importPaths, onFilesDropped, reindex } from "./imports";
import type { ProgressEvent } from "./types";
import { mockFailingShell, mockShell } from "./testing";

/** Sends `message` on the channel the UI passed as `onProgress`. */
function sendOnChannel(channel: unknown, index: number, message: unknown) {
  const id = (channel as { id: number }).id;
  (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__.runCallback(id, {
    index,
    message,
  });
}

describe("imports API", () => {
  afterEach(() => clearMocks());

  it("imports paths, delivering progress from the channel", async () => {
    const report = { files: [], cancelled: false };
    const sent = mockShell((cmd, args) => {
      if (cmd === "import_paths") {
        sendOnChannel(args.onProgress, 0, { stage: "importing", done: 1, total: 2, path: "/a.txt" });
        sendOnChannel(args.onProgress, 1, { stage: "importing", done: 2, total: 2, path: "/b.txt" });
        return report;
      }
    });
    const seen: ProgressEvent[] = [];
    expect(await importPaths(["/a.txt", "/b.txt"], (e) => seen.push(e))).toEqual(report);
    expect(sent[0].cmd).toBe("import_paths");
    expect(sent[0].args.paths).toEqual(["/a.txt", "/b.txt"]);
    expect(seen.map((e) => e.path)).toEqual(["/a.txt", "/b.txt"]);
  });

  it("reindexes with progress and cancels", async () => {
    const sent = mockShell((cmd, args) => {
      if (cmd === "reindex") {
        sendOnChannel(args.onProgress, 0, { stage: "indexing", done: 5, total: 10, path: null });
        return { statements: 10, cancelled: false };
      }
      return null;
    });
    const seen: ProgressEvent[] = [];
    expect(await reindex((e) => seen.push(e))).toEqual({ statements: 10, cancelled: false });
    await cancelWork();
    expect(sent.map((s) => s.cmd)).toEqual(["reindex", "cancel_work"]);
    expect(Object.keys(sent[0].args)).toEqual(["onProgress"]);
    expect(seen[0].done).toBe(5);
  });

  it("opens the file dialog for files or a folder", async () => {
    const sent = mockShell((_cmd, args) => ((args.options as { directory: boolean }).directory ? "/dir" : ["/a.txt", "/b.pdf"]));
    expect(await chooseFiles(false)).toEqual(["/a.txt", "/b.pdf"]);
    expect(await chooseFiles(true)).toEqual(["/dir"]);
    expect(sent.map((s) => s.cmd)).toEqual(["plugin:dialog|open", "plugin:dialog|open"]);
    expect(sent[0].args.options).toMatchObject({ multiple: true, directory: false });
    expect(sent[1].args.options).toMatchObject({ multiple: false, directory: true });
  });

  it("returns null when the dialog is closed", async () => {
    mockShell(() => null);
    expect(await chooseFiles(false)).toBeNull();
  });

  it("reports dropped paths and hovering", async () => {
    mockWindows("main");
    mockIPC(() => undefined, { shouldMockEvents: true });
    const dropped: string[][] = [];
    const hover: boolean[] = [];
    const unlisten = await onFilesDropped((p) => dropped.push(p), (h) => hover.push(h));
    await emit("tauri://drag-enter", { paths: ["/x.txt"], position: { x: 1, y: 1 } });
    await emit("tauri://drag-drop", { paths: ["/x.txt"], position: { x: 1, y: 1 } });
    await emit("tauri://drag-leave", null);
    expect(dropped).toEqual([["/x.txt"]]);
    expect(hover).toEqual([true, false, false]);
    unlisten();
  });

  it("passes {code, message} through", async () => {
    mockFailingShell("busy", "an import is already running");
    await expect(importPaths(["/a"], () => {})).rejects.toEqual({ code: "busy", message: "an import is already running" });
    await expect(cancelWork()).rejects.toMatchObject({ code: "busy" });
  });
});

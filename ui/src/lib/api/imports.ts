// Importing files and rebuilding the index: long work with progress and cancel.
import { Channel } from "@tauri-apps/api/core";
import { call } from "./library";
import type { ImportReport, ProgressEvent, ReindexReport } from "./types";

/** Imports files and folders (walked recursively), reporting progress. */
export function importPaths(
  paths: string[],
  onProgress: (event: ProgressEvent) => void,
): Promise<ImportReport> {
  const channel = new Channel<ProgressEvent>();
  channel.onmessage = onProgress;
  return call<ImportReport>("import_paths", { paths, onProgress: channel });
}

/** Rebuilds the search index from the database, reporting progress. */
export function reindex(onProgress: (event: ProgressEvent) => void): Promise<ReindexReport> {
  const channel = new Channel<ProgressEvent>();
  channel.onmessage = onProgress;
  return call("reindex", { onProgress: channel });
}

/** Asks the running import or reindex to stop (after the file being read). */
export function cancelWork(): Promise<void> {
  return call<void>("cancel_work");
}

/** Opens the system file dialog; null when the user closed it. */
export async function chooseFiles(folder: boolean): Promise<string[] | null> {
  const { open } = await import("@tauri-apps/plugin-dialog");
  const picked = await open({
    multiple: !folder,
    directory: folder,
    title: folder ? "Import a folder" : "Import files",
    filters: folder
      ? undefined
      : [{ name: "Meeting records", extensions: ["txt", "md", "html", "htm", "pdf", "docx"] }],
  });
  if (picked === null) return null;
  return Array.isArray(picked) ? picked : [picked];
}

/** Calls `onDrop` with the paths of files and folders dropped on the window. */
export async function onFilesDropped(onDrop: (paths: string[]) => void, onHover?: (over: boolean) => void): Promise<() => void> {
  const { getCurrentWebview } = await import("@tauri-apps/api/webview");
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "drop") {
      onHover?.(false);
      if (p.paths.length > 0) onDrop(p.paths);
    } else if (p.type === "enter" || p.type === "over") {
      onHover?.(true);
    } else {
      onHover?.(false);
    }
  });
}

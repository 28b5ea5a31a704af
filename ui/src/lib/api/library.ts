// The only modules that talk to the Tauri shell live in this folder: one typed
// function per command. Everything else in the UI calls these.
import { invoke } from "@tauri-apps/api/core";
import type { ApiError, LibraryStatus } from "./types";

/** Turns whatever the shell rejected with into an {@link ApiError}. */
export function toApiError(err: unknown): ApiError {
  if (typeof err === "object" && err !== null && "code" in err && "message" in err) {
    const { code, message } = err as { code: unknown; message: unknown };
    return { code: String(code), message: String(message) };
  }
  return { code: "internal", message: String(err) };
}

/** Invokes a shell command, turning any rejection into an {@link ApiError}. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toApiError(err);
  }
}

/** Where the library is and what it holds. */
export function libraryStatus(): Promise<LibraryStatus> {
  return call<LibraryStatus>("library_status");
}

// The only module that talks to the Tauri shell: one typed function per command.
import { invoke } from "@tauri-apps/api/core";

/** What the shell reports about the open library (mirrors `plenary::LibraryStatus`). */
export interface LibraryStatus {
  dir: string;
  database: string;
  schema_version: number;
  actors: number;
}

/** An error as it crosses the IPC boundary. */
export interface ApiError {
  code: string;
  message: string;
}

/** Turns whatever the shell rejected with into an {@link ApiError}. */
export function toApiError(err: unknown): ApiError {
  if (typeof err === "object" && err !== null && "code" in err && "message" in err) {
    const { code, message } = err as { code: unknown; message: unknown };
    return { code: String(code), message: String(message) };
  }
  return { code: "internal", message: String(err) };
}

/** Where the library is and what it holds. */
export async function libraryStatus(): Promise<LibraryStatus> {
  try {
    return await invoke<LibraryStatus>("library_status");
  } catch (err) {
    throw toApiError(err);
  }
}

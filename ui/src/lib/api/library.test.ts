import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { libraryStatus, toApiError } from "./library";

describe("libraryStatus", () => {
  afterEach(() => clearMocks());

  it("calls the library_status command", async () => {
    mockWindows("main");
    mockIPC((cmd) => {
      if (cmd === "library_status") {
        return { dir: "/lib", database: "/lib/library.sqlite3", schema_version: 1, actors: 400 };
      }
      throw new Error(`unexpected command ${cmd}`);
    });
    const status = await libraryStatus();
    expect(status.actors).toBe(400);
    expect(status.dir).toBe("/lib");
  });

  it("passes the shell's {code, message} through", async () => {
    mockWindows("main");
    mockIPC(() => {
      throw { code: "library_too_new", message: "written by a newer Plenary" };
    });
    await expect(libraryStatus()).rejects.toEqual({
      code: "library_too_new",
      message: "written by a newer Plenary",
    });
  });
});

describe("toApiError", () => {
  it("wraps anything else as internal", () => {
    expect(toApiError("boom")).toEqual({ code: "internal", message: "boom" });
  });
});

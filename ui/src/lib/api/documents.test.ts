import { afterEach, describe, expect, it } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { actorProfile, actors, documents, fixSpeaker, readDocument } from "./documents";
import { mockFailingShell, mockShell } from "./testing";

describe("documents API", () => {
  afterEach(() => clearMocks());

  it("sends each command with its argument names", async () => {
    const sent = mockShell((cmd) => (cmd === "documents" || cmd === "actors" ? [] : { ok: cmd }));
    await documents();
    await readDocument(7);
    await fixSpeaker(42, "Egypt");
    await actors();
    await actorProfile("EU");
    await actorProfile("France", 50);
    expect(sent).toEqual([
      { cmd: "documents", args: {} },
      { cmd: "read_document", args: { id: 7 } },
      { cmd: "fix_speaker", args: { statement: 42, speaker: "Egypt" } },
      { cmd: "actors", args: {} },
      { cmd: "actor_profile", args: { name: "EU", limit: 200 } },
      { cmd: "actor_profile", args: { name: "France", limit: 50 } },
    ]);
  });

  it("returns what the shell answered", async () => {
    mockShell(() => ({ document: { id: 7 }, statements: [], tags: [], speakers: [] }));
    const view = await readDocument(7);
    expect(view.document.id).toBe(7);
  });

  it("passes {code, message} through", async () => {
    mockFailingShell("unknown_actor", 'no actor called "Atlantis"');
    await expect(fixSpeaker(1, "Atlantis")).rejects.toEqual({ code: "unknown_actor", message: 'no actor called "Atlantis"' });
    await expect(documents()).rejects.toMatchObject({ code: "unknown_actor" });
  });
});

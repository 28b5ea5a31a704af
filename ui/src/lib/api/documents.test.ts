import { afterEach, describe, expect, it } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { actorProfile, actors, documents, editDocument, fixSpeaker, processes, readDocument } from "./documents";
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

  it("sends a correction as the document's id and only the changed fields", async () => {
    const sent = mockShell((cmd, args) =>
      cmd === "processes"
        ? [{ key: "oewg-2021-2025", name: "OEWG 2021–2025" }]
        : { id: args.document, title: "Fourth session, third meeting", meeting: "3rd meeting", corrected: ["title", "meeting"] },
    );
    expect(await processes()).toEqual([{ key: "oewg-2021-2025", name: "OEWG 2021–2025" }]);
    const row = await editDocument(4, { title: "Fourth session, third meeting", meeting: 3 });
    expect(row).toMatchObject({ id: 4, meeting: "3rd meeting", corrected: ["title", "meeting"] });
    expect(sent).toEqual([
      { cmd: "processes", args: {} },
      { cmd: "edit_document", args: { document: 4, edit: { title: "Fourth session, third meeting", meeting: 3 } } },
    ]);
  });

  it("passes the core's words about a bad correction through", async () => {
    const message = 'cannot set the document\'s date to "2026-02-30": there is no such day. Write the date as YYYY-MM-DD, e.g. 2026-07-21';
    mockFailingShell("invalid_edit", message);
    await expect(editDocument(4, { date: "2026-02-30" })).rejects.toEqual({ code: "invalid_edit", message });
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

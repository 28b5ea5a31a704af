import { afterEach, describe, expect, it } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { acceptSpeaker, reviewQueue } from "./review";
import { mockFailingShell, mockShell } from "./testing";

describe("review API", () => {
  afterEach(() => clearMocks());

  it("sends each command with its argument names", async () => {
    const sent = mockShell((cmd) => (cmd === "review_queue" ? [] : { id: 12 }));
    await reviewQueue();
    await reviewQueue(3);
    await acceptSpeaker(12);
    expect(sent).toEqual([
      { cmd: "review_queue", args: { document: null } },
      { cmd: "review_queue", args: { document: 3 } },
      { cmd: "accept_speaker", args: { statement: 12 } },
    ]);
  });

  it("returns what the shell answered", async () => {
    mockShell((cmd) =>
      cmd === "review_queue"
        ? [{ id: 12, speaker: "Paraguay", review: "the Chair's cue and the speech name different speakers", alternatives: ["Suriname"] }]
        : { id: 12, speaker: "Paraguay", method: "manual", review: null, alternatives: [] },
    );
    const [queued] = await reviewQueue();
    expect(queued.alternatives).toEqual(["Suriname"]);
    const accepted = await acceptSpeaker(12);
    expect(accepted).toMatchObject({ method: "manual", review: null });
  });

  it("passes {code, message} through", async () => {
    mockFailingShell("not_found", "suggested speaker for statement 28 not found");
    await expect(acceptSpeaker(28)).rejects.toEqual({ code: "not_found", message: "suggested speaker for statement 28 not found" });
    await expect(reviewQueue()).rejects.toMatchObject({ code: "not_found" });
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { addTag, codebookText, removeTag, saveCodebook, themes } from "./themes";
import { mockFailingShell, mockShell } from "./testing";

describe("themes API", () => {
  afterEach(() => clearMocks());

  it("sends each command with its argument names", async () => {
    const sent = mockShell((cmd) => (cmd === "codebook_text" ? "[[theme]]" : cmd === "remove_tag" ? null : []));
    await themes();
    expect(await codebookText()).toBe("[[theme]]");
    await saveCodebook("text");
    await saveCodebook("fewer", true);
    await addTag({ statement: 3, theme: "poa", stance: "support", span: [4, 9], note: "n" });
    await addTag({ statement: 3, theme: "cbms", stance: "mention", span: null });
    await removeTag(11);
    expect(sent).toEqual([
      { cmd: "themes", args: {} },
      { cmd: "codebook_text", args: {} },
      { cmd: "save_codebook", args: { text: "text", replace: false } },
      { cmd: "save_codebook", args: { text: "fewer", replace: true } },
      { cmd: "add_tag", args: { tag: { statement: 3, theme: "poa", stance: "support", span: [4, 9], note: "n" } } },
      { cmd: "add_tag", args: { tag: { statement: 3, theme: "cbms", stance: "mention", span: null } } },
      { cmd: "remove_tag", args: { id: 11 } },
    ]);
  });

  it("passes {code, message} through", async () => {
    mockFailingShell("bad_codebook", "line 12: unknown parent \"nope\"");
    await expect(saveCodebook("x")).rejects.toEqual({ code: "bad_codebook", message: "line 12: unknown parent \"nope\"" });
  });
});

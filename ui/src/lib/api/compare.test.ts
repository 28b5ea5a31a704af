import { afterEach, describe, expect, it } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { cellStatements, compare, matrix } from "./compare";
import { mockFailingShell, mockShell } from "./testing";

describe("compare API", () => {
  afterEach(() => clearMocks());

  it("sends each command with its argument names", async () => {
    const sent = mockShell(() => []);
    await compare(["France", "Russian Federation"], ["poa"]);
    await matrix(["poa", "cbms"]);
    await matrix(["poa"], "European Union", { after: "2021" });
    await cellStatements("France", "poa");
    expect(sent).toEqual([
      { cmd: "compare", args: { actors: ["France", "Russian Federation"], themes: ["poa"], filter: {} } },
      { cmd: "matrix", args: { themes: ["poa", "cbms"], group: null, filter: {} } },
      { cmd: "matrix", args: { themes: ["poa"], group: "European Union", filter: { after: "2021" } } },
      { cmd: "cell_statements", args: { actor: "France", theme: "poa", filter: {} } },
    ]);
  });

  it("passes {code, message} through", async () => {
    mockFailingShell("unknown_actor", "no actor called \"Narnia\"");
    await expect(compare(["Narnia"], ["poa"])).rejects.toEqual({ code: "unknown_actor", message: "no actor called \"Narnia\"" });
  });
});

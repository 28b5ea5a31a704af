import { afterEach, describe, expect, it, vi } from "vitest";
import { citation, copyText, place } from "./citation";

const hit = {
  speaker: "Egypt",
  process: "OEWG 2021–2025",
  session: "2nd substantive session",
  meeting: "8th meeting",
  date: null,
  document_title: "Transcript",
};

describe("citation", () => {
  it("names speaker, process, session and meeting", () => {
    expect(citation(hit)).toBe("Egypt, OEWG 2021–2025, 2nd substantive session, 8th meeting");
  });

  it("adds the date when known", () => {
    expect(citation({ ...hit, date: "2022-03-30" })).toBe("Egypt, OEWG 2021–2025, 2nd substantive session, 8th meeting, 2022-03-30");
  });

  it("skips missing parts and names the document outside a process", () => {
    expect(citation({ ...hit, speaker: null, process: null, session: null, meeting: null, document_title: "Chair's summary" })).toBe(
      "Unknown speaker, Chair's summary",
    );
    expect(citation({ ...hit, meeting: null })).toBe("Egypt, OEWG 2021–2025, 2nd substantive session");
    expect(place({ ...hit, session: "" })).toBe("OEWG 2021–2025, 8th meeting");
  });
});

describe("copyText", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("uses the Clipboard API when there is one", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal("navigator", { clipboard: { writeText } });
    expect(await copyText("Egypt")).toBe(true);
    expect(writeText).toHaveBeenCalledWith("Egypt");
  });

  it("falls back to a hidden textarea", async () => {
    vi.stubGlobal("navigator", { clipboard: { writeText: vi.fn().mockRejectedValue(new Error("denied")) } });
    let copied = "";
    document.execCommand = vi.fn(() => {
      copied = document.querySelector("textarea")?.value ?? "";
      return true;
    });
    expect(await copyText("Egypt, 8th meeting")).toBe(true);
    expect(document.execCommand).toHaveBeenCalledWith("copy");
    expect(copied).toBe("Egypt, 8th meeting");
    expect(document.querySelector("textarea")).toBeNull();
  });
});

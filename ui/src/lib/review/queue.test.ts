import { describe, expect, it, vi } from "vitest";
import type { StatementRow } from "../api/types";
import { ReviewQueue, type ReviewCalls } from "./queue.svelte";

function row(id: number, document: number, speaker: string | null = "Ghana"): StatementRow {
  return { id, document, speaker, method: "chair_cue", review: "weak", alternatives: [] } as unknown as StatementRow;
}

function queue(items: StatementRow[], overrides: Partial<ReviewCalls> = {}) {
  let left = [...items];
  const calls: ReviewCalls = {
    queue: vi.fn(async () => [...left]),
    accept: vi.fn(async (id: number) => {
      const s = left.find((r) => r.id === id)!;
      left = left.filter((r) => r.id !== id);
      return { ...s, method: "manual" as const, review: null };
    }),
    fix: vi.fn(async (id: number, speaker: string) => {
      const s = left.find((r) => r.id === id)!;
      left = left.filter((r) => r.id !== id);
      return { ...s, speaker, method: "manual" as const, review: null };
    }),
    ...overrides,
  };
  return { q: new ReviewQueue(calls), calls };
}

describe("ReviewQueue", () => {
  it("counts what remains per document, in the queue's order", async () => {
    const { q } = queue([row(1, 2), row(2, 2), row(5, 7)]);
    await q.load();
    expect(q.documents).toEqual([
      { document: 2, remaining: 2 },
      { document: 7, remaining: 1 },
    ]);
    expect(q.current?.id).toBe(1);
  });

  it("moves between statements without running off either end", async () => {
    const { q } = queue([row(1, 2), row(2, 2), row(5, 7)]);
    await q.load();
    q.previous();
    expect(q.index).toBe(0);
    q.next();
    q.next();
    q.next();
    expect(q.current?.id).toBe(5);
    q.goToDocument(2);
    expect(q.current?.id).toBe(1);
    q.goToDocument(7);
    expect(q.current?.id).toBe(5);
  });

  it("accepting keeps the suggestion; the next statement takes its place and the counts drop", async () => {
    const { q, calls } = queue([row(1, 2), row(2, 2), row(5, 7)]);
    await q.load();
    q.next();
    expect(await q.accept()).toBe(true);
    expect(calls.accept).toHaveBeenCalledWith(2);
    expect(q.current?.id).toBe(5);
    expect(q.documents).toEqual([
      { document: 2, remaining: 1 },
      { document: 7, remaining: 1 },
    ]);
    expect(q.last).toEqual({ statement: 2, speaker: "Ghana", how: "accepted" });
  });

  it("fixing sets the typed speaker; the last statement steps back", async () => {
    const { q, calls } = queue([row(1, 2), row(5, 7)]);
    await q.load();
    q.next();
    expect(await q.fix("  Chile ")).toBe(true);
    expect(calls.fix).toHaveBeenCalledWith(5, "Chile");
    expect(q.current?.id).toBe(1);
    expect(q.documents).toEqual([{ document: 2, remaining: 1 }]);
    expect(q.last).toEqual({ statement: 5, speaker: "Chile", how: "fixed" });
    expect(await q.fix("   ")).toBe(false);
  });

  it("cannot accept when nobody was suggested", async () => {
    const { q, calls } = queue([row(3, 1, null)]);
    await q.load();
    expect(await q.accept()).toBe(false);
    expect(calls.accept).not.toHaveBeenCalled();
    expect(q.items).toHaveLength(1);
  });

  it("keeps the statement in the queue and shows the error when saving fails", async () => {
    const error = { code: "unknown_value", message: 'no actor called "Atlantis"' };
    const { q } = queue([row(1, 2)], { fix: vi.fn(async () => Promise.reject(error)) });
    await q.load();
    expect(await q.fix("Atlantis")).toBe(false);
    expect(q.error).toEqual(error);
    expect(q.current?.id).toBe(1);
  });

  it("reloading stays on the statement shown", async () => {
    const { q, calls } = queue([row(1, 2), row(2, 2), row(5, 7)]);
    await q.load();
    q.next();
    q.next();
    await calls.accept(1);
    await q.load();
    expect(q.current?.id).toBe(5);
    expect(q.index).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { inParallel } from "./in-parallel";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("inParallel", () => {
  it("runs every item, never more than the lanes at once", async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inParallel([1, 2, 3, 4, 5], 2, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      done.push(item);
      running -= 1;
    });
    expect(most).toBe(2);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("starts nothing after a failure, waits for the running item, then throws the first error", async () => {
    const started: number[] = [];
    let finishedSecond = false;
    const run = inParallel([1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      if (item === 1) throw new Error("chunk 1 failed");
      await tick();
      if (item === 2) finishedSecond = true;
    });
    await expect(run).rejects.toThrow("chunk 1 failed");
    expect(started).toEqual([1, 2]);
    expect(finishedSecond).toBe(true);
  });

  it("takes one lane when asked for none", async () => {
    const done: number[] = [];
    await inParallel([1, 2], 0, async (item) => {
      done.push(item);
    });
    expect(done).toEqual([1, 2]);
  });
});

import { describe, expect, it } from "vitest";
import { readAhead } from "./read-ahead";

/** A source whose items arrive when the test says so, recording how far it was pulled. */
function controlledSource(count: number) {
  const gates: (() => void)[] = [];
  const state = { pulled: 0, isClosed: false };
  async function* items() {
    try {
      for (let item = 1; item <= count; item += 1) {
        state.pulled = item;
        await new Promise<void>((resolve) => gates.push(resolve));
        yield item;
      }
    } finally {
      state.isClosed = true;
    }
  }
  /** Lets the item being fetched arrive, and waits until the producer has taken it in. */
  async function arrive(times = 1) {
    for (let i = 0; i < times; i += 1) {
      while (gates.length === 0) await tick();
      gates.shift()?.();
      await tick();
    }
  }
  return { items: items(), state, arrive };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("readAhead", () => {
  it("keeps fetching while the consumer is busy, up to `depth` items ahead", async () => {
    const source = controlledSource(10);
    const ahead = readAhead(source.items, { depth: 3 });
    const first = ahead.next();
    await source.arrive();
    expect(await first).toEqual({ done: false, value: [1] });
    // The consumer now "writes" item 1; meanwhile items 2, 3 and 4 arrive and are held.
    await source.arrive(3);
    // Three held: the source is not asked for a fifth until the consumer takes one.
    expect(source.state.pulled).toBe(4);
    await tick();
    expect(source.state.pulled).toBe(4);
    expect(await ahead.next()).toEqual({ done: false, value: [2] });
    await tick();
    expect(source.state.pulled).toBe(5);
    // Stopping waits for the item in flight (the sync aborts its request through onStop).
    const closing = ahead.return(undefined);
    await source.arrive();
    await closing;
    expect(source.state.isClosed).toBe(true);
  });

  it("hands over everything fetched during a slow step, at most maxBatch at once, in order", async () => {
    const source = controlledSource(7);
    const ahead = readAhead(source.items, { depth: 10, maxBatch: 4 });
    const first = ahead.next();
    await source.arrive();
    expect((await first).value).toEqual([1]);
    // Six items arrive while the consumer commits item 1: it then takes 4, then the other 2.
    await source.arrive(6);
    expect((await ahead.next()).value).toEqual([2, 3, 4, 5]);
    expect((await ahead.next()).value).toEqual([6, 7]);
    expect((await ahead.next()).done).toBe(true);
  });

  it("reports the source's failure after the items read before it", async () => {
    async function* failing() {
      yield 1;
      yield 2;
      throw new Error("PagerDuty answered 500");
    }
    const seen: number[] = [];
    const run = (async () => {
      for await (const batch of readAhead(failing(), { depth: 5, maxBatch: 1 }))
        seen.push(...batch);
    })();
    await expect(run).rejects.toThrow("PagerDuty answered 500");
    expect(seen).toEqual([1, 2]);
  });

  it("stops and closes the source when the consumer fails, without reporting the source's error", async () => {
    const source = controlledSource(10);
    let stops = 0;
    const run = (async () => {
      for await (const batch of readAhead(source.items, {
        depth: 2,
        onStop: () => {
          stops += 1;
        },
      })) {
        if (batch[0] === 2) throw new Error("the database is gone");
      }
    })();
    const failure = expect(run).rejects.toThrow("the database is gone");
    // Item 2 fails the consumer while item 3 is being fetched: stopping lets it arrive, then closes.
    await source.arrive(3);
    await failure;
    expect(stops).toBe(1);
    expect(source.state.isClosed).toBe(true);
    expect(source.state.pulled).toBe(3);
  });
});

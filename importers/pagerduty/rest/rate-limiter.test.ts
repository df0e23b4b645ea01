import { describe, expect, it } from "vitest";
import { createRateLimiter, RATE_LIMIT_WINDOW_MS } from "./rate-limiter";
import { createVirtualClock } from "./virtual-clock";

/** The most request starts found in any window of `windowMs` (starts sorted). */
function busiestWindow(starts: number[], windowMs: number): number {
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < starts.length; last += 1) {
    while ((starts[first] ?? 0) <= (starts[last] ?? 0) - windowMs) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}

async function acquireMany(maxPerMinute: number, count: number) {
  const clock = createVirtualClock(1_000_000);
  const limiter = createRateLimiter({ maxPerMinute, clock });
  const starts: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await limiter.acquire();
    starts.push(clock.now());
  }
  return { starts, clock, limiter };
}

describe("createRateLimiter", () => {
  it("never lets more than 960 requests start in any 60 s", async () => {
    const { starts } = await acquireMany(960, 3_000);
    expect(busiestWindow(starts, RATE_LIMIT_WINDOW_MS)).toBe(960);
  });

  it("spreads requests at 16 per second after a burst of 16", async () => {
    const { starts } = await acquireMany(960, 200);
    const first = starts[0] ?? 0;
    expect(starts.filter((start) => start === first)).toHaveLength(16);
    // Burst plus one second's refill, never a minute's budget at once.
    expect(busiestWindow(starts, 1_000)).toBeLessThanOrEqual(32);
    // 184 requests after the burst at 16/s take 11.5 s.
    expect((starts.at(-1) ?? 0) - first).toBeGreaterThanOrEqual(11_500);
    expect((starts.at(-1) ?? 0) - first).toBeLessThan(11_700);
  });

  it("keeps a low limit exact too (60/min, burst 1)", async () => {
    const { starts } = await acquireMany(60, 300);
    expect(busiestWindow(starts, RATE_LIMIT_WINDOW_MS)).toBe(60);
    expect(busiestWindow(starts, 1_000)).toBe(1);
  });

  it("holds every caller after a 429 until the reset", async () => {
    const clock = createVirtualClock(0);
    const limiter = createRateLimiter({ maxPerMinute: 960, clock });
    await limiter.acquire();
    limiter.pauseUntil(7_000);
    await limiter.acquire();
    expect(clock.now()).toBe(7_000);
  });

  it("stops waiting when the signal aborts", async () => {
    const clock = createVirtualClock(0);
    const limiter = createRateLimiter({ maxPerMinute: 960, clock });
    const controller = new AbortController();
    controller.abort();
    await expect(limiter.acquire(controller.signal)).rejects.toThrow(/abort/i);
  });
});

import type { Clock } from "./rate-limiter";

export interface VirtualClock extends Clock {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

/**
 * A clock for tests: sleeping moves virtual time forward at once, so rate limits, 429 resets and
 * backoffs can be checked without waiting for them.
 */
export function createVirtualClock(startMs = 0): VirtualClock {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
  };
}

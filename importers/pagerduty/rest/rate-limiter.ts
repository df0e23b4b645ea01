/**
 * Client-side rate limiting for PagerDuty's REST API, which allows 960 requests per minute per
 * API key and answers 429 beyond that. Two rules hold together:
 *
 * - a sliding window: never more than `maxPerMinute` request starts in any 60 s, which is the
 *   guarantee (a token bucket alone allows its burst on top of a minute's refill: 16 + 960);
 * - a token bucket refilled at `maxPerMinute / 60` per second with a burst of at most 16, which
 *   spreads requests out instead of spending the minute's budget in the first second and then
 *   stalling (PagerDuty's own limiter is smoother than a fixed window).
 *
 * A 429 pauses every caller until the server's reset, not only the request that got it.
 */

export const RATE_LIMIT_WINDOW_MS = 60_000;
const MAX_BURST = 16;

export interface Clock {
  /** Milliseconds on any monotonic-enough scale (Date.now by default). */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface RateLimiter {
  /** Waits until one more request may start, and counts it. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Holds every caller until `untilMs` (a 429's reset). */
  pauseUntil(untilMs: number): void;
}

export function createRateLimiter({
  maxPerMinute,
  clock,
}: {
  maxPerMinute: number;
  clock: Clock;
}): RateLimiter {
  if (!Number.isInteger(maxPerMinute) || maxPerMinute < 1) {
    throw new Error(`maxRequestsPerMinute must be a positive integer, got ${maxPerMinute}`);
  }
  const refillPerMs = maxPerMinute / RATE_LIMIT_WINDOW_MS;
  const burst = Math.max(1, Math.min(MAX_BURST, Math.floor(maxPerMinute / 60)));
  // Start times of the requests inside the current window, oldest first, from `head` on.
  const starts: number[] = [];
  let head = 0;
  let tokens = burst;
  let refilledAt = clock.now();
  let pausedUntil = Number.NEGATIVE_INFINITY;

  function waitBeforeNextStart(now: number): number {
    while (head < starts.length && (starts[head] ?? 0) <= now - RATE_LIMIT_WINDOW_MS) head += 1;
    if (head > 1024) {
      starts.splice(0, head);
      head = 0;
    }
    tokens = Math.min(burst, tokens + (now - refilledAt) * refillPerMs);
    refilledAt = now;
    let wait = Math.max(0, pausedUntil - now);
    const oldest = starts[head];
    if (starts.length - head >= maxPerMinute && oldest !== undefined) {
      wait = Math.max(wait, oldest + RATE_LIMIT_WINDOW_MS - now);
    }
    if (tokens < 1) wait = Math.max(wait, Math.ceil((1 - tokens) / refillPerMs));
    return wait;
  }

  return {
    async acquire(signal) {
      for (;;) {
        signal?.throwIfAborted();
        const now = clock.now();
        const wait = waitBeforeNextStart(now);
        if (wait <= 0) {
          tokens -= 1;
          starts.push(now);
          return;
        }
        await clock.sleep(wait, signal);
      }
    },
    pauseUntil(untilMs) {
      pausedUntil = Math.max(pausedUntil, untilMs);
    },
  };
}

/** The real clock: Date.now and an abortable setTimeout. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  },
};

/** How long to wait before retrying, from PagerDuty's headers or by exponential backoff. */

const FIRST_BACKOFF_MS = 1_000;
/** A rate-limit wait never needs more than one window; a 5xx backoff beyond 30 s only delays. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;
export const MAX_SERVER_ERROR_BACKOFF_MS = 30_000;

/** 1 s, 2 s, 4 s, … for the nth retry (1-based), capped. */
export function exponentialBackoffMs(retry: number, capMs: number): number {
  return Math.min(capMs, FIRST_BACKOFF_MS * 2 ** Math.max(0, retry - 1));
}

/**
 * "Equal jitter": half the backoff fixed, half random, so clients that failed together do not
 * retry together, and no retry comes back instantly.
 */
export function withJitter(delayMs: number, random: () => number): number {
  return Math.round(delayMs / 2 + random() * (delayMs / 2));
}

/**
 * The wait a 429 asks for: PagerDuty's `ratelimit-reset` (seconds until the window resets), else
 * the standard `retry-after` (seconds or an HTTP date), else null (the caller backs off). PagerDuty
 * sometimes sends a 429 without either.
 */
export function rateLimitWaitMs(headers: Headers, nowMs: number): number | null {
  const reset = parseSeconds(headers.get("ratelimit-reset"));
  if (reset !== null) return Math.min(MAX_RATE_LIMIT_WAIT_MS, reset * 1000);
  const retryAfter = headers.get("retry-after");
  if (retryAfter === null) return null;
  const seconds = parseSeconds(retryAfter);
  if (seconds !== null) return Math.min(MAX_RATE_LIMIT_WAIT_MS, seconds * 1000);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return null;
  return Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.max(0, date - nowMs));
}

function parseSeconds(value: string | null): number | null {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return null;
  return Number(value);
}

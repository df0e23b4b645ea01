/**
 * A small GET-only client for PagerDuty's REST API v2: token auth, the v2 Accept header, a
 * client-side rate limit, and retries that tell a busy PagerDuty (429: wait as told, retry) from a
 * failing one (5xx, network: back off, give up after a few attempts). Everything time-related is
 * injectable so tests run without waiting.
 */
import {
  PagerDutyAuthError,
  PagerDutyForbiddenError,
  PagerDutyRateLimitError,
  PagerDutyRequestError,
  PagerDutyServerError,
  PagerDutyUnreachableError,
} from "./pagerduty-errors";
import { type Clock, createRateLimiter, systemClock } from "./rate-limiter";
import {
  exponentialBackoffMs,
  MAX_RATE_LIMIT_WAIT_MS,
  MAX_SERVER_ERROR_BACKOFF_MS,
  rateLimitWaitMs,
  withJitter,
} from "./retry-delays";

export type PagerDutyQueryValue =
  | string
  | number
  | boolean
  | Date
  | readonly (string | number)[]
  | null
  | undefined;

/** Arrays become repeated `key[]=` parameters (`include[]=channels`); null and undefined are left out. */
export type PagerDutyQuery = Readonly<Record<string, PagerDutyQueryValue>>;

export interface PagerDutyRequestEvent {
  path: string;
  /** Path and query string, never the token (it travels in a header). */
  url: string;
  /** The HTTP status, or null when no response came (network error, timeout). */
  status: number | null;
  /** 1 for the first try of a `get`, counting every retry after it. */
  attempt: number;
  durationMs: number;
}

export interface PagerDutyClient {
  get(path: string, query?: PagerDutyQuery, options?: { signal?: AbortSignal }): Promise<unknown>;
  /** HTTP requests sent so far, retries included. */
  readonly requestCount: number;
}

export interface PagerDutyClientOptions {
  token: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Milliseconds now; with `sleep`, replaces real time for the rate limiter and the backoffs. */
  clock?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For the backoff jitter; Math.random by default. */
  random?: () => number;
  maxRequestsPerMinute?: number;
  /** Tries per request when PagerDuty fails (5xx, network, timeout); 429s do not count. */
  maxAttempts?: number;
  /** The overall cap on 429 retries of one request, so a server that always says 429 fails. */
  maxRateLimitRetries?: number;
  requestTimeoutMs?: number;
  onRequest?: (event: PagerDutyRequestEvent) => void;
}

export const DEFAULT_PAGERDUTY_BASE_URL = "https://api.pagerduty.com";
const ACCEPT = "application/vnd.pagerduty+json;version=2";

export function createPagerDutyClient(options: PagerDutyClientOptions): PagerDutyClient {
  const {
    token,
    fetch: fetchImpl = globalThis.fetch,
    random = Math.random,
    maxRequestsPerMinute = 960,
    maxAttempts = 5,
    maxRateLimitRetries = 20,
    requestTimeoutMs = 30_000,
    onRequest,
  } = options;
  if (!token.trim()) throw new Error("A PagerDuty API token is required (set PAGERDUTY_TOKEN).");
  const baseUrl = (options.baseUrl ?? DEFAULT_PAGERDUTY_BASE_URL).replace(/\/+$/, "");
  const clock: Clock = {
    now: options.clock ?? systemClock.now,
    sleep: options.sleep ?? systemClock.sleep,
  };
  const limiter = createRateLimiter({ maxPerMinute: maxRequestsPerMinute, clock });
  const headers = { Authorization: `Token token=${token}`, Accept: ACCEPT };
  let requestCount = 0;

  async function get(
    path: string,
    query: PagerDutyQuery = {},
    { signal }: { signal?: AbortSignal } = {},
  ) {
    const pathAndQuery = `${path}${queryString(query)}`;
    let failures = 0;
    let rateLimitRetries = 0;
    let lastFailure: { status: number | null; description: string } | null = null;
    for (let attempt = 1; ; attempt += 1) {
      signal?.throwIfAborted();
      await limiter.acquire(signal);
      requestCount += 1;
      const startedAt = clock.now();
      const outcome = await send(`${baseUrl}${pathAndQuery}`, signal);
      onRequest?.({
        path,
        url: pathAndQuery,
        status: outcome.status,
        attempt,
        durationMs: clock.now() - startedAt,
      });
      if (outcome.kind === "ok") return outcome.body;
      if (outcome.kind === "rate-limited") {
        rateLimitRetries += 1;
        if (rateLimitRetries > maxRateLimitRetries) {
          throw new PagerDutyRateLimitError(path, maxRateLimitRetries);
        }
        const wait =
          rateLimitWaitMs(outcome.headers, clock.now()) ??
          exponentialBackoffMs(rateLimitRetries, MAX_RATE_LIMIT_WAIT_MS);
        limiter.pauseUntil(clock.now() + wait);
        continue;
      }
      if (outcome.kind === "refused") throw refusal(outcome, path);
      failures += 1;
      lastFailure = outcome;
      if (failures >= maxAttempts) break;
      const backoff = exponentialBackoffMs(failures, MAX_SERVER_ERROR_BACKOFF_MS);
      await clock.sleep(withJitter(backoff, random), signal);
    }
    if (lastFailure === null || lastFailure.status === null) {
      throw new PagerDutyUnreachableError(baseUrl, lastFailure?.description ?? "unknown", failures);
    }
    throw new PagerDutyServerError(lastFailure.status, path, failures, lastFailure.description);
  }

  type Outcome =
    | { kind: "ok"; status: number; body: unknown }
    | { kind: "rate-limited"; status: 429; headers: Headers }
    | { kind: "refused"; status: number; body: string }
    /** Worth retrying: 5xx, a body that is not JSON, or no response at all (status null). */
    | { kind: "failed"; status: number | null; description: string };

  async function send(url: string, signal: AbortSignal | undefined): Promise<Outcome> {
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, { headers, signal: combined });
      // The body is read inside the try: a connection reset can arrive halfway through it.
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      return {
        kind: "failed",
        status: null,
        description: describeNetworkError(error, requestTimeoutMs),
      };
    }
    const { status } = response;
    if (status >= 200 && status < 300) {
      try {
        return { kind: "ok", status, body: JSON.parse(text) };
      } catch {
        return {
          kind: "failed",
          status,
          description: `answered HTTP ${status} with a body that is not JSON`,
        };
      }
    }
    if (status === 429) return { kind: "rate-limited", status, headers: response.headers };
    if (status >= 500) return { kind: "failed", status, description: `answered HTTP ${status}` };
    return { kind: "refused", status, body: redact(text, token) };
  }

  return {
    get,
    get requestCount() {
      return requestCount;
    },
  };
}

function refusal(outcome: { status: number; body: string }, path: string): Error {
  if (outcome.status === 401) return new PagerDutyAuthError();
  if (outcome.status === 403) return new PagerDutyForbiddenError(path);
  const { message, errors, code } = parsePagerDutyError(outcome.body);
  return new PagerDutyRequestError(outcome.status, path, message, errors, code);
}

/** PagerDuty's error body: `{"error":{"message":"…","code":2001,"errors":["…"]}}`; `errors` may be an object of lists. */
export function parsePagerDutyError(body: string): {
  message: string | null;
  errors: string[];
  code: number | null;
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const text = body.trim().slice(0, 200);
    return { message: text || null, errors: [], code: null };
  }
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : {};
  const message = typeof error.message === "string" ? error.message : null;
  const code = typeof error.code === "number" ? error.code : null;
  return { message, errors: flattenErrors(error.errors), code };
}

function flattenErrors(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(flattenErrors);
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, inner]) =>
      flattenErrors(inner).map((text) => `${key}: ${text}`),
    );
  }
  return [];
}

function queryString(query: PagerDutyQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      const arrayKey = key.endsWith("[]") ? key : `${key}[]`;
      for (const item of value) params.append(arrayKey, String(item));
    } else if (value instanceof Date) {
      params.append(key, value.toISOString());
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Node's fetch hides the reason in `cause`: "fetch failed" ← "connect ECONNREFUSED 127.0.0.1:80". */
function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") {
    const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
    return `no answer within ${limit} (timeout)`;
  }
  let deepest: unknown = error;
  for (let depth = 0; depth < 4 && deepest instanceof Error && deepest.cause; depth += 1) {
    deepest = deepest.cause;
  }
  if (!(deepest instanceof Error)) return String(deepest);
  const code = (deepest as Error & { code?: unknown }).code;
  return typeof code === "string" && !deepest.message.includes(code)
    ? `${code}: ${deepest.message}`
    : deepest.message;
}

function redact(text: string, token: string): string {
  return token.length >= 4 ? text.split(token).join("[token]") : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

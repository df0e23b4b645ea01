/**
 * A local stand-in for api.pagerduty.com, for integration tests and benchmarks: node:http on
 * 127.0.0.1 with an ephemeral port, serving a fake account (see fake-pagerduty-account.ts) through
 * the routes in fake-pagerduty-routes.ts. It checks the token like PagerDuty (401 with PagerDuty's
 * error body), and injects the faults a real sync meets: 429 with or without `ratelimit-*`
 * headers, 5xx, latency, and optionally a real per-minute limit.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakePagerDutyAccount, JsonValue } from "./fake-account-objects";
import {
  createAccountIndex,
  type FakeResponse,
  pagerDutyError,
  routeRequest,
} from "./fake-pagerduty-routes";

export type { FakeAccountOptions } from "./fake-pagerduty-account";
export { generateFakeAccount, resolveFakeIncident } from "./fake-pagerduty-account";

export interface FakePagerDutyFaults {
  /** Every nth request (counted from the last `setFaults`) gets a 429 with `ratelimit-*` headers. */
  rateLimitEvery?: number;
  /** Every nth request gets a 429 without any rate-limit header, as PagerDuty sometimes sends. */
  rateLimitWithoutHeadersEvery?: number;
  /** Every nth request gets a 500 (alternating with 502 and 503). */
  serverErrorEvery?: number;
  /** Delay before each answer. */
  latencyMs?: number;
  /** The `ratelimit-reset` a 429 carries, in seconds; 3 by default. */
  rateLimitResetSeconds?: number;
  /** Answer 429 when more than this many requests arrived in the last 60 s (PagerDuty: 960). */
  enforceRequestsPerMinute?: number;
}

export interface FakePagerDutyServerOptions {
  account: FakePagerDutyAccount;
  faults?: FakePagerDutyFaults;
  /** The one token accepted; when left out any non-empty token is. */
  token?: string;
  /** PagerDuty's offset + limit ceiling, 10,000; lower it to reach it with little data. */
  maxOffset?: number;
  /** Answer `total: null` even to `total=true`. */
  ignoreTotalParameter?: boolean;
}

export interface FakeRequestLogEntry {
  method: string;
  path: string;
  /** The query string without "?", decoded (`include[]=channels&…`). */
  query: string;
  status: number;
  accept: string | null;
  /** Date.now() when the request arrived, so a benchmark can count requests per minute. */
  receivedAt: number;
}

export interface FakePagerDutyServer {
  url: string;
  /** Requests received so far, failed ones included. */
  readonly requests: number;
  readonly requestLog: FakeRequestLogEntry[];
  setFaults(faults: FakePagerDutyFaults): void;
  close(): Promise<void>;
}

const MINUTE_MS = 60_000;

export async function startFakePagerDutyServer(
  options: FakePagerDutyServerOptions,
): Promise<FakePagerDutyServer> {
  const { account, token, maxOffset = 10_000, ignoreTotalParameter = false } = options;
  const index = createAccountIndex(account);
  const requestLog: FakeRequestLogEntry[] = [];
  const arrivals: number[] = [];
  let faults: FakePagerDutyFaults = options.faults ?? {};
  let requestsSinceFaults = 0;

  function respond(request: IncomingMessage): {
    response: FakeResponse;
    headers: Record<string, string>;
  } {
    const now = Date.now();
    arrivals.push(now);
    while ((arrivals[0] ?? now) <= now - MINUTE_MS) arrivals.shift();
    requestsSinceFaults += 1;
    const limit = faults.enforceRequestsPerMinute ?? 960;
    const resetSeconds = faults.rateLimitResetSeconds ?? 3;
    const rateHeaders = {
      "ratelimit-limit": String(limit),
      "ratelimit-remaining": String(Math.max(0, limit - arrivals.length)),
      "ratelimit-reset": String(Math.ceil(((arrivals[0] ?? now) + MINUTE_MS - now) / 1000)),
    };
    const authorization = request.headers.authorization ?? "";
    const presented = /^Token token=(.+)$/.exec(authorization)?.[1];
    if (!presented || (token !== undefined && presented !== token)) {
      return { response: pagerDutyError(401, "Authentication required", 2006), headers: {} };
    }
    const every = (n: number | undefined) =>
      n !== undefined && n > 0 && requestsSinceFaults % n === 0;
    if (every(faults.rateLimitEvery)) {
      return {
        response: pagerDutyError(429, "Rate Limit Exceeded", 2020),
        headers: {
          ...rateHeaders,
          "ratelimit-remaining": "0",
          "ratelimit-reset": String(resetSeconds),
        },
      };
    }
    if (every(faults.rateLimitWithoutHeadersEvery)) {
      return { response: pagerDutyError(429, "Rate Limit Exceeded", 2020), headers: {} };
    }
    if (
      faults.enforceRequestsPerMinute !== undefined &&
      arrivals.length > faults.enforceRequestsPerMinute
    ) {
      return {
        response: pagerDutyError(429, "Rate Limit Exceeded", 2020),
        headers: { ...rateHeaders, "ratelimit-remaining": "0" },
      };
    }
    if (every(faults.serverErrorEvery)) {
      const status =
        [500, 502, 503][Math.floor(requestsSinceFaults / (faults.serverErrorEvery ?? 1)) % 3] ??
        500;
      return { response: pagerDutyError(status, "Internal Server Error", 2000), headers: {} };
    }
    if (request.method !== "GET") {
      return { response: pagerDutyError(405, "Method Not Allowed", 2000), headers: rateHeaders };
    }
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    return {
      response: routeRequest(account, url, { maxOffset, ignoreTotalParameter, now }, index),
      headers: rateHeaders,
    };
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    const receivedAt = Date.now();
    const { response: answer, headers } = respond(request);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requestLog.push({
      method: request.method ?? "GET",
      path: url.pathname,
      query: decodeURIComponent(url.search.replace(/^\?/, "")),
      status: answer.status,
      accept: request.headers.accept ?? null,
      receivedAt,
    });
    const send = () => sendJson(response, answer.status, answer.body, headers);
    if (faults.latencyMs) setTimeout(send, faults.latencyMs);
    else send();
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requestLog.length;
    },
    requestLog,
    setFaults(next) {
      faults = next;
      requestsSinceFaults = 0;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: JsonValue,
  headers: Record<string, string>,
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

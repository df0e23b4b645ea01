import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFakeAccount } from "./fake-pagerduty-account";
import { type FakePagerDutyServer, startFakePagerDutyServer } from "./fake-pagerduty-server";
import {
  createPagerDutyClient,
  type PagerDutyClientOptions,
  type PagerDutyRequestEvent,
} from "./pagerduty-client";
import {
  PagerDutyAuthError,
  PagerDutyForbiddenError,
  PagerDutyRateLimitError,
  PagerDutyRequestError,
  PagerDutyServerError,
  PagerDutyUnreachableError,
} from "./pagerduty-errors";
import { createVirtualClock } from "./virtual-clock";

const TOKEN = "u+secret-token-4711";
const account = generateFakeAccount({
  seed: 3,
  incidents: 20,
  start: new Date("2026-02-01T00:00:00Z"),
  end: new Date("2026-02-15T00:00:00Z"),
});

let server: FakePagerDutyServer;
beforeAll(async () => {
  server = await startFakePagerDutyServer({ account, token: TOKEN });
});
afterAll(() => server.close());

function client(overrides: Partial<PagerDutyClientOptions> = {}) {
  const clock = createVirtualClock();
  const events: PagerDutyRequestEvent[] = [];
  const pagerDuty = createPagerDutyClient({
    token: TOKEN,
    baseUrl: server.url,
    clock: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    onRequest: (event) => events.push(event),
    ...overrides,
  });
  return { pagerDuty, clock, events };
}

function logSince(start: number) {
  return server.requestLog.slice(start);
}

describe("createPagerDutyClient", () => {
  it("sends the v2 Accept header and repeats array parameters as key[]", async () => {
    server.setFaults({});
    const before = server.requests;
    const { pagerDuty } = client();
    const body = await pagerDuty.get("/log_entries", {
      "include[]": ["channels"],
      statuses: ["a", "b"],
      limit: 5,
    });
    expect(body).toMatchObject({ limit: 5, offset: 0, more: true });
    const [request] = logSince(before);
    expect(request?.accept).toBe("application/vnd.pagerduty+json;version=2");
    expect(request?.query).toBe("include[]=channels&statuses[]=a&statuses[]=b&limit=5");
  });

  it("waits ratelimit-reset seconds after a 429 and does not count it as a failed attempt", async () => {
    server.setFaults({ rateLimitEvery: 2, rateLimitResetSeconds: 7 });
    const { pagerDuty, clock } = client({ maxAttempts: 1 });
    for (let i = 0; i < 4; i += 1) await pagerDuty.get("/users");
    expect(pagerDuty.requestCount).toBe(7);
    expect(clock.sleeps.filter((ms) => ms === 7_000)).toHaveLength(3);
  });

  it("backs off from 1 s when a 429 has no headers, and gives up after the overall cap", async () => {
    server.setFaults({ rateLimitWithoutHeadersEvery: 1 });
    const { pagerDuty, clock } = client({ maxRateLimitRetries: 4 });
    const failure = pagerDuty.get("/teams");
    await expect(failure).rejects.toBeInstanceOf(PagerDutyRateLimitError);
    await expect(failure).rejects.toThrow(/429 Too Many Requests for GET \/teams after 4 retries/);
    expect(pagerDuty.requestCount).toBe(5);
    // The limiter's own pacing shows up as short sleeps; the backoff waits are these.
    expect(clock.sleeps.filter((ms) => ms >= 1_000)).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("retries a 5xx with jittered backoff and returns the answer that follows", async () => {
    server.setFaults({ serverErrorEvery: 2 });
    const { pagerDuty, clock, events } = client();
    await pagerDuty.get("/users");
    const users = await pagerDuty.get("/users");
    expect(users).toMatchObject({ users: expect.any(Array) });
    expect(events.map((event) => event.status)).toEqual([200, 502, 200]);
    // Half the 1 s backoff fixed, half random (0.5 here).
    expect(clock.sleeps).toContain(750);
  });

  it("gives up on a server that keeps failing after maxAttempts", async () => {
    server.setFaults({ serverErrorEvery: 1 });
    const { pagerDuty } = client({ maxAttempts: 3 });
    const failure = pagerDuty.get("/services");
    await expect(failure).rejects.toBeInstanceOf(PagerDutyServerError);
    await expect(failure).rejects.toThrow(/GET \/services on 3 attempts in a row/);
    expect(pagerDuty.requestCount).toBe(3);
  });

  it("turns a 401 into PagerDutyAuthError at once, without the token anywhere", async () => {
    server.setFaults({});
    const wrong = "wrong-token-0042";
    const { pagerDuty, events } = client({ token: wrong });
    const error = await pagerDuty.get("/users").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PagerDutyAuthError);
    expect(String((error as Error).message)).toMatch(/refused the token \(401\).*PAGERDUTY_TOKEN/);
    expect(JSON.stringify([String(error), (error as Error).stack, events])).not.toContain(wrong);
    expect(pagerDuty.requestCount).toBe(1);
  });

  it("names the path of a 403", async () => {
    const forbidden = async () =>
      new Response('{"error":{"message":"Access Denied","code":2010}}', { status: 403 });
    const { pagerDuty } = client({ fetch: forbidden });
    const failure = pagerDuty.get("/incidents/Q1/custom_fields/values");
    await expect(failure).rejects.toBeInstanceOf(PagerDutyForbiddenError);
    await expect(failure).rejects.toThrow(
      /denied access to \/incidents\/Q1\/custom_fields\/values \(403\)/,
    );
  });

  it("reports PagerDuty's own explanation of a 400", async () => {
    server.setFaults({});
    const { pagerDuty } = client();
    const failure = pagerDuty.get("/log_entries", { offset: 9_950, limit: 100 });
    await expect(failure).rejects.toBeInstanceOf(PagerDutyRequestError);
    await expect(failure).rejects.toThrow(
      /rejected GET \/log_entries \(400\): Arguments Caused Error: Offset\+limit exceeds maximum allowed value of 10000.*\(code 2002\)/,
    );
  });

  it("reports an unreachable PagerDuty with its base URL and the cause, after maxAttempts", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const baseUrl = `http://127.0.0.1:${port}`;
    const { pagerDuty, clock } = client({ baseUrl });
    const error = await pagerDuty.get("/users").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PagerDutyUnreachableError);
    expect((error as Error).message).toContain(
      `Could not reach PagerDuty at ${baseUrl}: connect ECONNREFUSED`,
    );
    expect((error as Error).message).toContain("(5 attempts)");
    expect(clock.sleeps.filter((ms) => ms >= 500)).toEqual([750, 1_500, 3_000, 6_000]);
  });

  it("treats a request that takes longer than the timeout as a network failure", async () => {
    server.setFaults({ latencyMs: 300 });
    const { pagerDuty } = client({ requestTimeoutMs: 40, maxAttempts: 2 });
    await expect(pagerDuty.get("/users")).rejects.toThrow(
      /no answer within 40 ms \(timeout\) \(2 attempts\)/,
    );
    server.setFaults({});
  });

  it("stops before sending when the signal has aborted", async () => {
    const { pagerDuty } = client();
    const controller = new AbortController();
    controller.abort();
    await expect(pagerDuty.get("/users", {}, { signal: controller.signal })).rejects.toThrow(
      /abort/i,
    );
    expect(pagerDuty.requestCount).toBe(0);
  });
});

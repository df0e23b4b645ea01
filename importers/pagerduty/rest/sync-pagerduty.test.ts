import { afterEach, describe, expect, it } from "vitest";
import type { FakePagerDutyAccount } from "./fake-pagerduty-account";
import {
  type FakePagerDutyServer,
  type FakePagerDutyServerOptions,
  generateFakeAccount,
  resolveFakeIncident,
  startFakePagerDutyServer,
} from "./fake-pagerduty-server";
import {
  createInMemoryCheckpointStore,
  createInMemorySink,
  type InMemorySink,
} from "./in-memory-sync-stores";
import { createPagerDutyClient, type PagerDutyClientOptions } from "./pagerduty-client";
import { PagerDutyAuthError, PagerDutyUnreachableError } from "./pagerduty-errors";
import {
  type CheckpointStore,
  type SyncResource,
  type SyncSink,
  syncPagerDuty,
} from "./sync-pagerduty";
import { SYNC_RESOURCES } from "./sync-types";
import { createVirtualClock } from "./virtual-clock";

const TOKEN = "sync-test-token-9f3a";
const DAY = 86_400_000;
const servers: FakePagerDutyServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(
  account: FakePagerDutyAccount,
  options: Partial<FakePagerDutyServerOptions> = {},
) {
  const server = await startFakePagerDutyServer({ account, token: TOKEN, ...options });
  servers.push(server);
  return server;
}

function clientFor(baseUrl: string, overrides: Partial<PagerDutyClientOptions> = {}) {
  const clock = createVirtualClock();
  return createPagerDutyClient({
    token: TOKEN,
    baseUrl,
    clock: clock.now,
    sleep: clock.sleep,
    ...overrides,
  });
}

const idOf = (object: unknown) => String((object as { id: string }).id);
const shiftKey = (shift: unknown) => {
  const { user, schedule, escalation_level, start, end } = shift as Record<
    string,
    { id: string } | string | number
  >;
  return [idOf(user), idOf(schedule), escalation_level, start, end].join("|");
};
const keyOf = (resource: SyncResource) => (resource === "oncalls" ? shiftKey : idOf);

/** What the sink holds at the end: the last write of each object wins, as with an upsert. */
function latest(sink: InMemorySink, resource: SyncResource): Map<string, unknown> {
  return new Map(sink.written[resource].map((object) => [keyOf(resource)(object), object]));
}

function expectSinkHoldsAccount(sink: InMemorySink, account: FakePagerDutyAccount) {
  for (const resource of SYNC_RESOURCES) {
    const expected = (account[resource] as unknown[]).map(keyOf(resource)).sort();
    expect([...latest(sink, resource).keys()].sort(), resource).toEqual(expected);
  }
  const incidents = latest(sink, "incidents");
  for (const incident of account.incidents) {
    expect(incidents.get(incident.id)).toMatchObject({
      status: incident.status,
      resolved_at: incident.resolved_at,
    });
  }
}

describe("syncPagerDuty", () => {
  const start = new Date("2026-01-01T00:00:00Z");
  const end = new Date("2026-07-01T00:00:00Z");
  const halfYear = generateFakeAccount({ seed: 7, incidents: 250, start, end });

  it("hands the sink exactly the account's objects, in PagerDuty's window limits, with custom fields", async () => {
    const server = await serve(halfYear);
    const sink = createInMemorySink();
    const checkpoints = createInMemoryCheckpointStore();
    const progress: string[] = [];
    const summary = await syncPagerDuty({
      client: clientFor(server.url),
      checkpoints,
      sink,
      since: start,
      until: end,
      includeCustomFields: true,
      onProgress: ({ resource }) => progress.push(resource),
    });

    for (const resource of SYNC_RESOURCES) {
      expect(sink.written[resource], resource).toHaveLength(
        (halfYear[resource] as unknown[]).length,
      );
      expect(summary.objects[resource], resource).toBe((halfYear[resource] as unknown[]).length);
    }
    expectSinkHoldsAccount(sink, halfYear);
    expect(summary).toMatchObject({
      refetchedIncidents: 0,
      warnings: [],
      requests: server.requests,
    });
    // Every request was within PagerDuty's limits (the fake answers 400 otherwise).
    expect(server.requestLog.filter((request) => request.status !== 200)).toEqual([]);
    expect(server.requestLog.filter((request) => request.path === "/incidents")).toHaveLength(
      // 181 days make two incident windows (180 days and 1): three pages of 100, then one page.
      4,
    );
    const incident = sink.written.incidents[0] as { id: string; custom_fields: unknown };
    expect(incident.custom_fields).toEqual([
      { name: "impact_started_at", value: halfYear.custom_field_values[incident.id]?.[0]?.value },
    ]);
    expect(progress.indexOf("incidents")).toBeLessThan(progress.indexOf("log_entries"));
    expect(progress.at(-1)).toBe("oncalls");
    expect(checkpoints.cursors.get("incidents")).toEqual({
      version: 1,
      since: "2026-01-01T00:00:00Z",
      committedUntil: "2026-07-01T00:00:00Z",
      partial: null,
    });
  });

  it("splits a window holding more log entries than the 10,000-offset ceiling, each entry once", async () => {
    const busy = generateFakeAccount({
      seed: 21,
      incidents: 1_500,
      start: new Date("2026-03-01T00:00:00Z"),
      end: new Date("2026-03-21T00:00:00Z"),
    });
    expect(busy.log_entries.length).toBeGreaterThan(12_000);
    const server = await serve(busy);
    const sink = createInMemorySink();
    await syncPagerDuty({
      client: clientFor(server.url),
      checkpoints: createInMemoryCheckpointStore(),
      sink,
      since: new Date("2026-03-01T00:00:00Z"),
      until: new Date("2026-03-21T00:00:00Z"),
      includeCustomFields: false,
    });
    expect(sink.written.log_entries).toHaveLength(busy.log_entries.length);
    expect(new Set(sink.written.log_entries.map(idOf)).size).toBe(busy.log_entries.length);
    const logRequests = server.requestLog.filter((request) => request.path === "/log_entries");
    expect(logRequests.every((request) => request.status === 200)).toBe(true);
    // The first, whole-window probe was answered with a total over 10,000 and then split.
    expect(logRequests[0]?.query).toContain(
      "since=2026-03-01T00:00:00Z&until=2026-03-21T00:00:00Z&offset=0",
    );
    expect(logRequests[1]?.query).toContain(
      "since=2026-03-01T00:00:00Z&until=2026-03-11T00:00:00Z&offset=0",
    );
  });

  it("also splits when the server never reports a total (found at the ceiling)", async () => {
    const server = await serve(halfYear, { maxOffset: 300, ignoreTotalParameter: true });
    const sink = createInMemorySink();
    await syncPagerDuty({
      client: clientFor(server.url),
      checkpoints: createInMemoryCheckpointStore(),
      sink,
      since: start,
      until: end,
      includeCustomFields: false,
      paging: { limit: 100, maxOffset: 300 },
    });
    expect(sink.written.log_entries).toHaveLength(halfYear.log_entries.length);
    expectSinkHoldsAccount(sink, halfYear);
    expect(server.requestLog.every((request) => request.status === 200)).toBe(true);
  });

  it("rides out 429s with and without headers and 5xx answers", async () => {
    const server = await serve(halfYear, {
      faults: {
        rateLimitEvery: 7,
        rateLimitWithoutHeadersEvery: 11,
        serverErrorEvery: 5,
        rateLimitResetSeconds: 4,
      },
    });
    const clock = createVirtualClock();
    const sink = createInMemorySink();
    await syncPagerDuty({
      client: clientFor(server.url, { clock: clock.now, sleep: clock.sleep, random: () => 0 }),
      checkpoints: createInMemoryCheckpointStore(),
      sink,
      since: start,
      until: end,
      includeCustomFields: false,
    });
    expectSinkHoldsAccount(sink, halfYear);
    const statuses = new Set(server.requestLog.map((request) => request.status));
    expect([...statuses].sort()).toEqual([200, 429, 500, 502, 503]);
    expect(clock.sleeps).toContain(4_000); // ratelimit-reset
    expect(clock.sleeps).toContain(1_000); // no headers: backoff from 1 s
    expect(clock.sleeps).toContain(500); // 5xx: half of 1 s, no jitter
  });

  it("never sends more than maxRequestsPerMinute in any 60 s", async () => {
    const server = await serve(halfYear);
    const clock = createVirtualClock();
    const sentAt: number[] = [];
    await syncPagerDuty({
      client: clientFor(server.url, {
        clock: clock.now,
        sleep: clock.sleep,
        maxRequestsPerMinute: 10,
        onRequest: () => sentAt.push(clock.now()),
      }),
      checkpoints: createInMemoryCheckpointStore(),
      sink: createInMemorySink(),
      since: start,
      until: end,
      includeCustomFields: false,
    });
    expect(sentAt.length).toBeGreaterThan(30);
    for (const [index, at] of sentAt.entries()) {
      expect(sentAt.slice(index).filter((later) => later < at + 60_000).length).toBeLessThanOrEqual(
        10,
      );
    }
  });

  it("fails on a bad token with PagerDutyAuthError, token-free, saving no checkpoint", async () => {
    const server = await serve(halfYear);
    const checkpoints = createInMemoryCheckpointStore();
    const wrongToken = "revoked-token-1234";
    const error = await syncPagerDuty({
      client: clientFor(server.url, { token: wrongToken }),
      checkpoints,
      sink: createInMemorySink(),
      since: start,
      until: end,
      includeCustomFields: false,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PagerDutyAuthError);
    expect(String(error)).not.toContain(wrongToken);
    expect(checkpoints.saves).toBe(0);
  });

  it("fails with PagerDutyUnreachableError naming the base URL when nothing listens", async () => {
    const server = await serve(halfYear);
    const { url } = server;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const failure = syncPagerDuty({
      client: clientFor(url),
      checkpoints: createInMemoryCheckpointStore(),
      sink: createInMemorySink(),
      since: start,
      until: end,
      includeCustomFields: false,
    });
    await expect(failure).rejects.toBeInstanceOf(PagerDutyUnreachableError);
    await expect(failure).rejects.toThrow(`Could not reach PagerDuty at ${url}`);
  });

  it("resumes after being stopped at any point without losing an object", async () => {
    const until = new Date("2026-04-15T00:00:00Z");
    const account = generateFakeAccount({ seed: 5, incidents: 60, start, end: until });
    const server = await serve(account);
    const run = (sink: SyncSink, checkpoints: CheckpointStore, signal?: AbortSignal) =>
      syncPagerDuty({
        client: clientFor(server.url),
        checkpoints,
        sink,
        since: start,
        until,
        includeCustomFields: true,
        signal,
        // Small pages, so there are many points to stop at.
        paging: { limit: 25, maxOffset: 10_000 },
      });
    const uninterrupted = createInMemorySink();
    await run(uninterrupted, createInMemoryCheckpointStore());
    const writes = uninterrupted.writes;
    expect(writes).toBeGreaterThan(20);

    // In the catalogue, at the first incidents, within log entries, and at the very end.
    for (const stopAfterWrites of [1, 5, 6, Math.floor(writes / 2), writes - 3, writes - 1]) {
      const sink = createInMemorySink();
      const checkpoints = createInMemoryCheckpointStore();
      const controller = new AbortController();
      const stoppingSink: SyncSink = {
        async writeObjects(resource, objects) {
          await sink.writeObjects(resource, objects);
          if (sink.writes === stopAfterWrites) controller.abort();
        },
      };
      await expect(
        run(stoppingSink, checkpoints, controller.signal),
        `stopped after ${stopAfterWrites}`,
      ).rejects.toThrow(/abort/i);
      await run(stoppingSink, checkpoints);
      expectSinkHoldsAccount(sink, account);
    }
  });

  it("resumes after a crash while the sink commits or between its commit and the checkpoint", async () => {
    const until = new Date("2026-03-01T00:00:00Z");
    const account = generateFakeAccount({ seed: 6, incidents: 80, start, end: until });
    const server = await serve(account);
    const crashes = [
      { at: "write", count: 6 },
      { at: "write", count: 9 },
      { at: "save", count: 6 },
      { at: "save", count: 12 },
    ] as const;
    for (const crash of crashes) {
      const sink = createInMemorySink();
      const store = createInMemoryCheckpointStore();
      let writes = 0;
      const crashingSink: SyncSink = {
        async writeObjects(resource, objects) {
          writes += 1;
          if (crash.at === "write" && writes === crash.count) throw new Error("killed");
          await sink.writeObjects(resource, objects);
        },
      };
      const crashingStore: CheckpointStore = {
        load: (resource) => store.load(resource),
        async save(resource, cursor) {
          if (crash.at === "save" && store.saves + 1 === crash.count) throw new Error("killed");
          await store.save(resource, cursor);
        },
      };
      const options = { since: start, until, includeCustomFields: false };
      await expect(
        syncPagerDuty({
          ...options,
          client: clientFor(server.url),
          sink: crashingSink,
          checkpoints: crashingStore,
        }),
      ).rejects.toThrow("killed");
      await syncPagerDuty({ ...options, client: clientFor(server.url), sink, checkpoints: store });
      expectSinkHoldsAccount(sink, account);
    }
  });

  it("fetches an old incident again in the next run when it is resolved, and re-reads recent shifts", async () => {
    const firstEnd = new Date("2026-04-01T00:00:00Z");
    const account = generateFakeAccount({ seed: 9, incidents: 150, start, end: firstEnd });
    // Leave one January incident open: drop its resolution.
    const old = account.incidents[10];
    if (!old) throw new Error("fixture has too few incidents");
    account.log_entries = account.log_entries.filter(
      (entry) => !(entry.incident.id === old.id && entry.type === "resolve_log_entry"),
    );
    Object.assign(old, { status: "acknowledged", resolved_at: null });
    account.revision += 1;
    const server = await serve(account);
    const sink = createInMemorySink();
    const checkpoints = createInMemoryCheckpointStore();
    const options = { sink, checkpoints, since: start, includeCustomFields: false };
    await syncPagerDuty({ ...options, client: clientFor(server.url), until: firstEnd });
    expect(latest(sink, "incidents").get(old.id)).toMatchObject({ status: "acknowledged" });

    resolveFakeIncident(account, old.id, new Date("2026-04-02T08:00:00Z"));
    const before = server.requests;
    const summary = await syncPagerDuty({
      ...options,
      client: clientFor(server.url),
      until: new Date("2026-04-03T00:00:00Z"),
    });

    const secondRun = server.requestLog.slice(before);
    expect(secondRun.filter((request) => request.path === `/incidents/${old.id}`)).toHaveLength(1);
    expect(latest(sink, "incidents").get(old.id)).toMatchObject({
      status: "resolved",
      resolved_at: "2026-04-02T08:00:00Z",
    });
    expect(summary.refetchedIncidents).toBeGreaterThanOrEqual(1);
    expect(summary.objects.log_entries).toBeGreaterThanOrEqual(1);
    // Incidents and log entries from the last checkpoint (less a few minutes), shifts from 35 days before it.
    expect(secondRun.find((request) => request.path === "/incidents")?.query).toContain(
      "since=2026-03-31T23:50:00Z",
    );
    expect(secondRun.find((request) => request.path === "/oncalls")?.query).toContain(
      "since=2026-02-25T00:00:00Z",
    );
    expect(summary.requests).toBeLessThan(30);
  });

  it("lists on while the sink commits, and commits the pages listed meanwhile together", async () => {
    const server = await serve(halfYear);
    const sink = createInMemorySink();
    const checkpoints = createInMemoryCheckpointStore();
    const logWrites: number[] = [];
    let requestsDuringFirstWrite = 0;
    const slowSink: SyncSink = {
      async writeObjects(resource, objects) {
        if (resource === "log_entries" && logWrites.length === 0) {
          // A slow first commit: the sync must keep listing (ten pages ahead) meanwhile.
          const before = server.requests;
          for (let waits = 0; waits < 200 && server.requests < before + 10; waits += 1) {
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          requestsDuringFirstWrite = server.requests - before;
        }
        if (resource === "log_entries") logWrites.push(objects.length);
        await sink.writeObjects(resource, objects);
      },
    };
    await syncPagerDuty({
      client: clientFor(server.url),
      checkpoints,
      sink: slowSink,
      since: start,
      until: end,
      includeCustomFields: false,
      pagesPerWrite: 5,
    });
    expect(requestsDuringFirstWrite).toBeGreaterThanOrEqual(10);
    // The first commit is one page; five of the pages listed during it go in the next one (some
    // pages end a 30-day window, so are not full).
    expect(logWrites[0]).toBe(100);
    expect(logWrites[1]).toBeGreaterThan(400);
    expect(Math.max(...logWrites)).toBeLessThanOrEqual(500);
    expect(sink.written.log_entries).toHaveLength(halfYear.log_entries.length);
    expectSinkHoldsAccount(sink, halfYear);
    expect(checkpoints.cursors.get("log_entries")).toMatchObject({ partial: null });
  });

  it("starts over from an earlier since than the checkpoint covers", async () => {
    const server = await serve(halfYear);
    const checkpoints = createInMemoryCheckpointStore();
    const options = { checkpoints, until: end, includeCustomFields: false };
    await syncPagerDuty({
      ...options,
      client: clientFor(server.url),
      sink: createInMemorySink(),
      since: new Date(start.getTime() + 60 * DAY),
    });
    const sink = createInMemorySink();
    await syncPagerDuty({ ...options, client: clientFor(server.url), sink, since: start });
    expect(latest(sink, "incidents").size).toBe(halfYear.incidents.length);
  });
});

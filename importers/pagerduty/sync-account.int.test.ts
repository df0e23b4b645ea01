import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { Prisma } from "@/prisma/generated/client/client";
import {
  type FakePagerDutyServer,
  generateFakeAccount,
  resolveFakeIncident,
  startFakePagerDutyServer,
} from "./rest/fake-pagerduty-server";
import { createPagerDutyClient } from "./rest/pagerduty-client";
import { PagerDutyAuthError } from "./rest/pagerduty-errors";
import { syncAccount } from "./sync-account";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOKEN = "test-token-not-secret";
const START = new Date("2026-01-01T00:00:00Z");
const END = new Date("2026-07-01T00:00:00Z");
const account = generateFakeAccount({ seed: 7, incidents: 3_000, start: START, end: END });
const notifyEntries = account.log_entries.filter((entry) => entry.type === "notify_log_entry");

/**
 * A client not slowed to PagerDuty's 960/min whose backoffs last a few milliseconds (a timer, not
 * a no-op: the fake server shares this process and must get the event loop).
 */
const fastClient = (url: string, token = TOKEN) =>
  createPagerDutyClient({
    token,
    baseUrl: url,
    maxRequestsPerMinute: 1_000_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
  });

/** `fairshift sync pagerduty` in its own process, killed outright once the server has seen `killAt` requests. */
function syncInChildUntilKilled(
  server: FakePagerDutyServer,
  databaseUrl: string,
  killAt: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        path.join(ROOT, "bin/fairshift.js"),
        "sync",
        "pagerduty",
        "--api-url",
        server.url,
        "--since",
        "2026-01-01",
        "--until",
        "2026-07-01",
        "--no-custom-fields",
      ],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl, PAGERDUTY_TOKEN: TOKEN },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const watch = setInterval(() => {
      if (server.requests >= killAt) child.kill("SIGKILL");
    }, 5);
    child.on("exit", (code, signal) => {
      clearInterval(watch);
      if (signal === "SIGKILL") resolve();
      else reject(new Error(`the sync ended by itself (code ${code}) before the kill: ${stderr}`));
    });
  });
}

describe("fairshift sync pagerduty against the fake PagerDuty", () => {
  const database = useTestDatabase();
  let server: FakePagerDutyServer;

  beforeAll(async () => {
    server = await startFakePagerDutyServer({ account, token: TOKEN });
  });
  afterAll(() => server.close());

  it("stops with an actionable message on a wrong token and keeps nothing half-done", async () => {
    await expect(
      syncAccount(database.db, {
        client: fastClient(server.url, "wrong-token"),
        apiUrl: server.url,
        since: START,
        until: END,
        includeCustomFields: false,
      }),
    ).rejects.toBeInstanceOf(PagerDutyAuthError);
    const run = await database.db.importRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run.status).toBe("failed");
    expect(run.errorMessage).toContain("PAGERDUTY_TOKEN");
    expect(run.errorMessage).not.toContain("wrong-token");
  });

  it("after a kill mid-run and forced 429s and 5xx, a resumed sync ends with exactly the server's data", {
    timeout: 240_000,
  }, async () => {
    const { db } = database;
    await syncInChildUntilKilled(server, database.url, 45);
    const partial = await db.incidentLogEntry.count();
    expect(partial).toBeLessThan(account.log_entries.length);

    server.setFaults({
      rateLimitEvery: 9,
      rateLimitWithoutHeadersEvery: 13,
      serverErrorEvery: 11,
      rateLimitResetSeconds: 0,
    });
    const result = await syncAccount(db, {
      client: fastClient(server.url),
      apiUrl: server.url,
      since: START,
      until: END,
      includeCustomFields: false,
    });
    server.setFaults({});
    expect(result.rejected).toBe(0);

    const interrupted = await db.importRun.findMany({
      where: { source: "rest_sync", status: "failed" },
      select: { errorMessage: true },
    });
    expect(interrupted.map((run) => run.errorMessage)).toContain(
      "Interrupted: the process stopped; the next sync resumed from its checkpoint.",
    );

    const counts = await db.$queryRaw<Record<string, number>[]>(Prisma.sql`
        SELECT (SELECT count(*)::int FROM incidents) AS incidents,
               (SELECT count(*)::int FROM incidents WHERE is_placeholder) AS placeholders,
               (SELECT count(*)::int FROM incident_log_entries) AS "logEntries",
               (SELECT count(*)::int FROM pages) AS pages,
               (SELECT count(*)::int FROM people WHERE pagerduty_id IS NOT NULL) AS people,
               (SELECT count(*)::int FROM services) AS services`);
    expect(counts[0]).toEqual({
      incidents: account.incidents.length,
      placeholders: 0,
      logEntries: account.log_entries.length,
      // Every notify entry names its person (by user or by name): one page each.
      pages: notifyEntries.length,
      people: account.users.length,
      services: account.services.length,
    });

    const resolved = account.incidents.filter((incident) => incident.status === "resolved");
    expect(await db.incident.count({ where: { status: "resolved" } })).toBe(resolved.length);
    expect(await db.importRun.count({ where: { derivedAt: null, source: "rest_sync" } })).toBe(0);
  });

  it("an incremental run fetches what changed: an old incident resolved later", async () => {
    const { db } = database;
    const open = account.incidents.find((incident) => incident.status !== "resolved");
    if (!open) throw new Error("the fake account has no open incident");
    // Resolved after the last sync's window ended, as happens between two runs.
    resolveFakeIncident(account, String(open.id), new Date("2026-07-01T06:00:00Z"));
    const result = await syncAccount(db, {
      client: fastClient(server.url),
      apiUrl: server.url,
      since: START,
      until: new Date("2026-07-02T00:00:00Z"),
      includeCustomFields: false,
    });
    expect(result.byKind.log_entry?.inserted).toBe(1);
    expect(result.byKind.incident?.updated).toBe(1);
    const stored = await db.incident.findUniqueOrThrow({ where: { pagerdutyId: String(open.id) } });
    expect(stored.status).toBe("resolved");
    expect(stored.resolvedAt).toEqual(new Date("2026-07-01T06:00:00Z"));
  });
});

describe("custom fields: the impact start", () => {
  const database = useTestDatabase();
  const small = generateFakeAccount({ seed: 3, incidents: 60, start: START, end: END });

  it("stores impact_started_at from each incident's custom field values", async () => {
    const server = await startFakePagerDutyServer({ account: small, token: TOKEN });
    try {
      await syncAccount(database.db, {
        client: fastClient(server.url),
        apiUrl: server.url,
        since: START,
        until: END,
        includeCustomFields: true,
      });
    } finally {
      await server.close();
    }
    const expected = Object.entries(small.custom_field_values).flatMap(([id, values]) => {
      const impact = values.find((value) => value.name === "impact_started_at" && value.value);
      return impact ? [[id, new Date(String(impact.value))]] : [];
    });
    expect(expected.length).toBeGreaterThan(5);
    const stored = await database.db.incident.findMany({
      where: { startedAtSource: "custom_field" },
      select: { pagerdutyId: true, startedAt: true },
      orderBy: { pagerdutyId: "asc" },
    });
    expect(stored.map((incident) => [incident.pagerdutyId, incident.startedAt])).toEqual(
      expected.sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  });
});

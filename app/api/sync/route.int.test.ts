import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FakePagerDutyServer,
  generateFakeAccount,
  startFakePagerDutyServer,
} from "@/importers/pagerduty/rest/fake-pagerduty-server";
import type { SyncStatus } from "@/lib/server/queries/get-sync-status";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET, POST } from "./route";

type StatusResponse = SyncStatus & { isWorkingHere: boolean };

const TOKEN = "route-test-token-not-secret";
const DAY = 86_400_000;

let admin: TestAccount;
const startSync = (account: TestAccount = admin) =>
  POST(requestAs(account, "/api/sync", { method: "POST" }), undefined);
const status = async (): Promise<StatusResponse> => {
  const response = await GET(requestAs(admin, "/api/sync"), undefined);
  expect(response.status).toBe(200);
  return response.json();
};

describe("GET and POST /api/sync", () => {
  const database = useRouteTestDatabase();
  const environment = { token: process.env.PAGERDUTY_TOKEN, url: process.env.PAGERDUTY_API_URL };
  const end = new Date(Date.now() - DAY);
  const account = generateFakeAccount({
    seed: 3,
    incidents: 12,
    people: 4,
    start: new Date(end.getTime() - 20 * DAY),
    end,
  });
  let server: FakePagerDutyServer;

  beforeAll(async () => {
    delete process.env.PAGERDUTY_TOKEN;
    // Slow enough that a second "Sync now" arrives while the first is still running.
    server = await startFakePagerDutyServer({ account, token: TOKEN, faults: { latencyMs: 40 } });
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
  });
  afterAll(async () => {
    await server.close();
    for (const [name, value] of [
      ["PAGERDUTY_TOKEN", environment.token],
      ["PAGERDUTY_API_URL", environment.url],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("refuses anyone but an admin, before looking at the token", async () => {
    const manager = await signedInAccount(database.db, { roles: [{ role: "leadership" }] });
    const refused = await startSync(manager);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe(
      "Only an admin can change data and settings.",
    );
    expect((await GET(requestAs(manager, "/api/sync"), undefined)).status).toBe(403);
    expect((await GET(requestAs(null, "/api/sync"), undefined)).status).toBe(401);
  });

  it("reports no token and refuses to sync without one (422), never showing a token", async () => {
    const before = await status();
    expect(before).toMatchObject({
      isTokenConfigured: false,
      command: "npx fairshift sync pagerduty",
      running: null,
      runs: [],
      isWorkingHere: false,
    });
    const response = await startSync();
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/^Set PAGERDUTY_TOKEN/);
  });

  it("refuses with 409 while another process's sync shows signs of life", async () => {
    process.env.PAGERDUTY_TOKEN = TOKEN;
    process.env.PAGERDUTY_API_URL = server.url;
    const other = await database.db.importRun.create({
      data: { source: "rest_sync", status: "running", startedAt: new Date(Date.now() - 60_000) },
    });
    const response = await startSync();
    expect(response.status).toBe(409);
    expect((await response.json()).error).toEqual({
      code: "conflict",
      message: expect.stringMatching(new RegExp(`^Sync run ${other.id} is still running`)),
    });
    const shown = await status();
    expect(shown.isTokenConfigured).toBe(true);
    expect(JSON.stringify(shown)).not.toContain(TOKEN);
    // Left by a process that stopped an hour ago: no longer blocks a sync.
    await database.db.importRun.update({
      where: { id: other.id },
      data: { startedAt: new Date(Date.now() - 3_600_000) },
    });
    expect((await status()).running).toMatchObject({ runId: other.id, isStale: true });
  });

  it("syncs the account in the background, refusing a second start meanwhile", {
    timeout: 120_000,
  }, async () => {
    const response = await startSync();
    expect(response.status).toBe(202);
    const { runId } = await response.json();
    expect(runId).toEqual(expect.any(Number));

    const second = await startSync();
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toBe("A sync is already running on this server.");

    let current = await status();
    expect(current.running?.runId ?? runId).toBe(runId);
    while (current.running || current.isWorkingHere) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = await status();
    }
    const [run, stale] = current.runs;
    expect(run).toMatchObject({ id: runId, status: "succeeded", apiUrl: server.url, rejected: 0 });
    expect(run?.derivedAt).not.toBeNull();
    expect(stale?.status).toBe("failed");
    expect(stale?.errorMessage).toMatch(/^Interrupted/);
    expect(current.freshness.incidents).toBe(12);
    expect(await database.db.incident.count({ where: { isPlaceholder: false } })).toBe(12);
    expect(current.checkpoints.map((row) => row.resource)).toEqual([
      "escalation_policies",
      "incidents",
      "log_entries",
      "oncalls",
      "schedules",
      "services",
      "teams",
      "users",
    ]);
    expect(server.requestLog.every((entry) => entry.status === 200)).toBe(true);
  });
});

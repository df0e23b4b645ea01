import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FIXTURES_DIRECTORY } from "@/importers/pagerduty/map/testing/read-fixture";
import { webhookRequest } from "@/importers/pagerduty/webhooks/testing/webhook-request";
import {
  type EmbeddedDatabase,
  startEmbeddedPostgres,
} from "@/lib/server/database/embedded-postgres";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { findFreePort } from "@/lib/server/runtime/ports";
import { POST } from "./route";

// `after()` needs Next's request scope: the test runs the scheduled applies itself.
const scheduled = vi.hoisted(() => [] as (() => unknown)[]);
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => {
    scheduled.push(task);
  },
}));

const SECRET = "restart-test-secret-0123456789";
const fixture = (name: string) =>
  readFileSync(path.join(FIXTURES_DIRECTORY, "webhooks-v3/signed", name));
const post = (name: string) =>
  POST(webhookRequest(fixture(name), { secrets: [SECRET], webhookId: name }));

async function runScheduled(): Promise<void> {
  for (const task of scheduled.splice(0, scheduled.length)) await task();
}

// A PostgreSQL of its own, stopped and started again under the same server process: the route's
// client (its pg pool) must answer 503 quickly while it is down and work again after, unrestarted.
describe("POST /api/webhooks/pagerduty across a PostgreSQL restart", () => {
  let dataDirectory: string;
  let port: number;
  let postgres: EmbeddedDatabase;
  const previous = {
    databaseUrl: process.env.DATABASE_URL,
    secrets: process.env.PAGERDUTY_WEBHOOK_SECRETS,
  };
  const start = async () => {
    postgres = await startEmbeddedPostgres({ dataDirectory, port, databaseName: "fairshift" });
  };

  beforeAll(async () => {
    dataDirectory = await mkdtemp(path.join(os.tmpdir(), "fairshift-restart-"));
    port = await findFreePort();
    await start();
    await runMigrations(postgres.url);
    process.env.DATABASE_URL = postgres.url;
    process.env.PAGERDUTY_WEBHOOK_SECRETS = SECRET;
  });

  afterAll(async () => {
    const { getDb } = await import("@/lib/server/db");
    await getDb().$disconnect();
    await postgres.stop();
    await rm(dataDirectory, { recursive: true, force: true });
    for (const [name, value] of [
      ["DATABASE_URL", previous.databaseUrl],
      ["PAGERDUTY_WEBHOOK_SECRETS", previous.secrets],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("answers 503 while the database is down, and stores and applies the retry after", async () => {
    expect((await post("incident.triggered.json")).status).toBe(202);
    await runScheduled();

    await postgres.stop();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const started = performance.now();
    const refused = await post("incident.resolved.json");
    const refusedInMs = performance.now() - started;
    error.mockRestore();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    // Answers are never gzipped: compressing a few dozen bytes cost more CPU than the answer.
    expect(refused.headers.get("cache-control")).toBe("no-store, no-transform");
    // Refused at once (the connection is refused), not after a hang PagerDuty would time out.
    expect(refusedInMs).toBeLessThan(2_000);
    expect(scheduled).toHaveLength(0);

    await start();
    // PagerDuty retries: the same client, its broken connections dropped, stores it.
    expect((await post("incident.resolved.json")).status).toBe(202);
    await runScheduled();

    const { getDb } = await import("@/lib/server/db");
    const db = getDb();
    const deliveries = await db.webhookDelivery.findMany({ orderBy: { id: "asc" } });
    expect(deliveries.map((delivery) => [delivery.webhookId, delivery.verdict])).toEqual([
      ["incident.triggered.json", "applied"],
      ["incident.resolved.json", "applied"],
    ]);
    expect(await db.appliedWebhookEvent.count()).toBe(2);
    expect(
      await db.incident.findUnique({
        where: { pagerdutyId: "Q2CKYRLH85UNN4" },
        select: { status: true, resolvedAt: true },
      }),
    ).toEqual({ status: "resolved", resolvedAt: new Date("2025-04-07T03:49:36.358Z") });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { getSyncStatus, STALE_SYNC_AFTER_MS, SYNC_COMMAND } from "./get-sync-status";

describe("getSyncStatus", () => {
  const database = useTestDatabase();
  const options = { isTokenConfigured: false, apiUrl: "https://api.pagerduty.com" };

  it("says nothing has synced on an empty database", async () => {
    expect(await getSyncStatus(database.db, options)).toEqual({
      isTokenConfigured: false,
      apiUrl: "https://api.pagerduty.com",
      command: SYNC_COMMAND,
      running: null,
      runs: [],
      checkpoints: [],
      freshness: {
        incidents: 0,
        newestIncidentCreatedAt: null,
        newestIncidentUpdatedAt: null,
        lastSyncSucceededAt: null,
      },
    });
  });

  describe("with runs, checkpoints and incidents", () => {
    const startedAt = new Date("2026-09-30T10:00:00Z");

    beforeAll(async () => {
      const db = database.db;
      await db.importRun.create({
        data: {
          source: "rest_sync",
          format: "pagerduty-api",
          fileName: "https://api.eu.pagerduty.com",
          status: "succeeded",
          startedAt: new Date("2026-09-29T10:00:00Z"),
          finishedAt: new Date("2026-09-29T10:05:00Z"),
          durationMs: 300_000,
          inserted: 40,
          updated: 2,
          unchanged: 1,
          countsByKind: { incident: { inserted: 10, updated: 2, unchanged: 1 } },
          options: { since: "2024-09-29T10:00:00.000Z", until: "2026-09-29T10:00:00.000Z" },
        },
      });
      // A file import is not a sync and is left out.
      await db.importRun.create({ data: { source: "file", status: "succeeded" } });
      await db.importRun.create({
        data: { source: "rest_sync", status: "running", startedAt, rowsRead: 300 },
      });
      await db.syncCheckpoint.create({
        data: {
          resource: "incidents",
          cursor: {
            version: 1,
            since: "2024-09-29T10:00:00Z",
            committedUntil: "2026-03-14T00:00:00Z",
            partial: { since: "2026-03-14T00:00:00Z", until: "2026-04-13T00:00:00Z", offset: 300 },
          },
        },
      });
      await db.syncCheckpoint.create({
        data: { resource: "users", cursor: { version: 1, completedAt: "2026-09-30T10:00:01Z" } },
      });
      await db.syncCheckpoint.create({ data: { resource: "oncalls", cursor: { version: 9 } } });
      await db.incident.createMany({
        data: [
          {
            pagerdutyId: "P1",
            title: "a",
            status: "resolved",
            createdAt: new Date("2026-09-28T08:00:00Z"),
          },
          {
            pagerdutyId: "P2",
            title: "b",
            status: "triggered",
            createdAt: new Date("2026-09-29T08:00:00Z"),
          },
          // Known only from a log entry: not data one can call fresh.
          {
            pagerdutyId: "P3",
            title: "c",
            status: "triggered",
            createdAt: new Date("2026-09-30T08:00:00Z"),
            isPlaceholder: true,
          },
        ],
      });
    });

    it("lists the sync runs newest first with their counts, and the checkpoints by resource", async () => {
      const now = new Date(startedAt.getTime() + 60_000);
      const status = await getSyncStatus(database.db, { ...options, isTokenConfigured: true, now });
      expect(status.isTokenConfigured).toBe(true);
      expect(status.runs.map((run) => [run.status, run.apiUrl])).toEqual([
        ["running", null],
        ["succeeded", "https://api.eu.pagerduty.com"],
      ]);
      expect(status.runs[1]).toMatchObject({
        startedAt: "2026-09-29T10:00:00.000Z",
        finishedAt: "2026-09-29T10:05:00.000Z",
        inserted: 40,
        countsByKind: { incident: { inserted: 10, updated: 2, unchanged: 1 } },
        derivedAt: null,
      });
      expect(status.checkpoints.map((row) => [row.resource, row.cursor])).toEqual([
        [
          "incidents",
          {
            kind: "window",
            since: "2024-09-29T10:00:00.000Z",
            committedUntil: "2026-03-14T00:00:00.000Z",
            partial: {
              since: "2026-03-14T00:00:00.000Z",
              until: "2026-04-13T00:00:00.000Z",
              offset: 300,
            },
          },
        ],
        ["oncalls", { kind: "unknown" }],
        ["users", { kind: "complete", completedAt: "2026-09-30T10:00:01.000Z" }],
      ]);
      expect(status.freshness).toEqual({
        incidents: 2,
        newestIncidentCreatedAt: "2026-09-29T08:00:00.000Z",
        newestIncidentUpdatedAt: expect.any(String),
        lastSyncSucceededAt: "2026-09-29T10:05:00.000Z",
      });
    });

    it("calls a running sync stale after a quarter of an hour without a checkpoint moving", async () => {
      // The checkpoints were written just now (updated_at = now()), after the run started.
      const lastActivity = Math.max(
        startedAt.getTime(),
        ...(await database.db.syncCheckpoint.findMany()).map((row) => row.updatedAt.getTime()),
      );
      const at = (ms: number) =>
        getSyncStatus(database.db, { ...options, now: new Date(lastActivity + ms) });
      expect((await at(STALE_SYNC_AFTER_MS - 1000)).running).toMatchObject({
        rowsRead: 300,
        startedAt: startedAt.toISOString(),
        lastActivityAt: new Date(lastActivity).toISOString(),
        isStale: false,
      });
      expect((await at(STALE_SYNC_AFTER_MS + 1000)).running?.isStale).toBe(true);
    });
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { importFiles } from "../import-files";
import { FIXTURES_DIRECTORY } from "../map/testing/read-fixture";

const ZULIP = path.join(FIXTURES_DIRECTORY, "webhooks-v3/zulip");
const zulipFiles = () =>
  readdirSync(ZULIP)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(ZULIP, name));
const compact = (name: string) =>
  JSON.stringify(JSON.parse(readFileSync(path.join(FIXTURES_DIRECTORY, name), "utf8")));

// `fairshift import --format webhook-events`: stored bodies through the webhook applier.
describe("replaying stored webhook bodies", () => {
  const database = useTestDatabase();
  let ndjson: string;

  beforeAll(async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), "fairshift-replay-"));
    ndjson = path.join(directory, "deliveries.ndjson");
    await writeFile(
      ndjson,
      [
        compact("webhooks-v3/signed/incident.resolved.json"),
        "{not json",
        compact("webhooks-v3/signed/incident.triggered.json"),
        "",
        compact("webhooks-v3/signed/incident.acknowledged.json"),
        '{"event":{"id":"01NOINCIDENT","event_type":"incident.annotated","occurred_at":"2025-04-07T03:50:00Z","data":{"type":"incident_note"}}}',
      ].join("\n"),
    );
  });

  it("applies each file's events through the same code as a delivery, logged as replayed", async () => {
    const summary = await importFiles(database.db, zulipFiles(), {
      format: "webhook-events",
      timeZone: null,
      isDryRun: false,
    });
    expect(summary.files.map((file) => file.status)).toEqual(summary.files.map(() => "succeeded"));
    const applied = summary.files.reduce((total, file) => total + file.totals.inserted, 0);
    const skipped = summary.files.reduce((total, file) => total + file.totals.unchanged, 0);
    // 21 captures: 14 incident events apply; unsupported, 2 service, conference bridge and 3
    // workflow events are ignored.
    expect([applied, skipped]).toEqual([14, 7]);
    expect(
      await database.db.incident.findUnique({ where: { pagerdutyId: "Q3B15VLMF3ASBD" } }),
    ).toMatchObject({ priority: "P2", status: "triggered", number: 5 });
    const runs = await database.db.importRun.findMany({ select: { source: true, format: true } });
    expect(new Set(runs.map((run) => `${run.source} ${run.format}`))).toEqual(
      new Set(["webhook_replay webhook-events"]),
    );
    const deliveries = await database.db.webhookDelivery.findMany({
      select: { replayedFrom: true },
    });
    expect(deliveries).toHaveLength(21);
    expect(deliveries.every((delivery) => delivery.replayedFrom?.endsWith(".json"))).toBe(true);
  });

  it("changes nothing when the same files are replayed again", async () => {
    const before = await database.db.incident.findMany({ orderBy: { id: "asc" } });
    const summary = await importFiles(database.db, zulipFiles(), {
      format: "webhook-events",
      timeZone: null,
      isDryRun: false,
    });
    expect(summary.files.reduce((total, file) => total + file.totals.inserted, 0)).toBe(0);
    expect(await database.db.incident.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("reads NDJSON out of order, rejecting the bad line and the event without an incident", async () => {
    const [file] = (
      await importFiles(database.db, [ndjson], {
        format: "webhook-events",
        timeZone: null,
        isDryRun: false,
      })
    ).files;
    expect(file).toMatchObject({ status: "succeeded", totals: { inserted: 3 }, rejected: 2 });
    expect(file?.firstRejections.map((rejection) => [rejection.line, rejection.reason])).toEqual([
      [2, expect.stringMatching(/^not a JSON webhook body/)],
      [
        6,
        expect.stringMatching(
          /^line 6: rejected: incident.annotated: event.data names no incident/,
        ),
      ],
    ]);
    expect(await database.db.rejectedRow.count({ where: { importRunId: file?.runId ?? 0 } })).toBe(
      2,
    );
    expect(
      await database.db.incident.findUnique({ where: { pagerdutyId: "Q2CKYRLH85UNN4" } }),
    ).toMatchObject({
      status: "resolved",
      acknowledgedAt: new Date("2025-04-07T03:47:13.546Z"),
      resolvedAt: new Date("2025-04-07T03:49:36.358Z"),
    });
  });

  it("only reads and maps in a dry run", async () => {
    const deliveries = await database.db.webhookDelivery.count();
    const [file] = (
      await importFiles(
        database.db,
        [path.join(FIXTURES_DIRECTORY, "webhooks-v2/zulip/resolve_v2.json")],
        {
          format: "webhook-events",
          timeZone: null,
          isDryRun: true,
        },
      )
    ).files;
    expect(file).toMatchObject({ status: "dry_run", totals: { inserted: 1 }, rejected: 0 });
    expect(await database.db.webhookDelivery.count()).toBe(deliveries);
  });
});

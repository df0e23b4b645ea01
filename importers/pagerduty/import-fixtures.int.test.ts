import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { importFiles } from "./import-files";

const FIXTURES = path.resolve(import.meta.dirname, "../../../shared/fixtures/pagerduty");
const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);
const utc = (text: string) => new Date(text);

/** The real captures the README lists, as one batch in an awkward order: log data before people. */
const BATCH = [
  fixture("rest-api/devlake/_raw_pagerduty_incidents.csv"),
  fixture("rest-api/port-ocean/incidents/a.json"),
  fixture("rest-api/port-ocean/oncalls/a.json"),
  fixture("rest-api/port-ocean/oncalls/b.json"),
  fixture("rest-api/port-ocean/oncalls/c.json"),
  fixture("rest-api/port-ocean/oncalls/d.json"),
  fixture("rest-api/port-ocean/services/a.json"),
  fixture("rest-api/port-ocean/services/e.json"),
  fixture("rest-api/port-ocean/schedules/a.json"),
  fixture("rest-api/port-ocean/escalation_policies/a.json"),
  fixture("rest-api/port-ocean/users/a.json"),
  fixture("rest-api/openapi-examples/GET_incidents.json"),
  fixture("rest-api/openapi-examples/GET_log_entries.json"),
  fixture("rest-api/openapi-examples/GET_oncalls.json"),
  fixture("rest-api/openapi-examples/GET_users.json"),
  fixture("rest-api/openapi-examples/GET_schedules_id.json"),
  fixture("rest-api/openapi-examples/POST_analytics_raw_incidents.json"),
  fixture("ical/purinda-vevent-fragment.ics"),
];

describe("importing every real PagerDuty fixture", () => {
  const database = useTestDatabase();

  it("imports the batch, each file as a run with its counts", async () => {
    const summary = await importFiles(database.db, BATCH, {
      format: "auto",
      timeZone: null,
      isDryRun: false,
    });
    expect(summary.files.map((file) => [path.basename(file.fileName), file.status])).toEqual(
      BATCH.map((file) => [path.basename(file), "succeeded"]),
    );
    const devlake = summary.files[0];
    expect(devlake?.format).toBe("pd-rest-json");
    expect(devlake?.byKind).toEqual({
      incident: { inserted: 3, updated: 0, unchanged: 0 },
      log_entry: { inserted: 44, updated: 0, unchanged: 0 },
    });
    const runs = await database.db.importRun.findMany({ orderBy: { id: "asc" } });
    expect(runs).toHaveLength(BATCH.length);
    expect(new Set(runs.map((run) => run.batchId)).size).toBe(1);
    // rows_read counts records read: 3 incidents and their 44 embedded log entries.
    expect(runs[0]).toMatchObject({ status: "succeeded", inserted: 47, rowsRead: 47 });
  });

  it("stores the DevLake incidents with their clock, pages and detection", async () => {
    const incidents = await database.db.incident.findMany({
      where: { pagerdutyId: { in: ["Q3YON8WNWTZMRQ", "Q3CZAU7Q4008QD", "Q1OHFWFP3GPXOG"] } },
      orderBy: { number: "asc" },
      include: { _count: { select: { logEntries: true, pages: true } } },
    });
    expect(
      incidents.map((incident) => ({
        number: incident.number,
        status: incident.status,
        createdAt: incident.createdAt,
        acknowledgedAt: incident.acknowledgedAt,
        resolvedAt: incident.resolvedAt,
        detection: incident.detectionSource,
        logEntries: incident._count.logEntries,
      })),
    ).toEqual([
      {
        number: 4,
        // PagerDuty says triggered (an acknowledgement timed out); the log's acks do not override it.
        status: "triggered",
        createdAt: utc("2022-11-03T06:23:06Z"),
        acknowledgedAt: utc("2022-11-03T06:23:07Z"),
        resolvedAt: null,
        detection: "staff",
        logEntries: 31,
      },
      {
        number: 5,
        status: "acknowledged",
        createdAt: utc("2022-11-03T06:44:28Z"),
        acknowledgedAt: utc("2022-11-03T06:44:37Z"),
        resolvedAt: null,
        detection: "staff",
        logEntries: 5,
      },
      {
        number: 6,
        status: "resolved",
        createdAt: utc("2022-11-03T06:45:36Z"),
        acknowledgedAt: utc("2022-11-03T06:45:46Z"),
        resolvedAt: utc("2022-11-03T06:51:44Z"),
        detection: "staff",
        logEntries: 8,
      },
    ]);
    // Notify entries carry no user: "Notified Keon Amini by email." names the person.
    const pages = await database.db.page.findMany({
      where: { incident: { number: 4 } },
      include: { person: true },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(pages.map((page) => page.person.name)).toContain("Keon Amini");
    expect(new Set(pages.map((page) => page.channel))).toEqual(new Set(["email"]));
  });

  it("stores people with their zones, services' latest snapshot, schedules and shifts", async () => {
    const { db } = database;
    const people = await db.person.findMany({
      where: { pagerdutyId: { in: ["P4K4DLP", "PXPGF42", "PAM4FGS"] } },
      orderBy: { pagerdutyId: "asc" },
      select: { pagerdutyId: true, name: true, email: true, timeZone: true },
    });
    expect(people).toEqual([
      // The anonymised on-call captures give PJCRRLH this e-mail too, and they came first.
      { pagerdutyId: "P4K4DLP", name: "John Doe", email: null, timeZone: null },
      {
        pagerdutyId: "PAM4FGS",
        name: "Kyler Kuhn",
        email: "126_dvm_kyler_kuhn@beahan.name",
        timeZone: "Asia/Hong_Kong",
      },
      {
        pagerdutyId: "PXPGF42",
        name: "Earline Greenholt",
        email: "125.greenholt.earline@graham.name",
        timeZone: "America/Lima",
      },
    ]);
    const usersRun = await db.importRun.findFirstOrThrow({
      where: { fileName: { endsWith: "users/a.json" } },
      include: { rejectedRows: true },
    });
    expect(usersRun.rejectedRows.map((row) => [row.lineNumber, row.reason])).toEqual([
      [
        1,
        "User P4K4DLP: e-mail jdoe@getport.io already belongs to PJCRRLH. Two people cannot share an e-mail; correct it in PagerDuty and import again.",
      ],
    ]);
    // services/e.json is a later snapshot of services/a.json's service.
    const service = await db.service.findUniqueOrThrow({ where: { pagerdutyId: "P9GEW6E" } });
    expect(service.status).toBe("active");

    // GET_oncalls.json states its times with a -05:00 offset.
    const timShift = await db.onCallShift.findFirstOrThrow({
      where: { person: { pagerdutyId: "PT23IWX" } },
      include: { schedule: true },
    });
    expect(timShift).toMatchObject({
      level: 2,
      startAt: utc("2015-03-06T20:28:51Z"),
      endAt: utc("2015-03-07T20:28:51Z"),
      source: "pagerduty_oncalls",
    });
    expect(timShift.schedule?.name).toBe("Daily Engineering Rotation");

    const icalShift = await db.onCallShift.findFirstOrThrow({
      where: { source: "ical" },
      include: { person: true, schedule: true },
    });
    expect(icalShift).toMatchObject({
      startAt: utc("2023-07-08T22:00:00Z"),
      endAt: utc("2023-07-09T22:00:00Z"),
    });
    expect(icalShift.person).toMatchObject({
      email: "hello.kitty@testdomain.com",
      name: "Hello Kitty",
    });
    expect(icalShift.schedule).toMatchObject({ pagerdutyId: "KXQAOAO" });
  });

  it("reads Analytics timestamps without an offset in the page's time zone", async () => {
    const incident = await database.db.incident.findUniqueOrThrow({
      where: { pagerdutyId: "PYC0H08" },
    });
    expect(incident).toMatchObject({
      createdAt: utc("2023-05-31T10:05:00Z"),
      acknowledgedAt: utc("2023-05-31T10:05:05Z"),
      resolvedAt: utc("2023-05-31T10:15:00Z"),
    });
  });

  it("changes nothing when the same batch is imported again", async () => {
    const before = await database.db.incident.findMany({ orderBy: { id: "asc" } });
    const again = await importFiles(database.db, BATCH, {
      format: "auto",
      timeZone: null,
      isDryRun: false,
    });
    for (const file of again.files) {
      // Two snapshots of one service: the older one briefly wins again, the newer one last.
      const isSnapshotPair = /services\/[ae]\.json$/.test(file.fileName);
      expect(file.totals, file.fileName).toMatchObject({
        inserted: 0,
        updated: isSnapshotPair ? 1 : 0,
      });
    }
    expect(again.derived).toMatchObject({ incidents: 0, pagesWritten: 0 });
    const service = await database.db.service.findUniqueOrThrow({
      where: { pagerdutyId: "P9GEW6E" },
    });
    expect(service.status).toBe("active");
    const after = await database.db.incident.findMany({ orderBy: { id: "asc" } });
    expect(after).toEqual(before);
  });
});

import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { buildReport } from "@/lib/server/report/build-report";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { DEFAULT_METRIC_SETTINGS, type MetricSettings } from "@/lib/shared/metric-settings";
import { reportFiltersSchema } from "@/lib/shared/report-filters";
import { personSummaryTables } from "./person-summary-rollups";
import { pruneRollupChanges } from "./rollup-store";

const at = (iso: string) => new Date(iso);

// The week of Monday 2 March 2026 in Stockholm (UTC+1).
const week = reportFiltersSchema.parse({
  from: "2026-03-02",
  to: "2026-03-09",
  timeZone: "Europe/Stockholm",
});

describe("person summary rollups", () => {
  const database = useTestDatabase();
  let alva = 0;
  let ben = 0;
  let nightIncident = 0;

  beforeEach(async () => {
    const db = database.db;
    await db.$executeRaw`TRUNCATE people, teams, services, incidents, person_summary_rollups, person_summary_changes CASCADE`;
    const team = await db.team.create({ data: { name: "Payments", pagerdutyId: "PTEAM01" } });
    const service = await db.service.create({ data: { name: "Card API", pagerdutyId: "PSVC01" } });
    const person = async (name: string, email: string, timeZone: string) =>
      (
        await db.person.create({
          data: { name, email, timeZone, memberships: { create: { teamId: team.id } } },
        })
      ).id;
    alva = await person("Alva Berg", "alva@example.com", "Europe/Stockholm");
    ben = await person("Ben Ortiz", "ben@example.com", "Europe/Stockholm");
    const incident = async (pagerdutyId: string, created: string, resolved: string) =>
      (
        await db.incident.create({
          data: {
            pagerdutyId,
            title: `Card declines spike ${pagerdutyId}`,
            serviceId: service.id,
            status: "resolved",
            createdAt: at(created),
            resolvedAt: at(resolved),
            detectionSource: "monitoring",
            teams: { create: { teamId: team.id, incidentCreatedAt: at(created) } },
          },
        })
      ).id;
    // Tuesday 02:10 Stockholm: a sleep-band page that wakes Alva. Thursday 10:00: business hours.
    nightIncident = await incident("PN1", "2026-03-03T01:09:00Z", "2026-03-03T01:55:00Z");
    const dayIncident = await incident("PD1", "2026-03-05T08:59:00Z", "2026-03-05T09:30:00Z");
    await db.page.createMany({
      data: [
        {
          personId: alva,
          incidentId: nightIncident,
          at: at("2026-03-03T01:10:00Z"),
          channel: "phone",
        },
        {
          personId: ben,
          incidentId: dayIncident,
          at: at("2026-03-05T09:00:00Z"),
          channel: "phone",
        },
      ],
    });
  });

  /** A page of the night incident, written after the report kept its rows. */
  const lateNightPage = (personId: number, iso: string, channel: "phone" | "sms") =>
    database.db.page.create({
      data: { personId, incidentId: nightIncident, at: at(iso), channel },
    });
  const report = (settings: MetricSettings = DEFAULT_METRIC_SETTINGS) =>
    buildReport(database.db, week, settings);
  const rowOf = async (email: string) =>
    (await report()).people.find((person) => person.email === email);
  const computedAt = async () => {
    const rows = await database.db.$queryRaw<{ person_id: number; computed_at: Date }[]>`
      SELECT person_id, computed_at FROM person_summary_rollups ORDER BY person_id`;
    return new Map(rows.map((row) => [row.person_id, row.computed_at.getTime()]));
  };
  const plainReport = async () => {
    await database.db.$executeRaw`TRUNCATE person_summary_rollups`;
    return report();
  };

  it("keeps each person's row and builds the same report from it", async () => {
    const computed = await report();
    expect(
      computed.people.map((person) => [person.name, person.wakeups, person.interruptions]),
    ).toEqual([
      ["Alva Berg", 1, { business: 0, off: 0, sleep: 1 }],
      ["Ben Ortiz", 0, { business: 1, off: 0, sleep: 0 }],
    ]);
    const kept = await computedAt();
    expect(kept.size).toBe(2);

    const fromRows = await report();
    expect(JSON.stringify(fromRows)).toBe(JSON.stringify(computed));
    expect(await computedAt()).toEqual(kept);
  });

  it("recomputes only the person a late page went to, and only for ranges that read its day", async () => {
    await report();
    const kept = await computedAt();
    // Wednesday 03:30 Stockholm: a second wake-up for Alva, in the week.
    await lateNightPage(alva, "2026-03-04T02:30:00Z", "sms");
    // A page to Ben a month after the week: outside every day his row read.
    await lateNightPage(ben, "2026-04-10T12:00:00Z", "phone");
    const alvaRow = await rowOf("alva@example.com");
    expect(alvaRow).toMatchObject({ wakeups: 2, interruptions: { business: 0, off: 0, sleep: 2 } });
    const now = await computedAt();
    expect(now.get(alva)).toBeGreaterThan(kept.get(alva) as number);
    expect(now.get(ben)).toBe(kept.get(ben));
    expect(JSON.stringify(await report())).toBe(JSON.stringify(await plainReport()));
  });

  it("recomputes when the incident behind a page, a shift or a time-in-lieu line changes", async () => {
    const before = await report();
    // A test incident's pages never interrupt: Alva's night page no longer counts.
    await database.db.incident.update({
      where: { id: nightIncident },
      data: { detectionSource: "test" },
    });
    expect(await rowOf("alva@example.com")).toMatchObject({
      wakeups: 0,
      interruptions: { business: 0, off: 0, sleep: 0 },
    });
    // Ben on call Monday 09:00 to Tuesday 09:00 Stockholm: 24 h.
    await database.db.onCallShift.create({
      data: {
        personId: ben,
        startAt: at("2026-03-02T08:00:00Z"),
        endAt: at("2026-03-03T08:00:00Z"),
        source: "shifts_csv",
        sourceKey: "ben-monday",
      },
    });
    expect((await rowOf("ben@example.com"))?.onCall.hours).toBe(24);
    // A 90-minute adjustment in January is Ben's opening balance for the week.
    await database.db.timeInLieuEntry.create({
      data: {
        personId: ben,
        kind: "adjustment",
        minutes: 90,
        occurredAt: at("2026-01-15T12:00:00Z"),
      },
    });
    expect((await rowOf("ben@example.com"))?.toil).toMatchObject({
      openingHours: 1.5,
      owedHours: 1.5,
    });
    // A claim dated after the week changes no balance the week shows.
    const kept = await computedAt();
    await database.db.timeInLieuEntry.create({
      data: {
        personId: ben,
        kind: "claim",
        minutes: 60,
        occurredAt: at("2026-03-20T08:00:00Z"),
        status: "pending",
      },
    });
    await report();
    expect(await computedAt()).toEqual(kept);
    expect(JSON.stringify(await report())).toBe(JSON.stringify(await plainReport()));
    expect(before.people[0]?.wakeups).toBe(1);
  });

  it("recomputes when an update moves a page or changes a time-in-lieu line", async () => {
    await report();
    // Ben's Thursday page moves to Saturday 15:00 Stockholm: off hours instead of business.
    await database.db.page.updateMany({
      where: { personId: ben },
      data: { at: at("2026-03-07T14:00:00Z") },
    });
    expect((await rowOf("ben@example.com"))?.interruptions).toEqual({
      business: 0,
      off: 1,
      sleep: 0,
    });
    const claim = await database.db.timeInLieuEntry.create({
      data: {
        personId: alva,
        kind: "claim",
        minutes: 30,
        occurredAt: at("2026-03-04T08:00:00Z"),
        status: "pending",
      },
    });
    expect((await rowOf("alva@example.com"))?.toil.pendingClaimHours).toBe(0.5);
    await database.db.timeInLieuEntry.update({
      where: { id: claim.id },
      data: { status: "approved" },
    });
    expect((await rowOf("alva@example.com"))?.toil).toMatchObject({
      pendingClaimHours: 0,
      claimedHours: 0.5,
    });
  });

  it("reads other rows when a setting changes, and rebuilds names and teams as they are now", async () => {
    await report();
    // Sleep band from 03:00: Alva's 02:10 page is now in the off band.
    const lateSleep: MetricSettings = {
      ...DEFAULT_METRIC_SETTINGS,
      hourBands: { ...DEFAULT_METRIC_SETTINGS.hourBands, sleepStartHour: 3 },
    };
    const shifted = await report(lateSleep);
    expect(shifted.people[0]).toMatchObject({ wakeups: 0, interruptions: { off: 1, sleep: 0 } });
    const [rows] = await database.db.$queryRaw<{ rows: number }[]>`
      SELECT count(*)::int AS rows FROM person_summary_rollups`;
    expect(rows?.rows).toBe(4);

    await database.db.person.update({ where: { id: alva }, data: { name: "Alva Lind" } });
    await database.db.team.updateMany({ data: { name: "Payments EU" } });
    expect((await report()).people[0]).toMatchObject({ name: "Alva Lind", teams: ["Payments EU"] });
  });

  it("does not trust a row computed in a snapshot that missed a change committed later", async () => {
    await report();
    // The race: a computation takes its snapshot, a page commits, then the computation stores
    // the row it computed without that page.
    const computing = new pg.Client({ connectionString: database.url });
    await computing.connect();
    try {
      await computing.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await computing.query("SELECT pg_current_snapshot()");
      await lateNightPage(alva, "2026-03-04T02:30:00Z", "sms");
      await computing.query(
        `UPDATE person_summary_rollups SET snapshot = pg_current_snapshot(), computed_at = now() + interval '1 hour'
         WHERE person_id = $1`,
        [alva],
      );
      await computing.query("COMMIT");
    } finally {
      await computing.end();
    }
    expect((await rowOf("alva@example.com"))?.wakeups).toBe(2);
  });

  it("prunes changes with the rows they made stale, and keeps the valid ones", async () => {
    await report();
    await lateNightPage(alva, "2026-03-04T02:30:00Z", "sms");
    expect(await pruneRollupChanges(database.db, personSummaryTables, 0)).toBeGreaterThan(0);
    const left = await database.db.$queryRaw<{ person_id: number }[]>`
      SELECT person_id FROM person_summary_rollups`;
    expect(left.map((row) => row.person_id)).toEqual([ben]);
    expect((await rowOf("alva@example.com"))?.wakeups).toBe(2);
  });

  it("drops rows computed more than 30 days ago at a prune, however valid", async () => {
    await report();
    await database.db.$executeRaw`
      UPDATE person_summary_rollups SET computed_at = now() - interval '29 days' WHERE person_id = ${alva}`;
    await database.db.$executeRaw`
      UPDATE person_summary_rollups SET computed_at = now() - interval '31 days' WHERE person_id = ${ben}`;
    // Any change, to make the prune run: a page to Alva months after the week.
    await lateNightPage(alva, "2026-06-01T12:00:00Z", "sms");
    await pruneRollupChanges(database.db, personSummaryTables, 0);
    const left = await database.db.$queryRaw<{ person_id: number }[]>`
      SELECT person_id FROM person_summary_rollups`;
    expect(left.map((row) => row.person_id)).toEqual([alva]);
  });
});

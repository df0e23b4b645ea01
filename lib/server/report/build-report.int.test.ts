import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import { reportFiltersSchema } from "@/lib/shared/report-filters";
import { deriveTimeInLieuAccruals } from "../time-in-lieu/derive-time-in-lieu-accruals";
import { buildReport } from "./build-report";

const at = (iso: string) => new Date(iso);

// The week of Monday 2 March 2026 in Stockholm (UTC+1); New York moves to summer time on Sunday 8.
const week = reportFiltersSchema.parse({
  from: "2026-03-02",
  to: "2026-03-09",
  timeZone: "Europe/Stockholm",
});

describe("buildReport", () => {
  const database = useTestDatabase();
  let alva = 0;
  let saturdayIncident = 0;

  beforeAll(async () => {
    const db = database.db;
    const payments = await db.team.create({ data: { name: "Payments", pagerdutyId: "PTEAM01" } });
    const data = await db.team.create({ data: { name: "Data", pagerdutyId: "PTEAM02" } });
    const service = await db.service.create({ data: { name: "Card API", pagerdutyId: "PSVC001" } });
    const paging = await db.service.create({
      data: { name: "Paging test", pagerdutyId: "PSVC002" },
    });
    const person = (name: string, email: string, timeZone: string | null, teamId: number) =>
      db.person.create({
        data: { name, email, timeZone, memberships: { create: { teamId } } },
      });
    alva = (await person("Alva Berg", "alva@example.com", "Europe/Stockholm", payments.id)).id;
    const ben = await person("Ben Ortiz", "ben@example.com", "America/New_York", payments.id);
    const cleo = await person("Cleo Hart", "cleo@example.com", null, data.id);

    let number = 0;
    const incident = async (created: string, resolved: string, serviceId = service.id) => {
      number += 1;
      const row = await db.incident.create({
        data: {
          pagerdutyId: `PINC${number}`,
          title: serviceId === paging.id ? "Weekly paging test" : `Card declines spike ${number}`,
          serviceId,
          status: "resolved",
          createdAt: at(created),
          resolvedAt: at(resolved),
          detectionSource: serviceId === paging.id ? "test" : "monitoring",
          teams: { create: { teamId: payments.id, incidentCreatedAt: at(created) } },
        },
      });
      return row.id;
    };
    const night1 = await incident("2026-03-03T01:09:00Z", "2026-03-03T01:55:00Z");
    const night2 = await incident("2026-03-03T01:49:00Z", "2026-03-03T02:20:00Z");
    const thursday = await incident("2026-03-05T08:59:00Z", "2026-03-05T09:30:00Z");
    saturdayIncident = await incident("2026-03-07T12:59:00Z", "2026-03-07T15:05:00Z");
    const test = await incident("2026-03-04T10:00:00Z", "2026-03-04T10:05:00Z", paging.id);
    const cleos = await incident("2026-03-06T21:00:00Z", "2026-03-06T21:30:00Z");
    const page = (personId: number, incidentId: number, iso: string, channel = "phone" as const) =>
      ({ personId, incidentId, at: at(iso), channel }) as const;
    await db.page.createMany({
      data: [
        page(alva, night1, "2026-03-03T01:10:00Z"), // Tue 02:10 local: sleep, wakes Alva
        { ...page(alva, night1, "2026-03-03T01:10:30Z"), channel: "sms" },
        { ...page(alva, night2, "2026-03-03T01:50:00Z"), channel: "push" },
        page(alva, thursday, "2026-03-05T09:00:00Z"), // Thu 10:00 business
        page(alva, saturdayIncident, "2026-03-07T13:00:00Z"), // Sat 14:00 off band
        page(ben.id, test, "2026-03-04T10:00:00Z"), // a paging test: never an interruption
        page(cleo.id, cleos, "2026-03-06T21:00:00Z"), // Fri 21:00 UTC, her account zone
      ],
    });
    await db.onCallShift.createMany({
      data: [
        // Monday 09:00 → Monday 09:00 Stockholm; the report's week cuts it at Monday 00:00.
        {
          personId: alva,
          startAt: at("2026-03-02T08:00:00Z"),
          endAt: at("2026-03-09T08:00:00Z"),
          source: "shifts_csv",
          sourceKey: "alva-w10",
        },
        // Monday 00:00 → Monday 00:00 New York, across the DST start.
        {
          personId: ben.id,
          startAt: at("2026-03-02T05:00:00Z"),
          endAt: at("2026-03-09T04:00:00Z"),
          source: "shifts_csv",
          sourceKey: "ben-w10",
        },
      ],
    });
    await db.timeInLieuEntry.create({
      data: {
        personId: alva,
        kind: "claim",
        minutes: 60,
        occurredAt: at("2026-03-04T08:00:00Z"),
        status: "approved",
      },
    });
    await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS);
  });

  it("lists everyone with a page or a shift, with their zone", async () => {
    const report = await buildReport(database.db, week, DEFAULT_METRIC_SETTINGS);
    expect(report.range).toEqual({
      from: "2026-03-02T00:00:00+01:00",
      to: "2026-03-09T00:00:00+01:00",
      timeZone: "Europe/Stockholm",
    });
    expect(report.people.map((person) => [person.name, person.timeZone, person.teams])).toEqual([
      ["Alva Berg", "Europe/Stockholm", ["Payments"]],
      ["Ben Ortiz", "America/New_York", ["Payments"]],
      ["Cleo Hart", "UTC", ["Data"]],
    ]);
    expect(report.incidents).toMatchObject({ count: 5, excludedTests: 1 });
  });

  it("computes Alva's week by hand", async () => {
    const report = await buildReport(database.db, week, DEFAULT_METRIC_SETTINGS);
    const row = report.people.find((person) => person.email === "alva@example.com");
    expect(row).toMatchObject({
      interruptions: { business: 1, off: 1, sleep: 2 },
      wakeups: 1,
      offHoursCallouts: 2,
      restBreaches: 1,
      onCall: {
        hours: 159,
        businessHours: 49,
        offHours: 48,
        sleepHours: 62,
        weekendHours: 48,
        weeks: 1,
      },
      // Night: 02:10 → 03:20 is 70 min, the 2 h sleep minimum applies: 120 min. Saturday:
      // 14:00 → 16:05 is 125 min → 135 min × 1.5 = 202.5 → 203 min. 323 min − 60 claimed = 263.
      toil: {
        openingHours: 0,
        accruedHours: 5.38,
        claimedHours: 1,
        expiredHours: 0,
        owedHours: 4.38,
      },
      burnoutRisk: { level: "medium", reasons: ["1 wake-up in 28 days (medium from 1)"] },
    });
  });

  it("counts Ben's DST week in New York and never counts the paging test", async () => {
    const report = await buildReport(database.db, week, DEFAULT_METRIC_SETTINGS);
    const row = report.people.find((person) => person.email === "ben@example.com");
    // 05:00Z Monday → 23:00Z Sunday = 162 h; the weekend is Saturday 24 h + Sunday 00:00–19:00
    // local, a 23-hour day that lost 02:00–03:00: 18 h.
    expect(row).toMatchObject({
      interruptions: { business: 0, off: 0, sleep: 0 },
      onCall: { hours: 162, weekendHours: 42 },
    });
  });

  it("measures fairness across a team's rotation members", async () => {
    const report = await buildReport(database.db, week, DEFAULT_METRIC_SETTINGS);
    // Data has no one on call this week, so only Payments is listed.
    expect(report.teams.map((team) => team.name)).toEqual(["Payments"]);
    const [payments] = report.teams;
    // Gini of (159, 162) = 3 / (2 × 321); of (0, 3) off-hours interruptions = 0.5; of (48, 42)
    // weekend hours = 6 / (2 × 90).
    expect(payments?.fairness.onCallHoursGini).toBeCloseTo(3 / 642, 10);
    expect(payments?.fairness.interruptionsGini).toBe(0.5);
    expect(payments?.fairness.weekendHolidayHoursGini).toBeCloseTo(6 / 180, 10);
    expect(payments?.lorenz.interruptions).toEqual([
      { populationShare: 0, valueShare: 0 },
      { populationShare: 0.5, valueShare: 0 },
      { populationShare: 1, valueShare: 1 },
    ]);
  });

  it("reports a filtered team even when nobody in it was on call", async () => {
    const filters = reportFiltersSchema.parse({
      ...week,
      from: "2026-03-02",
      to: "2026-03-09",
      team: "data",
    });
    const report = await buildReport(database.db, filters, DEFAULT_METRIC_SETTINGS);
    expect(report.people.map((person) => person.name)).toEqual(["Cleo Hart"]);
    expect(report.teams).toMatchObject([
      { name: "Data", members: [], fairness: { onCallHoursGini: null, interruptionsGini: null } },
    ]);
    // Cleo's Friday 21:00 UTC page is off hours in her (account) zone.
    expect(report.people[0]?.interruptions).toEqual({ business: 0, off: 1, sleep: 0 });
  });

  it("re-derives accruals idempotently and follows a changed resolve", async () => {
    const db = database.db;
    // Alva's two off-hours call-outs and Cleo's Friday evening.
    expect(await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS)).toMatchObject({
      accruals: 3,
      inserted: 0,
      updated: 0,
      deleted: 0,
    });
    // Resolved at 14:50 local instead: 50 min → 60 min → × 1.5 = 90 min.
    await db.incident.update({
      where: { id: saturdayIncident },
      data: { resolvedAt: at("2026-03-07T13:50:00Z") },
    });
    expect(
      await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS, { personIds: [alva] }),
    ).toMatchObject({ inserted: 0, updated: 1, deleted: 0 });
    const lines = await db.timeInLieuEntry.findMany({
      where: { personId: alva, kind: "accrual" },
      orderBy: { occurredAt: "asc" },
    });
    expect(lines.map((line) => line.minutes)).toEqual([120, 90]);
    expect(lines[1]?.rule).toBe(
      "Call-out 2026-03-07 14:00 Europe/Stockholm (1 interruption, 1 incident): off band: worked 50 min → rounded up to 60 min; equal to the 1 h minimum → 60 min × 1.5 weekend = 90 min",
    );

    await db.page.deleteMany({ where: { incidentId: saturdayIncident } });
    expect(
      await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS, { personIds: [alva] }),
    ).toMatchObject({ accruals: 1, deleted: 1 });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "@/lib/server/report/build-report";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { reportQuerySchema } from "@/lib/shared/report-query";
import { getMetricSettings } from "./get-metric-settings";
import { getPersonActivity, type PersonActivity } from "./get-person-activity";

const at = (iso: string) => new Date(iso);

// Sigrid lives in Stockholm. Summer time starts on Sunday 29 March 2026 at 02:00 CET, when the
// clocks jump to 03:00 CEST: that Sunday has 23 hours.
const filters = reportQuerySchema.parse({
  from: "2026-03-23",
  to: "2026-04-06",
  tz: "Europe/Stockholm",
});

describe("getPersonActivity across the spring-forward weekend in Stockholm", () => {
  const database = useTestDatabase();
  let activity: PersonActivity;
  let sigridId = 0;

  beforeAll(async () => {
    const db = database.db;
    const team = await db.team.create({ data: { name: "Payments", pagerdutyId: "PTEAM01" } });
    const sigrid = await db.person.create({
      data: {
        name: "Sigrid Holm",
        email: "sigrid@example.com",
        pagerdutyId: "PSIGRID",
        timeZone: "Europe/Stockholm",
        memberships: { create: { teamId: team.id } },
      },
    });
    sigridId = sigrid.id;
    const primary = await db.schedule.create({ data: { name: "Payments primary" } });
    const secondary = await db.schedule.create({ data: { name: "Payments secondary" } });
    const shift = (key: string, scheduleId: number, level: number, start: string, end: string) => ({
      personId: sigrid.id,
      scheduleId,
      level,
      startAt: at(start),
      endAt: at(end),
      source: "shifts_csv" as const,
      sourceKey: key,
    });
    await db.onCallShift.createMany({
      data: [
        // Saturday 12:00 CET → Monday 12:00 CEST: 12 h + 23 h + 12 h = 47 h.
        shift("a", primary.id, 1, "2026-03-28T12:00:00+01:00", "2026-03-30T12:00:00+02:00"),
        // Inside the first one on Sunday: counts once, as level 1.
        shift("b", secondary.id, 2, "2026-03-29T08:00:00+02:00", "2026-03-29T20:00:00+02:00"),
        // Monday 08:00 → next Monday 08:00, overlapping the first by 4 h, clipped at the range's
        // end (Monday 6 April 00:00): 160 h in range.
        shift("c", primary.id, 1, "2026-03-30T08:00:00+02:00", "2026-04-06T08:00:00+02:00"),
      ],
    });

    const service = await db.service.create({ data: { name: "Checkout API" } });
    let incidentNumber = 100;
    const incident = async (created: string, resolved: string, isTest = false) => {
      incidentNumber += 1;
      return db.incident.create({
        data: {
          pagerdutyId: `PINC${incidentNumber}`,
          number: incidentNumber,
          title: isTest ? "Weekly paging test" : `Checkout errors ${incidentNumber}`,
          serviceId: service.id,
          status: "resolved",
          createdAt: at(created),
          resolvedAt: at(resolved),
          detectionSource: isTest ? "test" : "monitoring",
        },
      });
    };
    // #101 pages Saturday 23:30 CET (phone, then SMS 30 s later: one interruption; the e-mail
    // never interrupts), #102 Sunday 00:15 CET, 45 min later: the same call-out, a wake-up that
    // breaks Swedish night rest (00:00–05:00).
    const saturdayNight = await incident("2026-03-28T23:29:00+01:00", "2026-03-29T00:40:00+01:00");
    const afterMidnight = await incident("2026-03-29T00:14:00+01:00", "2026-03-29T00:50:00+01:00");
    // #103 Monday 19:00 CEST: off band, resolved 19:30, 12.5 h before Tuesday 08:00: no breach.
    const evening = await incident("2026-03-30T18:59:00+02:00", "2026-03-30T19:30:00+02:00");
    // #104 Tuesday 10:00 CEST: business band.
    const morning = await incident("2026-03-31T09:59:00+02:00", "2026-03-31T10:20:00+02:00");
    // A paging test at Wednesday 03:00 CEST is left out of everything.
    const test = await incident("2026-04-01T02:59:00+02:00", "2026-04-01T03:05:00+02:00", true);
    const page = (
      incidentId: number,
      channel: "phone" | "sms" | "push" | "email",
      when: string,
    ) => ({
      personId: sigrid.id,
      incidentId,
      channel,
      at: at(when),
    });
    await db.page.createMany({
      data: [
        page(saturdayNight.id, "phone", "2026-03-28T23:30:00+01:00"),
        page(saturdayNight.id, "sms", "2026-03-28T23:30:30+01:00"),
        page(saturdayNight.id, "email", "2026-03-28T23:31:00+01:00"),
        page(afterMidnight.id, "phone", "2026-03-29T00:15:00+01:00"),
        page(evening.id, "phone", "2026-03-30T19:00:00+02:00"),
        page(morning.id, "push", "2026-03-31T10:00:00+02:00"),
        page(test.id, "phone", "2026-04-01T03:00:00+02:00"),
      ],
    });
    await db.timeInLieuEntry.create({
      data: {
        personId: sigrid.id,
        kind: "accrual",
        minutes: 180,
        occurredAt: at("2026-03-29T00:50:00+01:00"),
        expiresAt: at("2026-06-27T00:50:00+02:00"),
        rule: "sleep band, weekend: max(2 h, 1 h 20 min) × 1.5 → 180 min",
        sourceKey: "callout:sigrid:1",
      },
    });

    const found = await getPersonActivity(db, "sigrid@example.com", filters);
    if (!found) throw new Error("Sigrid not found");
    activity = found;
  });

  it("names the person with their zone, region and teams", () => {
    expect(activity.person).toEqual({
      id: sigridId,
      pagerdutyId: "PSIGRID",
      name: "Sigrid Holm",
      email: "sigrid@example.com",
      timeZone: "Europe/Stockholm",
      isAccountTimeZone: false,
      holidayRegion: "SE",
      teams: ["Payments"],
    });
    expect(activity.range).toEqual({
      from: "2026-03-23T00:00:00+01:00",
      to: "2026-04-06T00:00:00+02:00",
      timeZone: "Europe/Stockholm",
    });
  });

  it("makes Saturday 23:30 a sleep-band wake-up, chained with 00:15, which breaks night rest", () => {
    expect(
      activity.interruptions.map((item) => [
        item.start,
        item.band,
        item.pages,
        item.channels,
        item.incidents.map((incident) => incident.number),
        item.callOut,
      ]),
    ).toEqual([
      ["2026-03-28T22:30:00.000Z", "sleep", 2, ["phone", "sms"], [101], 0],
      ["2026-03-28T23:15:00.000Z", "sleep", 1, ["phone"], [102], 0],
      ["2026-03-30T17:00:00.000Z", "off", 1, ["phone"], [103], 1],
      ["2026-03-31T08:00:00.000Z", "business", 1, ["push"], [104], 2],
    ]);
    expect(activity.interruptions[0]?.incidents[0]?.title).toBe("Checkout errors 101");
    const [wakeUp, evening, morning] = activity.callOuts;
    expect(wakeUp).toMatchObject({
      start: "2026-03-28T22:30:00.000Z",
      // The later of the last page (00:15) and the last resolve (00:50 CET).
      endAt: "2026-03-28T23:50:00.000Z",
      band: "sleep",
      isOffHours: true,
      isWakeUp: true,
      isWeekend: true,
      startsInRange: true,
      interruptions: 2,
    });
    expect(wakeUp?.restBreach?.reasons.map((reason) => reason.rule)).toEqual(["night-rest"]);
    expect(wakeUp?.restBreach?.reasons[0]?.message).toContain("2026-03-29 00:15");
    expect(evening).toMatchObject({ band: "off", isOffHours: true, isWakeUp: false });
    expect(evening?.restBreach).toBeNull();
    expect(morning).toMatchObject({ band: "business", isOffHours: false, restBreach: null });
    expect(activity.callOuts).toHaveLength(3);
  });

  it("gives the DST Sunday 23 on-call hours and counts overlapping shifts once", () => {
    expect(activity.days).toHaveLength(14);
    const day = (date: string) => activity.days.find((item) => item.date === date);
    expect(day("2026-03-27")).toMatchObject({ hours: 0, status: null });
    expect(day("2026-03-28")).toMatchObject({ hours: 12, status: "primary" });
    // The level-2 shift lies inside the level-1 one: still 23 h, all level 1.
    expect(day("2026-03-29")).toMatchObject({ hours: 23, level1Hours: 23, status: "primary" });
    expect(day("2026-03-30")).toMatchObject({ hours: 24, status: "primary" });
    expect(day("2026-04-05")).toMatchObject({ hours: 24, status: "primary" });
    const total = activity.days.reduce((sum, item) => sum + item.hours, 0);
    // 12 + 23 + 24 + 6 × 24 = 203 h, as the report counts them.
    expect(total).toBe(203);
    expect(activity.summary.onCall.hours).toBe(203);
    expect(
      activity.shifts.map((shift) => [shift.schedule, shift.level, shift.hoursInRange]),
    ).toEqual([
      ["Payments primary", 1, 47],
      ["Payments secondary", 2, 12],
      ["Payments primary", 1, 160],
    ]);
  });

  it("summarises exactly as the report's row for the person", async () => {
    const report = await buildReport(database.db, filters, await getMetricSettings(database.db));
    const row = report.people.find((person) => person.email === "sigrid@example.com");
    expect(activity.summary).toEqual(row);
    expect(activity.summary).toMatchObject({
      interruptions: { business: 1, off: 1, sleep: 2 },
      wakeups: 1,
      offHoursCallouts: 2,
      restBreaches: 1,
      toil: { accruedHours: 3, owedHours: 3 },
    });
  });

  it("finds the person by id, PagerDuty id or e-mail in any case, and nobody else", async () => {
    const db = database.db;
    for (const key of [String(sigridId), "PSIGRID", "Sigrid@Example.com"]) {
      expect((await getPersonActivity(db, key, filters))?.person.id).toBe(sigridId);
    }
    expect(await getPersonActivity(db, "nobody@example.com", filters)).toBeNull();
  });

  it("reads a call-out that began before the range without counting it", async () => {
    // From Sunday 00:00 CET: the 00:15 interruption is in, its call-out began on Saturday.
    const sunday = reportQuerySchema.parse({
      from: "2026-03-29",
      to: "2026-03-30",
      tz: "Europe/Stockholm",
    });
    const found = await getPersonActivity(database.db, "PSIGRID", sunday);
    expect(found?.interruptions.map((item) => item.start)).toEqual(["2026-03-28T23:15:00.000Z"]);
    expect(found?.callOuts).toMatchObject([{ startsInRange: false, interruptions: 1 }]);
    expect(found?.summary).toMatchObject({ wakeups: 0, interruptions: { sleep: 1 } });
    expect(found?.days).toEqual([
      { date: "2026-03-29", hours: 23, level1Hours: 23, level2PlusHours: 0, status: "primary" },
    ]);
  });
});

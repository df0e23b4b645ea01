import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DEFAULT_TIME_IN_LIEU_POLICY } from "@/lib/metrics/time-in-lieu";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { deriveTimeInLieuAccruals } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import { listTimeInLieuPolicies } from "./list-time-in-lieu-policies";
import { saveMetricSettings } from "./save-metric-settings";
import { saveTimeInLieuPolicy } from "./save-time-in-lieu-policy";

/**
 * Alva (team Payments) and Ben (team Data), both in Stockholm, are paged on Saturday 7 March 2026
 * at 14:00 local for an incident resolved 125 min later: 135 min after rounding up to 15 min, ×1.5
 * at the weekend by default = 202.5 → 203 min each.
 */
describe("saveTimeInLieuPolicy", () => {
  const database = useTestDatabase();
  let payments = 0;
  let alva = 0;
  let ben = 0;

  const minutesOf = async (personId: number) =>
    (
      await database.db.timeInLieuEntry.findFirstOrThrow({
        where: { personId, kind: "accrual" },
        select: { minutes: true },
      })
    ).minutes;
  const policy = (overrides: Record<string, unknown>) => ({
    ...DEFAULT_TIME_IN_LIEU_POLICY,
    teamId: payments,
    effectiveFrom: "2026-03-01",
    ...overrides,
  });

  beforeAll(async () => {
    const db = database.db;
    payments = (await db.team.create({ data: { name: "Payments" } })).id;
    const data = (await db.team.create({ data: { name: "Data" } })).id;
    const person = async (name: string, teamId: number) =>
      (
        await db.person.create({
          data: { name, timeZone: "Europe/Stockholm", memberships: { create: { teamId } } },
        })
      ).id;
    alva = await person("Alva", payments);
    ben = await person("Ben", data);
    const incident = await db.incident.create({
      data: {
        pagerdutyId: "PSAT",
        title: "Card declines",
        status: "resolved",
        createdAt: new Date("2026-03-07T13:00:00Z"),
        resolvedAt: new Date("2026-03-07T15:05:00Z"),
      },
    });
    for (const personId of [alva, ben]) {
      await db.page.create({
        data: {
          personId,
          incidentId: incident.id,
          at: new Date("2026-03-07T13:00:00Z"),
          channel: "phone",
        },
      });
    }
    await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS);
  });

  it("starts from the default policy", async () => {
    expect([await minutesOf(alva), await minutesOf(ben)]).toEqual([203, 203]);
  });

  it("re-derives only the team's members: a 200 % weekend doubles Alva's 135 min", async () => {
    const result = await saveTimeInLieuPolicy(
      database.db,
      policy({ weekendMultiplierPercent: 200 }),
    );
    expect(result.replaced).toBe(false);
    expect(result.policy.effectiveFrom).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(result.timeInLieuRederived).toMatchObject({ people: 1, accruals: 1, updated: 1 });
    expect([await minutesOf(alva), await minutesOf(ben)]).toEqual([270, 203]);
  });

  it("a version effective after the call-out leaves it alone", async () => {
    const result = await saveTimeInLieuPolicy(
      database.db,
      policy({ effectiveFrom: "2026-03-08", weekendMultiplierPercent: 300 }),
    );
    expect(result.timeInLieuRederived).toMatchObject({ accruals: 0, updated: 0, deleted: 0 });
    expect(await minutesOf(alva)).toBe(270);
  });

  it("saving the same team and date again corrects that version", async () => {
    const result = await saveTimeInLieuPolicy(
      database.db,
      policy({ weekendMultiplierPercent: 250 }),
    );
    expect(result.replaced).toBe(true);
    // 135 × 2.5 = 337.5 → 338 (rounded up, in the engineer's favour).
    expect(await minutesOf(alva)).toBe(338);
    const payments = (await listTimeInLieuPolicies(database.db)).filter(
      (row) => row.teamId !== null,
    );
    expect(
      payments.map((row) => [row.effectiveFrom.toISOString(), row.weekendMultiplierPercent]),
    ).toEqual([
      ["2026-03-01T00:00:00.000Z", 250],
      ["2026-03-08T00:00:00.000Z", 300],
    ]);
  });

  it("the organisation default reaches people whose team has no policy, once per date", async () => {
    const input = policy({
      teamId: null,
      effectiveFrom: "2026-01-01",
      weekendMultiplierPercent: 100,
    });
    const first = await saveTimeInLieuPolicy(database.db, input);
    expect(first.timeInLieuRederived).toMatchObject({ people: 2, accruals: 2, updated: 1 });
    expect([await minutesOf(alva), await minutesOf(ben)]).toEqual([338, 135]);
    const again = await saveTimeInLieuPolicy(database.db, input);
    expect(again.replaced).toBe(true);
    expect(await database.db.timeInLieuPolicy.count({ where: { teamId: null } })).toBe(1);
  });

  it("reads the effective date at midnight in the account time zone", async () => {
    await saveMetricSettings(database.db, { accountTimeZone: "Europe/Stockholm" });
    const result = await saveTimeInLieuPolicy(database.db, policy({ effectiveFrom: "2026-02-01" }));
    expect(result.policy.effectiveFrom).toEqual(new Date("2026-01-31T23:00:00Z"));
  });

  it("answers 404 for an unknown team and names each invalid field", async () => {
    await expect(saveTimeInLieuPolicy(database.db, policy({ teamId: 9999 }))).rejects.toMatchObject(
      {
        status: 404,
        message: "No team with id 9999.",
      },
    );
    const error = await saveTimeInLieuPolicy(database.db, {
      teamId: "Payments",
      effectiveFrom: "2026-13-01",
      minimumOffMinutes: -5,
      minimumSleepMinutes: 90.5,
      roundUpToMinutes: 15,
      capMinutes: 0,
      weekendMultiplierPercent: 50,
      holidayMultiplierPercent: 200,
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path.join("."))).toEqual([
      "teamId",
      "effectiveFrom",
      "minimumOffMinutes",
      "minimumSleepMinutes",
      "capMinutes",
      "weekendMultiplierPercent",
      "expiryDays",
    ]);
  });
});

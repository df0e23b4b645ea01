import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import { deriveTimeInLieuAccruals } from "./derive-time-in-lieu-accruals";

/**
 * Alva (Stockholm, UTC+1 in March) is paged on three Saturdays under the default policy
 * (weekend ×1.5, worked time rounded up to 15 min):
 * - 7 March, 14:00 and 14:20 local, one incident resolved at 16:05: one call-out of 125 min →
 *   135 → 202.5 → 203 min;
 * - 14 March, 14:00 local, resolved at 15:00: 60 min → 90 min;
 * - 21 March, 14:00 local, resolved at 16:00: 120 min → 180 min.
 */
describe("deriveTimeInLieuAccruals", () => {
  const database = useTestDatabase();
  let alva = 0;

  const lines = () =>
    database.db.timeInLieuEntry.findMany({
      where: { personId: alva, kind: "accrual" },
      orderBy: { occurredAt: "asc" },
      select: { sourceKey: true, minutes: true, occurredAt: true, expiresAt: true, rule: true },
    });

  beforeAll(async () => {
    const db = database.db;
    const payments = (await db.team.create({ data: { name: "Payments" } })).id;
    alva = (
      await db.person.create({
        data: {
          name: "Alva",
          timeZone: "Europe/Stockholm",
          memberships: { create: { teamId: payments } },
        },
      })
    ).id;
    const callOuts = [
      { day: "2026-03-07", pages: ["13:00", "13:20"], resolved: "15:05" },
      { day: "2026-03-14", pages: ["13:00"], resolved: "14:00" },
      { day: "2026-03-21", pages: ["13:00"], resolved: "15:00" },
    ];
    for (const [index, callOut] of callOuts.entries()) {
      const createdAt = new Date(`${callOut.day}T${callOut.pages[0]}:00Z`);
      const incident = await db.incident.create({
        data: {
          pagerdutyId: `PSAT${index}`,
          title: "Card declines",
          status: "resolved",
          createdAt,
          resolvedAt: new Date(`${callOut.day}T${callOut.resolved}:00Z`),
          teams: { create: { teamId: payments, incidentCreatedAt: createdAt } },
        },
      });
      for (const time of callOut.pages) {
        await db.page.create({
          data: {
            personId: alva,
            incidentId: incident.id,
            at: new Date(`${callOut.day}T${time}:00Z`),
            channel: "phone",
          },
        });
      }
    }
  });

  it("writes one line per call-out", async () => {
    const result = await deriveTimeInLieuAccruals(database.db, DEFAULT_METRIC_SETTINGS);
    expect(result).toMatchObject({ people: 1, accruals: 3, inserted: 3 });
    expect((await lines()).map((line) => [line.occurredAt.toISOString(), line.minutes])).toEqual([
      ["2026-03-07T13:00:00.000Z", 203],
      ["2026-03-14T13:00:00.000Z", 90],
      ["2026-03-21T13:00:00.000Z", 180],
    ]);
  });

  it("writes the same lines when the pages are read one at a time", async () => {
    const before = await lines();
    // Four windows, cut at each page: the cut at 13:20 on 7 March falls inside a call-out.
    const result = await deriveTimeInLieuAccruals(database.db, DEFAULT_METRIC_SETTINGS, {
      pagesPerWindow: 1,
    });
    expect(result).toMatchObject({ accruals: 3, inserted: 0, updated: 0, deleted: 0 });
    expect(await lines()).toEqual(before);
  });

  it("deletes the line of a call-out whose page is gone, and only that line", async () => {
    await database.db.page.deleteMany({
      where: { personId: alva, at: new Date("2026-03-14T13:00:00Z") },
    });
    const result = await deriveTimeInLieuAccruals(database.db, DEFAULT_METRIC_SETTINGS, {
      pagesPerWindow: 1,
    });
    expect(result).toMatchObject({ accruals: 2, inserted: 0, updated: 0, deleted: 1 });
    expect((await lines()).map((line) => line.minutes)).toEqual([203, 180]);
  });
});

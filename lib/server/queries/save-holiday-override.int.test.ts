import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { ApiError } from "@/lib/server/http/api-error";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { deriveTimeInLieuAccruals } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import { deleteHolidayOverride, deleteRegionHolidayOverrides } from "./delete-holiday-override";
import { listHolidaySettings } from "./list-holiday-settings";
import { saveHolidayOverride } from "./save-holiday-override";

/**
 * Alva (Europe/Stockholm → SE) is paged on Good Friday, 3 April 2026, at 10:00 local (08:00 UTC,
 * summer time) for 50 min: a Swedish public holiday, so the day is off, 10:00 is in the off band,
 * and the call-out accrues the 60 min minimum × 2 = 120 min. Ben (Europe/London → GB, where Good
 * Friday is a holiday too) is paged at the same instant, 09:00 his time. Cleo has no zone, so the
 * account zone (UTC) applies: no holiday region at all.
 */
describe("saveHolidayOverride, deleteHolidayOverride and listHolidaySettings", () => {
  const database = useTestDatabase();
  let alva = 0;
  let ben = 0;

  const accrualMinutes = async (personId: number) =>
    (
      await database.db.timeInLieuEntry.findMany({
        where: { personId, kind: "accrual" },
        select: { minutes: true },
      })
    ).map((row) => row.minutes);

  beforeAll(async () => {
    const db = database.db;
    alva = (await db.person.create({ data: { name: "Alva", timeZone: "Europe/Stockholm" } })).id;
    ben = (await db.person.create({ data: { name: "Ben", timeZone: "Europe/London" } })).id;
    await db.person.create({ data: { name: "Cleo", timeZone: null } });
    await db.person.create({
      data: { name: "Dag", timeZone: "Europe/London", holidayRegion: "SE" },
    });
    const incident = await db.incident.create({
      data: {
        pagerdutyId: "PGOODFRI",
        title: "Card declines",
        status: "resolved",
        createdAt: new Date("2026-04-03T08:00:00Z"),
        resolvedAt: new Date("2026-04-03T08:50:00Z"),
      },
    });
    for (const personId of [alva, ben]) {
      await db.page.create({
        data: {
          personId,
          incidentId: incident.id,
          at: new Date("2026-04-03T08:00:00Z"),
          channel: "phone",
        },
      });
    }
    await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS);
  });

  it("starts with Good Friday a holiday for both", async () => {
    expect(await accrualMinutes(alva)).toEqual([120]);
    expect(await accrualMinutes(ben)).toEqual([120]);
  });

  it("marks Good Friday not a holiday in SE: Alva's page is then in business hours and accrues nothing", async () => {
    const result = await saveHolidayOverride(database.db, {
      region: " se ",
      date: "2026-04-03",
      name: "Good Friday",
      isHoliday: false,
    });
    expect(result.override).toMatchObject({
      region: "SE",
      date: "2026-04-03",
      name: "Good Friday",
      isHoliday: false,
    });
    // Alva and Dag take their holidays from SE; only Alva has a call-out, and it is removed.
    expect(result.timeInLieuRederived).toMatchObject({ people: 2, accruals: 0, deleted: 1 });
    expect(await accrualMinutes(alva)).toEqual([]);
    expect(await accrualMinutes(ben)).toEqual([120]);
  });

  it("replaces the override of the same region and date rather than adding a second", async () => {
    const result = await saveHolidayOverride(database.db, {
      region: "SE",
      date: "2026-04-03",
      name: "Långfredagen",
    });
    expect(result.override).toMatchObject({ name: "Långfredagen", isHoliday: true });
    expect(await database.db.holiday.count()).toBe(1);
    expect(await accrualMinutes(alva)).toEqual([120]);
  });

  it("lists regions in use, overrides and the region's library holidays with their override", async () => {
    await saveHolidayOverride(database.db, {
      region: "GB",
      date: "2026-04-03",
      name: "x",
      isHoliday: false,
    });
    const settings = await listHolidaySettings(database.db, DEFAULT_METRIC_SETTINGS, {
      region: "SE",
      year: 2026,
    });
    expect(settings.regions).toEqual([
      { region: "SE", people: 2, setOnPerson: 1 },
      { region: "GB", people: 1, setOnPerson: 0 },
      { region: null, people: 1, setOnPerson: 0 },
    ]);
    expect(settings.overrides.map((row) => [row.region, row.date, row.isHoliday])).toEqual([
      ["GB", "2026-04-03", false],
      ["SE", "2026-04-03", true],
    ]);
    const library = settings.library;
    expect(library?.holidays).toHaveLength(13);
    expect(library?.holidays.slice(0, 3).map((holiday) => [holiday.date, holiday.name])).toEqual([
      ["2026-01-01", "New Year's Day"],
      ["2026-01-06", "Epiphany"],
      ["2026-04-03", "Good Friday"],
    ]);
    expect(library?.holidays[2]?.override?.name).toBe("Långfredagen");
    expect(library?.holidays[0]?.override).toBeNull();
    // Without a region, the region most people have.
    const fallback = await listHolidaySettings(database.db, DEFAULT_METRIC_SETTINGS, {});
    expect(fallback.library?.region).toBe("SE");
  });

  it("deletes one override by id (404 for an unknown id) and resets a region", async () => {
    const gb = await database.db.holiday.findFirstOrThrow({ where: { region: "GB" } });
    const deleted = await deleteHolidayOverride(database.db, gb.id);
    expect(deleted).toMatchObject({ deleted: 1, timeInLieuRederived: { people: 1, accruals: 1 } });
    const missing = await deleteHolidayOverride(database.db, gb.id).catch((error) => error);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({
      status: 404,
      message: `No holiday override with id ${gb.id}.`,
    });

    const reset = await deleteRegionHolidayOverrides(database.db, "SE");
    expect(reset.deleted).toBe(1);
    expect(await database.db.holiday.count()).toBe(0);
    expect(await accrualMinutes(alva)).toEqual([120]);
  });

  it("refuses bad input with the field named", async () => {
    const problems: string[] = [];
    for (const input of [
      { region: "Sweden", date: "2026-04-03", name: "x" },
      { region: "SE", date: "2026-02-30", name: "x" },
      { region: "SE", date: "2026-04-03", name: "" },
      { region: "SE", date: "2026-04-03", name: "x", isHoliday: "yes" },
    ]) {
      const error = await saveHolidayOverride(database.db, input).catch((caught) => caught);
      expect(error).toBeInstanceOf(ZodError);
      problems.push((error as ZodError).issues.map((issue) => issue.path.join(".")).join(","));
    }
    expect(problems).toEqual(["region", "date", "name", "isHoliday"]);
    const unknown = await saveHolidayOverride(database.db, {
      region: "XX",
      date: "2026-04-03",
      name: "x",
    }).catch((error) => error);
    expect(unknown).toMatchObject({ status: 400 });
    expect(unknown.message).toMatch(/^region: the holiday library does not know "XX"/);
  });
});

import { defaultHolidayRegion } from "@/lib/metrics/holidays";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { MetricSettings } from "@/lib/shared/metric-settings";
import { Prisma } from "@/prisma/generated/client/client";
import {
  type DeriveAccrualsResult,
  deriveTimeInLieuAccruals,
} from "./derive-time-in-lieu-accruals";

const DAY = 86_400_000;

/** The ids of the people whose holidays come from `region` (their own, else their zone's country). */
export async function listPeopleOfHolidayRegion(
  db: PrismaClient,
  region: string,
  settings: MetricSettings,
): Promise<number[]> {
  const people = await db.$queryRaw<
    { id: number; timeZone: string | null; holidayRegion: string | null }[]
  >(Prisma.sql`SELECT id, time_zone AS "timeZone", holiday_region AS "holidayRegion"
               FROM people ORDER BY id`);
  return people
    .filter(
      (person) =>
        (person.holidayRegion ??
          defaultHolidayRegion(person.timeZone ?? settings.accountTimeZone)) === region,
    )
    .map((person) => person.id);
}

/**
 * After a holiday override of `region` on `dates` changed, re-derives the accruals of that
 * region's people whose call-outs start on those dates: a holiday both turns a weekday into a
 * day off (business hours become off hours) and takes the holiday multiplier. A local date lies
 * within [date − 1 day, date + 2 days) in UTC in every zone (UTC−12 to UTC+14).
 */
export async function rederiveRegionAccruals(
  db: PrismaClient,
  region: string,
  dates: readonly string[],
  settings: MetricSettings,
): Promise<DeriveAccrualsResult> {
  const total: DeriveAccrualsResult = {
    people: 0,
    accruals: 0,
    inserted: 0,
    updated: 0,
    deleted: 0,
  };
  const personIds = await listPeopleOfHolidayRegion(db, region, settings);
  if (personIds.length === 0) return total;
  for (const date of [...new Set(dates)].sort()) {
    const midnight = Date.parse(`${date}T00:00:00Z`);
    const result = await deriveTimeInLieuAccruals(db, settings, {
      personIds,
      from: new Date(midnight - DAY),
      to: new Date(midnight + 2 * DAY),
    });
    total.accruals += result.accruals;
    total.inserted += result.inserted;
    total.updated += result.updated;
    total.deleted += result.deleted;
  }
  total.people = personIds.length;
  return total;
}

import Holidays from "date-holidays";
import {
  civilDateFromDayNumber,
  dayNumber,
  formatCivilDate,
  parseCivilDate,
} from "@/lib/metrics/calendar-dates";
import { DEFAULT_HOLIDAY_TYPES, defaultHolidayRegion } from "@/lib/metrics/holidays";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { MetricSettings } from "@/lib/shared/metric-settings";
import { Prisma } from "@/prisma/generated/client/client";
import {
  assertKnownHolidayRegion,
  HOLIDAY_OVERRIDE_COLUMNS,
  type HolidayOverrideRow,
} from "./save-holiday-override";

export interface HolidayRegionUse {
  /** null: people whose zone has no country in the table (UTC, Etc/…): no public holidays. */
  region: string | null;
  people: number;
  /** How many of them have the region set on the person rather than taken from their zone. */
  setOnPerson: number;
}

export interface LibraryHoliday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
  /** The admin's override of this date in the region, if any. */
  override: HolidayOverrideRow | null;
}

export interface HolidaySettings {
  /** The regions people's holidays come from, most people first. */
  regions: HolidayRegionUse[];
  /** Every override, by region then date. */
  overrides: HolidayOverrideRow[];
  /** The library's public holidays of one region and year, for marking one "not a holiday here". */
  library: { region: string; year: number; holidays: LibraryHoliday[] } | null;
}

/** date-holidays' public holidays of a region's year, one entry per day (Easter weekend → 2). */
function libraryHolidays(region: string, year: number): { date: string; name: string }[] {
  const [country = "", state, subregion] = region.split("-");
  const engine = new Holidays(country, state ?? "", subregion ?? "");
  const days = new Map<string, string>();
  for (const holiday of engine.getHolidays(year, "en")) {
    if (!DEFAULT_HOLIDAY_TYPES.includes(holiday.type)) continue;
    const first = parseCivilDate(holiday.date.slice(0, 10));
    // Rounded: a holiday on a DST day lasts 23 or 25 hours.
    const length = Math.max(
      1,
      Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000),
    );
    for (let offset = 0; offset < length; offset++) {
      const date = formatCivilDate(civilDateFromDayNumber(dayNumber(first) + offset));
      if (date.startsWith(String(year)) && !days.has(date)) days.set(date, holiday.name);
    }
  }
  return [...days]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([date, name]) => ({ date, name }));
}

/**
 * What the holiday settings show: which regions people's holidays come from (their own region, else
 * the country of their zone), every override, and one region's library holidays for a year (the
 * most common region when none is asked for).
 */
export async function listHolidaySettings(
  db: PrismaClient,
  settings: MetricSettings,
  query: { region?: string; year?: number },
): Promise<HolidaySettings> {
  const [people, overrides] = await Promise.all([
    db.$queryRaw<
      { timeZone: string | null; holidayRegion: string | null; people: number }[]
    >(Prisma.sql`
      SELECT time_zone AS "timeZone", holiday_region AS "holidayRegion", count(*)::int AS people
      FROM people GROUP BY 1, 2`),
    db.$queryRaw<HolidayOverrideRow[]>(Prisma.sql`
      SELECT ${HOLIDAY_OVERRIDE_COLUMNS} FROM holidays ORDER BY region, date`),
  ]);
  const byRegion = new Map<string | null, HolidayRegionUse>();
  for (const group of people) {
    const region =
      group.holidayRegion ?? defaultHolidayRegion(group.timeZone ?? settings.accountTimeZone);
    const use = byRegion.get(region) ?? { region, people: 0, setOnPerson: 0 };
    use.people += group.people;
    if (group.holidayRegion !== null) use.setOnPerson += group.people;
    byRegion.set(region, use);
  }
  // Most people first; "no region" last, as it is not a region one can add holidays to.
  const regions = [...byRegion.values()].sort(
    (left, right) =>
      Number(left.region === null) - Number(right.region === null) ||
      right.people - left.people ||
      (left.region ?? "").localeCompare(right.region ?? ""),
  );

  const region =
    query.region ??
    regions.find((use) => use.region !== null)?.region ??
    overrides[0]?.region ??
    null;
  if (region === null) return { regions, overrides, library: null };
  assertKnownHolidayRegion(region);
  const year = query.year ?? new Date().getUTCFullYear();
  const overrideOf = new Map(
    overrides.filter((row) => row.region === region).map((row) => [row.date, row]),
  );
  const holidays = libraryHolidays(region, year).map((holiday) => ({
    ...holiday,
    override: overrideOf.get(holiday.date) ?? null,
  }));
  return { regions, overrides, library: { region, year, holidays } };
}

import { addCalendarDays, dateKey } from "./zoned-time";

/**
 * The public holidays the generator knows, so the demo has incidents and on-call hours on them.
 * This is not the product's holiday library: just the main days off of the five regions the demo
 * organisation lives in, by rule where a rule exists and hard-coded where it follows a lunar
 * calendar. Weekend-substitute days ("observed") are left out on purpose: the demo only needs the
 * days everybody recognises.
 */

export type HolidayRegion = "SE" | "GB" | "US" | "IN" | "AU";

const ZONE_REGIONS: Record<string, HolidayRegion> = {
  "Europe/Stockholm": "SE",
  "Europe/London": "GB",
  "America/New_York": "US",
  "America/Chicago": "US",
  "America/Denver": "US",
  "America/Los_Angeles": "US",
  "Asia/Kolkata": "IN",
  "Australia/Sydney": "AU",
  "Australia/Melbourne": "AU",
};

export function regionOfZone(timeZone: string): HolidayRegion | undefined {
  return ZONE_REGIONS[timeZone];
}

/** Lunar-calendar holidays in India, as gazetted for central government offices. */
const INDIA_LUNAR: Record<number, readonly (readonly [string, string])[]> = {
  2024: [
    ["03-25", "Holi"],
    ["10-31", "Diwali"],
  ],
  2025: [
    ["03-14", "Holi"],
    ["10-20", "Diwali"],
  ],
  2026: [
    ["03-04", "Holi"],
    ["11-08", "Diwali"],
  ],
  2027: [
    ["03-22", "Holi"],
    ["10-29", "Diwali"],
  ],
  2028: [
    ["03-11", "Holi"],
    ["10-17", "Diwali"],
  ],
};

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): { year: number; month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The n-th given ISO weekday of a month (n = -1 for the last). */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = addCalendarDays({ year, month, day: 1 }, 0);
    const offset = (weekday - first.weekday + 7) % 7;
    return dateKey(year, month, 1 + offset + (n - 1) * 7);
  }
  const last = addCalendarDays({ year, month: month + 1, day: 1 }, -1);
  const back = (last.weekday - weekday + 7) % 7;
  return dateKey(year, month, last.day - back);
}

function fromEaster(year: number, days: number): string {
  const moved = addCalendarDays(easterSunday(year), days);
  return dateKey(moved.year, moved.month, moved.day);
}

function holidaysOfYear(region: HolidayRegion, year: number): Map<string, string> {
  const on = (month: number, day: number) => dateKey(year, month, day);
  const entries: [string, string][] = [];
  switch (region) {
    case "SE": {
      const midsummerEve = addCalendarDays({ year, month: 6, day: 19 }, 0);
      entries.push(
        [on(1, 1), "New Year's Day"],
        [on(1, 6), "Epiphany"],
        [fromEaster(year, -2), "Good Friday"],
        [fromEaster(year, 1), "Easter Monday"],
        [on(5, 1), "May Day"],
        [fromEaster(year, 39), "Ascension Day"],
        [on(6, 6), "National Day of Sweden"],
        [on(6, 19 + ((5 - midsummerEve.weekday + 7) % 7)), "Midsummer Eve"],
        [on(12, 24), "Christmas Eve"],
        [on(12, 25), "Christmas Day"],
        [on(12, 26), "Boxing Day"],
        [on(12, 31), "New Year's Eve"],
      );
      break;
    }
    case "GB":
      entries.push(
        [on(1, 1), "New Year's Day"],
        [fromEaster(year, -2), "Good Friday"],
        [fromEaster(year, 1), "Easter Monday"],
        [nthWeekday(year, 5, 1, 1), "Early May bank holiday"],
        [nthWeekday(year, 5, 1, -1), "Spring bank holiday"],
        [nthWeekday(year, 8, 1, -1), "Summer bank holiday"],
        [on(12, 25), "Christmas Day"],
        [on(12, 26), "Boxing Day"],
      );
      break;
    case "US":
      entries.push(
        [on(1, 1), "New Year's Day"],
        [nthWeekday(year, 1, 1, 3), "Martin Luther King Jr. Day"],
        [nthWeekday(year, 2, 1, 3), "Presidents' Day"],
        [nthWeekday(year, 5, 1, -1), "Memorial Day"],
        [on(6, 19), "Juneteenth"],
        [on(7, 4), "Independence Day"],
        [nthWeekday(year, 9, 1, 1), "Labor Day"],
        [nthWeekday(year, 11, 4, 4), "Thanksgiving"],
        [on(12, 25), "Christmas Day"],
      );
      break;
    case "IN":
      entries.push(
        [on(1, 26), "Republic Day"],
        [on(8, 15), "Independence Day"],
        [on(10, 2), "Gandhi Jayanti"],
        [on(12, 25), "Christmas Day"],
      );
      for (const [monthDay, name] of INDIA_LUNAR[year] ?? [])
        entries.push([`${year}-${monthDay}`, name]);
      break;
    case "AU":
      entries.push(
        [on(1, 1), "New Year's Day"],
        [on(1, 26), "Australia Day"],
        [fromEaster(year, -2), "Good Friday"],
        [fromEaster(year, 1), "Easter Monday"],
        [on(4, 25), "Anzac Day"],
        [nthWeekday(year, 6, 1, 2), "King's Birthday"],
        [nthWeekday(year, 10, 1, 1), "Labour Day"],
        [on(12, 25), "Christmas Day"],
        [on(12, 26), "Boxing Day"],
      );
      break;
  }
  return new Map(entries);
}

const cache = new Map<string, Map<string, string>>();

/** The holiday's name when `key` (YYYY-MM-DD) is a public holiday in the region. */
export function holidayOn(region: HolidayRegion | undefined, key: string): string | undefined {
  if (!region) return undefined;
  const year = Number(key.slice(0, 4));
  const cacheKey = `${region}:${year}`;
  let holidays = cache.get(cacheKey);
  if (!holidays) {
    holidays = holidaysOfYear(region, year);
    cache.set(cacheKey, holidays);
  }
  return holidays.get(key);
}

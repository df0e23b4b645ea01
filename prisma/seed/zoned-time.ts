import { TZDate, tzOffset, tzScan } from "@date-fns/tz";

/**
 * Wall-clock helpers. Every instant is a UTC epoch in milliseconds; a zone is always passed in, so
 * nothing here depends on the server's TZ.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
  /** YYYY-MM-DD in the zone */
  dateKey: string;
}

export function localParts(instant: number, timeZone: string): LocalParts {
  const shifted = new Date(instant + tzOffset(timeZone, new Date(instant)) * MINUTE);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  return {
    year,
    month,
    day,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: ((shifted.getUTCDay() + 6) % 7) + 1,
    dateKey: dateKey(year, month, day),
  };
}

export function dateKey(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The instant a wall-clock time happens in a zone (month 1–12). */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute = 0,
  second = 0,
): number {
  return new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime();
}

/** A calendar date (no zone) moved by whole days; used to walk local dates without DST drift. */
export function addCalendarDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number; weekday: number } {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
    weekday: ((moved.getUTCDay() + 6) % 7) + 1,
  };
}

/** Whole days between two calendar dates. */
export function calendarDaysBetween(
  from: { year: number; month: number; day: number },
  to: { year: number; month: number; day: number },
): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY,
  );
}

export interface OffsetChange {
  at: number;
  /** minutes; +60 when clocks go forward */
  change: number;
}

export function offsetChanges(timeZone: string, start: number, end: number): OffsetChange[] {
  return tzScan(timeZone, { start: new Date(start), end: new Date(end) }).map((found) => ({
    at: found.date.getTime(),
    change: found.change,
  }));
}

/**
 * The data range: from the first day of the quarter five quarters before `until`'s quarter, so a
 * quarterly review has five full quarters plus the current one to date.
 */
export function seedRange(until: Date): { from: Date; until: Date } {
  const quarterIndex = until.getUTCFullYear() * 4 + Math.floor(until.getUTCMonth() / 3) - 5;
  const from = new Date(Date.UTC(Math.floor(quarterIndex / 4), (quarterIndex % 4) * 3, 1));
  return { from, until };
}

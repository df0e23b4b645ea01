import { dayNumber, formatCivilDate, parseCivilDate } from "@/lib/metrics/calendar-dates";
import { wallClockAt } from "@/lib/metrics/calendar-zone";
import { parseLocalDateTime } from "@/lib/shared/report-filters";
import { ApiError } from "../http/api-error";

/** How far from today a claim or adjustment may be dated, either way. */
export const LEDGER_DATE_WINDOW_DAYS = 365;

/** The calendar date ("YYYY-MM-DD") of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return formatCivilDate(wallClockAt(instant.getTime(), timeZone));
}

/** Midnight starting `date` in the zone: a claim's day off begins there. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const start = parseLocalDateTime(date, timeZone);
  if (!start) throw new ApiError("bad_request", `date: "${date}" is not a date like 2026-12-01.`);
  return start;
}

/**
 * Refuses a date more than a year from today in the person's zone (a typo such as 2062 for
 * 2026), naming today so the person can see why.
 */
export function requireDateNearToday(date: string, timeZone: string, now: Date): void {
  const today = localDateOf(now, timeZone);
  const distance = Math.abs(dayNumber(parseCivilDate(date)) - dayNumber(parseCivilDate(today)));
  if (distance > LEDGER_DATE_WINDOW_DAYS) {
    throw new ApiError(
      "bad_request",
      `date: ${date} is more than ${LEDGER_DATE_WINDOW_DAYS} days from today (${today} in ${timeZone}): choose a date within a year either way.`,
    );
  }
}

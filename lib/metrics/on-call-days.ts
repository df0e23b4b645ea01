/**
 * A person's on-call time per local calendar day, for the shifts calendar of the person screen.
 * Shifts are merged first, as the report merges them (PRODUCT.md › On-call: "a person's
 * overlapping shifts count once"), so the days add up to the report's on-call hours.
 */
import {
  civilDateFromDayNumber,
  dayNumber,
  formatCivilDate,
  type Instant,
  toEpochMilliseconds,
} from "./calendar-dates";
import { assertTimeZone, cutAtLocalBoundaries, wallClockAt } from "./calendar-zone";
import { mergeShifts, type Period, type Shift } from "./on-call";

const MILLISECONDS_PER_HOUR = 3_600_000;

export interface OnCallDay {
  /** YYYY-MM-DD in the person's zone. */
  date: string;
  /** On-call hours that day (inside the period), overlaps counted once. A 23-h DST day holds 23 at most. */
  hours: number;
  level1Hours: number;
  level2PlusHours: number;
  /** "primary" with any level-1 time that day, "backup" with only level 2+, null off call. */
  status: "primary" | "backup" | null;
}

/** The local dates (in `timeZone`) a period touches, first to last. */
export function localDatesOf(period: Period, timeZone: string): string[] {
  assertTimeZone(timeZone);
  const start = toEpochMilliseconds(period.start);
  const end = toEpochMilliseconds(period.end);
  if (end <= start) return [];
  const first = dayNumber(wallClockAt(start, timeZone));
  // `end` is exclusive: the last date is that of the millisecond before it.
  const last = dayNumber(wallClockAt(end - 1, timeZone));
  const dates: string[] = [];
  for (let day = first; day <= last; day++)
    dates.push(formatCivilDate(civilDateFromDayNumber(day)));
  return dates;
}

/**
 * Every local date of the period with the on-call hours in it: shifts merged (level 1 wins an
 * overlap, as in `mergeShifts`), clipped to the period and cut at local midnights, so DST days
 * get the hours they really have.
 */
export function onCallDays(
  shifts: readonly Shift[],
  period: Period,
  timeZone: string,
): OnCallDay[] {
  const periodStart = toEpochMilliseconds(period.start);
  const periodEnd = toEpochMilliseconds(period.end);
  const days = new Map<string, OnCallDay>(
    localDatesOf(period, timeZone).map((date) => [
      date,
      { date, hours: 0, level1Hours: 0, level2PlusHours: 0, status: null },
    ]),
  );
  for (const shift of mergeShifts(shifts)) {
    const start = Math.max(shift.start.getTime(), periodStart);
    const end = Math.min(shift.end.getTime(), periodEnd);
    for (const [pieceStart, pieceEnd] of cutAtLocalBoundaries(start, end, timeZone, [0])) {
      const day = days.get(formatCivilDate(wallClockAt(pieceStart, timeZone)));
      if (!day) continue;
      const hours = (pieceEnd - pieceStart) / MILLISECONDS_PER_HOUR;
      day.hours += hours;
      // Level 0 or below does not occur in PagerDuty; like the report, it counts as primary.
      if (shift.level <= 1) day.level1Hours += hours;
      else day.level2PlusHours += hours;
    }
  }
  for (const day of days.values()) {
    day.status = day.level1Hours > 0 ? "primary" : day.level2PlusHours > 0 ? "backup" : null;
  }
  return [...days.values()];
}

/** Hours of [start, end) inside the period: a shift's share of the range, before merging. */
export function hoursInPeriod(start: Instant, end: Instant, period: Period): number {
  const from = Math.max(toEpochMilliseconds(start), toEpochMilliseconds(period.start));
  const to = Math.min(toEpochMilliseconds(end), toEpochMilliseconds(period.end));
  return Math.max(0, to - from) / MILLISECONDS_PER_HOUR;
}

/**
 * On-call load (PRODUCT.md › Definitions › On-call): hours per band, weekend and holiday hours,
 * level 1 vs 2+, on-call weeks, rotation interval and streak.
 */
import {
  formatIsoWeek,
  type Instant,
  isoWeekNumberSinceEpoch,
  isoWeekOf,
  parseIsoWeek,
  toEpochMilliseconds,
} from "./calendar-dates";
import { assertTimeZone, cutAtLocalBoundaries, wallClockAt } from "./calendar-zone";
import {
  addIntervalSplits,
  emptyIntervalSplit,
  type PersonCalendar,
  splitInterval,
} from "./time-bands";

/** An ISO week counts as an on-call week with at least this much level-1 on-call in it. */
export const DEFAULT_ON_CALL_WEEK_MINIMUM_HOURS = 24;

const MILLISECONDS_PER_HOUR = 3_600_000;

/** One of a person's shifts: escalation level 1 is primary, 2 and up are backup. */
export interface Shift {
  start: Instant;
  end: Instant;
  level: number;
}

export interface MergedShift {
  start: Date;
  end: Date;
  level: number;
}

export interface Period {
  start: Instant;
  /** Exclusive. */
  end: Instant;
}

export interface OnCallSummary {
  hours: number;
  businessHours: number;
  /** The off band alone (weekday evenings, weekend days); sleep is apart. */
  offHours: number;
  sleepHours: number;
  /** Saturday and Sunday in the person's zone, any band. */
  weekendHours: number;
  holidayHours: number;
  /** Weekend or public-holiday hours, a holiday Saturday counted once (fairness uses this). */
  weekendOrHolidayHours: number;
  level1Hours: number;
  level2PlusHours: number;
}

export interface RotationRun {
  /** ISO week the run starts in, e.g. "2026-W14". */
  start: string;
  /** Consecutive on-call weeks in the run. */
  length: number;
}

export interface RotationStats {
  weeks: number;
  runs: RotationRun[];
  /** Mean gap in weeks between the starts of consecutive runs; null with fewer than 2 runs. */
  meanIntervalWeeks: number | null;
  longestStreakWeeks: number;
}

/**
 * A person's shifts as non-overlapping pieces, sorted by start (PRODUCT.md › On-call: "a
 * person's overlapping shifts count once"). Where shifts of different levels overlap, the overlap
 * counts once at the lowest level (level 1 over level 2): the person was primary then. Adjacent
 * pieces of the same level are joined. Shifts that end at or before their start cover no time
 * and are dropped.
 */
export function mergeShifts(shifts: readonly Shift[]): MergedShift[] {
  // Sweep line: at each shift start or end, update how many shifts of each level are active.
  const changesByInstant = new Map<number, Array<{ level: number; delta: 1 | -1 }>>();
  const addChange = (at: number, level: number, delta: 1 | -1) => {
    const changes = changesByInstant.get(at) ?? [];
    changes.push({ level, delta });
    changesByInstant.set(at, changes);
  };
  for (const shift of shifts) {
    const start = toEpochMilliseconds(shift.start);
    const end = toEpochMilliseconds(shift.end);
    if (end <= start) continue;
    addChange(start, shift.level, 1);
    addChange(end, shift.level, -1);
  }
  const instants = [...changesByInstant.keys()].sort((a, b) => a - b);
  const activeByLevel = new Map<number, number>();
  const merged: MergedShift[] = [];
  instants.forEach((at, index) => {
    for (const { level, delta } of changesByInstant.get(at) ?? []) {
      const count = (activeByLevel.get(level) ?? 0) + delta;
      if (count === 0) activeByLevel.delete(level);
      else activeByLevel.set(level, count);
    }
    const next = instants[index + 1];
    if (next === undefined || activeByLevel.size === 0) return;
    const level = Math.min(...activeByLevel.keys());
    const previous = merged.at(-1);
    if (previous && previous.level === level && previous.end.getTime() === at) {
      previous.end = new Date(next);
    } else {
      merged.push({ start: new Date(at), end: new Date(next), level });
    }
  });
  return merged;
}

function clipToPeriod(shifts: readonly Shift[], period: Period): MergedShift[] {
  const periodStart = toEpochMilliseconds(period.start);
  const periodEnd = toEpochMilliseconds(period.end);
  return mergeShifts(shifts).flatMap((shift) => {
    const start = Math.max(shift.start.getTime(), periodStart);
    const end = Math.min(shift.end.getTime(), periodEnd);
    return end > start ? [{ start: new Date(start), end: new Date(end), level: shift.level }] : [];
  });
}

// Level 0 or below does not occur in PagerDuty; it is treated as primary rather than dropped.
const isPrimary = (level: number) => level <= 1;

/**
 * On-call hours of one person in a period (PRODUCT.md › On-call), shifts merged and clipped to
 * the period [start, end), split by hour band in the person's zone.
 */
export function summariseOnCall(
  shifts: readonly Shift[],
  period: Period,
  calendar: PersonCalendar,
): OnCallSummary {
  let split = emptyIntervalSplit();
  let level1 = 0;
  let level2Plus = 0;
  for (const shift of clipToPeriod(shifts, period)) {
    const shiftSplit = splitInterval(shift.start, shift.end, calendar);
    split = addIntervalSplits(split, shiftSplit);
    if (isPrimary(shift.level)) level1 += shiftSplit.total;
    else level2Plus += shiftSplit.total;
  }
  const hours = (milliseconds: number) => milliseconds / MILLISECONDS_PER_HOUR;
  return {
    hours: hours(split.total),
    businessHours: hours(split.business),
    offHours: hours(split.off),
    sleepHours: hours(split.sleep),
    weekendHours: hours(split.weekend),
    holidayHours: hours(split.holiday),
    weekendOrHolidayHours: hours(split.weekendOrHoliday),
    level1Hours: hours(level1),
    level2PlusHours: hours(level2Plus),
  };
}

/**
 * ISO weeks ("2026-W14", weeks of the person's zone: Monday 00:00 local to the next) holding at
 * least `minimumHours` of level-1 on-call inside the period (PRODUCT.md › On-call week), sorted.
 * Weeks belong to ISO week-years, so 2026-12-28 … 2027-01-03 is "2026-W53".
 */
export function onCallWeeks(
  shifts: readonly Shift[],
  period: Period,
  calendar: PersonCalendar,
  minimumHours: number = DEFAULT_ON_CALL_WEEK_MINIMUM_HOURS,
): string[] {
  assertTimeZone(calendar.timeZone);
  const millisecondsByWeek = new Map<string, number>();
  for (const shift of clipToPeriod(shifts, period)) {
    if (!isPrimary(shift.level)) continue;
    // Cutting at every local midnight keeps each piece inside one local date, hence one week,
    // whatever DST does to the length of the days.
    const pieces = cutAtLocalBoundaries(
      shift.start.getTime(),
      shift.end.getTime(),
      calendar.timeZone,
      [0],
    );
    for (const [pieceStart, pieceEnd] of pieces) {
      const week = formatIsoWeek(isoWeekOf(wallClockAt(pieceStart, calendar.timeZone)));
      millisecondsByWeek.set(week, (millisecondsByWeek.get(week) ?? 0) + pieceEnd - pieceStart);
    }
  }
  return [...millisecondsByWeek]
    .filter(([, milliseconds]) => milliseconds >= minimumHours * MILLISECONDS_PER_HOUR)
    .map(([week]) => week)
    .sort();
}

/**
 * Runs of consecutive on-call weeks, the rotation interval ("on call every N weeks": mean gap
 * between the starts of consecutive runs) and the longest streak (PRODUCT.md › On-call).
 * Duplicate weeks count once; input order does not matter; 53-week years are handled.
 */
export function rotationStats(weeks: readonly string[]): RotationStats {
  const numbered = [...new Set(weeks)]
    .map((week) => ({ week, number: isoWeekNumberSinceEpoch(parseIsoWeek(week)) }))
    .sort((a, b) => a.number - b.number);
  const runs: Array<RotationRun & { startNumber: number }> = [];
  let previousNumber: number | null = null;
  for (const { week, number } of numbered) {
    const current = runs.at(-1);
    if (current && previousNumber === number - 1) current.length += 1;
    else runs.push({ start: week, length: 1, startNumber: number });
    previousNumber = number;
  }
  const first = runs[0];
  const last = runs.at(-1);
  return {
    weeks: numbered.length,
    runs: runs.map(({ start, length }) => ({ start, length })),
    // The mean of the gaps between consecutive starts telescopes to (last − first) / (runs − 1).
    meanIntervalWeeks:
      first && last && runs.length >= 2
        ? (last.startNumber - first.startNumber) / (runs.length - 1)
        : null,
    longestStreakWeeks: Math.max(0, ...runs.map((run) => run.length)),
  };
}

/**
 * Wall-clock time in an IANA zone, computed from @date-fns/tz's `tzOffset` so that nothing ever
 * reads the process's own zone (`TZ`): the same instant gives the same local time on any server
 * and in any browser.
 */
import { tzOffset } from "@date-fns/tz";
import { type CivilDate, civilDateFromDayNumber, dayNumber, isoWeekday } from "./calendar-dates";

const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;
const OFFSET_BOUND_MS = 15 * 3_600_000;
// No zone has changed its offset twice within six hours, so one probe per six hours finds every
// transition in an interval.
const TRANSITION_PROBE_STEP_MS = 6 * 3_600_000;

const knownTimeZones = new Set<string>();

/** Throws a RangeError for a zone the runtime's time-zone database does not know. */
export function assertTimeZone(timeZone: string): void {
  if (knownTimeZones.has(timeZone)) return;
  if (Number.isNaN(tzOffset(timeZone, new Date(0)))) {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
  knownTimeZones.add(timeZone);
}

/** Minutes to add to UTC to get wall-clock time (Stockholm in summer: 120). */
export function utcOffsetMinutes(timeZone: string, epochMilliseconds: number): number {
  return tzOffset(timeZone, new Date(epochMilliseconds));
}

export interface WallClock extends CivilDate {
  hour: number;
  minute: number;
  /** Minutes since local midnight, with seconds as a fraction (07:59:30 → 479.5). */
  minuteOfDay: number;
  /** 1 = Monday … 7 = Sunday */
  isoWeekday: number;
}

export function wallClockAt(epochMilliseconds: number, timeZone: string): WallClock {
  const offset = utcOffsetMinutes(timeZone, epochMilliseconds);
  // A Date shifted by the offset whose UTC fields read as the wall clock.
  const shifted = new Date(epochMilliseconds + offset * MILLISECONDS_PER_MINUTE);
  const date = {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
  const millisecondOfDay =
    shifted.getTime() - Date.UTC(date.year, date.month - 1, date.day) /* local midnight */;
  return {
    ...date,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    minuteOfDay: millisecondOfDay / MILLISECONDS_PER_MINUTE,
    isoWeekday: isoWeekday(date),
  };
}

/**
 * Every instant at which the wall clock reads `minuteOfDay` on `date`: usually one; none when the
 * time falls in a spring-forward gap; two when it falls in the repeated hour after a fall-back.
 */
export function instantsAtWallTime(
  date: CivilDate,
  minuteOfDay: number,
  timeZone: string,
): number[] {
  const wallAsUtc = dayNumber(date) * MILLISECONDS_PER_DAY + minuteOfDay * MILLISECONDS_PER_MINUTE;
  // The offset in force at that wall time is one of the offsets around it (offsets stay within
  // ±14 h, so a day either side covers any transition nearby).
  const candidateOffsets = new Set(
    [-MILLISECONDS_PER_DAY, 0, MILLISECONDS_PER_DAY].map((delta) =>
      utcOffsetMinutes(timeZone, wallAsUtc + delta),
    ),
  );
  const instants = new Set<number>();
  for (const offset of candidateOffsets) {
    const instant = wallAsUtc - offset * MILLISECONDS_PER_MINUTE;
    if (utcOffsetMinutes(timeZone, instant) === offset) instants.add(instant);
  }
  return [...instants].sort((a, b) => a - b);
}

/**
 * The instants at which the wall clock reaches `minuteOfDay` on `date`: those of
 * `instantsAtWallTime`, or, when a spring-forward jump skips that time, the jump itself.
 */
export function instantsReachingWallTime(
  date: CivilDate,
  minuteOfDay: number,
  timeZone: string,
): number[] {
  const exact = instantsAtWallTime(date, minuteOfDay, timeZone);
  if (exact.length > 0) return exact;
  const wallAsUtc = dayNumber(date) * MILLISECONDS_PER_DAY + minuteOfDay * MILLISECONDS_PER_MINUTE;
  const localTime = (instant: number) =>
    instant + utcOffsetMinutes(timeZone, instant) * MILLISECONDS_PER_MINUTE;
  return offsetTransitionsBetween(
    timeZone,
    wallAsUtc - MILLISECONDS_PER_DAY,
    wallAsUtc + MILLISECONDS_PER_DAY,
  ).filter((jump) => localTime(jump - 1) < wallAsUtc && localTime(jump) >= wallAsUtc);
}

/** Instants in (start, end) at which the zone's UTC offset changes (DST starts and ends). */
export function offsetTransitionsBetween(
  timeZone: string,
  startMilliseconds: number,
  endMilliseconds: number,
): number[] {
  const transitions: number[] = [];
  let probe = startMilliseconds;
  let probeOffset = utcOffsetMinutes(timeZone, probe);
  while (probe < endMilliseconds) {
    const next = Math.min(probe + TRANSITION_PROBE_STEP_MS, endMilliseconds);
    const nextOffset = utcOffsetMinutes(timeZone, next);
    if (nextOffset !== probeOffset) {
      // Binary search for the first millisecond with the new offset.
      let before = probe;
      let after = next;
      while (after - before > 1) {
        const middle = Math.floor((before + after) / 2);
        if (utcOffsetMinutes(timeZone, middle) === probeOffset) before = middle;
        else after = middle;
      }
      transitions.push(after);
    }
    probe = next;
    probeOffset = nextOffset;
  }
  return transitions;
}

/**
 * Cuts [start, end) into consecutive pieces so that no piece contains a local wall-clock boundary
 * (any of `boundaryMinutesOfDay` on any local date) or a DST transition. Within a piece the wall
 * clock runs forward without crossing a boundary, so classifying a piece by its first instant is
 * exact — including on 23- and 25-hour days, where fixed 1-hour steps would drift.
 */
export function cutAtLocalBoundaries(
  startMilliseconds: number,
  endMilliseconds: number,
  timeZone: string,
  boundaryMinutesOfDay: readonly number[],
): Array<[start: number, end: number]> {
  if (endMilliseconds <= startMilliseconds) return [];
  const minutes = [...new Set(boundaryMinutesOfDay.map((minute) => minute % MINUTES_PER_DAY))];
  const cuts = new Set<number>([startMilliseconds, endMilliseconds]);
  const firstDay = dayNumber(wallClockAt(startMilliseconds, timeZone)) - 1;
  const lastDay = dayNumber(wallClockAt(endMilliseconds, timeZone)) + 1;
  // Offsets are constant between transitions: find those once for the whole range, so that only
  // wall times near a DST change need the slower search of `instantsAtWallTime`.
  const rangeStart = firstDay * MILLISECONDS_PER_DAY - MILLISECONDS_PER_DAY;
  const rangeEnd = (lastDay + 1) * MILLISECONDS_PER_DAY + MILLISECONDS_PER_DAY;
  const transitions = offsetTransitionsBetween(timeZone, rangeStart, rangeEnd);
  const spans = [rangeStart, ...transitions].map((from, index) => ({
    from,
    to: transitions[index] ?? rangeEnd,
    offset: utcOffsetMinutes(timeZone, from),
  }));
  for (let day = firstDay; day <= lastDay; day++) {
    const date = civilDateFromDayNumber(day);
    for (const minute of minutes) {
      const wallAsUtc = day * MILLISECONDS_PER_DAY + minute * MILLISECONDS_PER_MINUTE;
      // Every UTC offset lies within ±15 h, so the instant lies within 15 h of `wallAsUtc`.
      const span = spans.find(
        ({ from, to }) => from <= wallAsUtc - OFFSET_BOUND_MS && to > wallAsUtc + OFFSET_BOUND_MS,
      );
      const instants = span
        ? [wallAsUtc - span.offset * MILLISECONDS_PER_MINUTE]
        : instantsAtWallTime(date, minute, timeZone);
      for (const instant of instants) {
        if (instant > startMilliseconds && instant < endMilliseconds) cuts.add(instant);
      }
    }
  }
  for (const transition of transitions) {
    if (transition > startMilliseconds && transition < endMilliseconds) cuts.add(transition);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: Array<[number, number]> = [];
  for (let index = 1; index < sorted.length; index++) {
    pieces.push([sorted[index - 1] as number, sorted[index] as number]);
  }
  return pieces;
}

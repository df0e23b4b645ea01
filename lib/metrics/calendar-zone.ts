/**
 * Wall-clock time in an IANA zone, computed from @date-fns/tz's `tzOffset` so that nothing ever
 * reads the process's own zone (`TZ`): the same instant gives the same local time on any server
 * and in any browser.
 */
import { tzOffset } from "@date-fns/tz";
import {
  type CivilDate,
  civilDateFromDayNumber,
  dayNumber,
  isoWeekdayOfDayNumber,
} from "./calendar-dates";

const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_HOUR = 3_600_000;
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

// Offsets are remembered in blocks of four weeks per zone: a report reads a few hundred thousand
// instants in a handful of zones, and `tzOffset` formats each one with Intl (microseconds per
// call), while a block costs about 115 such calls once and a lookup after that is an array scan.
const OFFSET_BLOCK_MS = 28 * MILLISECONDS_PER_DAY;
// Date's own limit (±8.64e15 ms); instants near it go to `tzOffset` directly.
const CACHEABLE_LIMIT_MS = 8.64e15 - 2 * OFFSET_BLOCK_MS;

interface OffsetBlock {
  /** Instants in the block at which the offset changes, ascending. */
  transitions: number[];
  /** The offset before the first transition, then after each: transitions.length + 1 entries. */
  offsets: number[];
}

const offsetBlocksByZone = new Map<string, Map<number, OffsetBlock>>();

/** The first millisecond in (before, after] whose offset is not `beforeOffset`. */
function firstMillisecondWithNewOffset(
  timeZone: string,
  before: number,
  after: number,
  beforeOffset: number,
): number {
  let low = before;
  let high = after;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (tzOffset(timeZone, new Date(middle)) === beforeOffset) low = middle;
    else high = middle;
  }
  return high;
}

/** Null for a zone the runtime does not know (its every offset is NaN): nothing to remember. */
function offsetBlock(timeZone: string, blockStart: number): OffsetBlock | null {
  const blockEnd = blockStart + OFFSET_BLOCK_MS - 1;
  let probe = blockStart;
  let probeOffset = tzOffset(timeZone, new Date(probe));
  if (Number.isNaN(probeOffset)) return null;
  const block: OffsetBlock = { transitions: [], offsets: [probeOffset] };
  while (probe < blockEnd) {
    const next = Math.min(probe + TRANSITION_PROBE_STEP_MS, blockEnd);
    const nextOffset = tzOffset(timeZone, new Date(next));
    if (nextOffset !== probeOffset) {
      block.transitions.push(firstMillisecondWithNewOffset(timeZone, probe, next, probeOffset));
      block.offsets.push(nextOffset);
    }
    probe = next;
    probeOffset = nextOffset;
  }
  return block;
}

/**
 * Minutes to add to UTC to get wall-clock time (Stockholm in summer: 120): `tzOffset`'s answer,
 * read from the zone's remembered transitions (found with the six-hour probes and millisecond
 * search of `offsetTransitionsBetween`) instead of formatting every instant with Intl.
 */
export function utcOffsetMinutes(timeZone: string, epochMilliseconds: number): number {
  const block = offsetBlockAt(timeZone, epochMilliseconds);
  if (!block) return tzOffset(timeZone, new Date(epochMilliseconds));
  // Date truncates fractional milliseconds; so does the lookup.
  const instant = Math.trunc(epochMilliseconds);
  const { transitions, offsets } = block;
  let index = 0;
  while (index < transitions.length && instant >= (transitions[index] as number)) index++;
  return offsets[index] as number;
}

/** The remembered block holding an instant; null where `tzOffset` must answer itself. */
function offsetBlockAt(timeZone: string, epochMilliseconds: number): OffsetBlock | null {
  if (!(Math.abs(epochMilliseconds) < CACHEABLE_LIMIT_MS)) return null;
  let blocks = offsetBlocksByZone.get(timeZone);
  if (!blocks) {
    blocks = new Map();
    offsetBlocksByZone.set(timeZone, blocks);
  }
  const blockIndex = Math.floor(epochMilliseconds / OFFSET_BLOCK_MS);
  let block = blocks.get(blockIndex);
  if (block === undefined) {
    const computed = offsetBlock(timeZone, blockIndex * OFFSET_BLOCK_MS);
    if (!computed) return null;
    block = computed;
    blocks.set(blockIndex, block);
  }
  return block;
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
  // The instant shifted by the offset reads as the wall clock in UTC; truncated to whole
  // milliseconds as a Date would be.
  const shifted = Math.trunc(epochMilliseconds + offset * MILLISECONDS_PER_MINUTE);
  const localDay = Math.floor(shifted / MILLISECONDS_PER_DAY);
  const millisecondOfDay = shifted - localDay * MILLISECONDS_PER_DAY; /* since local midnight */
  const date = civilDateFromDayNumber(localDay);
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: Math.floor(millisecondOfDay / MILLISECONDS_PER_HOUR),
    minute: Math.floor(millisecondOfDay / MILLISECONDS_PER_MINUTE) % 60,
    minuteOfDay: millisecondOfDay / MILLISECONDS_PER_MINUTE,
    isoWeekday: isoWeekdayOfDayNumber(localDay),
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

/**
 * Instants in (start, end] at which the zone's UTC offset changes (DST starts and ends), read
 * from the remembered blocks of `utcOffsetMinutes`.
 */
export function offsetTransitionsBetween(
  timeZone: string,
  startMilliseconds: number,
  endMilliseconds: number,
): number[] {
  const transitions: number[] = [];
  if (!(endMilliseconds > startMilliseconds)) return transitions;
  const firstBlock = Math.floor(startMilliseconds / OFFSET_BLOCK_MS);
  const lastBlock = Math.floor(endMilliseconds / OFFSET_BLOCK_MS);
  let previousOffset = utcOffsetMinutes(timeZone, startMilliseconds);
  for (let index = firstBlock; index <= lastBlock; index++) {
    const block = offsetBlockAt(timeZone, index * OFFSET_BLOCK_MS);
    if (!block) return offsetTransitionsByProbing(timeZone, startMilliseconds, endMilliseconds);
    // A block starts with the offset its first millisecond has; a change at that millisecond is
    // a transition too.
    const blockStart = index * OFFSET_BLOCK_MS;
    const changes = [
      { at: blockStart, offset: block.offsets[0] as number },
      ...block.transitions.map((at, change) => ({
        at,
        offset: block.offsets[change + 1] as number,
      })),
    ];
    for (const { at, offset } of changes) {
      if (offset === previousOffset) continue;
      previousOffset = offset;
      if (at > startMilliseconds && at <= endMilliseconds) transitions.push(at);
    }
  }
  return transitions;
}

/** `offsetTransitionsBetween` straight from `tzOffset`, for instants beyond the blocks. */
function offsetTransitionsByProbing(
  timeZone: string,
  startMilliseconds: number,
  endMilliseconds: number,
): number[] {
  const offsetAt = (instant: number) => tzOffset(timeZone, new Date(instant));
  const transitions: number[] = [];
  let probe = startMilliseconds;
  let probeOffset = offsetAt(probe);
  while (probe < endMilliseconds) {
    const next = Math.min(probe + TRANSITION_PROBE_STEP_MS, endMilliseconds);
    const nextOffset = offsetAt(next);
    if (nextOffset !== probeOffset) {
      transitions.push(firstMillisecondWithNewOffset(timeZone, probe, next, probeOffset));
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

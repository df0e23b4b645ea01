/**
 * Call-outs (PRODUCT.md › Definitions › Call-out): a person's interruptions grouped while each
 * starts within 60 min of the previous one. An off-hours call-out starts in the off or sleep
 * band; a wake-up starts in the sleep band.
 */
import { type Instant, toEpochMilliseconds } from "./calendar-dates";
import type { Interruption } from "./interruptions";
import type { HourBand } from "./time-bands";

/**
 * An interruption starting this long after the previous one's start continues the call-out.
 * Chained, unlike the 60 s interruption window: someone paged at 02:00, 02:50 and 03:40 has been
 * up the whole time, so that is one call-out. Exactly 60 min still chains ("within").
 */
export const DEFAULT_CALL_OUT_CHAIN_WINDOW_MS = 60 * 60_000;

/** Time in lieu and rest measure a call-out up to the last resolve, but never beyond 12 h. */
export const DEFAULT_CALL_OUT_MAX_DURATION_MS = 12 * 3_600_000;

export interface CallOut {
  /** The first page of the first interruption. */
  start: Date;
  /** The last page of the last interruption; the call-out's end for rest and time in lieu is
   * this or the last resolve of its incidents, see `callOutEndAt`. */
  lastPageAt: Date;
  interruptions: Interruption[];
  /** Band of its first interruption. */
  band: HourBand;
  /** Starts in the off or sleep band. */
  isOffHours: boolean;
  /** Starts in the sleep band. */
  isWakeUp: boolean;
  isWeekend: boolean;
  isHoliday: boolean;
  /** Distinct incidents across its interruptions, ascending. */
  incidentIds: number[];
}

export interface CallOutOptions {
  chainWindowMs?: number;
}

/**
 * One person's call-outs from their interruptions (PRODUCT.md › Call-out), oldest first: an
 * interruption starting within `chainWindowMs` (inclusive) of the previous interruption's start
 * joins its call-out. The order of `interruptions` does not matter.
 */
export function buildCallOuts(
  interruptions: readonly Interruption[],
  options: CallOutOptions = {},
): CallOut[] {
  const chainWindowMs = options.chainWindowMs ?? DEFAULT_CALL_OUT_CHAIN_WINDOW_MS;
  const sorted = [...interruptions].sort((a, b) => a.start.getTime() - b.start.getTime());
  const groups: Interruption[][] = [];
  let previousStart: number | null = null;
  for (const interruption of sorted) {
    const start = interruption.start.getTime();
    const current = groups.at(-1);
    if (current && previousStart !== null && start - previousStart <= chainWindowMs) {
      current.push(interruption);
    } else {
      groups.push([interruption]);
    }
    previousStart = start;
  }
  return groups.flatMap((group) => {
    const [first] = group;
    if (!first) return [];
    const lastPageAt = Math.max(...group.map((interruption) => interruption.lastPageAt.getTime()));
    const incidentIds = new Set(group.flatMap((interruption) => interruption.incidentIds));
    return [
      {
        start: first.start,
        lastPageAt: new Date(lastPageAt),
        interruptions: group,
        band: first.band,
        isOffHours: first.band !== "business",
        isWakeUp: first.band === "sleep",
        isWeekend: first.isWeekend,
        isHoliday: first.isHoliday,
        incidentIds: [...incidentIds].sort((a, b) => a - b),
      },
    ];
  });
}

/** How many items (interruptions or call-outs) started in each band. */
export function countByBand(items: readonly { band: HourBand }[]): Record<HourBand, number> {
  const counts: Record<HourBand, number> = { business: 0, off: 0, sleep: 0 };
  for (const item of items) counts[item.band] += 1;
  return counts;
}

/**
 * The end of a call-out as time in lieu and rest use it (PRODUCT.md › Time in lieu, Rest): the
 * later of its last page and the last resolve of its incidents, capped at `maxDurationMs` after
 * its start. `lastResolvedAt` is null when none of its incidents is resolved yet.
 */
export function callOutEndAt(
  callOut: Pick<CallOut, "start" | "lastPageAt">,
  lastResolvedAt: Instant | null,
  maxDurationMs: number = DEFAULT_CALL_OUT_MAX_DURATION_MS,
): Date {
  const start = callOut.start.getTime();
  const lastActivity = Math.max(
    callOut.lastPageAt.getTime(),
    lastResolvedAt === null ? Number.NEGATIVE_INFINITY : toEpochMilliseconds(lastResolvedAt),
  );
  return new Date(Math.min(lastActivity, start + maxDurationMs));
}

/**
 * Rest breaches (PRODUCT.md › Definitions › Rest): a call-out is a rest breach when less than
 * 11 h separate its end from the person's next business-hours start, or, in regions that require
 * night rest (Sweden), when it has an interruption between 00:00 and 05:00 local. One breach per
 * call-out at most. Shown to managers to fix rotas, never to blame.
 */
import { formatCivilDate, type Instant, toEpochMilliseconds } from "./calendar-dates";
import { assertTimeZone, wallClockAt } from "./calendar-zone";
import type { CallOut } from "./call-outs";
import { nextBusinessStart, type PersonCalendar } from "./time-bands";

/** EU Working Time Directive art. 3: 11 consecutive hours of daily rest. */
export const DEFAULT_MINIMUM_REST_HOURS = 11;
/** Regions whose law requires night rest: Sweden's Arbetstidslagen § 13 (00:00–05:00). */
export const DEFAULT_NIGHT_REST_REGIONS: readonly string[] = ["SE"];
export const DEFAULT_NIGHT_REST_START_HOUR = 0;
export const DEFAULT_NIGHT_REST_END_HOUR = 5;

export interface RestSettings {
  minimumRestHours: number;
  /** Countries ("SE") or regions ("SE-AB"); a country entry covers all of its regions. */
  nightRestRegions: readonly string[];
  /** Local hour the night-rest window starts (inclusive). */
  nightRestStartHour: number;
  /** Local hour the night-rest window ends (exclusive): 05:00 itself is outside. */
  nightRestEndHour: number;
}

export const DEFAULT_REST_SETTINGS: RestSettings = {
  minimumRestHours: DEFAULT_MINIMUM_REST_HOURS,
  nightRestRegions: DEFAULT_NIGHT_REST_REGIONS,
  nightRestStartHour: DEFAULT_NIGHT_REST_START_HOUR,
  nightRestEndHour: DEFAULT_NIGHT_REST_END_HOUR,
};

export type RestBreachRule = "short-rest" | "night-rest";

export interface RestBreachReason {
  rule: RestBreachRule;
  /** The reason in words, with local times, for the manager's table. */
  message: string;
}

export interface RestBreach {
  callOutStart: Date;
  endAt: Date;
  nextBusinessStartAt: Date | null;
  /** Hours from `endAt` to `nextBusinessStartAt`; null when there is no next business start. */
  restHours: number | null;
  /** Every rule the call-out broke; still one breach. */
  reasons: RestBreachReason[];
}

export interface CallOutWithEnd {
  callOut: Pick<CallOut, "start" | "interruptions">;
  /** From `callOutEndAt`: the later of last page and last resolve, capped at start + 12 h. */
  endAt: Instant;
}

const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_HOUR = 3_600_000;

function formatRest(milliseconds: number): string {
  // Rounded down, so 10 h 59 min 59 s never reads as the 11 h it falls short of.
  const totalMinutes = Math.floor(milliseconds / MILLISECONDS_PER_MINUTE);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

function formatLocal(epochMilliseconds: number, timeZone: string): string {
  const wall = wallClockAt(epochMilliseconds, timeZone);
  const time = `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`;
  return `${formatCivilDate(wall)} ${time}`;
}

function formatHour(hour: number): string {
  return `${String(Math.floor(hour)).padStart(2, "0")}:${String(Math.round((hour % 1) * 60)).padStart(2, "0")}`;
}

function requiresNightRest(region: string | null | undefined, regions: readonly string[]): boolean {
  if (!region) return false;
  const [country] = region.split("-");
  return regions.includes(region) || (country !== undefined && regions.includes(country));
}

function isInNightWindow(minuteOfDay: number, settings: RestSettings): boolean {
  const start = settings.nightRestStartHour * 60;
  const end = settings.nightRestEndHour * 60;
  // A window such as 22:00–05:00 crosses midnight.
  return start <= end
    ? minuteOfDay >= start && minuteOfDay < end
    : minuteOfDay >= start || minuteOfDay < end;
}

/**
 * Whether one call-out breaches rest (PRODUCT.md › Rest), and why; null when it does not.
 * Short rest: less than `minimumRestHours` from `endAt` to `nextBusinessStart(endAt)` (exactly
 * 11 h is enough). Night rest, where `calendar.region` requires it: an interruption starting in
 * [00:00, 05:00) local. Both reasons are listed when both apply; it is still one breach.
 */
export function findRestBreach(
  callOut: Pick<CallOut, "start" | "interruptions">,
  endAt: Instant,
  calendar: PersonCalendar,
  settings: Partial<RestSettings> = {},
): RestBreach | null {
  const rules = { ...DEFAULT_REST_SETTINGS, ...settings };
  const { timeZone } = calendar;
  assertTimeZone(timeZone);
  const endMilliseconds = toEpochMilliseconds(endAt);
  const reasons: RestBreachReason[] = [];

  const nextStart = nextBusinessStart(endMilliseconds, calendar);
  const restMilliseconds = nextStart === null ? null : nextStart.getTime() - endMilliseconds;
  if (
    restMilliseconds !== null &&
    restMilliseconds < rules.minimumRestHours * MILLISECONDS_PER_HOUR
  ) {
    reasons.push({
      rule: "short-rest",
      message:
        `${formatRest(restMilliseconds)} of rest between the end of the call-out ` +
        `(${formatLocal(endMilliseconds, timeZone)}) and the next business-hours start ` +
        `(${formatLocal(nextStart?.getTime() ?? endMilliseconds, timeZone)}), ` +
        `less than the ${rules.minimumRestHours} h minimum`,
    });
  }

  if (requiresNightRest(calendar.region, rules.nightRestRegions)) {
    const nightInterruption = callOut.interruptions.find((interruption) =>
      isInNightWindow(wallClockAt(interruption.start.getTime(), timeZone).minuteOfDay, rules),
    );
    if (nightInterruption) {
      reasons.push({
        rule: "night-rest",
        message:
          `Interrupted at ${formatLocal(nightInterruption.start.getTime(), timeZone)}, inside the ` +
          `${formatHour(rules.nightRestStartHour)}–${formatHour(rules.nightRestEndHour)} night rest ` +
          `required in ${calendar.region}`,
      });
    }
  }

  if (reasons.length === 0) return null;
  return {
    callOutStart: callOut.start,
    endAt: new Date(endMilliseconds),
    nextBusinessStartAt: nextStart,
    restHours: restMilliseconds === null ? null : restMilliseconds / MILLISECONDS_PER_HOUR,
    reasons,
  };
}

/** The rest breaches among one person's call-outs, oldest first (one per call-out at most). */
export function findRestBreaches(
  callOuts: readonly CallOutWithEnd[],
  calendar: PersonCalendar,
  settings: Partial<RestSettings> = {},
): RestBreach[] {
  return callOuts
    .flatMap(({ callOut, endAt }) => findRestBreach(callOut, endAt, calendar, settings) ?? [])
    .sort((a, b) => a.callOutStart.getTime() - b.callOutStart.getTime());
}

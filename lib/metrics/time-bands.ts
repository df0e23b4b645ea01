/**
 * Hour bands (PRODUCT.md › Definitions › Hour bands): in each person's own IANA zone,
 * business Mon–Fri 08:00–18:00, sleep every day 22:00–08:00, off everything else; a public
 * holiday counts as a weekend day. These match PagerDuty's Analytics bands.
 */
import {
  type CivilDate,
  civilDateFromDayNumber,
  dayNumber,
  formatCivilDate,
  type Instant,
  toEpochMilliseconds,
} from "./calendar-dates";
import {
  assertTimeZone,
  cutAtLocalBoundaries,
  instantsReachingWallTime,
  wallClockAt,
} from "./calendar-zone";

export interface HourBandSettings {
  /** Local hour the business band starts on business days (0–24, fractions allowed: 8.5 = 08:30). */
  businessStartHour: number;
  /** Local hour the business band ends; must not be before `businessStartHour`. */
  businessEndHour: number;
  /** Local hour the sleep band starts, every day. */
  sleepStartHour: number;
  /** Local hour the sleep band ends; before `sleepStartHour` means it crosses midnight. */
  sleepEndHour: number;
  /** ISO weekdays with a business band: 1 = Monday … 7 = Sunday. */
  businessDays: number[];
}

export const DEFAULT_HOUR_BANDS: HourBandSettings = {
  businessStartHour: 8,
  businessEndHour: 18,
  sleepStartHour: 22,
  sleepEndHour: 8,
  businessDays: [1, 2, 3, 4, 5],
};

export type HourBand = "business" | "off" | "sleep";

export const HOUR_BANDS: readonly HourBand[] = ["business", "off", "sleep"];

/** Everything about a person that decides which band an instant falls in. */
export interface PersonCalendar {
  /** IANA zone, e.g. "Europe/Stockholm". */
  timeZone: string;
  /** Whether a local date (YYYY-MM-DD in `timeZone`) is a public holiday for this person. */
  isHoliday(localDate: string): boolean;
  bands: HourBandSettings;
  /** Holiday region ("SE", "US-NY"); rest rules such as Swedish night rest depend on it. */
  region?: string | null;
}

export interface InstantClassification {
  band: HourBand;
  /** YYYY-MM-DD in the person's zone. */
  localDate: string;
  /** 0–23 in the person's zone. */
  localHour: number;
  /** 1 = Monday … 7 = Sunday, in the person's zone. */
  isoWeekday: number;
  /** Saturday or Sunday in the person's zone (holidays are reported apart, in `isHoliday`). */
  isWeekend: boolean;
  isHoliday: boolean;
}

export interface IntervalSplit {
  /** Milliseconds in each band; business + off + sleep = total exactly. */
  business: number;
  off: number;
  sleep: number;
  /** Milliseconds on a local Saturday or Sunday, any band. */
  weekend: number;
  /** Milliseconds on a local public holiday, any band. */
  holiday: number;
  /** Milliseconds on a weekend day or a holiday, each counted once (a holiday Saturday is not doubled). */
  weekendOrHoliday: number;
  total: number;
}

const MINUTES_PER_DAY = 1440;
// Far enough to cross any run of holidays and weekends; a calendar with no business day in
// this long has none at all.
const NEXT_BUSINESS_START_SEARCH_DAYS = 400;

interface BandMinutes {
  businessStart: number;
  businessEnd: number;
  sleepStart: number;
  sleepEnd: number;
  businessDays: ReadonlySet<number>;
}

const validatedBands = new WeakMap<HourBandSettings, BandMinutes>();

function bandMinutes(settings: HourBandSettings): BandMinutes {
  const cached = validatedBands.get(settings);
  if (cached) return cached;
  const toMinutes = (name: keyof HourBandSettings, hour: number) => {
    if (!Number.isFinite(hour) || hour < 0 || hour > 24) {
      throw new RangeError(`${name} must be an hour between 0 and 24, got ${hour}`);
    }
    return Math.round(hour * 60);
  };
  const minutes: BandMinutes = {
    businessStart: toMinutes("businessStartHour", settings.businessStartHour),
    businessEnd: toMinutes("businessEndHour", settings.businessEndHour),
    sleepStart: toMinutes("sleepStartHour", settings.sleepStartHour) % MINUTES_PER_DAY,
    sleepEnd: toMinutes("sleepEndHour", settings.sleepEndHour) % MINUTES_PER_DAY,
    businessDays: new Set(settings.businessDays),
  };
  if (minutes.businessStart > minutes.businessEnd) {
    throw new RangeError("The business band cannot cross midnight: start after end");
  }
  for (const day of settings.businessDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new RangeError(`businessDays holds ISO weekdays 1–7, got ${day}`);
    }
  }
  validatedBands.set(settings, minutes);
  return minutes;
}

function isSleepMinute(minuteOfDay: number, minutes: BandMinutes): boolean {
  const { sleepStart, sleepEnd } = minutes;
  if (sleepStart === sleepEnd) return false; // equal hours: no sleep band configured
  if (sleepStart < sleepEnd) return minuteOfDay >= sleepStart && minuteOfDay < sleepEnd;
  // Crosses midnight: 22:00–08:00 is 22:00–24:00 plus 00:00–08:00 of the same local date, so
  // Monday 06:00 is sleep, not business.
  return minuteOfDay >= sleepStart || minuteOfDay < sleepEnd;
}

function bandAt(minuteOfDay: number, isBusinessDay: boolean, minutes: BandMinutes): HourBand {
  // Sleep wins where an admin makes the bands overlap: being woken is the heavier signal.
  if (isSleepMinute(minuteOfDay, minutes)) return "sleep";
  if (isBusinessDay && minuteOfDay >= minutes.businessStart && minuteOfDay < minutes.businessEnd) {
    return "business";
  }
  return "off";
}

/**
 * The band an instant falls in for a person (PRODUCT.md › Hour bands). A public holiday has no
 * business band, like a weekend: holiday 06:00 is sleep, holiday 10:00 is off.
 */
export function classifyInstant(at: Instant, calendar: PersonCalendar): InstantClassification {
  assertTimeZone(calendar.timeZone);
  const minutes = bandMinutes(calendar.bands);
  const wall = wallClockAt(toEpochMilliseconds(at), calendar.timeZone);
  const { localDate, isHoliday } = localDayOf(calendar, dayNumber(wall), wall);
  const isBusinessDay = minutes.businessDays.has(wall.isoWeekday) && !isHoliday;
  return {
    band: bandAt(wall.minuteOfDay, isBusinessDay, minutes),
    localDate,
    localHour: wall.hour,
    isoWeekday: wall.isoWeekday,
    isWeekend: wall.isoWeekday >= 6,
    isHoliday,
  };
}

interface LocalDay {
  localDate: string;
  isHoliday: boolean;
}

// What a calendar says about each local date it was asked about, and the business starts of
// each day `nextBusinessStart` looked at. A report classifies hundreds of thousands of instants
// over a few hundred dates per calendar, and calendars are shared by everyone with the same zone
// and region; kept per calendar object, so they go when the calendar does.
const localDaysByCalendar = new WeakMap<PersonCalendar, Map<number, LocalDay>>();
const businessStartsByCalendar = new WeakMap<PersonCalendar, Map<number, readonly number[]>>();

function localDayOf(calendar: PersonCalendar, day: number, date: CivilDate): LocalDay {
  let days = localDaysByCalendar.get(calendar);
  if (!days) {
    days = new Map();
    localDaysByCalendar.set(calendar, days);
  }
  let known = days.get(day);
  if (!known) {
    const localDate = formatCivilDate(date);
    known = { localDate, isHoliday: calendar.isHoliday(localDate) };
    days.set(day, known);
  }
  return known;
}

export function emptyIntervalSplit(): IntervalSplit {
  return { business: 0, off: 0, sleep: 0, weekend: 0, holiday: 0, weekendOrHoliday: 0, total: 0 };
}

export function addIntervalSplits(a: IntervalSplit, b: IntervalSplit): IntervalSplit {
  return {
    business: a.business + b.business,
    off: a.off + b.off,
    sleep: a.sleep + b.sleep,
    weekend: a.weekend + b.weekend,
    holiday: a.holiday + b.holiday,
    weekendOrHoliday: a.weekendOrHoliday + b.weekendOrHoliday,
    total: a.total + b.total,
  };
}

/**
 * Partitions [start, end) by hour band in the person's zone (PRODUCT.md › Hour bands), plus the
 * parts on local weekends and public holidays, in milliseconds. Exact across DST: band edges are
 * found as local wall-clock times, so a 23- or 25-hour day gets 23 or 25 hours.
 */
export function splitInterval(
  start: Instant,
  end: Instant,
  calendar: PersonCalendar,
): IntervalSplit {
  const startMilliseconds = toEpochMilliseconds(start);
  const endMilliseconds = toEpochMilliseconds(end);
  if (endMilliseconds < startMilliseconds) {
    throw new RangeError("An interval cannot end before it starts");
  }
  assertTimeZone(calendar.timeZone);
  const minutes = bandMinutes(calendar.bands);
  const edges = [
    0,
    minutes.businessStart,
    minutes.businessEnd,
    minutes.sleepStart,
    minutes.sleepEnd,
  ];
  const split = emptyIntervalSplit();
  const pieces = cutAtLocalBoundaries(startMilliseconds, endMilliseconds, calendar.timeZone, edges);
  for (const [pieceStart, pieceEnd] of pieces) {
    const length = pieceEnd - pieceStart;
    const { band, isWeekend, isHoliday } = classifyInstant(pieceStart, calendar);
    split[band] += length;
    if (isWeekend) split.weekend += length;
    if (isHoliday) split.holiday += length;
    if (isWeekend || isHoliday) split.weekendOrHoliday += length;
  }
  split.total = endMilliseconds - startMilliseconds;
  return split;
}

/** Local minutes of day at which the business band begins (its start, or the end of sleep). */
function businessBeginMinutes(minutes: BandMinutes): number[] {
  const isBusiness = (minute: number) =>
    bandAt((minute + MINUTES_PER_DAY) % MINUTES_PER_DAY, true, minutes) === "business";
  return [...new Set([minutes.businessStart, minutes.sleepEnd])]
    .filter(
      (minute) =>
        isBusiness(minute) && (minute === minutes.businessStart || !isBusiness(minute - 1)),
    )
    .sort((a, b) => a - b);
}

/**
 * The first instant ≥ `after` at which the person's business band begins, skipping weekends and
 * public holidays; used for rest (PRODUCT.md › Rest: "the person's next business-hours start").
 * An instant inside business hours is not a start: the answer is then the next business day's.
 * Null when the calendar has no business day within about 13 months.
 */
export function nextBusinessStart(after: Instant, calendar: PersonCalendar): Date | null {
  assertTimeZone(calendar.timeZone);
  const minutes = bandMinutes(calendar.bands);
  const afterMilliseconds = toEpochMilliseconds(after);
  const beginMinutes = businessBeginMinutes(minutes);
  if (minutes.businessDays.size === 0 || beginMinutes.length === 0) return null;
  const firstDay = dayNumber(wallClockAt(afterMilliseconds, calendar.timeZone)) - 1;
  for (let day = firstDay; day <= firstDay + NEXT_BUSINESS_START_SEARCH_DAYS; day++) {
    for (const instant of businessStartsOn(day, beginMinutes, calendar)) {
      if (instant >= afterMilliseconds) return new Date(instant);
    }
  }
  return null;
}

/**
 * The instants at which the business band begins on one local day, ascending; remembered per
 * calendar, since every call-out of everyone sharing the calendar searches the same few days.
 */
function businessStartsOn(
  day: number,
  beginMinutes: readonly number[],
  calendar: PersonCalendar,
): readonly number[] {
  let startsByDay = businessStartsByCalendar.get(calendar);
  if (!startsByDay) {
    startsByDay = new Map();
    businessStartsByCalendar.set(calendar, startsByDay);
  }
  const known = startsByDay.get(day);
  if (known) return known;
  const date = civilDateFromDayNumber(day);
  const starts: number[] = [];
  for (const minute of beginMinutes) {
    for (const instant of instantsReachingWallTime(date, minute, calendar.timeZone)) {
      // Checks weekday and holiday, and that DST did not move the instant off the band.
      if (classifyInstant(instant, calendar).band === "business") starts.push(instant);
    }
  }
  startsByDay.set(day, starts);
  return starts;
}

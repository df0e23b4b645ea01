/**
 * Civil (wall-calendar) dates and ISO weeks, with no time zone attached.
 *
 * A civil date is a day on a wall calendar ("2026-10-25"), not an instant. Arithmetic on it runs
 * through `Date.UTC`, which has no DST and never reads the process's local zone, so adding a day
 * is always exactly one calendar day.
 */

const MILLISECONDS_PER_DAY = 86_400_000;

/** An instant: a UTC `Date` or milliseconds since the epoch. */
export type Instant = Date | number;

export function toEpochMilliseconds(instant: Instant): number {
  const milliseconds = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(milliseconds)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return milliseconds;
}

export interface CivilDate {
  year: number;
  /** 1 = January … 12 = December */
  month: number;
  day: number;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** `YYYY-MM-DD` */
export function formatCivilDate({ year, month, day }: CivilDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function parseCivilDate(text: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${text}"`);
  const civil = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (formatCivilDate(civilDateFromDayNumber(dayNumber(civil))) !== text) {
    throw new RangeError(`No such calendar date: "${text}"`);
  }
  return civil;
}

/** Days since 1970-01-01 on the civil calendar. */
export function dayNumber({ year, month, day }: CivilDate): number {
  return Math.round(Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY);
}

/**
 * The civil date of a day number, in integer arithmetic (Howard Hinnant's `civil_from_days`, the
 * proleptic Gregorian calendar as `Date` uses it): band code calls this for every instant it
 * reads, and a `Date` with its UTC getters costs several times more.
 */
export function civilDateFromDayNumber(days: number): CivilDate {
  const shifted = days + 719_468; // days since 0000-03-01, when leap days fall at a year's end
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOfDayNumber(days: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  return isoWeekdayOfDayNumber(dayNumber(date));
}

export interface IsoWeek {
  /** The ISO week-numbering year, which differs from the calendar year around New Year. */
  isoYear: number;
  week: number;
}

/** ISO 8601 week: weeks start on Monday; week 1 is the one holding the year's first Thursday. */
export function isoWeekOf(date: CivilDate): IsoWeek {
  const thursday = dayNumber(date) + 4 - isoWeekday(date);
  const isoYear = civilDateFromDayNumber(thursday).year;
  const firstDay = dayNumber({ year: isoYear, month: 1, day: 1 });
  return { isoYear, week: Math.floor((thursday - firstDay) / 7) + 1 };
}

/** `2026-W05` */
export function formatIsoWeek({ isoYear, week }: IsoWeek): string {
  return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
}

/** Monday of the given ISO week. */
export function mondayOfIsoWeek({ isoYear, week }: IsoWeek): CivilDate {
  // January 4th is always in week 1.
  const januaryFourth = { year: isoYear, month: 1, day: 4 };
  const mondayOfWeekOne = dayNumber(januaryFourth) - (isoWeekday(januaryFourth) - 1);
  return civilDateFromDayNumber(mondayOfWeekOne + (week - 1) * 7);
}

/** Parses `2026-W05`; rejects weeks the year does not have (2025-W53; 2026-W53 exists). */
export function parseIsoWeek(text: string): IsoWeek {
  const match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`Expected an ISO week as YYYY-Www, got "${text}"`);
  const week = { isoYear: Number(match[1]), week: Number(match[2]) };
  if (week.week < 1 || formatIsoWeek(isoWeekOf(mondayOfIsoWeek(week))) !== text) {
    throw new RangeError(`No such ISO week: "${text}"`);
  }
  return week;
}

/** Consecutive ISO weeks get consecutive numbers, across 52- and 53-week years alike. */
export function isoWeekNumberSinceEpoch(week: IsoWeek): number {
  // 1970-01-05 (day 4) was a Monday.
  return Math.floor((dayNumber(mondayOfIsoWeek(week)) - 4) / 7);
}

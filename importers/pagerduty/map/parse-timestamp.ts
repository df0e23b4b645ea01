/**
 * PagerDuty's timestamps come in many spellings (fixtures README, quirk 7): `Z` with or without
 * milliseconds, Singer's six-digit fractions, account-local offsets (`-05:00`, `+03:00`), Rails'
 * `2014-05-07 13:11:40 -0700`, and Analytics times with no offset at all, which are wall-clock
 * times in the request's `time_zone`.
 */
import { instantsAtWallTime, utcOffsetMinutes } from "@/lib/metrics/calendar-zone";

const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_DAY = 86_400_000;
const MAXIMUM_OFFSET_MINUTES = 14 * 60;

const TIMESTAMP = new RegExp(
  [
    /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt ]/.source,
    /(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d{1,9}))?)?/.source,
    /\s*(?:(?<utc>[Zz]|UTC|GMT)|(?<sign>[+-])(?<offsetHours>\d{2}):?(?<offsetMinutes>\d{2})?)?$/
      .source,
  ].join(""),
);

/**
 * The instant a PagerDuty timestamp names, or null when the text is not a timestamp (or names no
 * real date, such as 2024-02-30). Text without an offset is read as wall-clock time in `timeZone`;
 * with no `timeZone` it cannot be placed and gives null.
 */
export function parsePagerDutyTimestamp(text: string, timeZone: string | null): Date | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const {
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction,
    utc,
    sign,
    offsetHours,
    offsetMinutes,
  } = match.groups ?? {};
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    // Sub-millisecond digits (Singer writes six) are dropped, not rounded, so .999999 stays in its second.
    millisecond: Number((fraction ?? "").slice(0, 3).padEnd(3, "0")),
  };
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 59) return null;
  const wallAsUtc = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.millisecond,
  );
  const check = new Date(wallAsUtc);
  if (check.getUTCMonth() !== fields.month - 1 || check.getUTCDate() !== fields.day) return null;

  if (utc) return new Date(wallAsUtc);
  if (sign) {
    const offset = Number(offsetHours) * 60 + Number(offsetMinutes ?? 0);
    if (offset > MAXIMUM_OFFSET_MINUTES || Number(offsetMinutes ?? 0) > 59) return null;
    return new Date(wallAsUtc - (sign === "-" ? -offset : offset) * MILLISECONDS_PER_MINUTE);
  }
  if (timeZone === null) return null;
  const instant = wallClockToInstant(fields, wallAsUtc, timeZone);
  return instant === null ? null : new Date(instant);
}

/** True when the text carries its own offset (`Z`, `UTC`, `+02:00`, `-0500`). */
export function hasUtcOffset(text: string): boolean {
  const match = TIMESTAMP.exec(text.trim());
  return Boolean(match?.groups?.utc || match?.groups?.sign);
}

/**
 * Wall-clock time in `timeZone` → instant, the way RFC 5545 and Temporal ("compatible") read it:
 * a time repeated by a fall-back change means its first occurrence; a time skipped by a
 * spring-forward change is read with the offset before the change, so 02:30 on a day that jumps
 * from 02:00 to 03:00 becomes 03:30. This does not use `TZDate`'s constructor, whose choice in the
 * repeated hour depends on the server's own zone (it gives different instants under TZ=UTC and
 * TZ=Asia/Kolkata).
 */
function wallClockToInstant(
  fields: { year: number; month: number; day: number; hour: number; minute: number },
  wallAsUtc: number,
  timeZone: string,
): number | null {
  const secondsPart = wallAsUtc % MILLISECONDS_PER_MINUTE;
  const minuteStart = wallAsUtc - secondsPart;
  const instants = instantsAtWallTime(fields, fields.hour * 60 + fields.minute, timeZone);
  const first = instants[0];
  if (first !== undefined) return first + secondsPart;
  const offsetBefore = utcOffsetMinutes(timeZone, minuteStart - MILLISECONDS_PER_DAY);
  const offsetAfter = utcOffsetMinutes(timeZone, minuteStart + MILLISECONDS_PER_DAY);
  if (Number.isNaN(offsetBefore) || Number.isNaN(offsetAfter)) return null;
  return wallAsUtc - Math.min(offsetBefore, offsetAfter) * MILLISECONDS_PER_MINUTE;
}

import {
  createPersonCalendar,
  defaultHolidayRegion,
  type HolidayOverride,
} from "@/lib/metrics/holidays";
import type { PersonCalendar } from "@/lib/metrics/time-bands";
import type { MetricSettings } from "@/lib/shared/metric-settings";

export interface CalendarPerson {
  timeZone: string | null;
  holidayRegion: string | null;
}

/**
 * A person's calendar: their own zone (the account zone when PagerDuty has none), their holiday
 * region (the country of their zone unless set) with the admin's overrides, and the bands.
 */
export function personCalendarOf(
  person: CalendarPerson,
  settings: MetricSettings,
  overridesByRegion: ReadonlyMap<string, readonly HolidayOverride[]>,
): PersonCalendar {
  const timeZone = person.timeZone ?? settings.accountTimeZone;
  const region = person.holidayRegion ?? defaultHolidayRegion(timeZone);
  return createPersonCalendar({
    timeZone,
    holidayRegion: region,
    holidayOverrides: region ? (overridesByRegion.get(region) ?? []) : [],
    bands: settings.hourBands,
  });
}

/**
 * `personCalendarOf` remembered by zone and region: people sharing both share one calendar, so
 * the holiday library computes each region's years once per report, not once per person.
 */
export function personCalendarCache(
  settings: MetricSettings,
  overridesByRegion: ReadonlyMap<string, readonly HolidayOverride[]>,
): (person: CalendarPerson) => PersonCalendar {
  const calendars = new Map<string, PersonCalendar>();
  return (person) => {
    const timeZone = person.timeZone ?? settings.accountTimeZone;
    const key = `${timeZone}|${person.holidayRegion ?? defaultHolidayRegion(timeZone) ?? ""}`;
    let calendar = calendars.get(key);
    if (!calendar) {
      calendar = personCalendarOf(person, settings, overridesByRegion);
      calendars.set(key, calendar);
    }
    return calendar;
  };
}

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

/**
 * Public holidays (PRODUCT.md › Hour bands: "A public holiday of the person's region counts as a
 * weekend day; the region defaults to the country of the person's time zone (Europe/Stockholm →
 * SE) and can be overridden").
 */
import Holidays from "date-holidays";
import {
  civilDateFromDayNumber,
  dayNumber,
  formatCivilDate,
  parseCivilDate,
} from "./calendar-dates";
import { DEFAULT_HOUR_BANDS, type HourBandSettings, type PersonCalendar } from "./time-bands";

/** date-holidays also lists bank, optional, school and observance days; only public ones count. */
export const DEFAULT_HOLIDAY_TYPES: readonly string[] = ["public"];

// Country of the common IANA zones (ISO 3166-1 alpha-2, as date-holidays names countries).
// Zones shared by several countries (Europe/Zurich also serves Liechtenstein) map to the main one.
export const COUNTRY_OF_TIME_ZONE: Readonly<Record<string, string>> = {
  "Europe/Stockholm": "SE",
  "Europe/Oslo": "NO",
  "Europe/Copenhagen": "DK",
  "Europe/Helsinki": "FI",
  "Atlantic/Reykjavik": "IS",
  "Europe/London": "GB",
  "Europe/Belfast": "GB",
  "Europe/Dublin": "IE",
  "Europe/Lisbon": "PT",
  "Atlantic/Azores": "PT",
  "Atlantic/Madeira": "PT",
  "Europe/Madrid": "ES",
  "Atlantic/Canary": "ES",
  "Europe/Paris": "FR",
  "Europe/Brussels": "BE",
  "Europe/Amsterdam": "NL",
  "Europe/Luxembourg": "LU",
  "Europe/Berlin": "DE",
  "Europe/Zurich": "CH",
  "Europe/Vienna": "AT",
  "Europe/Rome": "IT",
  "Europe/Malta": "MT",
  "Europe/Prague": "CZ",
  "Europe/Bratislava": "SK",
  "Europe/Warsaw": "PL",
  "Europe/Budapest": "HU",
  "Europe/Ljubljana": "SI",
  "Europe/Zagreb": "HR",
  "Europe/Belgrade": "RS",
  "Europe/Bucharest": "RO",
  "Europe/Sofia": "BG",
  "Europe/Athens": "GR",
  "Europe/Istanbul": "TR",
  "Europe/Kiev": "UA",
  "Europe/Kyiv": "UA",
  "Europe/Tallinn": "EE",
  "Europe/Riga": "LV",
  "Europe/Vilnius": "LT",
  "Europe/Moscow": "RU",
  "Asia/Nicosia": "CY",
  "America/New_York": "US",
  "America/Detroit": "US",
  "America/Chicago": "US",
  "America/Denver": "US",
  "America/Phoenix": "US",
  "America/Los_Angeles": "US",
  "America/Anchorage": "US",
  "America/Boise": "US",
  "America/Indiana/Indianapolis": "US",
  "America/Kentucky/Louisville": "US",
  "Pacific/Honolulu": "US",
  "US/Eastern": "US",
  "US/Central": "US",
  "US/Mountain": "US",
  "US/Pacific": "US",
  "America/Toronto": "CA",
  "America/Vancouver": "CA",
  "America/Edmonton": "CA",
  "America/Winnipeg": "CA",
  "America/Halifax": "CA",
  "America/St_Johns": "CA",
  "America/Regina": "CA",
  "America/Mexico_City": "MX",
  "America/Tijuana": "MX",
  "America/Bogota": "CO",
  "America/Lima": "PE",
  "America/Santiago": "CL",
  "America/Sao_Paulo": "BR",
  "America/Argentina/Buenos_Aires": "AR",
  "America/Buenos_Aires": "AR",
  "America/Montevideo": "UY",
  "America/Caracas": "VE",
  "America/Panama": "PA",
  "America/Costa_Rica": "CR",
  "America/Puerto_Rico": "PR",
  "Asia/Kolkata": "IN",
  "Asia/Calcutta": "IN",
  "Asia/Dhaka": "BD",
  "Asia/Karachi": "PK",
  "Asia/Colombo": "LK",
  "Asia/Dubai": "AE",
  "Asia/Riyadh": "SA",
  "Asia/Jerusalem": "IL",
  "Asia/Tel_Aviv": "IL",
  "Asia/Singapore": "SG",
  "Asia/Kuala_Lumpur": "MY",
  "Asia/Jakarta": "ID",
  "Asia/Bangkok": "TH",
  "Asia/Ho_Chi_Minh": "VN",
  "Asia/Manila": "PH",
  "Asia/Hong_Kong": "HK",
  "Asia/Taipei": "TW",
  "Asia/Shanghai": "CN",
  "Asia/Seoul": "KR",
  "Asia/Tokyo": "JP",
  "Australia/Sydney": "AU",
  "Australia/Melbourne": "AU",
  "Australia/Brisbane": "AU",
  "Australia/Adelaide": "AU",
  "Australia/Perth": "AU",
  "Australia/Hobart": "AU",
  "Australia/Darwin": "AU",
  "Australia/Canberra": "AU",
  "Pacific/Auckland": "NZ",
  "Pacific/Chatham": "NZ",
  "Africa/Johannesburg": "ZA",
  "Africa/Lagos": "NG",
  "Africa/Nairobi": "KE",
  "Africa/Cairo": "EG",
  "Africa/Casablanca": "MA",
};

/**
 * The holiday region a person gets when nobody chose one: the country of their zone
 * ("Europe/Stockholm" → "SE"), or null when the zone is not in the table (UTC, Etc/GMT+5, …).
 * State-level regions ("US-NY", "AU-NSW") are only ever set as overrides.
 */
export function defaultHolidayRegion(timeZone: string): string | null {
  return COUNTRY_OF_TIME_ZONE[timeZone] ?? null;
}

export interface HolidayOverride {
  /** YYYY-MM-DD */
  date: string;
  /** true adds a holiday (e.g. Swedish midsummer eve, a bank day); false removes one. */
  isHoliday: boolean;
}

const MILLISECONDS_PER_HOUR = 3_600_000;

/** Whether date-holidays knows a region string: "SE", "US-NY", "AU-NSW" (for settings forms). */
export function isKnownHolidayRegion(region: string): boolean {
  const [country, state, subregion, ...rest] = region.split("-");
  if (!country || rest.length > 0) return false;
  const catalogue = new Holidays();
  if (!catalogue.getCountries()[country]) return false;
  if (state === undefined) return true;
  if (!catalogue.getStates(country)?.[state]) return false;
  return subregion === undefined || Boolean(catalogue.getRegions(country, state)?.[subregion]);
}

// The public holidays of a region and year never change while the process runs (they come from
// the date-holidays package), and computing them is the slow part of a calendar: they are kept
// for the process, per region and holiday types, so every report and request after the first
// reuses them. A few hundred dates per region and year.
const holidayDatesByRegion = new Map<string, (year: number) => ReadonlySet<string>>();

/** The holiday dates of a region by year, from date-holidays, remembered (see above). */
function regionHolidayDates(
  region: string,
  holidayTypes: readonly string[],
): (year: number) => ReadonlySet<string> {
  const key = JSON.stringify([region, holidayTypes]);
  const known = holidayDatesByRegion.get(key);
  if (known) return known;
  if (!isKnownHolidayRegion(region)) throw new RangeError(`Unknown holiday region "${region}"`);
  const [country = "", state, subregion] = region.split("-");
  const engine = new Holidays(country, state ?? "", subregion ?? "");
  const countedTypes = new Set(holidayTypes);
  const datesByYear = new Map<number, ReadonlySet<string>>();
  const datesOf = (year: number): ReadonlySet<string> => {
    const cached = datesByYear.get(year);
    if (cached) return cached;
    const dates = new Set<string>();
    for (const holiday of engine.getHolidays(year)) {
      if (!countedTypes.has(holiday.type)) continue;
      const first = parseCivilDate(holiday.date.slice(0, 10));
      // Length in days, rounded: a holiday on a DST day lasts 23 or 25 hours.
      const hours = (holiday.end.getTime() - holiday.start.getTime()) / MILLISECONDS_PER_HOUR;
      const days = Math.max(1, Math.round(hours / 24));
      for (let offset = 0; offset < days; offset++) {
        dates.add(formatCivilDate(civilDateFromDayNumber(dayNumber(first) + offset)));
      }
    }
    datesByYear.set(year, dates);
    return dates;
  };
  holidayDatesByRegion.set(key, datesOf);
  return datesOf;
}

/**
 * A `(localDate) => boolean` for a holiday region ("SE", "US", "US-NY", "AU-NSW"; null for none),
 * from date-holidays' public holidays, computed once per year and cached. Admin overrides win over
 * the library; the last override of a date decides it. A holiday is a whole local date in the
 * person's zone (date-holidays gives dates in the region's own calendar). Throws a RangeError for
 * a region date-holidays does not know, so a typo never silently means "no holidays".
 */
export function createHolidayLookup(
  region: string | null,
  overrides: readonly HolidayOverride[] = [],
  holidayTypes: readonly string[] = DEFAULT_HOLIDAY_TYPES,
): (localDate: string) => boolean {
  const overrideByDate = new Map<string, boolean>();
  for (const override of overrides) {
    parseCivilDate(override.date); // rejects "2026-02-30" before it silently never matches
    overrideByDate.set(override.date, override.isHoliday);
  }
  const holidayDatesOf = region === null ? null : regionHolidayDates(region, holidayTypes);

  // Band splitting asks about the same few dates many times; answer each once.
  const answerByDate = new Map<string, boolean>(overrideByDate);
  return (localDate: string): boolean => {
    const known = answerByDate.get(localDate);
    if (known !== undefined) return known;
    let answer = false;
    if (holidayDatesOf) {
      // A holiday listed under one year can run into the next (a multi-day holiday at New
      // Year), so a date is looked up in its own year's list and the previous one's.
      const { year } = parseCivilDate(localDate);
      answer = holidayDatesOf(year).has(localDate) || holidayDatesOf(year - 1).has(localDate);
    }
    answerByDate.set(localDate, answer);
    return answer;
  };
}

export interface PersonCalendarInput {
  timeZone: string;
  /** Holiday region override; undefined means the zone's country, null means no holidays. */
  holidayRegion?: string | null;
  holidayOverrides?: readonly HolidayOverride[];
  bands?: HourBandSettings;
}

/** The calendar the band functions need, with the region defaulted from the zone. */
export function createPersonCalendar(input: PersonCalendarInput): PersonCalendar {
  const region =
    input.holidayRegion === undefined ? defaultHolidayRegion(input.timeZone) : input.holidayRegion;
  return {
    timeZone: input.timeZone,
    isHoliday: createHolidayLookup(region, input.holidayOverrides ?? []),
    bands: input.bands ?? DEFAULT_HOUR_BANDS,
    region,
  };
}

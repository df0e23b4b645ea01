import { describe, expect, it } from "vitest";
import { assertTimeZone } from "./calendar-zone";
import {
  COUNTRY_OF_TIME_ZONE,
  createHolidayLookup,
  createPersonCalendar,
  defaultHolidayRegion,
  isKnownHolidayRegion,
} from "./holidays";

describe("defaultHolidayRegion", () => {
  it("maps common zones to their country", () => {
    expect(defaultHolidayRegion("Europe/Stockholm")).toBe("SE");
    expect(defaultHolidayRegion("America/New_York")).toBe("US");
    expect(defaultHolidayRegion("America/Los_Angeles")).toBe("US");
    expect(defaultHolidayRegion("Europe/London")).toBe("GB");
    expect(defaultHolidayRegion("Asia/Kolkata")).toBe("IN");
    expect(defaultHolidayRegion("Asia/Calcutta")).toBe("IN");
    expect(defaultHolidayRegion("Australia/Sydney")).toBe("AU");
  });

  it("maps only zones the runtime knows to regions date-holidays knows", () => {
    for (const [timeZone, country] of Object.entries(COUNTRY_OF_TIME_ZONE)) {
      expect(() => assertTimeZone(timeZone)).not.toThrow();
      expect({ timeZone, known: isKnownHolidayRegion(country) }).toEqual({ timeZone, known: true });
    }
  });

  it("is null for zones without a country", () => {
    expect(defaultHolidayRegion("UTC")).toBeNull();
    expect(defaultHolidayRegion("Etc/GMT+5")).toBeNull();
    expect(defaultHolidayRegion("Antarctica/Troll")).toBeNull();
  });
});

describe("isKnownHolidayRegion", () => {
  it("knows countries, states and their regions", () => {
    expect(["SE", "US", "US-NY", "AU-NSW"].map(isKnownHolidayRegion)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["XX", "US-ZZ", "", "SE-"].map(isKnownHolidayRegion)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("createHolidayLookup", () => {
  it("counts Swedish public holidays, not bank days such as midsummer eve", () => {
    const isHoliday = createHolidayLookup("SE");
    expect(isHoliday("2026-12-25")).toBe(true); // juldagen
    expect(isHoliday("2026-06-20")).toBe(true); // midsommardagen
    expect(isHoliday("2026-06-19")).toBe(false); // midsommarafton: "bank" in date-holidays
    expect(isHoliday("2026-12-24")).toBe(false); // julafton: "bank"
    expect(isHoliday("2026-03-10")).toBe(false);
  });

  it("lets admin overrides add and remove dates, the last override of a date winning", () => {
    const isHoliday = createHolidayLookup("SE", [
      { date: "2026-06-19", isHoliday: true },
      { date: "2026-12-25", isHoliday: false },
      { date: "2026-03-10", isHoliday: true },
      { date: "2026-03-10", isHoliday: false },
    ]);
    expect(isHoliday("2026-06-19")).toBe(true);
    expect(isHoliday("2026-12-25")).toBe(false);
    expect(isHoliday("2026-03-10")).toBe(false);
  });

  it("includes state holidays for a state region and substitute days", () => {
    // Lincoln's Birthday is a New York state holiday, not a federal one.
    expect(createHolidayLookup("US-NY")("2026-02-12")).toBe(true);
    expect(createHolidayLookup("US")("2026-02-12")).toBe(false);
    // Independence Day 2026 is a Saturday; Friday 07-03 is its substitute.
    expect(createHolidayLookup("US")("2026-07-03")).toBe(true);
    // Easter Saturday is public in New South Wales.
    expect(createHolidayLookup("AU-NSW")("2026-04-04")).toBe(true);
  });

  it("shares a region's holidays between lookups but never one lookup's overrides", () => {
    const removesChristmas = createHolidayLookup("SE", [{ date: "2026-12-25", isHoliday: false }]);
    const plain = createHolidayLookup("SE");
    expect(removesChristmas("2026-12-25")).toBe(false);
    expect(plain("2026-12-25")).toBe(true);
    expect(
      createHolidayLookup("SE", [{ date: "2026-12-25", isHoliday: false }])("2026-12-25"),
    ).toBe(false);
    expect(createHolidayLookup("SE")("2026-12-25")).toBe(true);
  });

  it("has no holidays without a region, but still honours overrides", () => {
    const isHoliday = createHolidayLookup(null, [{ date: "2026-05-01", isHoliday: true }]);
    expect(isHoliday("2026-12-25")).toBe(false);
    expect(isHoliday("2026-05-01")).toBe(true);
  });

  it("rejects an unknown region and a malformed override date", () => {
    expect(() => createHolidayLookup("XX")).toThrow(RangeError);
    expect(() => createHolidayLookup("SE", [{ date: "2026-02-30", isHoliday: true }])).toThrow(
      RangeError,
    );
  });
});

describe("createPersonCalendar", () => {
  it("defaults the region from the zone and lets it be overridden or switched off", () => {
    expect(createPersonCalendar({ timeZone: "Europe/Stockholm" }).region).toBe("SE");
    expect(
      createPersonCalendar({ timeZone: "America/New_York", holidayRegion: "US-NY" }).region,
    ).toBe("US-NY");
    const none = createPersonCalendar({ timeZone: "Europe/Stockholm", holidayRegion: null });
    expect(none.isHoliday("2026-12-25")).toBe(false);
  });
});

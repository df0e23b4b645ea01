import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { offsetTransitionsBetween } from "./calendar-zone";
import { createHolidayLookup, createPersonCalendar, defaultHolidayRegion } from "./holidays";
import {
  classifyInstant,
  DEFAULT_HOUR_BANDS,
  nextBusinessStart,
  type PersonCalendar,
  splitInterval,
} from "./time-bands";

const HOUR = 3_600_000;
const MINUTE = 60_000;

const stockholm = createPersonCalendar({ timeZone: "Europe/Stockholm" });
const newYork = createPersonCalendar({ timeZone: "America/New_York" });

function inHours(split: ReturnType<typeof splitInterval>) {
  return Object.fromEntries(Object.entries(split).map(([key, value]) => [key, value / HOUR]));
}

describe("classifyInstant", () => {
  it("puts 21:59 in the off band and 22:00 in the sleep band (Tuesday 2026-03-10, Stockholm +01:00)", () => {
    expect(classifyInstant(new Date("2026-03-10T21:59:00+01:00"), stockholm).band).toBe("off");
    expect(classifyInstant(new Date("2026-03-10T22:00:00+01:00"), stockholm).band).toBe("sleep");
  });

  it("treats Monday 00:00–08:00 as sleep, with business from 08:00 to 17:59:59", () => {
    const monday = (time: string) =>
      classifyInstant(new Date(`2026-03-09T${time}+01:00`), stockholm);
    expect(monday("00:00:00").band).toBe("sleep");
    expect(monday("07:59:59").band).toBe("sleep");
    expect(monday("08:00:00").band).toBe("business");
    expect(monday("17:59:59").band).toBe("business");
    expect(monday("18:00:00").band).toBe("off");
    expect(monday("08:00:00")).toMatchObject({
      localDate: "2026-03-09",
      localHour: 8,
      isoWeekday: 1,
    });
  });

  it("gives a holiday no business band: Christmas Day (Friday 2026-12-25) 06:00 sleep, 10:00 off", () => {
    const christmasMorning = classifyInstant(new Date("2026-12-25T06:00:00+01:00"), stockholm);
    const christmasMidday = classifyInstant(new Date("2026-12-25T10:00:00+01:00"), stockholm);
    expect(christmasMorning).toMatchObject({ band: "sleep", isHoliday: true, isWeekend: false });
    expect(christmasMidday).toMatchObject({ band: "off", isHoliday: true, isWeekend: false });
  });

  it("reads the date in the person's zone: 2026-03-07 23:30 UTC is already Sunday in Kolkata", () => {
    const kolkata = createPersonCalendar({ timeZone: "Asia/Kolkata" });
    // 23:30 UTC + 05:30 = 05:00 next day.
    expect(classifyInstant(Date.UTC(2026, 2, 7, 23, 30), kolkata)).toMatchObject({
      localDate: "2026-03-08",
      localHour: 5,
      isWeekend: true,
      band: "sleep",
    });
  });

  it("rejects an unknown zone", () => {
    const broken: PersonCalendar = { ...stockholm, timeZone: "Mars/Olympus_Mons" };
    expect(() => classifyInstant(0, broken)).toThrow(RangeError);
  });
});

describe("splitInterval", () => {
  it("splits a 7-day shift from Monday 09:00 Stockholm across the October DST end into 169 h", () => {
    // Mon 2026-10-19 09:00 CEST → Mon 2026-10-26 09:00 CET; clocks go back on Sun 25 at 03:00,
    // so that Sunday has 25 h and the shift 7 × 24 + 1 = 169 h.
    // business: Mon 9 + Tue–Fri 4 × 10 + next Mon 1 = 50
    // off:      Mon 4 + Tue–Fri 4 × 4 + Sat 14 + Sun 14 = 48
    // sleep:    Mon 2 + Tue–Fri 4 × (8 + 2) + Sat (8 + 2) + Sun (9 + 2) + next Mon 8 = 71
    // weekend:  Sat 24 + Sun 25 = 49
    const split = splitInterval(
      new Date("2026-10-19T09:00:00+02:00"),
      new Date("2026-10-26T09:00:00+01:00"),
      stockholm,
    );
    expect(inHours(split)).toEqual({
      business: 50,
      off: 48,
      sleep: 71,
      weekend: 49,
      holiday: 0,
      weekendOrHoliday: 49,
      total: 169,
    });
  });

  it("splits a New York weekend shift across the March DST start (a 23-hour Sunday)", () => {
    // Fri 2026-03-06 18:00 EST (23:00Z) → Mon 2026-03-09 08:00 EDT (12:00Z) = 61 h.
    // off:   Fri 18–22 4 + Sat 08–22 14 + Sun 08–22 14 = 32
    // sleep: Fri 2 + Sat (8 + 2) + Sun (7 + 2, 02:00–03:00 does not exist) + Mon 8 = 29
    // weekend: Sat 24 + Sun 23 = 47
    const split = splitInterval(
      new Date("2026-03-06T18:00:00-05:00"),
      new Date("2026-03-09T08:00:00-04:00"),
      newYork,
    );
    expect(inHours(split)).toEqual({
      business: 0,
      off: 32,
      sleep: 29,
      weekend: 47,
      holiday: 0,
      weekendOrHoliday: 47,
      total: 61,
    });
  });

  it("splits Republic Day in Kolkata (+05:30, no DST) as a holiday: no business hours", () => {
    // Mon 2026-01-26 00:00 IST → Tue 00:00 IST: sleep 8 + off 14 (08–22) + sleep 2.
    const kolkata = createPersonCalendar({ timeZone: "Asia/Kolkata" });
    const split = splitInterval(
      new Date("2026-01-26T00:00:00+05:30"),
      new Date("2026-01-27T00:00:00+05:30"),
      kolkata,
    );
    expect(inHours(split)).toEqual({
      business: 0,
      off: 14,
      sleep: 10,
      weekend: 0,
      holiday: 24,
      weekendOrHoliday: 24,
      total: 24,
    });
  });

  it("handles the southern-hemisphere DST start in Sydney (Sunday 2026-10-04 has 23 h)", () => {
    // Sat 08:00 AEST (+10) → Sun 22:00 AEDT (+11) = 2026-10-02 22:00Z → 2026-10-04 11:00Z = 37 h.
    // off: Sat 14 + Sun 14 = 28; sleep: Sat 22–24 2 + Sun 00–08 7 = 9.
    const sydney = createPersonCalendar({ timeZone: "Australia/Sydney" });
    const split = splitInterval(
      new Date("2026-10-03T08:00:00+10:00"),
      new Date("2026-10-04T22:00:00+11:00"),
      sydney,
    );
    expect(inHours(split)).toEqual({
      business: 0,
      off: 28,
      sleep: 9,
      weekend: 37,
      holiday: 0,
      weekendOrHoliday: 37,
      total: 37,
    });
  });

  it("turns Christmas Day and an added midsummer eve from business into off hours", () => {
    // Fri 2026-12-25 08:00–18:00: 10 h that would be business are off on a public holiday.
    const christmas = splitInterval(
      new Date("2026-12-25T08:00:00+01:00"),
      new Date("2026-12-25T18:00:00+01:00"),
      stockholm,
    );
    expect(inHours(christmas)).toMatchObject({ business: 0, off: 10, holiday: 10 });

    // Midsummer eve (Fri 2026-06-19) is a "bank" day in date-holidays, not public: business
    // unless an admin adds it. Midsummer day (Sat 06-20) is public: holiday and weekend hours.
    const friday = [
      new Date("2026-06-19T08:00:00+02:00"),
      new Date("2026-06-19T18:00:00+02:00"),
    ] as const;
    expect(splitInterval(...friday, stockholm).business).toBe(10 * HOUR);
    const withMidsummerEve = createPersonCalendar({
      timeZone: "Europe/Stockholm",
      holidayOverrides: [{ date: "2026-06-19", isHoliday: true }],
    });
    expect(inHours(splitInterval(...friday, withMidsummerEve))).toMatchObject({
      business: 0,
      off: 10,
    });
    const midsummerDay = splitInterval(
      new Date("2026-06-20T00:00:00+02:00"),
      new Date("2026-06-21T00:00:00+02:00"),
      stockholm,
    );
    expect(inHours(midsummerDay)).toMatchObject({
      holiday: 24,
      weekend: 24,
      weekendOrHoliday: 24,
      off: 14,
      sleep: 10,
    });
  });

  it("returns zeros for an empty interval and rejects a reversed one", () => {
    expect(splitInterval(1000, 1000, stockholm).total).toBe(0);
    expect(() => splitInterval(2000, 1000, stockholm)).toThrow(RangeError);
  });
});

describe("nextBusinessStart", () => {
  it("skips the weekend: Friday 23:00 → Monday 08:00", () => {
    expect(nextBusinessStart(new Date("2026-12-18T23:00:00+01:00"), stockholm)).toEqual(
      new Date("2026-12-21T08:00:00+01:00"),
    );
  });

  it("skips Christmas (Fri 25) and Boxing Day (Sat 26) from Christmas Eve evening", () => {
    expect(nextBusinessStart(new Date("2026-12-24T20:00:00+01:00"), stockholm)).toEqual(
      new Date("2026-12-28T08:00:00+01:00"),
    );
  });

  it("counts a start at exactly `after`, and from inside business hours gives the next day's", () => {
    const tuesdayEight = new Date("2026-03-10T08:00:00+01:00");
    expect(nextBusinessStart(tuesdayEight, stockholm)).toEqual(tuesdayEight);
    expect(nextBusinessStart(new Date("2026-03-10T08:00:01+01:00"), stockholm)).toEqual(
      new Date("2026-03-11T08:00:00+01:00"),
    );
  });

  it("finds the start in the right offset after DST begins (Mon 2026-03-30 08:00 CEST)", () => {
    expect(nextBusinessStart(new Date("2026-03-28T12:00:00+01:00"), stockholm)).toEqual(
      new Date("2026-03-30T08:00:00+02:00"),
    );
  });

  it("returns null for a calendar without business days", () => {
    const never = { ...stockholm, bands: { ...DEFAULT_HOUR_BANDS, businessDays: [] } };
    expect(nextBusinessStart(0, never)).toBeNull();
  });

  it("keeps what it remembers per calendar: an added holiday moves only its own calendar's start", () => {
    // Both calendars are asked about the same days, the plain one first; Monday 2026-12-21
    // is a holiday only in the second, whose next start moves to Tuesday.
    const withHoliday = createPersonCalendar({
      timeZone: "Europe/Stockholm",
      holidayOverrides: [{ date: "2026-12-21", isHoliday: true }],
    });
    const fridayNight = new Date("2026-12-18T23:00:00+01:00");
    expect(nextBusinessStart(fridayNight, stockholm)).toEqual(
      new Date("2026-12-21T08:00:00+01:00"),
    );
    expect(nextBusinessStart(fridayNight, withHoliday)).toEqual(
      new Date("2026-12-22T08:00:00+01:00"),
    );
    expect(classifyInstant(new Date("2026-12-21T10:00:00+01:00"), stockholm).band).toBe("business");
    expect(classifyInstant(new Date("2026-12-21T10:00:00+01:00"), withHoliday)).toMatchObject({
      band: "off",
      isHoliday: true,
    });
    // Asked again, in the other order, the answers are the same.
    expect(nextBusinessStart(fridayNight, withHoliday)).toEqual(
      new Date("2026-12-22T08:00:00+01:00"),
    );
    expect(nextBusinessStart(fridayNight, stockholm)).toEqual(
      new Date("2026-12-21T08:00:00+01:00"),
    );
  });
});

// Zones with DST in either hemisphere, half- and quarter-hour offsets, a 30-minute DST shift
// (Lord Howe) and DST at midnight (Santiago, Havana, Azores).
const ZONES = [
  "Europe/Stockholm",
  "America/New_York",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Pacific/Chatham",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "America/Santiago",
  "America/Havana",
  "Atlantic/Azores",
  "UTC",
];
const calendars = new Map(
  ZONES.map((timeZone) => [
    timeZone,
    {
      timeZone,
      bands: DEFAULT_HOUR_BANDS,
      isHoliday: createHolidayLookup(defaultHolidayRegion(timeZone)),
    },
  ]),
);
const calendarArbitrary = fc
  .constantFrom(...ZONES)
  .map((zone) => calendars.get(zone) as PersonCalendar);
// Whole minutes in 2025–2027, where every listed zone changes clocks at least once.
const minuteArbitrary = fc.integer({
  min: Date.UTC(2025, 0, 1) / MINUTE,
  max: Date.UTC(2027, 11, 31) / MINUTE,
});

// Starts within a day and a half of a DST change, where fixed-hour arithmetic goes wrong.
const nearTransitionArbitrary = calendarArbitrary.chain((calendar) => {
  const transitions = offsetTransitionsBetween(
    calendar.timeZone,
    Date.UTC(2025, 0, 1),
    Date.UTC(2028, 0, 1),
  );
  const transitionMinute =
    transitions.length > 0
      ? fc.constantFrom(...transitions.map((instant) => Math.floor(instant / MINUTE)))
      : minuteArbitrary;
  return fc.tuple(
    fc.constant(calendar),
    transitionMinute.chain((minute) =>
      fc.integer({ min: minute - 36 * 60, max: minute + 12 * 60 }),
    ),
  );
});

describe("splitInterval properties", () => {
  it("bands always sum to the interval's length", () => {
    fc.assert(
      fc.property(
        calendarArbitrary,
        minuteArbitrary,
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        (calendar, start, length) => {
          const split = splitInterval(start * MINUTE, (start + length) * MINUTE, calendar);
          expect(split.business + split.off + split.sleep).toBe(length * MINUTE);
          expect(split.total).toBe(length * MINUTE);
          expect(split.weekend).toBeLessThanOrEqual(split.total);
        },
      ),
    );
  });

  it("splitting an interval at any point and adding the halves gives the same totals", () => {
    fc.assert(
      fc.property(
        calendarArbitrary,
        minuteArbitrary,
        fc.integer({ min: 0, max: 5 * 24 * 60 * 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (calendar, startMinute, lengthSeconds, fraction) => {
          const start = startMinute * MINUTE;
          const end = start + lengthSeconds * 1000;
          const middle = start + Math.round((end - start) * fraction);
          const whole = splitInterval(start, end, calendar);
          const first = splitInterval(start, middle, calendar);
          const second = splitInterval(middle, end, calendar);
          for (const key of ["business", "off", "sleep", "weekend", "holiday", "total"] as const) {
            expect(first[key] + second[key]).toBe(whole[key]);
          }
        },
      ),
    );
  });

  it("agrees with classifying every minute one by one", () => {
    fc.assert(
      fc.property(
        calendarArbitrary,
        minuteArbitrary,
        fc.integer({ min: 1, max: 36 * 60 }),
        (calendar, start, length) => {
          const expected = {
            business: 0,
            off: 0,
            sleep: 0,
            weekend: 0,
            holiday: 0,
            weekendOrHoliday: 0,
          };
          for (let minute = start; minute < start + length; minute++) {
            const { band, isWeekend, isHoliday } = classifyInstant(minute * MINUTE, calendar);
            expected[band] += MINUTE;
            if (isWeekend) expected.weekend += MINUTE;
            if (isHoliday) expected.holiday += MINUTE;
            if (isWeekend || isHoliday) expected.weekendOrHoliday += MINUTE;
          }
          const split = splitInterval(start * MINUTE, (start + length) * MINUTE, calendar);
          expect(split).toEqual({ ...expected, total: length * MINUTE });
        },
      ),
      { numRuns: 60 },
    );
  });
  it("agrees with classifying every minute one by one around DST changes", () => {
    fc.assert(
      fc.property(
        nearTransitionArbitrary,
        fc.integer({ min: 1, max: 48 * 60 }),
        ([calendar, start], length) => {
          const expected = {
            business: 0,
            off: 0,
            sleep: 0,
            weekend: 0,
            holiday: 0,
            weekendOrHoliday: 0,
          };
          for (let minute = start; minute < start + length; minute++) {
            const { band, isWeekend, isHoliday } = classifyInstant(minute * MINUTE, calendar);
            expected[band] += MINUTE;
            if (isWeekend) expected.weekend += MINUTE;
            if (isHoliday) expected.holiday += MINUTE;
            if (isWeekend || isHoliday) expected.weekendOrHoliday += MINUTE;
          }
          const split = splitInterval(start * MINUTE, (start + length) * MINUTE, calendar);
          expect(split).toEqual({ ...expected, total: length * MINUTE });
        },
      ),
      { numRuns: 80 },
    );
  });
});

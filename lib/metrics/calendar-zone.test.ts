import { tzOffset } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cutAtLocalBoundaries,
  instantsAtWallTime,
  offsetTransitionsBetween,
  utcOffsetMinutes,
  wallClockAt,
} from "./calendar-zone";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Zones with DST in either hemisphere, a 30-minute DST shift (Lord Howe), a +12:45 offset
// (Chatham), a −03:30 offset (St John's), no DST (Kolkata) and a negative fixed offset.
const ZONES = [
  "Europe/Stockholm",
  "America/New_York",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/St_Johns",
  "Asia/Kolkata",
  "Etc/GMT+5",
];
const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2040, 0, 1);

/** Offset straight from Intl, the answer the remembered offsets must always give. */
const intlOffset = (zone: string, instant: number) => tzOffset(zone, new Date(instant));

describe("utcOffsetMinutes", () => {
  it("gives Stockholm's offsets on both sides of the 2026 changes, to the millisecond", () => {
    const springForward = Date.UTC(2026, 2, 29, 1); // 02:00 CET → 03:00 CEST
    const fallBack = Date.UTC(2026, 9, 25, 1); // 03:00 CEST → 02:00 CET
    expect(utcOffsetMinutes("Europe/Stockholm", springForward - 1)).toBe(60);
    expect(utcOffsetMinutes("Europe/Stockholm", springForward)).toBe(120);
    expect(utcOffsetMinutes("Europe/Stockholm", fallBack - 1)).toBe(120);
    expect(utcOffsetMinutes("Europe/Stockholm", fallBack)).toBe(60);
  });

  it("gives Lord Howe's half-hour change and Chatham's +13:45 summer", () => {
    // Lord Howe: +11:00 in summer, +10:30 from 2026-04-05 02:00 local (15:00 UTC the day before).
    const lordHoweEnd = Date.UTC(2026, 3, 4, 15);
    expect(utcOffsetMinutes("Australia/Lord_Howe", lordHoweEnd - 1)).toBe(660);
    expect(utcOffsetMinutes("Australia/Lord_Howe", lordHoweEnd)).toBe(630);
    expect(utcOffsetMinutes("Pacific/Chatham", Date.UTC(2026, 0, 15))).toBe(825);
  });

  it("agrees with Intl at any instant in many zones", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, at) => {
        expect(utcOffsetMinutes(zone, at)).toBe(intlOffset(zone, at));
      }),
      { numRuns: 1000 },
    );
  });

  it("agrees with Intl one millisecond either side of every change in 2020–2030", () => {
    for (const zone of ZONES) {
      for (const change of offsetTransitionsBetween(
        zone,
        Date.UTC(2020, 0, 1),
        Date.UTC(2030, 0, 1),
      )) {
        for (const at of [change - 1, change, change + 1]) {
          expect(utcOffsetMinutes(zone, at)).toBe(intlOffset(zone, at));
        }
      }
    }
  });

  it("answers NaN for an unknown zone, as Intl does, and instants beyond the cache", () => {
    expect(utcOffsetMinutes("Mars/Olympus_Mons", Date.UTC(2026, 0, 1))).toBeNaN();
    const farFuture = 8.64e15 - 1;
    expect(utcOffsetMinutes("Europe/Stockholm", farFuture)).toBe(
      intlOffset("Europe/Stockholm", farFuture),
    );
  });
});

describe("offsetTransitionsBetween", () => {
  it("finds New York's two changes of 2026 and none in a summer month", () => {
    expect(
      offsetTransitionsBetween("America/New_York", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map(
        (instant) => new Date(instant).toISOString(),
      ),
    ).toEqual(["2026-03-08T07:00:00.000Z", "2026-11-01T06:00:00.000Z"]);
    expect(
      offsetTransitionsBetween("America/New_York", Date.UTC(2026, 5, 1), Date.UTC(2026, 6, 1)),
    ).toEqual([]);
  });

  it("leaves out a change at the start and keeps one at the end: (start, end]", () => {
    const change = Date.UTC(2026, 2, 29, 1);
    expect(offsetTransitionsBetween("Europe/Stockholm", change, change + DAY)).toEqual([]);
    expect(offsetTransitionsBetween("Europe/Stockholm", change - DAY, change)).toEqual([change]);
    expect(offsetTransitionsBetween("Europe/Stockholm", change - 1, change + 1)).toEqual([change]);
  });

  it("finds the same changes whatever interval they are asked for in (2000–2040)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM, max: TO }),
        fc.integer({ min: 0, max: 800 * DAY }),
        (zone, start, length) => {
          const changes = offsetTransitionsBetween(zone, start, start + length);
          // Every change found is a real one, and no change is missed between them.
          for (const change of changes) {
            expect(intlOffset(zone, change - 1)).not.toBe(intlOffset(zone, change));
          }
          const bounds = [start, ...changes, start + length];
          for (let index = 1; index < bounds.length; index++) {
            const from = bounds[index - 1] as number;
            const to = (bounds[index] as number) - 1;
            if (to > from) expect(intlOffset(zone, from)).toBe(intlOffset(zone, to));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("wallClockAt", () => {
  it("reads the wall clock in the zone, with seconds as a fraction of a minute", () => {
    // 2026-10-25 00:59:30 UTC is 02:59:30 CEST, a Sunday, just before the clocks go back.
    expect(wallClockAt(Date.UTC(2026, 9, 25, 0, 59, 30), "Europe/Stockholm")).toEqual({
      year: 2026,
      month: 10,
      day: 25,
      hour: 2,
      minute: 59,
      minuteOfDay: 179.5,
      isoWeekday: 7,
    });
    // Before 1970: 1969-12-31 23:00 UTC is 1970-01-01 04:30 in Kolkata, a Thursday.
    expect(wallClockAt(Date.UTC(1969, 11, 31, 23), "Asia/Kolkata")).toMatchObject({
      year: 1970,
      month: 1,
      day: 1,
      hour: 4,
      minute: 30,
      isoWeekday: 4,
    });
  });

  it("agrees with Intl's own formatting of the wall clock", () => {
    const parts = (zone: string, at: number) => {
      const format = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      });
      const byType = Object.fromEntries(
        format.formatToParts(new Date(at)).map((part) => [part.type, part.value]),
      );
      return [byType.year, byType.month, byType.day, byType.hour, byType.minute].map(Number);
    };
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, at) => {
        const wall = wallClockAt(at, zone);
        expect([wall.year, wall.month, wall.day, wall.hour, wall.minute]).toEqual(parts(zone, at));
      }),
      { numRuns: 500 },
    );
  });
});

describe("instantsAtWallTime and cutAtLocalBoundaries", () => {
  it("finds no 02:30 on Stockholm's spring-forward day and two on its fall-back day", () => {
    expect(instantsAtWallTime({ year: 2026, month: 3, day: 29 }, 150, "Europe/Stockholm")).toEqual(
      [],
    );
    expect(instantsAtWallTime({ year: 2026, month: 10, day: 25 }, 150, "Europe/Stockholm")).toEqual(
      [Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)],
    );
  });

  it("cuts a fall-back day in Stockholm at midnight and the change: 25 hours in two pieces", () => {
    const start = Date.UTC(2026, 9, 24, 22); // 2026-10-25 00:00 CEST
    const end = Date.UTC(2026, 9, 25, 23); // 2026-10-26 00:00 CET
    expect(cutAtLocalBoundaries(start, end, "Europe/Stockholm", [0])).toEqual([
      [start, Date.UTC(2026, 9, 25, 1)],
      [Date.UTC(2026, 9, 25, 1), end],
    ]);
  });
});

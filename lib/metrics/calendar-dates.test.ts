import { describe, expect, it } from "vitest";
import {
  civilDateFromDayNumber,
  dayNumber,
  formatIsoWeek,
  isoWeekday,
  isoWeekNumberSinceEpoch,
  isoWeekOf,
  parseCivilDate,
  parseIsoWeek,
} from "./calendar-dates";

const weekOf = (date: string) => formatIsoWeek(isoWeekOf(parseCivilDate(date)));

describe("ISO weeks", () => {
  it("puts New Year's days in the right ISO year", () => {
    expect(weekOf("2026-01-01")).toBe("2026-W01"); // a Thursday: week 1 holds it
    expect(weekOf("2025-12-29")).toBe("2026-W01"); // Monday of that week
    expect(weekOf("2026-12-28")).toBe("2026-W53"); // 2026 starts on a Thursday: 53 weeks
    expect(weekOf("2027-01-03")).toBe("2026-W53"); // Sunday of W53
    expect(weekOf("2027-01-04")).toBe("2027-W01");
    expect(weekOf("2021-01-03")).toBe("2020-W53"); // 2020: leap year starting on a Wednesday
  });

  it("numbers consecutive weeks consecutively across a 53-week year", () => {
    const number = (week: string) => isoWeekNumberSinceEpoch(parseIsoWeek(week));
    expect(number("2026-W53") - number("2026-W52")).toBe(1);
    expect(number("2027-W01") - number("2026-W53")).toBe(1);
    expect(number("2026-W01") - number("2025-W52")).toBe(1);
  });

  it("rejects weeks a year does not have", () => {
    expect(() => parseIsoWeek("2025-W53")).toThrow(RangeError);
    expect(() => parseIsoWeek("2026-W00")).toThrow(RangeError);
    expect(() => parseIsoWeek("2026-14")).toThrow(RangeError);
    expect(parseIsoWeek("2026-W53")).toEqual({ isoYear: 2026, week: 53 });
  });
});

describe("civil dates", () => {
  it("knows weekdays and rejects impossible dates", () => {
    expect(isoWeekday(parseCivilDate("2026-03-09"))).toBe(1); // Monday
    expect(isoWeekday(parseCivilDate("2026-03-15"))).toBe(7); // Sunday
    expect(() => parseCivilDate("2026-02-29")).toThrow(RangeError);
    expect(parseCivilDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe("civilDateFromDayNumber", () => {
  it("turns day numbers into dates across leap days, centuries and before 1970", () => {
    expect(civilDateFromDayNumber(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(civilDateFromDayNumber(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(civilDateFromDayNumber(11_016)).toEqual({ year: 2000, month: 2, day: 29 });
    expect(civilDateFromDayNumber(dayNumber({ year: 2100, month: 3, day: 1 }) - 1)).toEqual({
      year: 2100,
      month: 2,
      day: 28, // 2100 is not a leap year
    });
  });

  it("agrees with Date for every day from 1800 to 2200", () => {
    const first = dayNumber({ year: 1800, month: 1, day: 1 });
    const last = dayNumber({ year: 2200, month: 1, day: 1 });
    const disagreements: number[] = [];
    for (let day = first; day <= last; day++) {
      const date = new Date(day * 86_400_000);
      const civil = civilDateFromDayNumber(day);
      const agrees =
        civil.year === date.getUTCFullYear() &&
        civil.month === date.getUTCMonth() + 1 &&
        civil.day === date.getUTCDate();
      if (!agrees) disagreements.push(day);
    }
    expect(last - first).toBe(146_097); // 400 years of days, all checked
    expect(disagreements).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { easterSunday, holidayOn } from "./holidays";
import { localParts, seedRange, zonedInstant } from "./zoned-time";

describe("the seed range", () => {
  it("starts on the first day of the quarter five quarters before `until`'s quarter", () => {
    expect(seedRange(new Date("2026-11-21T00:00:00Z")).from.toISOString()).toBe(
      "2025-07-01T00:00:00.000Z",
    );
    expect(seedRange(new Date("2026-01-15T00:00:00Z")).from.toISOString()).toBe(
      "2024-10-01T00:00:00.000Z",
    );
    expect(seedRange(new Date("2026-10-01T00:00:00Z")).from.toISOString()).toBe(
      "2025-07-01T00:00:00.000Z",
    );
  });
});

describe("wall-clock helpers", () => {
  it("map local times to instants whatever the server's TZ", () => {
    expect(new Date(zonedInstant("Europe/Stockholm", 2025, 10, 20, 9)).toISOString()).toBe(
      "2025-10-20T07:00:00.000Z",
    );
    expect(new Date(zonedInstant("Europe/Stockholm", 2025, 10, 27, 9)).toISOString()).toBe(
      "2025-10-27T08:00:00.000Z",
    );
    expect(new Date(zonedInstant("Asia/Kolkata", 2026, 1, 7, 11)).toISOString()).toBe(
      "2026-01-07T05:30:00.000Z",
    );
    expect(localParts(Date.parse("2026-03-29T01:30:00Z"), "Europe/Stockholm")).toMatchObject({
      hour: 3,
      minute: 30,
      weekday: 7,
      dateKey: "2026-03-29",
    });
  });
});

describe("the holidays the generator knows", () => {
  it("computes Easter and the moving holidays", () => {
    expect(easterSunday(2025)).toEqual({ year: 2025, month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ year: 2026, month: 4, day: 5 });
    expect(holidayOn("SE", "2025-06-20")).toBe("Midsummer Eve");
    expect(holidayOn("SE", "2026-06-19")).toBe("Midsummer Eve");
    expect(holidayOn("US", "2025-11-27")).toBe("Thanksgiving");
    expect(holidayOn("US", "2026-11-26")).toBe("Thanksgiving");
    expect(holidayOn("GB", "2026-05-25")).toBe("Spring bank holiday");
    expect(holidayOn("GB", "2026-04-03")).toBe("Good Friday");
    expect(holidayOn("AU", "2026-06-08")).toBe("King's Birthday");
    expect(holidayOn("IN", "2025-10-20")).toBe("Diwali");
    expect(holidayOn("SE", "2025-12-24")).toBe("Christmas Eve");
    expect(holidayOn("SE", "2025-12-23")).toBeUndefined();
  });
});

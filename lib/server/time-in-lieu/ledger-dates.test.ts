import { describe, expect, it } from "vitest";
import { localDateOf, requireDateNearToday, startOfLocalDate } from "./ledger-dates";

describe("ledger dates", () => {
  it("reads a claim's day in the person's zone, DST included", () => {
    // Stockholm is UTC+1 in winter and UTC+2 from 29 March 2026.
    expect(startOfLocalDate("2026-03-15", "Europe/Stockholm").toISOString()).toBe(
      "2026-03-14T23:00:00.000Z",
    );
    expect(startOfLocalDate("2026-03-30", "Europe/Stockholm").toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    expect(localDateOf(new Date("2026-03-29T22:00:00Z"), "Europe/Stockholm")).toBe("2026-03-30");
    expect(localDateOf(new Date("2026-03-29T22:00:00Z"), "America/New_York")).toBe("2026-03-29");
  });

  it("allows dates within 365 days of today either way and names today otherwise", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    expect(() => requireDateNearToday("2027-03-10", "UTC", now)).not.toThrow();
    expect(() => requireDateNearToday("2025-03-10", "UTC", now)).not.toThrow();
    expect(() => requireDateNearToday("2027-03-11", "UTC", now)).toThrow(
      "date: 2027-03-11 is more than 365 days from today (2026-03-10 in UTC): choose a date within a year either way.",
    );
    // 23:30 UTC on 10 March is already 11 March in Auckland.
    expect(() =>
      requireDateNearToday("2025-03-10", "Pacific/Auckland", new Date("2026-03-10T23:30:00Z")),
    ).toThrow("(2026-03-11 in Pacific/Auckland)");
  });
});

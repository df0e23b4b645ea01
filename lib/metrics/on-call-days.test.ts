import { describe, expect, it } from "vitest";
import { hoursInPeriod, localDatesOf, onCallDays } from "./on-call-days";

const at = (iso: string) => new Date(iso);

describe("localDatesOf", () => {
  it("lists the local dates a period touches, the exclusive end left out", () => {
    // 2026-07-01 00:00 UTC is 02:00 in Stockholm; 2026-07-03 00:00 UTC is 02:00 on the 3rd.
    expect(
      localDatesOf({ start: at("2026-07-01T00:00:00Z"), end: at("2026-07-03T00:00:00Z") }, "UTC"),
    ).toEqual(["2026-07-01", "2026-07-02"]);
    expect(
      localDatesOf(
        { start: at("2026-07-01T00:00:00Z"), end: at("2026-07-03T00:00:00Z") },
        "Europe/Stockholm",
      ),
    ).toEqual(["2026-07-01", "2026-07-02", "2026-07-03"]);
  });
});

describe("onCallDays", () => {
  const march = { start: at("2026-03-28T00:00:00+01:00"), end: at("2026-03-31T00:00:00+02:00") };

  it("gives the spring-forward Sunday in Stockholm 23 hours", () => {
    // Saturday 12:00 → Monday 12:00 local: 12 h Saturday, all of Sunday (23 h), 12 h Monday.
    const days = onCallDays(
      [{ start: at("2026-03-28T12:00:00+01:00"), end: at("2026-03-30T12:00:00+02:00"), level: 1 }],
      march,
      "Europe/Stockholm",
    );
    expect(days.map((day) => [day.date, day.hours, day.status])).toEqual([
      ["2026-03-28", 12, "primary"],
      ["2026-03-29", 23, "primary"],
      ["2026-03-30", 12, "primary"],
    ]);
  });

  it("counts overlaps once, level 1 over level 2, and marks backup-only days", () => {
    const days = onCallDays(
      [
        { start: at("2026-03-28T00:00:00+01:00"), end: at("2026-03-28T12:00:00+01:00"), level: 1 },
        { start: at("2026-03-28T06:00:00+01:00"), end: at("2026-03-28T18:00:00+01:00"), level: 1 },
        { start: at("2026-03-28T10:00:00+01:00"), end: at("2026-03-28T20:00:00+01:00"), level: 2 },
        { start: at("2026-03-30T08:00:00+02:00"), end: at("2026-03-30T16:00:00+02:00"), level: 2 },
      ],
      march,
      "Europe/Stockholm",
    );
    // Saturday: level 1 00–18 (18 h), level 2 only 18–20 (2 h).
    expect(days[0]).toEqual({
      date: "2026-03-28",
      hours: 20,
      level1Hours: 18,
      level2PlusHours: 2,
      status: "primary",
    });
    expect(days[1]?.status).toBeNull();
    expect(days[2]).toMatchObject({ hours: 8, level1Hours: 0, status: "backup" });
  });

  it("clips shifts to the period", () => {
    const days = onCallDays(
      [{ start: at("2026-06-30T12:00:00Z"), end: at("2026-07-01T06:00:00Z"), level: 1 }],
      { start: at("2026-07-01T00:00:00Z"), end: at("2026-07-02T00:00:00Z") },
      "UTC",
    );
    expect(days).toEqual([
      { date: "2026-07-01", hours: 6, level1Hours: 6, level2PlusHours: 0, status: "primary" },
    ]);
  });
});

describe("hoursInPeriod", () => {
  it("is the part of an interval inside the period, never negative", () => {
    const period = { start: at("2026-07-01T00:00:00Z"), end: at("2026-07-02T00:00:00Z") };
    expect(hoursInPeriod(at("2026-06-30T18:00:00Z"), at("2026-07-01T03:00:00Z"), period)).toBe(3);
    expect(hoursInPeriod(at("2026-06-29T00:00:00Z"), at("2026-06-30T00:00:00Z"), period)).toBe(0);
  });
});

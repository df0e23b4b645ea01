import { describe, expect, it } from "vitest";
import { createPersonCalendar } from "./holidays";
import { mergeShifts, onCallWeeks, rotationStats, summariseOnCall } from "./on-call";

const stockholm = createPersonCalendar({ timeZone: "Europe/Stockholm" });
const utc = createPersonCalendar({ timeZone: "UTC" });
const kolkata = createPersonCalendar({ timeZone: "Asia/Kolkata" });

const at = (iso: string) => new Date(iso);

describe("mergeShifts", () => {
  it("counts overlapping shifts of one level once", () => {
    expect(
      mergeShifts([
        { start: at("2026-03-09T08:00:00Z"), end: at("2026-03-09T20:00:00Z"), level: 1 },
        { start: at("2026-03-09T12:00:00Z"), end: at("2026-03-10T08:00:00Z"), level: 1 },
      ]),
    ).toEqual([{ start: at("2026-03-09T08:00:00Z"), end: at("2026-03-10T08:00:00Z"), level: 1 }]);
  });

  it("counts a level-1/level-2 overlap once, as level 1", () => {
    // Level 2 from 06:00 to 14:00 under level 1 from 08:00 to 12:00: 2 h L2, 4 h L1, 2 h L2.
    expect(
      mergeShifts([
        { start: at("2026-03-09T06:00:00Z"), end: at("2026-03-09T14:00:00Z"), level: 2 },
        { start: at("2026-03-09T08:00:00Z"), end: at("2026-03-09T12:00:00Z"), level: 1 },
      ]),
    ).toEqual([
      { start: at("2026-03-09T06:00:00Z"), end: at("2026-03-09T08:00:00Z"), level: 2 },
      { start: at("2026-03-09T08:00:00Z"), end: at("2026-03-09T12:00:00Z"), level: 1 },
      { start: at("2026-03-09T12:00:00Z"), end: at("2026-03-09T14:00:00Z"), level: 2 },
    ]);
  });

  it("joins back-to-back shifts and drops empty ones", () => {
    expect(
      mergeShifts([
        { start: at("2026-03-10T00:00:00Z"), end: at("2026-03-11T00:00:00Z"), level: 1 },
        { start: at("2026-03-09T00:00:00Z"), end: at("2026-03-10T00:00:00Z"), level: 1 },
        { start: at("2026-03-12T00:00:00Z"), end: at("2026-03-12T00:00:00Z"), level: 1 },
      ]),
    ).toEqual([{ start: at("2026-03-09T00:00:00Z"), end: at("2026-03-11T00:00:00Z"), level: 1 }]);
  });
});

describe("summariseOnCall", () => {
  it("splits a week of level 1 plus overlapping and trailing level 2, clipped to the period", () => {
    const shifts = [
      // L1 Mon 2026-03-09 08:00 → Mon 03-16 08:00 Stockholm (+01:00, no DST change): 168 h
      { start: at("2026-03-09T08:00:00+01:00"), end: at("2026-03-16T08:00:00+01:00"), level: 1 },
      // L2 Fri 18:00 → Sun 18:00 lies inside the L1 week: adds nothing
      { start: at("2026-03-13T18:00:00+01:00"), end: at("2026-03-15T18:00:00+01:00"), level: 2 },
      // L2 Mon 03-16 08:00 → Tue 08:00, clipped by the period's end at Mon 20:00: 12 h
      { start: at("2026-03-16T08:00:00+01:00"), end: at("2026-03-17T08:00:00+01:00"), level: 2 },
    ];
    const period = { start: at("2026-03-09T00:00:00+01:00"), end: at("2026-03-16T20:00:00+01:00") };
    // business: L1 5 × 10 + L2 Mon 08–18 10 = 60
    // off:      L1 weekdays 5 × 4 + Sat 14 + Sun 14 = 48, + L2 Mon 18–20 2 = 50
    // sleep:    Mon 22–24 2 + Tue–Fri 4 × 10 + Sat 10 + Sun 10 + Mon 00–08 8 = 70
    expect(summariseOnCall(shifts, period, stockholm)).toEqual({
      hours: 180,
      businessHours: 60,
      offHours: 50,
      sleepHours: 70,
      weekendHours: 48,
      holidayHours: 0,
      weekendOrHolidayHours: 48,
      level1Hours: 168,
      level2PlusHours: 12,
    });
  });

  it("counts Christmas Day (Fri 2026-12-25) as holiday hours, not business", () => {
    const shifts = [
      { start: at("2026-12-25T00:00:00+01:00"), end: at("2026-12-26T00:00:00+01:00"), level: 1 },
    ];
    const period = { start: at("2026-12-01T00:00:00Z"), end: at("2027-01-01T00:00:00Z") };
    expect(summariseOnCall(shifts, period, stockholm)).toMatchObject({
      hours: 24,
      businessHours: 0,
      offHours: 14,
      sleepHours: 10,
      holidayHours: 24,
      weekendOrHolidayHours: 24,
    });
  });
});

describe("onCallWeeks", () => {
  it("counts a week with ≥ 24 h of level 1 and ignores one with 8 h", () => {
    const shifts = [
      { start: at("2026-03-09T08:00:00+01:00"), end: at("2026-03-16T08:00:00+01:00"), level: 1 },
    ];
    const period = { start: at("2026-03-01T00:00:00Z"), end: at("2026-04-01T00:00:00Z") };
    // Mon 03-09 … Sun 03-15 is 2026-W11 (160 h); Mon 03-16 00:00–08:00 is W12 (8 h).
    expect(onCallWeeks(shifts, period, stockholm)).toEqual(["2026-W11"]);
    expect(onCallWeeks(shifts, period, stockholm, 8)).toEqual(["2026-W11", "2026-W12"]);
  });

  it("ignores level 2 shifts", () => {
    const shifts = [
      { start: at("2026-03-09T00:00:00Z"), end: at("2026-03-16T00:00:00Z"), level: 2 },
    ];
    const period = { start: at("2026-03-01T00:00:00Z"), end: at("2026-04-01T00:00:00Z") };
    expect(onCallWeeks(shifts, period, utc)).toEqual([]);
  });

  it("knows 2026 has 53 ISO weeks: 2026-12-28 … 2027-01-03 is 2026-W53", () => {
    const period = { start: at("2026-12-01T00:00:00Z"), end: at("2027-02-01T00:00:00Z") };
    // Sun 2027-01-03 00:00 → Mon 01-04 12:00: exactly 24 h in W53, 12 h in 2027-W01.
    const shifts = [
      { start: at("2027-01-03T00:00:00Z"), end: at("2027-01-04T12:00:00Z"), level: 1 },
    ];
    expect(onCallWeeks(shifts, period, utc)).toEqual(["2026-W53"]);
  });

  it("puts 2025-12-29 in 2026-W01 (2025 has 52 weeks)", () => {
    const shifts = [
      { start: at("2025-12-29T00:00:00Z"), end: at("2025-12-30T00:00:00Z"), level: 1 },
    ];
    const period = { start: at("2025-12-01T00:00:00Z"), end: at("2026-02-01T00:00:00Z") };
    expect(onCallWeeks(shifts, period, utc)).toEqual(["2026-W01"]);
  });

  it("uses the person's zone for week edges", () => {
    // Sunday 2027-01-03 00:00–24:00 UTC. In Kolkata (+05:30) that is Sun 05:30 → Mon 05:30:
    // 18.5 h in 2026-W53 and 5.5 h in 2027-W01, neither reaching 24 h.
    const shifts = [
      { start: at("2027-01-03T00:00:00Z"), end: at("2027-01-04T00:00:00Z"), level: 1 },
    ];
    const period = { start: at("2026-12-01T00:00:00Z"), end: at("2027-02-01T00:00:00Z") };
    expect(onCallWeeks(shifts, period, utc)).toEqual(["2026-W53"]);
    expect(onCallWeeks(shifts, period, kolkata)).toEqual([]);
  });

  it("counts only the part of a shift inside the period", () => {
    // 48 h shift; the period keeps its last 20 h.
    const shifts = [
      { start: at("2026-03-10T00:00:00Z"), end: at("2026-03-12T00:00:00Z"), level: 1 },
    ];
    const period = { start: at("2026-03-11T04:00:00Z"), end: at("2026-04-01T00:00:00Z") };
    expect(onCallWeeks(shifts, period, utc)).toEqual([]);
  });
});

describe("rotationStats", () => {
  it("on call in weeks 1, 2, 6, 7, 11: runs start 1, 6, 11, every 5 weeks, streak 2", () => {
    expect(
      rotationStats(["2026-W11", "2026-W01", "2026-W02", "2026-W06", "2026-W07", "2026-W02"]),
    ).toEqual({
      weeks: 5,
      runs: [
        { start: "2026-W01", length: 2 },
        { start: "2026-W06", length: 2 },
        { start: "2026-W11", length: 1 },
      ],
      // gaps between run starts: 6 − 1 = 5 and 11 − 6 = 5 → mean 5
      meanIntervalWeeks: 5,
      longestStreakWeeks: 2,
    });
  });

  it("runs across the 53-week year 2026 into 2027", () => {
    const stats = rotationStats(["2026-W52", "2026-W53", "2027-W01", "2027-W05"]);
    // W52, W53, 2027-W01 are consecutive; 2027-W05 is 4 weeks after 2027-W01 → run starts
    // 2026-W52 and 2027-W05 are 6 weeks apart (W52 → W53 → W01 → W02 → W03 → W04 → W05).
    expect(stats.runs).toEqual([
      { start: "2026-W52", length: 3 },
      { start: "2027-W05", length: 1 },
    ]);
    expect(stats.meanIntervalWeeks).toBe(6);
    expect(stats.longestStreakWeeks).toBe(3);
  });

  it("treats 2025-W52 → 2026-W01 as consecutive (2025 has no W53) and rejects 2025-W53", () => {
    expect(rotationStats(["2025-W52", "2026-W01"]).runs).toEqual([
      { start: "2025-W52", length: 2 },
    ]);
    expect(() => rotationStats(["2025-W53"])).toThrow(RangeError);
  });

  it("has no interval with fewer than two runs", () => {
    expect(rotationStats([])).toEqual({
      weeks: 0,
      runs: [],
      meanIntervalWeeks: null,
      longestStreakWeeks: 0,
    });
    expect(rotationStats(["2026-W10", "2026-W11"]).meanIntervalWeeks).toBeNull();
  });
});

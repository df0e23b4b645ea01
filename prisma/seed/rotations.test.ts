import { describe, expect, it } from "vitest";
import { demoOrganisation } from "./demo-organisation";
import { buildOrganisation } from "./organisation";
import type { Team } from "./organisation-types";
import { buildShifts, OnCallLookup, type Shift } from "./rotations";
import { HOUR, localParts } from "./zoned-time";

const from = Date.parse("2025-07-01T00:00:00Z");
const until = Date.parse("2026-11-21T00:00:00Z");
const organisation = buildOrganisation(demoOrganisation, 7);
const shifts = buildShifts(organisation, from, until, 7);

function team(name: string): Team {
  const found = organisation.teams.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no team ${name}`);
  return found;
}

function primaryShifts(teamName: string): Shift[] {
  return shifts.filter((shift) => shift.teamId === team(teamName).id && shift.level === 1);
}

function hours(shift: Shift): number {
  return (shift.end - shift.start) / HOUR;
}

/** Start dates of each person's on-call runs (consecutive weekly shifts merge into one run). */
function runStartsByPerson(list: readonly Shift[]): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  const lastEnd = new Map<number, number>();
  for (const shift of list) {
    if (lastEnd.get(shift.personId) !== shift.start) {
      runs.set(shift.personId, [...(runs.get(shift.personId) ?? []), shift.start]);
    }
    lastEnd.set(shift.personId, shift.end);
  }
  return runs;
}

describe("weekly rotations", () => {
  it("hand over on Monday at 09:00 in the schedule's zone, summer and winter", () => {
    for (const name of ["Payments", "Checkout", "Data", "Mobile"]) {
      const zone = team(name).zone;
      for (const shift of primaryShifts(name)) {
        const local = localParts(shift.start, zone);
        expect([local.weekday, local.hour, local.minute]).toEqual([1, 9, 0]);
      }
    }
  });

  it("make the week in which Stockholm leaves summer time 7×24+1 hours long", () => {
    // Monday 20 October 2025, 09:00 CEST = 07:00 UTC; clocks go back on Sunday 26 October.
    const shift = primaryShifts("Payments").find(
      (candidate) => candidate.start === Date.parse("2025-10-20T07:00:00Z"),
    );
    expect(shift).toBeDefined();
    expect(shift && hours(shift)).toBe(7 * 24 + 1);
    expect(shift?.end).toBe(Date.parse("2025-10-27T08:00:00Z"));
  });

  it("put Mobile's two engineers on call every other week", () => {
    const runs = runStartsByPerson(primaryShifts("Mobile"));
    expect(runs.size).toBe(2);
    for (const starts of runs.values()) {
      const gaps = starts
        .slice(1)
        .map((start, index) => (start - (starts[index] ?? 0)) / (24 * HOUR));
      // 14 days, give or take the hour Sydney's clocks move.
      for (const gap of gaps) expect(Math.round(gap)).toBe(14);
    }
  });

  it("give one Payments engineer three-week streaks while the others take one week in seven", () => {
    const list = primaryShifts("Payments");
    const weeksByPerson = new Map<number, number>();
    for (const shift of list)
      weeksByPerson.set(shift.personId, (weeksByPerson.get(shift.personId) ?? 0) + 1);
    const [streaker] = [...weeksByPerson.entries()].sort((left, right) => right[1] - left[1]);
    expect(streaker).toBeDefined();
    let longest = 0;
    let current = 0;
    for (const shift of list) {
      current = shift.personId === streaker?.[0] ? current + 1 : 0;
      longest = Math.max(longest, current);
    }
    expect(longest).toBe(3);
    expect(weeksByPerson.size).toBe(5);
  });

  it("never has the same person as primary and secondary at the same moment", () => {
    const lookup = new OnCallLookup(shifts);
    for (const candidate of organisation.teams) {
      for (let instant = from; instant < until; instant += 5 * HOUR) {
        const primary = lookup.personAt(candidate.primaryScheduleId, instant);
        const secondary = lookup.personAt(candidate.secondaryScheduleId, instant);
        expect(primary).toBeDefined();
        expect(secondary).toBeDefined();
        expect(primary).not.toBe(secondary);
      }
    }
  });

  it("is the same for the same seed and differs for another", () => {
    expect(buildShifts(organisation, from, until, 7)).toEqual(shifts);
    expect(buildShifts(buildOrganisation(demoOrganisation, 8), from, until, 8)).not.toEqual(shifts);
  });
});

describe("the follow-the-sun rotation", () => {
  const platform = team("Platform");
  const list = primaryShifts("Platform");
  const march = list.filter(
    (shift) =>
      shift.start >= Date.parse("2026-03-01T00:00:00Z") &&
      shift.start < Date.parse("2026-04-05T00:00:00Z"),
  );

  it("hands over at 07:00 and 19:00 Stockholm time, across both DST changes", () => {
    for (const shift of list) {
      const local = localParts(shift.start, platform.zone);
      expect([7, 19]).toContain(local.hour);
      expect(local.minute).toBe(0);
    }
  });

  it("splits each day into 12-hour shifts; only the nights the clocks change are 11 or 13 hours", () => {
    const lengths = new Map<number, number>();
    for (const shift of list) lengths.set(hours(shift), (lengths.get(hours(shift)) ?? 0) + 1);
    expect([...lengths.keys()].sort()).toEqual([11, 12, 13]);
    const short = list.filter((shift) => hours(shift) === 11);
    expect(short.map((shift) => localParts(shift.start, platform.zone).dateKey)).toEqual([
      "2026-03-28",
    ]);
    const long = list
      .filter((shift) => hours(shift) === 13)
      .map((shift) => localParts(shift.start, platform.zone).dateKey);
    expect(long).toEqual(["2025-10-25", "2026-10-24"]);
  });

  it("gives the day to a Stockholm engineer and the night to a New York engineer (13:00, or 14:00 while only the US is on summer time)", () => {
    for (const shift of march) {
      const person = organisation.people[shift.personId - 1];
      const stockholmHour = localParts(shift.start, "Europe/Stockholm").hour;
      if (stockholmHour === 7) {
        expect(person?.homeZone).toBe("Europe/Stockholm");
        continue;
      }
      expect(person?.homeZone).toBe("America/New_York");
      const local = localParts(shift.start, "America/New_York");
      // The US moved its clocks on 8 March 2026, Europe on 29 March.
      const gapWeeks = local.dateKey >= "2026-03-08" && local.dateKey < "2026-03-29";
      expect(local.hour).toBe(gapWeeks ? 14 : 13);
    }
  });

  it("keeps the same pair for a whole week, handing over on Monday morning", () => {
    const mondays = march.filter((shift) => {
      const local = localParts(shift.start, platform.zone);
      return local.hour === 7 && local.weekday === 1;
    });
    for (const monday of mondays) {
      const week = march.filter(
        (shift) => shift.start >= monday.start && shift.start < monday.start + 7 * 24 * HOUR - HOUR,
      );
      const dayPeople = new Set(
        week
          .filter((shift) => localParts(shift.start, platform.zone).hour === 7)
          .map((s) => s.personId),
      );
      expect(dayPeople.size).toBe(1);
    }
  });
});

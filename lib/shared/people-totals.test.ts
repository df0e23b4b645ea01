import { describe, expect, it } from "vitest";
import { peopleTotals, peopleTotalsByTeam } from "./people-totals";
import type { ReportPersonRow } from "./report";

function person(
  name: string,
  teams: string[],
  load: { off: number; sleep: number; wakeups: number; owed: number; risk?: "high" | "low" },
): ReportPersonRow {
  return {
    name,
    email: null,
    timeZone: "UTC",
    pagerdutyId: null,
    teams,
    interruptions: { business: 5, off: load.off, sleep: load.sleep },
    wakeups: load.wakeups,
    offHoursCallouts: 0,
    onCall: {
      hours: 0,
      businessHours: 0,
      offHours: 0,
      sleepHours: 0,
      weekendHours: 0,
      holidayHours: 0,
      level1Hours: 0,
      level2PlusHours: 0,
      weeks: 0,
      meanIntervalWeeks: null,
      longestStreakWeeks: 0,
    },
    toil: {
      openingHours: 0,
      accruedHours: 0,
      adjustedHours: 0,
      claimedHours: 0,
      expiredHours: 0,
      pendingClaimHours: 0,
      owedHours: load.owed,
    },
    restBreaches: 1,
    burnoutRisk: { level: load.risk ?? "low", reasons: [] },
  };
}

describe("peopleTotals", () => {
  const people = [
    person("Ada", ["Payments"], { off: 2, sleep: 1, wakeups: 1, owed: 0.1, risk: "high" }),
    person("Bo", ["Payments", "Platform"], { off: 0, sleep: 3, wakeups: 2, owed: 0.2 }),
  ];

  it("adds off and sleep interruptions, wake-ups and owed hours without float drift", () => {
    expect(peopleTotals(people)).toEqual({
      people: 2,
      offHoursInterruptions: 6,
      wakeups: 3,
      toilOwedHours: 0.3, // 0.1 + 0.2 is 0.30000000000000004 before rounding
      restBreaches: 2,
      highRisk: 1,
    });
    expect(peopleTotals([]).toilOwedHours).toBe(0);
  });

  it("counts a person of two teams in both", () => {
    const byTeam = peopleTotalsByTeam(people);
    expect(byTeam.get("Payments")?.people).toBe(2);
    expect(byTeam.get("Platform")).toMatchObject({ people: 1, offHoursInterruptions: 3 });
  });
});

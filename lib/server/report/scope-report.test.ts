import { describe, expect, it } from "vitest";
import type { Report, ReportPersonRow } from "@/lib/shared/report";
import type { PagingTests } from "../queries/list-paging-tests";
import { type ReportAudience, scopePagingTests, scopeReport } from "./scope-report";

function person(
  name: string,
  teams: string[],
  ids: { email: string | null; pagerdutyId: string | null },
  load: { off: number; sleep: number; wakeups: number; owed: number },
): ReportPersonRow {
  return {
    name,
    ...ids,
    timeZone: "UTC",
    teams,
    interruptions: { business: 1, off: load.off, sleep: load.sleep },
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
      accruedHours: load.owed,
      adjustedHours: 0,
      claimedHours: 0,
      expiredHours: 0,
      pendingClaimHours: 0,
      owedHours: load.owed,
    },
    restBreaches: 0,
    burnoutRisk: { level: "low", reasons: [] },
  };
}

// Ann (Payments) has no e-mail, only a PagerDuty id; Bo is in Payments and Search; Cy in Search.
const ann = person(
  "Ann",
  ["Payments"],
  { email: null, pagerdutyId: "PANN" },
  { off: 2, sleep: 1, wakeups: 1, owed: 1.25 },
);
const bo = person(
  "Bo",
  ["Payments", "Search"],
  { email: "bo@example.test", pagerdutyId: null },
  { off: 1, sleep: 3, wakeups: 2, owed: 2.5 },
);
const cy = person(
  "Cy",
  ["Search"],
  { email: "cy@example.test", pagerdutyId: "PCY" },
  { off: 0, sleep: 0, wakeups: 0, owed: 0.33 },
);

const member = (name: string, email: string | null, onCallHours: number) => ({
  name,
  email,
  onCallHours,
  offHoursInterruptions: 0,
  weekendHolidayHours: 0,
});

const report = {
  people: [ann, bo, cy],
  teams: [
    {
      name: "Payments",
      members: [
        member("Ann", null, 40),
        member("Bo", "bo@example.test", 60),
        member("Di", "di@example.test", 20),
      ],
    },
  ],
  pagingTests: {
    tests: 2,
    acknowledged: 1,
    people: [
      {
        personId: 1,
        name: "Ann",
        email: null,
        tests: 2,
        acknowledged: 1,
        medianSecondsToAcknowledge: 60,
      },
      {
        personId: 2,
        name: "Bo",
        email: "bo@example.test",
        tests: 1,
        acknowledged: 0,
        medianSecondsToAcknowledge: null,
      },
    ],
  },
} as unknown as Report;

const asAnn: ReportAudience = {
  peopleShown: "own",
  ownPerson: { id: 1, email: null, pagerdutyId: "PANN" },
  visibleTeams: ["Payments"],
};

describe("scopeReport", () => {
  it("adds up every row before withholding any; a team's load only for teams in view", () => {
    const scoped = scopeReport(report, asAnn);
    // Off + sleep: 3 + 4 + 0; wake-ups 1 + 2; owed 1.25 + 2.5 + 0.33 = 4.08 h.
    expect(scoped.load.total).toEqual({
      people: 3,
      offHoursInterruptions: 7,
      wakeups: 3,
      toilOwedHours: 4.08,
      restBreaches: 0,
      highRisk: 0,
    });
    // Payments: Ann and Bo. Search (Bo and Cy) is not Ann's to see.
    expect(Object.keys(scoped.load.byTeam)).toEqual(["Payments"]);
    expect(scoped.load.byTeam.Payments).toMatchObject({
      people: 2,
      offHoursInterruptions: 7,
      toilOwedHours: 3.75,
    });
  });

  it("finds the viewer's own row by PagerDuty id when the person has no e-mail", () => {
    const scoped = scopeReport(report, asAnn);
    expect(scoped.peopleShown).toBe("own");
    expect(scoped.people).toEqual([ann]);
    expect(scoped.pagingTests.people.map((row) => row.name)).toEqual(["Ann"]);
    expect(scoped.pagingTests).toMatchObject({ tests: 2, acknowledged: 1 });
  });

  it("names others in the fairness shares Member 1, 2, … busiest first, keeping their shares", () => {
    const asBo: ReportAudience = {
      peopleShown: "own",
      ownPerson: { id: 2, email: "bo@example.test", pagerdutyId: null },
      visibleTeams: ["Payments", "Search"],
    };
    const members = scopeReport(report, asBo).teams[0]?.members ?? [];
    expect(members.map((row) => [row.name, row.email, row.onCallHours])).toEqual([
      ["Bo", "bo@example.test", 60],
      ["Member 1", null, 40],
      ["Member 2", null, 20],
    ]);
    // Shares carry no PagerDuty id: without an e-mail Ann cannot be told apart, so she is withheld.
    expect(scopeReport(report, asAnn).teams[0]?.members.map((row) => row.name)).toEqual([
      "Member 1",
      "Member 2",
      "Member 3",
    ]);
  });

  it("withholds every row from an audience of none, and none from all", () => {
    const none = scopeReport(report, { peopleShown: "none", ownPerson: null, visibleTeams: "all" });
    expect(none.people).toEqual([]);
    expect(none.pagingTests.people).toEqual([]);
    expect(none.teams[0]?.members.every((row) => row.name.startsWith("Member "))).toBe(true);
    expect(Object.keys(none.load.byTeam).sort()).toEqual(["Payments", "Search"]);
    const all = scopeReport(report, { peopleShown: "all", ownPerson: null, visibleTeams: "all" });
    expect(all.people).toEqual(report.people);
    expect(all.teams).toEqual(report.teams);
    expect(all.load.total).toEqual(none.load.total);
  });
});

describe("scopePagingTests", () => {
  const at = new Date("2026-07-06T10:00:00Z");
  const pagingTests = {
    tests: [
      {
        incidentId: 7,
        acknowledgedAt: at,
        acknowledgedBy: { personId: 2, name: "Bo", pagerdutyId: null },
        pages: [
          { personId: 1, name: "Ann", email: null, channel: "phone", at },
          { personId: 2, name: "Bo", email: "bo@example.test", channel: "sms", at },
        ],
      },
    ],
    people: report.pagingTests.people,
  } as unknown as PagingTests;

  it("keeps the tests and the viewer's own pages, not who else was paged or acknowledged", () => {
    const scoped = scopePagingTests(pagingTests, asAnn);
    expect(scoped.tests).toHaveLength(1);
    expect(scoped.tests[0]?.acknowledgedAt).toBe(at);
    expect(scoped.tests[0]?.acknowledgedBy).toBeNull();
    expect(scoped.tests[0]?.pages.map((page) => page.name)).toEqual(["Ann"]);
    expect(scoped.people.map((row) => row.name)).toEqual(["Ann"]);
  });
});

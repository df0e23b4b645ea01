import { describe, expect, it } from "vitest";
import { activitySettingsOf, DEFAULT_METRIC_SETTINGS } from "../shared/metric-settings";
import { createPersonCalendar } from "./holidays";
import type { Page } from "./interruptions";
import { type ActivityPage, analysePersonActivity } from "./person-activity";
import { ledgerWithExpiries, summarisePersonLoad, timeInLieuStatement } from "./person-load";
import type { LedgerLine } from "./time-in-lieu-ledger";

const at = (iso: string) => new Date(iso);
const stockholm = createPersonCalendar({ timeZone: "Europe/Stockholm" });
const settings = activitySettingsOf(DEFAULT_METRIC_SETTINGS);

// Resolves by incident (local Stockholm time is UTC+1 in early March 2026).
const resolved: Record<number, string | null> = {
  1: "2026-03-03T01:55:00Z", // Tue 02:55 local
  2: "2026-03-03T02:20:00Z", // Tue 03:20 local
  3: "2026-03-04T18:30:00Z",
  4: "2026-03-07T15:05:00Z", // Sat 16:05 local
  5: "2026-03-05T09:30:00Z", // Thu 10:30 local
  6: "2026-03-05T10:10:00Z",
};

function page(
  iso: string,
  channel: Page["channel"],
  incidentId: number,
  isTest = false,
): ActivityPage {
  const resolve = resolved[incidentId];
  return {
    at: at(iso),
    channel,
    incidentId,
    isTestIncident: isTest,
    incidentResolvedAt: resolve ? at(resolve) : null,
  };
}

// A week of one Stockholm engineer, Monday 2 to Monday 9 March 2026 (local midnights).
const week = { start: at("2026-03-01T23:00:00Z"), end: at("2026-03-08T23:00:00Z") };
const pages: ActivityPage[] = [
  page("2026-03-03T01:10:00Z", "phone", 1), // Tue 02:10 sleep: interruption 1, wakes them
  page("2026-03-03T01:10:30Z", "sms", 1), // 30 s later: same interruption
  page("2026-03-03T01:50:00Z", "push", 2), // 40 min later: interruption 2, same call-out
  page("2026-03-04T18:00:00Z", "email", 3), // Wed 19:00 email: never interrupts
  page("2026-03-05T09:00:00Z", "phone", 5), // Thu 10:00 business
  page("2026-03-05T10:00:00Z", "phone", 6, true), // Thu 11:00 paging test: left out
  page("2026-03-07T13:00:00Z", "phone", 4), // Sat 14:00 off band, weekend
];
const shifts = [
  // Monday 09:00 to Monday 09:00 local, level 1; the period cuts it at Monday 00:00.
  { start: at("2026-03-02T08:00:00Z"), end: at("2026-03-09T08:00:00Z"), level: 1 },
];

describe("analysePersonActivity", () => {
  const activity = analysePersonActivity(pages, stockholm, settings);

  it("groups pages into interruptions and call-outs, leaving out email and tests", () => {
    expect(
      activity.interruptions.map((item) => [item.start.toISOString(), item.band, item.pages]),
    ).toEqual([
      ["2026-03-03T01:10:00.000Z", "sleep", 2],
      ["2026-03-03T01:50:00.000Z", "sleep", 1],
      ["2026-03-05T09:00:00.000Z", "business", 1],
      ["2026-03-07T13:00:00.000Z", "off", 1],
    ]);
    expect(activity.callOuts.map((callOut) => callOut.interruptions.length)).toEqual([2, 1, 1]);
  });

  it("ends a call-out at the last resolve of its incidents and checks rest from there", () => {
    const [night, business, saturday] = activity.callOuts;
    expect(night?.endAt.toISOString()).toBe("2026-03-03T02:20:00.000Z");
    expect(night?.lastResolveAt?.toISOString()).toBe("2026-03-03T02:20:00.000Z");
    // 03:20 → 08:00 is 4 h 40 of rest, and 02:10 is inside Sweden's 00:00–05:00 night rest.
    expect(night?.restBreach?.reasons.map((reason) => reason.rule)).toEqual([
      "short-rest",
      "night-rest",
    ]);
    expect(business?.restBreach).toBeNull();
    expect(saturday?.restBreach).toBeNull();
  });

  it("leaves lastResolveAt empty while any incident of the call-out is open", () => {
    const open = analysePersonActivity(
      [page("2026-03-03T01:10:00Z", "phone", 1), { ...page("2026-03-03T01:20:00Z", "phone", 9) }],
      stockholm,
      settings,
    );
    expect(open.callOuts[0]?.lastResolveAt).toBeNull();
    // The end so far is the latest resolve seen (incident 1, Tue 02:55 local).
    expect(open.callOuts[0]?.endAt.toISOString()).toBe("2026-03-03T01:55:00.000Z");
  });
});

const ledger: LedgerLine[] = [
  // 120 min from December expires on 1 March, before the week: gone from the opening balance.
  {
    kind: "accrual",
    minutes: 120,
    occurredAt: at("2025-12-01T02:00:00Z"),
    expiresAt: at("2026-03-01T02:00:00Z"),
  },
  {
    kind: "accrual",
    minutes: 180,
    occurredAt: at("2026-02-20T02:00:00Z"),
    expiresAt: at("2026-05-21T02:00:00Z"),
  },
  {
    kind: "accrual",
    minutes: 120,
    occurredAt: at("2026-03-03T01:10:00Z"),
    expiresAt: at("2026-06-01T01:10:00Z"),
  },
  { kind: "claim", minutes: 60, occurredAt: at("2026-03-04T08:00:00Z"), status: "approved" },
  { kind: "claim", minutes: 30, occurredAt: at("2026-03-05T08:00:00Z"), status: "pending" },
  { kind: "claim", minutes: 500, occurredAt: at("2026-03-05T08:00:00Z"), status: "rejected" },
  { kind: "adjustment", minutes: 45, occurredAt: at("2026-03-06T12:00:00Z") },
];

describe("timeInLieuStatement", () => {
  it("states opening + accrued + adjusted − claimed − expired = owed", () => {
    // Opening: 120 + 180 accrued − 120 expired = 180. Week: +120 accrued, +45 adjusted, −60
    // approved; the pending 30 is shown, the rejected 500 ignored. Owed 180 + 120 + 45 − 60 = 285.
    expect(timeInLieuStatement(ledger, week)).toEqual({
      openingMinutes: 180,
      accruedMinutes: 120,
      adjustedMinutes: 45,
      claimedMinutes: 60,
      expiredMinutes: 0,
      pendingClaimMinutes: 30,
      owedMinutes: 285,
    });
  });

  it("replays expiries first in, first out instead of trusting stored expiry lines", () => {
    const stale: LedgerLine = {
      kind: "expiry",
      minutes: 999,
      occurredAt: at("2026-01-01T00:00:00Z"),
    };
    const lines = ledgerWithExpiries([...ledger, stale], at("2026-03-09T00:00:00Z"));
    expect(lines.filter((line) => line.kind === "expiry").map((line) => line.minutes)).toEqual([
      120,
    ]);
  });

  it("expires what approved claims did not use, at the accrual's expiry", () => {
    // Nothing else happens until 21 May: the February accrual's 180 − 60 claimed = 120 expire.
    const statement = timeInLieuStatement(ledger, {
      start: at("2026-05-01T00:00:00Z"),
      end: at("2026-06-01T00:00:00Z"),
    });
    expect(statement).toMatchObject({ openingMinutes: 285, expiredMinutes: 120, owedMinutes: 165 });
  });
});

describe("summarisePersonLoad", () => {
  const load = summarisePersonLoad({
    activity: analysePersonActivity(pages, stockholm, settings),
    shifts,
    ledger,
    calendar: stockholm,
    period: week,
    burnoutWindow: { start: at("2026-02-08T23:00:00Z"), end: week.end },
    onCallWeekMinimumHours: 24,
    burnoutThresholds: DEFAULT_METRIC_SETTINGS.burnout,
  });

  it("counts interruptions by band, wake-ups, off-hours call-outs and rest breaches", () => {
    expect(load.interruptions).toEqual({ business: 1, off: 1, sleep: 2 });
    expect(load.wakeUps).toBe(1);
    expect(load.offHoursCallOuts).toBe(2);
    expect(load.restBreaches).toBe(1);
  });

  it("splits on-call hours clipped to the week by band", () => {
    // Monday 09:00 → Monday 00:00 = 159 h: business Mon 9 + Tue–Fri 4 × 10 = 49; sleep Mon 2 +
    // Tue–Sun 6 × 10 = 62; off Mon–Fri 5 × 4 + Sat 14 + Sun 14 = 48; weekend 48.
    expect(load.onCall).toMatchObject({
      hours: 159,
      businessHours: 49,
      sleepHours: 62,
      offHours: 48,
      weekendHours: 48,
      holidayHours: 0,
      weeks: 1,
      meanIntervalWeeks: null,
      longestStreakWeeks: 1,
    });
  });

  it("rates burnout risk over the 28 days with its reasons", () => {
    expect(load.burnoutRisk).toEqual({
      level: "medium",
      reasons: ["1 wake-up in 28 days (medium from 1)"],
    });
  });
});

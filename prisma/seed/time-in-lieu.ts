import { DEFAULT_TIME_IN_LIEU_POLICY } from "@/lib/metrics/time-in-lieu";
import { byId, type Organisation } from "./organisation-types";
import { createRandom } from "./random";
import type { Shift } from "./rotations";
import type { TimeInLieuEntryRow, TimeInLieuPolicyRow } from "./seed-rows";
import { addCalendarDays, DAY, HOUR, localParts, zonedInstant } from "./zoned-time";

/**
 * Time-in-lieu policies and the lines people write by hand: engineers' claims and managers'
 * adjustments. Accruals and expiries are not generated: the metrics engine derives them from the
 * call-outs, so writing them here would only disagree with it.
 */

const CLAIM_NOTES = [
  "Woken up twice on Tuesday night, taking the morning off.",
  "Weekend on call with a long incident on Saturday; taking Friday off.",
  "Half day after the Sunday night page.",
  "Evening call-outs most of the week.",
  "Holiday on call: taking the day after.",
  "Late night on the database failover.",
];
const REJECTION_NOTES = [
  "Already paid as overtime for that weekend, see payroll.",
  "Overlaps the team offsite; please pick another day.",
  "More hours than the ledger shows owed for that week.",
];
const ADJUSTMENTS: readonly (readonly [number, string])[] = [
  [240, "Covered the weekend release freeze outside PagerDuty."],
  [120, "Phone call from the incident commander that never went through PagerDuty."],
  [-120, "Correction: call-out on the same night was counted twice."],
  [480, "Ran the data-centre migration overnight (planned work)."],
  [-60, "Correction: the page was a paging test."],
];

/** The organisation default, and a stricter or more generous override for some teams. */
export function timeInLieuPolicies(
  organisation: Organisation,
  from: number,
  until: number,
): TimeInLieuPolicyRow[] {
  const start = new Date(from);
  const defaultFrom = Date.UTC(start.getUTCFullYear() - 1, 0, 1);
  // Overrides start half-way through the range so the quarterly review shows the change.
  const overrideFrom = from + Math.floor((until - from) / 2 / DAY) * DAY;
  const rows: TimeInLieuPolicyRow[] = [
    {
      id: 1,
      teamId: null,
      effectiveFrom: defaultFrom,
      ...DEFAULT_TIME_IN_LIEU_POLICY,
    },
  ];
  for (const teamId of organisation.timeInLieuOverrideTeamIds) {
    rows.push({
      id: rows.length + 1,
      teamId,
      effectiveFrom: overrideFrom,
      ...DEFAULT_TIME_IN_LIEU_POLICY,
      minimumSleepMinutes: 180,
      weekendMultiplierPercent: 200,
      holidayMultiplierPercent: 250,
      expiryDays: 120,
    });
  }
  return rows;
}

/** Consecutive level-1 shifts of one person (a week, or a follow-the-sun week of 12 h shifts). */
function onCallRuns(shifts: readonly Shift[]): { personId: number; teamId: number; end: number }[] {
  const lastRun = new Map<string, { personId: number; teamId: number; end: number }>();
  const runs: { personId: number; teamId: number; end: number }[] = [];
  for (const shift of shifts) {
    if (shift.level !== 1) continue;
    const key = `${shift.teamId}:${shift.personId}`;
    const previous = lastRun.get(key);
    if (previous && shift.start - previous.end < DAY) {
      previous.end = Math.max(previous.end, shift.end);
      continue;
    }
    const run = { personId: shift.personId, teamId: shift.teamId, end: shift.end };
    lastRun.set(key, run);
    runs.push(run);
  }
  return runs;
}

export function timeInLieuEntries(
  organisation: Organisation,
  shifts: readonly Shift[],
  until: number,
  seed: number,
): TimeInLieuEntryRow[] {
  const random = createRandom(seed, "time-in-lieu");
  const rows: TimeInLieuEntryRow[] = [];
  for (const run of onCallRuns(shifts)) {
    const team = byId(organisation.teams, run.teamId);
    const person = byId(organisation.people, run.personId);
    const manager = byId(organisation.people, team.managerId);
    const busyTeam = team.primaryOrder.length > 0 && new Set(team.primaryOrder).size <= 2;
    if (!random.chance(busyTeam ? 0.7 : 0.45)) continue;
    // A weekday one to three weeks after the on-call week, taken as a (half) day off.
    const local = localParts(run.end, person.homeZone);
    let day = addCalendarDays(local, random.int(7, 21));
    while (day.weekday >= 6) day = addCalendarDays(day, 1);
    const occurredAt = zonedInstant(person.homeZone, day.year, day.month, day.day, 9);
    const createdAt = run.end + random.int(2, 72) * HOUR;
    if (createdAt >= until) continue;
    const decidedAt = createdAt + random.int(4, 96) * HOUR;
    // Managers decide within days; the odd recent claim still waits for them.
    const decided = decidedAt < until && !(createdAt > until - 45 * DAY && random.chance(0.1));
    const rejected = decided && random.chance(0.12);
    rows.push({
      id: 0,
      personId: person.id,
      teamId: team.id,
      kind: "claim",
      minutes: random.pick([120, 240, 240, 360, 480, 480]),
      occurredAt,
      status: decided ? (rejected ? "rejected" : "approved") : "pending",
      note: random.pick(CLAIM_NOTES),
      createdBy: person.email,
      decidedBy: decided ? manager.email : null,
      decidedAt: decided ? decidedAt : null,
      decisionNote: rejected ? random.pick(REJECTION_NOTES) : null,
      createdAt,
      updatedAt: decided ? decidedAt : createdAt,
    });
    if (random.chance(0.06)) {
      const [minutes, note] = random.pick(ADJUSTMENTS);
      rows.push({
        id: 0,
        personId: person.id,
        teamId: team.id,
        kind: "adjustment",
        minutes,
        occurredAt: run.end,
        status: null,
        note,
        createdBy: manager.email,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  // Ids follow submission order, as they would in the product.
  return rows
    .sort((left, right) => left.createdAt - right.createdAt)
    .map((row, index) => ({ ...row, id: index + 1 }));
}

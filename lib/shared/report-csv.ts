import Papa from "papaparse";
import type { Report } from "./report";

/** One column: its header and how a person row and a team row fill it (blank when not theirs). */
const PERSON_COLUMNS: Record<string, (row: Report["people"][number]) => unknown> = {
  email: (row) => row.email,
  time_zone: (row) => row.timeZone,
  teams: (row) => row.teams.join("; "),
  interruptions_business: (row) => row.interruptions.business,
  interruptions_off: (row) => row.interruptions.off,
  interruptions_sleep: (row) => row.interruptions.sleep,
  wakeups: (row) => row.wakeups,
  off_hours_callouts: (row) => row.offHoursCallouts,
  on_call_hours: (row) => row.onCall.hours,
  on_call_off_hours: (row) => row.onCall.offHours,
  on_call_sleep_hours: (row) => row.onCall.sleepHours,
  on_call_weekend_hours: (row) => row.onCall.weekendHours,
  on_call_holiday_hours: (row) => row.onCall.holidayHours,
  on_call_weeks: (row) => row.onCall.weeks,
  mean_interval_weeks: (row) => row.onCall.meanIntervalWeeks,
  longest_streak_weeks: (row) => row.onCall.longestStreakWeeks,
  toil_opening_hours: (row) => row.toil.openingHours,
  toil_accrued_hours: (row) => row.toil.accruedHours,
  toil_adjusted_hours: (row) => row.toil.adjustedHours,
  toil_claimed_hours: (row) => row.toil.claimedHours,
  toil_expired_hours: (row) => row.toil.expiredHours,
  toil_pending_claim_hours: (row) => row.toil.pendingClaimHours,
  toil_owed_hours: (row) => row.toil.owedHours,
  rest_breaches: (row) => row.restBreaches,
  burnout_risk: (row) => row.burnoutRisk.level,
  burnout_reasons: (row) => row.burnoutRisk.reasons.join("; "),
};

const TEAM_COLUMNS: Record<string, (row: Report["teams"][number]) => unknown> = {
  rotation_members: (row) => row.members.length,
  on_call_hours_gini: (row) => row.fairness.onCallHoursGini,
  interruptions_gini: (row) => row.fairness.interruptionsGini,
  weekend_holiday_hours_gini: (row) => row.fairness.weekendHolidayHoursGini,
};

/**
 * The report as CSV: one row per person, then one per team (`kind` says which), with the range
 * on every row so files from several runs can be stacked. Empty cells mean "not applicable" or
 * "no value" (a rotation interval with fewer than two runs).
 */
export function reportToCsv(report: Report): string {
  const headers = [
    "kind",
    "from",
    "to",
    "time_zone_of_report",
    "name",
    ...Object.keys(PERSON_COLUMNS),
    ...Object.keys(TEAM_COLUMNS),
  ];
  const common = (name: string) => ({
    from: report.range.from,
    to: report.range.to,
    time_zone_of_report: report.range.timeZone,
    name,
  });
  const rows: Record<string, unknown>[] = [
    ...report.people.map((person) => ({
      kind: "person",
      ...common(person.name),
      ...Object.fromEntries(
        Object.entries(PERSON_COLUMNS).map(([header, value]) => [header, value(person)]),
      ),
    })),
    ...report.teams.map((team) => ({
      kind: "team",
      ...common(team.name),
      ...Object.fromEntries(
        Object.entries(TEAM_COLUMNS).map(([header, value]) => [header, value(team)]),
      ),
    })),
  ];
  return `${Papa.unparse({ fields: headers, data: rows.map((row) => headers.map((header) => row[header] ?? "")) }, { newline: "\n" })}\n`;
}

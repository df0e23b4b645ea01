/**
 * The report contract (PRODUCT.md › Command line: `report --format json`), shared by the CLI, the
 * API and the dashboard. Field names are the specification's; fields it does not name are
 * additions (it asks for "at least" its own).
 */

import type { OffHoursAlertBudget } from "../metrics/alert-kinds";
import type { BurnoutRiskLevel } from "../metrics/burnout-risk";
import type { LorenzPoint } from "../metrics/fairness";
import type { OnCallSummary } from "../metrics/on-call";
import type { IncidentMetrics } from "../server/queries/get-incident-metrics";
import type { PagingTestPerson } from "../server/queries/list-paging-tests";
import type { PeopleShown } from "./access-policy";
import type { PeopleTotals } from "./people-totals";

export interface ReportPersonRow {
  email: string | null;
  name: string;
  /** The zone their bands are read in (the account zone when PagerDuty has none). */
  timeZone: string;
  pagerdutyId: string | null;
  teams: string[];
  interruptions: { business: number; off: number; sleep: number };
  wakeups: number;
  offHoursCallouts: number;
  /** Hours rounded to 0.01 h (see OnCallSummary); rotation over the range's ISO weeks. */
  onCall: Omit<OnCallSummary, "weekendOrHolidayHours"> & {
    weeks: number;
    meanIntervalWeeks: number | null;
    longestStreakWeeks: number;
  };
  /** The ledger statement: opening + accrued + adjusted − claimed − expired = owed at the end. */
  toil: {
    openingHours: number;
    accruedHours: number;
    adjustedHours: number;
    claimedHours: number;
    expiredHours: number;
    pendingClaimHours: number;
    owedHours: number;
  };
  restBreaches: number;
  burnoutRisk: { level: BurnoutRiskLevel; reasons: string[] };
}

export interface TeamMemberShare {
  email: string | null;
  name: string;
  onCallHours: number;
  offHoursInterruptions: number;
  weekendHolidayHours: number;
}

export interface ReportTeamRow {
  name: string;
  pagerdutyId: string | null;
  /** Rotation members: the team's people with a shift in the range. */
  members: TeamMemberShare[];
  fairness: {
    onCallHoursGini: number | null;
    /** Off + sleep band interruptions. */
    interruptionsGini: number | null;
    weekendHolidayHoursGini: number | null;
  };
  lorenz: {
    onCallHours: LorenzPoint[];
    interruptions: LorenzPoint[];
    weekendHolidayHours: LorenzPoint[];
  };
}

export interface ReportServiceRow {
  name: string | null;
  pagerdutyId: string | null;
  /** Non-test incidents in the range. */
  incidents: number;
  /** Resolved within the noise window (default 5 min) with nobody acknowledging. */
  autoResolvedUnacknowledged: number;
  neverAcknowledged: number;
  autoResolvedShare: number | null;
  /** Off-hours interruptions of the report's people whose first incident is this service's. */
  offHoursInterruptions: number;
}

export interface Report {
  range: { from: string; to: string; timeZone: string };
  filters: { team: string | null; service: string | null; urgency: "high" | "low" | null };
  incidents: Omit<IncidentMetrics, "detection">;
  detection: IncidentMetrics["detection"];
  people: ReportPersonRow[];
  teams: ReportTeamRow[];
  /** Noisiest first. */
  services: ReportServiceRow[];
  offHoursAlertBudget: OffHoursAlertBudget;
  /** Paging-test readiness: who the weekly tests paged, who acknowledged, how fast. */
  pagingTests: {
    tests: number;
    acknowledged: number;
    people: PagingTestPerson[];
  };
}

/** People's load added up over every person in the report, whoever may see their rows. */
export interface ReportLoad {
  total: PeopleTotals;
  /** Per team name, for the teams the viewer may see (a person in two teams counts in both). */
  byTeam: Record<string, PeopleTotals>;
}

/**
 * The report as `GET /api/report` answers it: `people` (and the names in team members and paging
 * tests) only as far as the viewer may see them (`peopleShown`, docs/accounts.md), with the
 * totals in `load` computed before that. The CLI prints the plain Report.
 */
export type ApiReport = Report & { load: ReportLoad; peopleShown: PeopleShown };

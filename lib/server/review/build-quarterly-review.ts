import type { PrismaClient } from "@/lib/server/database/prisma-client";
import {
  type DashboardFilters,
  periodName,
  previousPeriodFilters,
  trendFilters,
} from "@/lib/shared/dashboard-filters";
import type { MetricSettings } from "@/lib/shared/metric-settings";
import { type PeopleTotals, peopleTotals, peopleTotalsByTeam } from "@/lib/shared/people-totals";
import type {
  QuarterlyReview,
  ReviewIncidentMeasures,
  ReviewRow,
} from "@/lib/shared/quarterly-review";
import { reportRange } from "@/lib/shared/report-filters";
import { reportFiltersOf } from "../dashboard/dashboard-responses";
import { getIncidentMetrics } from "../queries/get-incident-metrics";
import { getIncidentSeries } from "../queries/get-incident-series";
import { listIncidentBreakdown } from "../queries/list-incident-breakdown";
import { buildReport } from "../report/build-report";

const NO_LOAD: PeopleTotals = peopleTotals([]);

/**
 * The quarterly review for export: the organisation, each team and each service in the period and
 * the one before it, and the months of the trend (8 quarters), from the same queries the screen
 * uses. People's load comes from the full report of both periods, so this is as slow as two
 * `fairshift report` runs. Only totals of people leave here, never a person's row.
 */
export async function buildQuarterlyReview(
  db: PrismaClient,
  filters: DashboardFilters,
  settings: MetricSettings,
  trendQuarters = 8,
  /** The teams whose rows the viewer may see (access-policy `visibleTeamIds`). */
  teamIds: "all" | readonly number[] = "all",
): Promise<QuarterlyReview> {
  const periods = [filters, previousPeriodFilters(filters)];
  const trend = reportFiltersOf(trendFilters(filters, trendQuarters));
  const [perPeriod, months] = await Promise.all([
    Promise.all(
      periods.map(async (period) => {
        const scope = reportFiltersOf(period);
        const [overall, teams, services, report] = await Promise.all([
          getIncidentMetrics(db, scope),
          listIncidentBreakdown(db, scope, "team", teamIds),
          listIncidentBreakdown(db, scope, "service"),
          buildReport(db, scope, settings),
        ]);
        return { period, scope, overall, teams, services, people: report.people };
      }),
    ),
    getIncidentSeries(db, { ...trend, interval: "month" }),
  ]);

  const rows: ReviewRow[] = [];
  const section = (kind: ReviewRow["section"]) => (row: ReviewRow) => row.section === kind;
  for (const { period, scope, overall, teams, services, people } of perPeriod) {
    const common = { period: periodName(period), ...range(scope) };
    const byTeam = peopleTotalsByTeam(people);
    rows.push({
      section: "organisation",
      name: filters.team ?? "All teams",
      ...common,
      incidents: { ...overall, customerFirstRate: overall.detection.customerFirstRate },
      people: peopleTotals(people),
    });
    for (const team of teams) {
      rows.push({
        section: "team",
        name: team.name ?? "No team",
        ...common,
        incidents: measuresOf(team),
        people: team.name === null ? null : (byTeam.get(team.name) ?? NO_LOAD),
      });
    }
    for (const service of services) {
      rows.push({
        section: "service",
        name: service.name ?? "No service",
        ...common,
        incidents: measuresOf(service),
        people: null,
      });
    }
  }
  for (const month of months) {
    rows.push({
      section: "month",
      name: month.label,
      period: month.label,
      from: month.start,
      to: "",
      incidents: measuresOf(month),
      people: null,
    });
  }
  // Sections together (organisation, teams, services, months), each period's row side by side.
  const order: ReviewRow["section"][] = ["organisation", "team", "service", "month"];
  const sorted = order.flatMap((kind) => {
    const ofKind = rows.filter(section(kind));
    if (kind === "month") return ofKind;
    const names = [...new Set(ofKind.map((row) => row.name))];
    return names.flatMap((name) => ofKind.filter((row) => row.name === name));
  });
  return {
    range: reportRange(reportFiltersOf(filters)),
    previousRange: reportRange(reportFiltersOf(periods[1] as DashboardFilters)),
    rows: sorted,
  };
}

function range(scope: ReturnType<typeof reportFiltersOf>) {
  const { from, to } = reportRange(scope);
  return { from, to };
}

function measuresOf(
  row: ReviewIncidentMeasures & { excludedTests: number },
): ReviewIncidentMeasures {
  return {
    count: row.count,
    excludedTests: row.excludedTests,
    mttd: row.mttd,
    mtta: row.mtta,
    mttr: row.mttr,
    customerFirstRate: row.customerFirstRate,
  };
}

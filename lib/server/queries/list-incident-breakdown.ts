import type { DurationSummary } from "@/lib/metrics/incident-durations";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import {
  type DurationColumns,
  durationSummaryOf,
  incidentDurationAggregatesSql,
  incidentDurationColumnsSql,
} from "../sql/incident-durations";
import { type IncidentScope, incidentScopeSql } from "../sql/incident-scope";

export type BreakdownDimension = "team" | "service";

export interface IncidentBreakdownRow {
  /** The team's or service's id; null for incidents with no team or no service. */
  id: number | null;
  name: string | null;
  /** Non-test incidents created in the range. */
  count: number;
  excludedTests: number;
  mttd: DurationSummary;
  mtta: DurationSummary;
  mttr: DurationSummary;
  customer: number;
  /** customer ÷ count; null when there are no incidents. */
  customerFirstRate: number | null;
}

interface Row extends DurationColumns {
  id: number | null;
  name: string | null;
  count: number;
  excluded_tests: number;
  customer: number;
}

// Allow-listed per dimension: how an incident reaches its group. An incident of two teams counts
// once for each, as PagerDuty's team reports do; an incident without one is grouped under null.
const GROUPS: Record<BreakdownDimension, Prisma.Sql> = {
  team: Prisma.sql`
    LEFT JOIN incident_teams it ON it.incident_id = i.id
    LEFT JOIN teams g ON g.id = it.team_id`,
  service: Prisma.sql`LEFT JOIN services g ON g.id = i.service_id`,
};

/**
 * The incident measures of `getIncidentMetrics` per team or per service, busiest first, with the
 * same exclusions (tests out of every measure, merges out of MTTA/MTTR, negative durations out).
 * `teamIds` are the teams whose rows the caller may see: an incident of a visible team can also
 * be another team's, and that team's row is left out (its count would be a partial one anyway).
 */
export async function listIncidentBreakdown(
  db: PrismaClient,
  scope: IncidentScope,
  dimension: BreakdownDimension,
  teamIds: "all" | readonly number[] = "all",
): Promise<IncidentBreakdownRow[]> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH scoped AS (
      SELECT g.id, g.name, i.detection_source, ${incidentDurationColumnsSql}
      FROM incidents i ${GROUPS[dimension]}
      WHERE ${incidentScopeSql(scope)}
    )
    SELECT id, name,
      count(*) FILTER (WHERE detection_source <> 'test')::int AS count,
      count(*) FILTER (WHERE detection_source = 'test')::int AS excluded_tests,
      count(*) FILTER (WHERE detection_source = 'customer')::int AS customer,
      ${incidentDurationAggregatesSql}
    FROM scoped
    GROUP BY id, name
    ORDER BY count(*) FILTER (WHERE detection_source <> 'test') DESC, lower(name) NULLS LAST`);
  const isShown = (row: Row) =>
    dimension !== "team" || teamIds === "all" || row.id === null || teamIds.includes(row.id);
  return rows.filter(isShown).map((row) => ({
    id: row.id,
    name: row.name,
    count: row.count,
    excludedTests: row.excluded_tests,
    mttd: durationSummaryOf(row, "mttd"),
    mtta: durationSummaryOf(row, "mtta"),
    mttr: durationSummaryOf(row, "mttr"),
    customer: row.customer,
    customerFirstRate: row.count === 0 ? null : row.customer / row.count,
  }));
}

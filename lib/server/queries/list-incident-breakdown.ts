import type { DurationSummary } from "@/lib/metrics/incident-durations";
import type { PrismaClient, QueryReader } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import {
  type ComputeRollups,
  withIncidentMeasureRollups,
} from "../rollups/incident-measure-rollups";
import {
  type IncidentMeasureRow,
  type IncidentMeasures,
  incidentMeasureAggregatesSql,
  incidentMeasureColumnsSql,
  incidentMeasuresOf,
} from "../sql/incident-measures";
import { type IncidentScope, incidentScopeSql, isOrganisationWide } from "../sql/incident-scope";

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

/** A group's measures by id only: names are read fresh, so a renamed team needs no recompute. */
interface GroupMeasures {
  id: number | null;
  measures: IncidentMeasures;
}

// Allow-listed per dimension: how an incident reaches its group, and where the group's name is.
// An incident of two teams counts once for each, as PagerDuty's team reports do; an incident
// without one is grouped under null.
const GROUPS: Record<BreakdownDimension, { join: Prisma.Sql; id: Prisma.Sql; names: Prisma.Sql }> =
  {
    team: {
      join: Prisma.sql`LEFT JOIN incident_teams it ON it.incident_id = i.id`,
      id: Prisma.sql`it.team_id`,
      names: Prisma.sql`teams`,
    },
    service: { join: Prisma.empty, id: Prisma.sql`i.service_id`, names: Prisma.sql`services` },
  };

/**
 * The incident measures of `getIncidentMetrics` per team or per service, busiest first, with the
 * same exclusions (tests out of every measure, merges out of MTTA/MTTR, negative durations out).
 * `teamIds` are the teams whose rows the caller may see: an incident of a visible team can also
 * be another team's, and that team's row is left out (its count would be a partial one anyway).
 * The whole organisation's breakdown is kept as a rollup per period (lib/server/rollups).
 */
export async function listIncidentBreakdown(
  db: PrismaClient,
  scope: IncidentScope,
  dimension: BreakdownDimension,
  teamIds: "all" | readonly number[] = "all",
): Promise<IncidentBreakdownRow[]> {
  const compute: ComputeRollups<GroupMeasures[]> = (tx, periods) =>
    Promise.all(periods.map((range) => computeGroups(tx, { ...scope, range }, dimension)));
  const [groups = []] = isOrganisationWide(scope)
    ? await withIncidentMeasureRollups(
        db,
        { kind: dimension, urgency: scope.urgency ?? "", periods: [scope.range] },
        compute,
      )
    : [await computeGroups(db, scope, dimension)];
  const isShown = (group: GroupMeasures) =>
    dimension !== "team" || teamIds === "all" || group.id === null || teamIds.includes(group.id);
  const shown = groups.filter(isShown);
  const names = await readNames(db, dimension, shown);
  return shown
    .map(({ id, measures }) => ({
      id,
      name: id === null ? null : (names.get(id) ?? null),
      count: measures.count,
      excludedTests: measures.excludedTests,
      mttd: measures.mttd,
      mtta: measures.mtta,
      mttr: measures.mttr,
      customer: measures.detection.customer,
      customerFirstRate: measures.detection.customerFirstRate,
    }))
    .sort(busiestThenByName);
}

async function computeGroups(
  db: QueryReader,
  scope: IncidentScope,
  dimension: BreakdownDimension,
): Promise<GroupMeasures[]> {
  const group = GROUPS[dimension];
  const rows = await db.$queryRaw<(IncidentMeasureRow & { id: number | null })[]>(Prisma.sql`
    WITH scoped AS (
      SELECT ${group.id} AS id, ${incidentMeasureColumnsSql}
      FROM incidents i ${group.join}
      WHERE ${incidentScopeSql(scope)}
    )
    SELECT id, ${incidentMeasureAggregatesSql}
    FROM scoped
    GROUP BY id`);
  return rows.map((row) => ({ id: row.id, measures: incidentMeasuresOf(row) }));
}

async function readNames(
  db: QueryReader,
  dimension: BreakdownDimension,
  groups: readonly GroupMeasures[],
): Promise<Map<number, string>> {
  const ids = groups.flatMap((group) => (group.id === null ? [] : [group.id]));
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: number; name: string }[]>(Prisma.sql`
    SELECT id, name FROM ${GROUPS[dimension].names} WHERE id = ANY(${ids}::int[])`);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Busiest first; ties by name, case-insensitively, with the unnamed group last. */
function busiestThenByName(left: IncidentBreakdownRow, right: IncidentBreakdownRow): number {
  if (left.count !== right.count) return right.count - left.count;
  if (left.name === null || right.name === null) {
    return left.name === right.name ? 0 : left.name === null ? 1 : -1;
  }
  const [a, b] = [left.name.toLowerCase(), right.name.toLowerCase()];
  return a < b ? -1 : a > b ? 1 : 0;
}

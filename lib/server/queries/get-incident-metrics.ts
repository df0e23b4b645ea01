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

export type { DurationSummary } from "@/lib/metrics/incident-durations";
export type IncidentMetrics = IncidentMeasures;

/**
 * MTTD/MTTA/MTTR (n, mean, median, p90 with percentile_cont's linear interpolation) and detection
 * counts, computed in PostgreSQL. Test incidents are left out of every duration; incidents
 * resolved by merge are left out of MTTA and MTTR; negative durations (an impact start after
 * creation, clock skew) are data errors and are left out too. The whole organisation's measures
 * are kept as a rollup per period (lib/server/rollups); a team's or a service's are computed.
 */
export async function getIncidentMetrics(
  db: PrismaClient,
  scope: IncidentScope,
): Promise<IncidentMetrics> {
  if (!isOrganisationWide(scope)) return computeIncidentMetrics(db, scope);
  const compute: ComputeRollups<IncidentMetrics> = (tx, periods) =>
    Promise.all(periods.map((range) => computeIncidentMetrics(tx, { ...scope, range })));
  const [metrics] = await withIncidentMeasureRollups(
    db,
    { kind: "overall", urgency: scope.urgency ?? "", periods: [scope.range] },
    compute,
  );
  if (!metrics) throw new Error("The incident metrics rollup returned nothing.");
  return metrics;
}

async function computeIncidentMetrics(
  db: QueryReader,
  scope: IncidentScope,
): Promise<IncidentMetrics> {
  const rows = await db.$queryRaw<IncidentMeasureRow[]>(Prisma.sql`
    WITH scoped AS (
      SELECT ${incidentMeasureColumnsSql}
      FROM incidents i
      WHERE ${incidentScopeSql(scope)}
    )
    SELECT ${incidentMeasureAggregatesSql}
    FROM scoped`);
  const row = rows[0];
  if (!row) throw new Error("The incident metrics query returned no row.");
  return incidentMeasuresOf(row);
}

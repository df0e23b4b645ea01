import type { PrismaClient, QueryReader } from "@/lib/server/database/prisma-client";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import { Prisma } from "@/prisma/generated/client/client";
import { withIncidentMeasureRollups } from "../rollups/incident-measure-rollups";
import { type IncidentScope, incidentScopeSql, isOrganisationWide } from "../sql/incident-scope";

export interface ServiceNoise {
  /** null for incidents that carry no service. */
  serviceId: number | null;
  pagerdutyId: string | null;
  name: string | null;
  /** Non-test incidents in scope. */
  incidents: number;
  /** Resolved within `autoResolveMinutes` of creation, never acknowledged, not resolved by merge. */
  autoResolvedUnacknowledged: number;
  /** acknowledged_at is null, resolved or not. */
  neverAcknowledged: number;
  /** autoResolvedUnacknowledged ÷ incidents; null when there are no incidents. */
  autoResolvedShare: number | null;
}

export interface ServiceNoiseOptions {
  /** An incident resolved within this many minutes, never acknowledged, is noise. */
  autoResolveMinutes?: number;
}

type Row = Omit<ServiceNoise, "autoResolvedShare">;

/** A service's counts by id only: names are read fresh, so a renamed service needs no recompute. */
type Counts = Pick<
  Row,
  "serviceId" | "incidents" | "autoResolvedUnacknowledged" | "neverAcknowledged"
>;

/**
 * Noise per service (PRODUCT.md "Noise"): how many of its non-test incidents in scope resolved
 * by themselves within a few minutes with nobody acknowledging them, and how many were never
 * acknowledged. Noisiest first: most auto-resolved, then most never acknowledged, then most
 * incidents. Off-hours interruptions per service come from the interruptions module. The whole
 * organisation's counts of a period are kept with its incident measures (same staleness rules).
 */
export async function listServiceNoise(
  db: PrismaClient,
  scope: IncidentScope,
  {
    autoResolveMinutes = DEFAULT_METRIC_SETTINGS.noise.autoResolveMinutes,
  }: ServiceNoiseOptions = {},
): Promise<ServiceNoise[]> {
  const [counts = []] = isOrganisationWide(scope)
    ? await withIncidentMeasureRollups(
        db,
        {
          kind: `service-noise:${autoResolveMinutes}`,
          urgency: scope.urgency ?? "",
          periods: [scope.range],
        },
        (tx, periods) =>
          Promise.all(
            periods.map((range) => countNoise(tx, { ...scope, range }, autoResolveMinutes)),
          ),
      )
    : [await countNoise(db, scope, autoResolveMinutes)];
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT c."serviceId", s.pagerduty_id AS "pagerdutyId", s.name, c.incidents,
      c."autoResolvedUnacknowledged", c."neverAcknowledged"
    FROM json_to_recordset(${JSON.stringify(counts)}::json)
      AS c("serviceId" int, incidents int, "autoResolvedUnacknowledged" int, "neverAcknowledged" int)
    LEFT JOIN services s ON s.id = c."serviceId"
    ORDER BY c."autoResolvedUnacknowledged" DESC, c."neverAcknowledged" DESC, c.incidents DESC,
      s.name NULLS LAST, s.id`);
  return rows.map((row) => ({
    ...row,
    autoResolvedShare: row.incidents === 0 ? null : row.autoResolvedUnacknowledged / row.incidents,
  }));
}

function countNoise(
  db: QueryReader,
  scope: IncidentScope,
  autoResolveMinutes: number,
): Promise<Counts[]> {
  return db.$queryRaw<Counts[]>(Prisma.sql`
    SELECT
      i.service_id AS "serviceId",
      count(*)::int AS incidents,
      count(*) FILTER (
        WHERE i.acknowledged_at IS NULL AND NOT i.resolved_by_merge
          AND i.resolved_at >= i.created_at
          AND i.resolved_at <= i.created_at + ${autoResolveMinutes}::float8 * interval '1 minute'
      )::int AS "autoResolvedUnacknowledged",
      count(*) FILTER (WHERE i.acknowledged_at IS NULL)::int AS "neverAcknowledged"
    FROM incidents i
    WHERE ${incidentScopeSql(scope)} AND i.detection_source <> 'test'
    GROUP BY i.service_id`);
}

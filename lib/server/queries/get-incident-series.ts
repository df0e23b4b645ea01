import type { DurationSummary } from "@/lib/metrics/incident-durations";
import type { PrismaClient, QueryReader } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import {
  type ComputeRollups,
  type RollupPeriod,
  withIncidentMeasureRollups,
} from "../rollups/incident-measure-rollups";
import {
  type IncidentMeasureRow,
  type IncidentMeasures,
  incidentMeasureAggregatesSql,
  incidentMeasureColumnsSql,
  incidentMeasuresOf,
} from "../sql/incident-measures";
import {
  type IncidentScope,
  incidentScopeSql,
  isOrganisationWide,
  resolveScopeTeam,
} from "../sql/incident-scope";

export type SeriesInterval = "month" | "quarter";

export interface IncidentSeriesScope extends IncidentScope {
  /** IANA zone the buckets start in (local midnight of the first day of the month or quarter). */
  timeZone: string;
  interval: SeriesInterval;
}

export interface IncidentSeriesBucket {
  /** ISO instant of the bucket's local start, e.g. "2026-06-30T22:00:00.000Z" for July in Stockholm. */
  start: string;
  /** "2026-07" for a month, "2026-Q3" for a quarter. */
  label: string;
  /** Non-test incidents created in the bucket (and in the range). */
  count: number;
  excludedTests: number;
  mttd: DurationSummary;
  mtta: DurationSummary;
  mttr: DurationSummary;
  customer: number;
  /** customer ÷ count; null when the bucket has no incidents. */
  customerFirstRate: number | null;
}

// Allow-listed per interval: the date_trunc unit, the generate_series step and the label format.
const INTERVALS: Record<SeriesInterval, { unit: string; step: string; labelFormat: string }> = {
  month: { unit: "month", step: "1 month", labelFormat: "YYYY-MM" },
  quarter: { unit: "quarter", step: "3 months", labelFormat: 'YYYY-"Q"Q' },
};

interface Bucket {
  start: Date;
  label: string;
  /** The part of the bucket inside the range: what its measures cover. */
  period: RollupPeriod;
}

/**
 * Incident volume, MTTD/MTTA/MTTR and customer-first rate per month or quarter, with the same
 * exclusions as getIncidentMetrics (tests left out; merged incidents left out of MTTA and MTTR;
 * negative durations left out). Buckets start at local midnight in `timeZone` — computed by
 * PostgreSQL with the zone bound, so a DST month is bucketed on the wall calendar — and every
 * bucket that intersects the range is returned: counts 0 and durations null when it is empty.
 * The whole organisation's buckets, and one team's, are kept as rollups, one per bucket
 * (lib/server/rollups).
 */
export async function getIncidentSeries(
  db: PrismaClient,
  scope: IncidentSeriesScope,
): Promise<IncidentSeriesBucket[]> {
  const buckets = await listBuckets(db, scope);
  const periods = buckets.map((bucket) => bucket.period);
  const compute: ComputeRollups<IncidentMeasures> = (tx, missing) =>
    computePeriodMeasures(tx, scope, missing);
  // A team's 24 months are thousands of incidents a bucket: kept too, under the team's id.
  const teamScope = await resolveScopeTeam(db, scope);
  const measures = isOrganisationWide(scope)
    ? await withIncidentMeasureRollups(
        db,
        { kind: "overall", urgency: scope.urgency ?? "", periods },
        compute,
      )
    : teamScope
      ? await withIncidentMeasureRollups(
          db,
          { kind: `team-scope:${teamScope.teamId}`, urgency: scope.urgency ?? "", periods },
          (tx, missing) => computePeriodMeasures(tx, { ...scope, ...teamScope }, missing),
        )
      : await computePeriodMeasures(db, scope, periods);
  return buckets.map((bucket, index) => {
    const { count, excludedTests, mttd, mtta, mttr, detection } = measures[
      index
    ] as IncidentMeasures;
    return {
      start: bucket.start.toISOString(),
      label: bucket.label,
      count,
      excludedTests,
      mttd,
      mtta,
      mttr,
      customer: detection.customer,
      customerFirstRate: detection.customerFirstRate,
    };
  });
}

async function listBuckets(db: PrismaClient, scope: IncidentSeriesScope): Promise<Bucket[]> {
  const { unit, step, labelFormat } = INTERVALS[scope.interval];
  const timeZone = Prisma.sql`${scope.timeZone}::text`;
  const { start, end } = scope.range;
  const rows = await db.$queryRaw<
    { bucket_start: Date; period_start: Date; period_end: Date; label: string }[]
  >(Prisma.sql`
    WITH starts AS (
      -- The 4-argument generate_series adds the step on the wall calendar of the zone, so each
      -- bucket starts at local midnight whatever the UTC offset did in between.
      SELECT bucket_start
      FROM generate_series(
        date_trunc(${unit}::text, ${start}::timestamptz, ${timeZone}),
        ${end}::timestamptz,
        ${step}::interval,
        ${timeZone}
      ) AS bucket_start
    ), bounded AS (
      SELECT bucket_start, lead(bucket_start) OVER (ORDER BY bucket_start) AS next_start FROM starts
    )
    SELECT
      bucket_start,
      greatest(bucket_start, ${start}::timestamptz) AS period_start,
      least(coalesce(next_start, ${end}::timestamptz), ${end}::timestamptz) AS period_end,
      to_char(bucket_start AT TIME ZONE ${timeZone}, ${labelFormat}::text) AS label
    FROM bounded
    WHERE bucket_start < ${end}::timestamptz
    ORDER BY bucket_start`);
  return rows.map((row) => ({
    start: row.bucket_start,
    label: row.label,
    period: { start: row.period_start, end: row.period_end },
  }));
}

/** The measures of each period (in order) in one pass over the incidents they span. */
async function computePeriodMeasures(
  db: QueryReader,
  scope: IncidentScope,
  periods: readonly RollupPeriod[],
): Promise<IncidentMeasures[]> {
  if (periods.length === 0) return [];
  const span = {
    start: new Date(Math.min(...periods.map((period) => period.start.getTime()))),
    end: new Date(Math.max(...periods.map((period) => period.end.getTime()))),
  };
  const rows = await db.$queryRaw<(IncidentMeasureRow & { position: number })[]>(Prisma.sql`
    WITH periods AS (
      SELECT range_start, range_end, position::int
      FROM unnest(${periods.map((period) => period.start)}::timestamptz[],
                  ${periods.map((period) => period.end)}::timestamptz[])
        WITH ORDINALITY AS p(range_start, range_end, position)
    ),
    scoped AS (
      SELECT p.position, ${incidentMeasureColumnsSql}
      FROM incidents i
      JOIN periods p ON i.created_at >= p.range_start AND i.created_at < p.range_end
      WHERE ${incidentScopeSql({ ...scope, range: span })}
    )
    SELECT position, ${incidentMeasureAggregatesSql}
    FROM scoped
    GROUP BY position`);
  const byPosition = new Map(rows.map((row) => [row.position, row]));
  return periods.map((_, index) =>
    incidentMeasuresOf(byPosition.get(index + 1) ?? ({} as IncidentMeasureRow)),
  );
}

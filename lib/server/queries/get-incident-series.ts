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

interface Row extends DurationColumns {
  bucket_start: Date;
  label: string;
  count: number;
  excluded_tests: number;
  customer: number;
}

/**
 * Incident volume, MTTD/MTTA/MTTR and customer-first rate per month or quarter, with the same
 * exclusions as getIncidentMetrics (tests left out; merged incidents left out of MTTA and MTTR;
 * negative durations left out). Buckets start at local midnight in `timeZone` — computed by
 * PostgreSQL with the zone bound, so a DST month is bucketed on the wall calendar — and every
 * bucket that intersects the range is returned: counts 0 and durations null when it is empty.
 */
export async function getIncidentSeries(
  db: PrismaClient,
  scope: IncidentSeriesScope,
): Promise<IncidentSeriesBucket[]> {
  const { unit, step, labelFormat } = INTERVALS[scope.interval];
  const timeZone = Prisma.sql`${scope.timeZone}::text`;
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH buckets AS (
      -- The 4-argument generate_series adds the step on the wall calendar of the zone, so each
      -- bucket starts at local midnight whatever the UTC offset did in between.
      SELECT bucket_start
      FROM generate_series(
        date_trunc(${unit}::text, ${scope.range.start}::timestamptz, ${timeZone}),
        ${scope.range.end}::timestamptz,
        ${step}::interval,
        ${timeZone}
      ) AS bucket_start
      WHERE bucket_start < ${scope.range.end}::timestamptz
    ),
    scoped AS (
      SELECT
        date_trunc(${unit}::text, i.created_at, ${timeZone}) AS bucket_start,
        i.detection_source,
        ${incidentDurationColumnsSql}
      FROM incidents i
      WHERE ${incidentScopeSql(scope)}
    ),
    aggregated AS (
      SELECT
        bucket_start,
        count(*) FILTER (WHERE detection_source <> 'test')::int AS count,
        count(*) FILTER (WHERE detection_source = 'test')::int AS excluded_tests,
        count(*) FILTER (WHERE detection_source = 'customer')::int AS customer,
        ${incidentDurationAggregatesSql}
      FROM scoped
      GROUP BY bucket_start
    )
    SELECT
      b.bucket_start,
      to_char(b.bucket_start AT TIME ZONE ${timeZone}, ${labelFormat}::text) AS label,
      coalesce(a.count, 0)::int AS count,
      coalesce(a.excluded_tests, 0)::int AS excluded_tests,
      coalesce(a.customer, 0)::int AS customer,
      a.mttd_n, a.mttd_mean, a.mttd_median, a.mttd_p90,
      a.mtta_n, a.mtta_mean, a.mtta_median, a.mtta_p90,
      a.mttr_n, a.mttr_mean, a.mttr_median, a.mttr_p90
    FROM buckets b
    LEFT JOIN aggregated a ON a.bucket_start = b.bucket_start
    ORDER BY b.bucket_start`);
  return rows.map((row) => {
    const { count, customer } = row;
    return {
      start: row.bucket_start.toISOString(),
      label: row.label,
      count,
      excludedTests: row.excluded_tests,
      mttd: durationSummaryOf(row, "mttd"),
      mtta: durationSummaryOf(row, "mtta"),
      mttr: durationSummaryOf(row, "mttr"),
      customer,
      customerFirstRate: count === 0 ? null : customer / count,
    };
  });
}

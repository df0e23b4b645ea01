import type { DurationSummary } from "@/lib/metrics/incident-durations";
import { Prisma } from "@/prisma/generated/client/client";

export type DurationMetric = "mttd" | "mtta" | "mttr";

/** The aggregate columns `incidentDurationAggregatesSql` produces, as a row holds them. */
export type DurationColumns = Record<
  `${DurationMetric}_${"n" | "mean" | "median" | "p90"}`,
  number | null
>;

/**
 * Per incident `i`: the MTTD, MTTA and MTTR durations in seconds, or NULL when the incident does
 * not count for that measure — a paging test (every measure), resolved by merge (MTTA, MTTR), or
 * a negative duration, which is a data error (an impact start after creation, clock skew).
 */
export const incidentDurationColumnsSql = Prisma.sql`
  CASE WHEN i.detection_source <> 'test' AND i.started_at <= i.created_at
    THEN extract(epoch FROM i.created_at - i.started_at)::float8 END AS mttd,
  CASE WHEN i.detection_source <> 'test' AND NOT i.resolved_by_merge AND i.acknowledged_at >= i.created_at
    THEN extract(epoch FROM i.acknowledged_at - i.created_at)::float8 END AS mtta,
  CASE WHEN i.detection_source <> 'test' AND NOT i.resolved_by_merge AND i.resolved_at >= i.created_at
    THEN extract(epoch FROM i.resolved_at - i.created_at)::float8 END AS mttr`;

/** n, mean, median and p90 (percentile_cont: linear interpolation) of each duration column. */
export const incidentDurationAggregatesSql = Prisma.join(
  (["mttd", "mtta", "mttr"] as const).map(
    (metric) => Prisma.sql`
      count(${Prisma.raw(metric)})::int AS ${Prisma.raw(`${metric}_n`)},
      avg(${Prisma.raw(metric)})::float8 AS ${Prisma.raw(`${metric}_mean`)},
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${Prisma.raw(metric)}) AS ${Prisma.raw(`${metric}_median`)},
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${Prisma.raw(metric)}) AS ${Prisma.raw(`${metric}_p90`)}`,
  ),
  ",",
);

/** A DurationSummary from the aggregate columns; every value is null when n is 0 (or missing). */
export function durationSummaryOf(row: DurationColumns, metric: DurationMetric): DurationSummary {
  const n = row[`${metric}_n`] ?? 0;
  return {
    n,
    meanSeconds: n === 0 ? null : (row[`${metric}_mean`] ?? null),
    medianSeconds: n === 0 ? null : (row[`${metric}_median`] ?? null),
    p90Seconds: n === 0 ? null : (row[`${metric}_p90`] ?? null),
  };
}

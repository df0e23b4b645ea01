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

export type { DurationSummary };

export interface IncidentMetrics {
  /** Non-test incidents created in the range. */
  count: number;
  excludedTests: number;
  mttd: DurationSummary;
  /** MTTD coverage: incidents with a known impact start, of all non-test incidents. */
  mttdCoverage: { withStartedAt: number; total: number };
  mtta: DurationSummary;
  mttr: DurationSummary;
  detection: {
    monitoring: number;
    customer: number;
    staff: number;
    unknown: number;
    test: number;
    /** customer ÷ all non-test incidents; null when there are none. */
    customerFirstRate: number | null;
  };
}

type Row = DurationColumns & Record<string, number | null>;

/**
 * MTTD/MTTA/MTTR (n, mean, median, p90 with percentile_cont's linear interpolation) and detection
 * counts, computed in PostgreSQL. Test incidents are left out of every duration; incidents
 * resolved by merge are left out of MTTA and MTTR; negative durations (an impact start after
 * creation, clock skew) are data errors and are left out too.
 */
export async function getIncidentMetrics(
  db: PrismaClient,
  scope: IncidentScope,
): Promise<IncidentMetrics> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH scoped AS (
      SELECT
        i.detection_source,
        i.started_at IS NOT NULL AS has_started_at,
        ${incidentDurationColumnsSql}
      FROM incidents i
      WHERE ${incidentScopeSql(scope)}
    )
    SELECT
      count(*) FILTER (WHERE detection_source <> 'test')::int AS count,
      count(*) FILTER (WHERE detection_source = 'test')::int AS excluded_tests,
      count(*) FILTER (WHERE detection_source <> 'test' AND has_started_at)::int AS with_started_at,
      ${incidentDurationAggregatesSql},
      count(*) FILTER (WHERE detection_source = 'monitoring')::int AS monitoring,
      count(*) FILTER (WHERE detection_source = 'customer')::int AS customer,
      count(*) FILTER (WHERE detection_source = 'staff')::int AS staff,
      count(*) FILTER (WHERE detection_source = 'unknown')::int AS unknown
    FROM scoped`);
  const row = rows[0];
  if (!row) throw new Error("The incident metrics query returned no row.");
  const count = row.count ?? 0;
  const customer = row.customer ?? 0;
  return {
    count,
    excludedTests: row.excluded_tests ?? 0,
    mttd: durationSummaryOf(row, "mttd"),
    mttdCoverage: { withStartedAt: row.with_started_at ?? 0, total: count },
    mtta: durationSummaryOf(row, "mtta"),
    mttr: durationSummaryOf(row, "mttr"),
    detection: {
      monitoring: row.monitoring ?? 0,
      customer,
      staff: row.staff ?? 0,
      unknown: row.unknown ?? 0,
      test: row.excluded_tests ?? 0,
      customerFirstRate: count === 0 ? null : customer / count,
    },
  };
}

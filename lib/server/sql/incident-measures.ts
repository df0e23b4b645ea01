import type { DurationSummary } from "@/lib/metrics/incident-durations";
import { Prisma } from "@/prisma/generated/client/client";
import {
  type DurationColumns,
  durationSummaryOf,
  incidentDurationAggregatesSql,
  incidentDurationColumnsSql,
} from "./incident-durations";

/** What every incident view reports of a set of incidents: a period, a month, a team, a service. */
export interface IncidentMeasures {
  /** Non-test incidents. */
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

/** Per incident `i`: what `incidentMeasureAggregatesSql` aggregates. */
export const incidentMeasureColumnsSql = Prisma.sql`
  i.detection_source,
  i.started_at IS NOT NULL AS has_started_at,
  ${incidentDurationColumnsSql}`;

/** The aggregate columns of `IncidentMeasures`, over rows of `incidentMeasureColumnsSql`. */
export const incidentMeasureAggregatesSql = Prisma.sql`
  count(*) FILTER (WHERE detection_source <> 'test')::int AS count,
  count(*) FILTER (WHERE detection_source = 'test')::int AS excluded_tests,
  count(*) FILTER (WHERE detection_source <> 'test' AND has_started_at)::int AS with_started_at,
  ${incidentDurationAggregatesSql},
  count(*) FILTER (WHERE detection_source = 'monitoring')::int AS monitoring,
  count(*) FILTER (WHERE detection_source = 'customer')::int AS customer,
  count(*) FILTER (WHERE detection_source = 'staff')::int AS staff,
  count(*) FILTER (WHERE detection_source = 'unknown')::int AS unknown`;

export type IncidentMeasureRow = DurationColumns &
  Record<
    | "count"
    | "excluded_tests"
    | "with_started_at"
    | "monitoring"
    | "customer"
    | "staff"
    | "unknown",
    number | null
  >;

/** The measures of a row of `incidentMeasureAggregatesSql`; an empty set counts 0 with null durations. */
export function incidentMeasuresOf(row: IncidentMeasureRow): IncidentMeasures {
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

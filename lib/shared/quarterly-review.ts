import Papa from "papaparse";
import type { DurationSummary } from "../metrics/incident-durations";
import type { PeopleTotals } from "./people-totals";

/** The incident measures every row of the review carries. */
export interface ReviewIncidentMeasures {
  count: number;
  excludedTests: number;
  mttd: DurationSummary;
  mtta: DurationSummary;
  mttr: DurationSummary;
  customerFirstRate: number | null;
}

export interface ReviewRow {
  section: "organisation" | "team" | "service" | "month";
  name: string;
  /** "2026 Q3", "2026 Q2" (the comparison) or a month "2026-07". */
  period: string;
  from: string;
  to: string;
  incidents: ReviewIncidentMeasures;
  /** People's load; null for services and months (people are not split by service or month). */
  people: PeopleTotals | null;
}

/** The quarterly review as data: what the screen shows, for export. */
export interface QuarterlyReview {
  range: { from: string; to: string; timeZone: string };
  previousRange: { from: string; to: string; timeZone: string };
  rows: ReviewRow[];
}

const DURATION_COLUMNS = (["mttd", "mtta", "mttr"] as const).flatMap((measure) =>
  (["median", "p90", "mean"] as const).map((statistic) => ({
    header: `${measure}_${statistic}_seconds`,
    value: (row: ReviewRow) => {
      const summary = row.incidents[measure];
      const seconds =
        statistic === "median"
          ? summary.medianSeconds
          : statistic === "p90"
            ? summary.p90Seconds
            : summary.meanSeconds;
      return seconds === null ? null : Math.round(seconds * 10) / 10;
    },
  })),
);

const COLUMNS: { header: string; value: (row: ReviewRow) => unknown }[] = [
  { header: "section", value: (row) => row.section },
  { header: "name", value: (row) => row.name },
  { header: "period", value: (row) => row.period },
  { header: "from", value: (row) => row.from },
  { header: "to", value: (row) => row.to },
  { header: "incidents", value: (row) => row.incidents.count },
  { header: "excluded_tests", value: (row) => row.incidents.excludedTests },
  ...DURATION_COLUMNS,
  { header: "mttd_n", value: (row) => row.incidents.mttd.n },
  { header: "mtta_n", value: (row) => row.incidents.mtta.n },
  { header: "mttr_n", value: (row) => row.incidents.mttr.n },
  {
    header: "customer_first_rate",
    value: (row) =>
      row.incidents.customerFirstRate === null
        ? null
        : Math.round(row.incidents.customerFirstRate * 10_000) / 10_000,
  },
  { header: "people", value: (row) => row.people?.people },
  { header: "off_hours_interruptions", value: (row) => row.people?.offHoursInterruptions },
  { header: "wakeups", value: (row) => row.people?.wakeups },
  { header: "toil_owed_hours", value: (row) => row.people?.toilOwedHours },
  { header: "rest_breaches", value: (row) => row.people?.restBreaches },
];

/**
 * The review as one CSV table: a row per period of the organisation, each team and service, then
 * each month of the trend. Durations in seconds (0.1 s), rates as fractions; an empty cell is
 * "no value" (nothing to measure), never zero.
 */
export function quarterlyReviewToCsv(review: QuarterlyReview): string {
  return Papa.unparse({
    fields: COLUMNS.map((column) => column.header),
    data: review.rows.map((row) => COLUMNS.map((column) => column.value(row) ?? "")),
  });
}

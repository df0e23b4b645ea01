/**
 * The incident clock (PRODUCT.md → Definitions → "Incident clock"): MTTD, MTTA and MTTR, each
 * reported as median, p90 and mean with its n. The SQL queries compute the same numbers with
 * `percentile_cont`; this module is the reference they are tested against and the fallback for
 * numbers computed in memory (webhook-fresh incidents, CSV previews).
 */

const MILLISECONDS_PER_SECOND = 1000;

/** Median, p90 and mean of a list of durations; every value is null when the list is empty. */
export interface DurationSummary {
  n: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/**
 * Postgres `percentile_cont(fraction)` over values already sorted ascending: the value at
 * position (n − 1) · fraction, interpolated linearly between its two neighbours.
 * Returns null for an empty list, like the SQL aggregate over no rows.
 */
export function percentileCont(
  sortedAscending: readonly number[],
  fraction: number,
): number | null {
  if (sortedAscending.length === 0) return null;
  const position = (sortedAscending.length - 1) * fraction;
  const lowerIndex = Math.floor(position);
  const upperIndex = Math.ceil(position);
  const lower = sortedAscending[lowerIndex] ?? Number.NaN;
  const upper = sortedAscending[upperIndex] ?? Number.NaN;
  return lower + (upper - lower) * (position - lowerIndex);
}

/**
 * Summarises durations in seconds as PRODUCT.md asks: "median, p90 and mean, with n;
 * percentiles interpolate linearly (Postgres `percentile_cont`)".
 */
export function summariseDurations(seconds: readonly number[]): DurationSummary {
  if (seconds.length === 0) {
    return { n: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null };
  }
  // Sorting before summing makes the mean independent of input order down to the last bit.
  const sorted = [...seconds].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    n: sorted.length,
    meanSeconds: total / sorted.length,
    medianSeconds: percentileCont(sorted, 0.5),
    p90Seconds: percentileCont(sorted, 0.9),
  };
}

/** The timestamps of one incident that the clock needs. */
export interface ClockedIncident {
  /** Impact start, when known (custom field, CSV column or UI entry). */
  startedAt?: Date | null;
  createdAt: Date;
  acknowledgedAt?: Date | null;
  resolvedAt?: Date | null;
  isTest: boolean;
  isResolvedByMerge: boolean;
}

export interface IncidentClockDurations {
  mttd: DurationSummary;
  mtta: DurationSummary;
  mttr: DurationSummary;
  /** MTTD coverage shown as "n of N": non-test incidents with a startedAt, of all non-test ones. */
  coverage: { withStartedAt: number; total: number };
  /**
   * Durations left out because they came out negative: an impact start entered after the
   * incident was created, or an acknowledgement/resolve stamped before creation (clock skew
   * between sources). They are counted so the screen can say why n is smaller than expected.
   */
  rejectedNegative: { mttd: number; mtta: number; mttr: number };
}

function secondsBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / MILLISECONDS_PER_SECOND;
}

/**
 * MTTD, MTTA and MTTR as PRODUCT.md defines them:
 * - MTTD = createdAt − startedAt over incidents with a known startedAt;
 * - MTTA = acknowledgedAt − createdAt over acknowledged incidents;
 * - MTTR = resolvedAt − createdAt over resolved incidents.
 *
 * Test incidents are left out of everything. Incidents resolved by merge are left out of MTTA and
 * MTTR only: their resolve time is the merge, not a fix, but their impact start and creation are
 * real, so they still count for MTTD and its coverage.
 *
 * Negative durations are dropped and counted in `rejectedNegative`; zero is kept. The SQL
 * version must filter the same way (`started_at <= created_at`, …) to agree with this one.
 */
export function incidentClockDurations(
  incidents: readonly ClockedIncident[],
): IncidentClockDurations {
  const detect: number[] = [];
  const acknowledge: number[] = [];
  const resolve: number[] = [];
  const rejectedNegative = { mttd: 0, mtta: 0, mttr: 0 };
  let withStartedAt = 0;
  let total = 0;

  for (const incident of incidents) {
    if (incident.isTest) continue;
    total += 1;
    if (incident.startedAt) {
      withStartedAt += 1;
      const seconds = secondsBetween(incident.startedAt, incident.createdAt);
      if (seconds >= 0) detect.push(seconds);
      else rejectedNegative.mttd += 1;
    }
    if (incident.isResolvedByMerge) continue;
    if (incident.acknowledgedAt) {
      const seconds = secondsBetween(incident.createdAt, incident.acknowledgedAt);
      if (seconds >= 0) acknowledge.push(seconds);
      else rejectedNegative.mtta += 1;
    }
    if (incident.resolvedAt) {
      const seconds = secondsBetween(incident.createdAt, incident.resolvedAt);
      if (seconds >= 0) resolve.push(seconds);
      else rejectedNegative.mttr += 1;
    }
  }

  return {
    mttd: summariseDurations(detect),
    mtta: summariseDurations(acknowledge),
    mttr: summariseDurations(resolve),
    coverage: { withStartedAt, total },
    rejectedNegative,
  };
}

import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import { computeInSnapshot, type RollupTables, type Transaction } from "./rollup-store";

/**
 * Organisation-wide incident measures of a period are kept in incident_measure_rollups so that a
 * large organisation's review does not sort half a million incidents on every visit. Exact
 * percentiles cannot be added up from smaller periods, so each rollup is the answer for exactly
 * one period (a quarter, a month of the trend), computed once and reused until it goes stale.
 *
 * Staleness is decided by the database, not by a timer: triggers on incidents and incident_teams
 * append each changed UTC day with the writing transaction's id, and a rollup is used only while
 * every committed change of a day it covers was visible in the snapshot it was computed in. Late
 * data (a resolution webhook for last month, a re-import, a corrected impact start) therefore
 * makes exactly the periods it touches recompute on their next read, even when the write commits
 * while the rollup is being computed.
 */
/** Service noise depends on the auto-resolve setting, which is part of its kind. */
export type RollupKind =
  | "overall"
  | "team"
  | "service"
  | `service-noise:${number}`
  /** One team's scope (its incident measures), by the team's id. */
  | `team-scope:${number}`;

export interface RollupPeriod {
  start: Date;
  end: Date;
}

export interface RollupRequest {
  kind: RollupKind;
  /** "" for every urgency. */
  urgency: "" | "high" | "low";
  periods: readonly RollupPeriod[];
}

// Sorting half a million durations in the default 4 MB spills to disk; 64 MB keeps a quarter of
// the `large` seed in memory (about 25 MB per measure). Local to the computing transaction.
const COMPUTE_WORK_MEM = "64MB";

/**
 * A change (incident_measure_changes) makes a rollup stale when it is on a UTC day the rollup
 * covers and was committed by a transaction the rollup's snapshot did not see.
 */
export const incidentMeasureTables: RollupTables = {
  rollups: "incident_measure_rollups",
  changes: "incident_measure_changes",
  state: "incident_measure_rollup_state",
  changeMakesRollupStale: Prisma.sql`
    c.day >= (r.range_start AT TIME ZONE 'UTC')::date
    AND c.day <= ((r.range_end - interval '1 millisecond') AT TIME ZONE 'UTC')::date
    AND NOT pg_visible_in_snapshot(c.changed_by, r.snapshot)`,
};

/** Computes the measures of each period, in order, reading only through `tx`. */
export type ComputeRollups<T> = (tx: Transaction, periods: RollupPeriod[]) => Promise<T[]>;

const periodKey = (period: RollupPeriod) =>
  `${period.start.toISOString()}/${period.end.toISOString()}`;

/**
 * The measures of every period, from valid rollups where there are some and computed (then kept)
 * where not. `compute` runs once, for the missing periods only, in a repeatable-read transaction
 * whose snapshot is stored with the results.
 */
export async function withIncidentMeasureRollups<T>(
  db: PrismaClient,
  request: RollupRequest,
  compute: ComputeRollups<T>,
): Promise<T[]> {
  const found = await readValidRollups<T>(db, request);
  const missing = request.periods.filter((period) => !found.has(periodKey(period)));
  if (missing.length > 0) {
    const computed = await computeAndKeep(db, request, missing, compute);
    missing.forEach((period, index) => {
      found.set(periodKey(period), computed[index] as T);
    });
  }
  return request.periods.map((period) => found.get(periodKey(period)) as T);
}

async function readValidRollups<T>(
  db: PrismaClient,
  { kind, urgency, periods }: RollupRequest,
): Promise<Map<string, T>> {
  const rows = await db.$queryRaw<{ range_start: Date; range_end: Date; measures: T }[]>(
    Prisma.sql`
      SELECT r.range_start, r.range_end, r.measures
      FROM incident_measure_rollups r
      JOIN unnest(${periods.map((period) => period.start)}::timestamptz[],
                  ${periods.map((period) => period.end)}::timestamptz[]) AS p(range_start, range_end)
        ON p.range_start = r.range_start AND p.range_end = r.range_end
      WHERE r.kind = ${kind} AND r.urgency = ${urgency}
        AND NOT EXISTS (
          SELECT 1 FROM incident_measure_changes c WHERE ${incidentMeasureTables.changeMakesRollupStale})`,
  );
  return new Map(
    rows.map((row) => [periodKey({ start: row.range_start, end: row.range_end }), row.measures]),
  );
}

function computeAndKeep<T>(
  db: PrismaClient,
  { kind, urgency }: RollupRequest,
  periods: RollupPeriod[],
  compute: ComputeRollups<T>,
): Promise<T[]> {
  return computeInSnapshot(db, incidentMeasureTables, {
    settings: { work_mem: COMPUTE_WORK_MEM },
    compute: (tx) => compute(tx, periods),
    keep: (tx, computed) => tx.$executeRaw`
      INSERT INTO incident_measure_rollups (kind, urgency, range_start, range_end, measures, snapshot)
      SELECT ${kind}, ${urgency}, p.range_start, p.range_end, p.measures, pg_current_snapshot()
      FROM unnest(${periods.map((period) => period.start)}::timestamptz[],
                  ${periods.map((period) => period.end)}::timestamptz[],
                  ${computed.map((value) => JSON.stringify(value))}::json[])
        AS p(range_start, range_end, measures)
      ON CONFLICT (kind, urgency, range_start, range_end) DO UPDATE
        SET measures = excluded.measures, snapshot = excluded.snapshot, computed_at = now()`,
  });
}

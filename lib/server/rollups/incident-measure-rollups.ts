import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import { pruneIncidentMeasureChanges } from "./prune-incident-measure-changes";
import { changeMakesRollupStaleSql } from "./stale-rollup-sql";

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
export type RollupKind = "overall" | "team" | "service";

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
// A computation holds a snapshot; past this, give up rather than hold back vacuum for long.
const COMPUTE_TIMEOUT_MS = 120_000;

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

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
          SELECT 1 FROM incident_measure_changes c WHERE ${changeMakesRollupStaleSql})`,
  );
  return new Map(
    rows.map((row) => [periodKey({ start: row.range_start, end: row.range_end }), row.measures]),
  );
}

async function computeAndKeep<T>(
  db: PrismaClient,
  { kind, urgency }: RollupRequest,
  periods: RollupPeriod[],
  compute: ComputeRollups<T>,
): Promise<T[]> {
  await pruneIncidentMeasureChanges(db);
  let computed: T[] | null = null;
  try {
    await db.$transaction(
      async (tx) => {
        // The first statement fixes the transaction's snapshot: the prune generation read here
        // and every incident read by `compute` are as of the same instant.
        const [state] = await tx.$queryRaw<{ generation: bigint }[]>`
          SELECT generation FROM incident_measure_rollup_state WHERE id = 1`;
        await tx.$queryRaw`SELECT set_config('work_mem', ${COMPUTE_WORK_MEM}, true)`;
        computed = await compute(tx, periods);
        // A prune committed since the snapshot may have removed a change this snapshot did not
        // see: then this share lock fails with a serialisation error and nothing is kept. Held
        // until commit, it also makes a later prune wait and then see these rows.
        const [now] = await tx.$queryRaw<{ generation: bigint }[]>`
          SELECT generation FROM incident_measure_rollup_state WHERE id = 1 FOR SHARE`;
        if (state === undefined || now?.generation !== state.generation) return;
        await tx.$executeRaw`
          INSERT INTO incident_measure_rollups (kind, urgency, range_start, range_end, measures, snapshot)
          SELECT ${kind}, ${urgency}, p.range_start, p.range_end, p.measures, pg_current_snapshot()
          FROM unnest(${periods.map((period) => period.start)}::timestamptz[],
                      ${periods.map((period) => period.end)}::timestamptz[],
                      ${computed.map((value) => JSON.stringify(value))}::jsonb[])
            AS p(range_start, range_end, measures)
          ON CONFLICT (kind, urgency, range_start, range_end) DO UPDATE
            SET measures = excluded.measures, snapshot = excluded.snapshot, computed_at = now()`;
      },
      {
        isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
        timeout: COMPUTE_TIMEOUT_MS,
        maxWait: 10_000,
      },
    );
  } catch (error) {
    // Computed but not kept (a concurrent prune): the answer is still right for this request.
    if (computed === null || !isSerializationFailure(error)) throw error;
  }
  if (computed === null) throw new Error("The incident measures were not computed.");
  return computed;
}

function isSerializationFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : "";
  return /could not serialize access|40001/.test(text);
}

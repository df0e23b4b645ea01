import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { changeMakesRollupStaleSql } from "./stale-rollup-sql";

/** Past this many change rows, the next rollup computation prunes them first. */
const PRUNE_AFTER_ROWS = 5_000;

/**
 * Keeps incident_measure_changes small: drops the committed changes together with the rollups
 * they made stale, in one statement so both see the same snapshot. The generation bump comes
 * first and makes any computation that started before it keep nothing (see
 * incident-measure-rollups.ts); one that already holds its share lock finishes first, and its
 * rows are then judged here like any other. Returns how many change rows went.
 */
export async function pruneIncidentMeasureChanges(
  db: PrismaClient,
  afterRows = PRUNE_AFTER_ROWS,
): Promise<number> {
  const [pending] = await db.$queryRaw<{ rows: number }[]>`
    SELECT count(*)::int AS rows
    FROM (SELECT 1 FROM incident_measure_changes LIMIT ${afterRows + 1}) AS c`;
  if ((pending?.rows ?? 0) <= afterRows) return 0;
  const [, pruned] = await db.$transaction([
    db.$executeRaw`UPDATE incident_measure_rollup_state SET generation = generation + 1 WHERE id = 1`,
    db.$queryRaw<{ rows: number }[]>`
      WITH pruned AS (
        DELETE FROM incident_measure_changes RETURNING day, changed_by
      ), stale AS (
        DELETE FROM incident_measure_rollups r
        USING pruned c
        WHERE ${changeMakesRollupStaleSql}
      )
      SELECT count(*)::int AS rows FROM pruned`,
  ]);
  return pruned[0]?.rows ?? 0;
}

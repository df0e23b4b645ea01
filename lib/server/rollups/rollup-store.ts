import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

/**
 * What the two kinds of kept results (incident measures of a period, a person's report row of a
 * range) share: a table of rows each stored with the snapshot it was computed in, a table of
 * changes appended by triggers with the writing transaction's id, a one-row state whose
 * generation every prune bumps, and the rule that says which change makes which row stale. The
 * names are constants of this module, never user input.
 */
export interface RollupTables {
  rollups: string;
  changes: string;
  state: string;
  /** True when change `c` makes rollup `r` stale (a condition on the aliases c and r). */
  changeMakesRollupStale: Prisma.Sql;
  /**
   * Rows computed longer ago than this are dropped at each prune, so ranges nobody asks for
   * again do not pile up (the next request for one computes it anew). Unset: kept until stale.
   */
  keepDays?: number;
}

/** Past this many change rows, the next computation prunes them first. */
const PRUNE_AFTER_ROWS = 5_000;
// A computation holds a snapshot; past this, give up rather than hold back vacuum for long.
const COMPUTE_TIMEOUT_MS = 120_000;

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface ComputeInSnapshot<T> {
  /** Reads only through `tx`, whose repeatable-read snapshot is the one stored with the result. */
  compute: (tx: Transaction) => Promise<T>;
  /** Writes the result with `pg_current_snapshot()`; skipped when a prune came in between. */
  keep: (tx: Transaction, computed: T) => Promise<unknown>;
  /** Session settings for the computation (e.g. work_mem), local to its transaction. */
  settings?: Readonly<Record<string, string>>;
}

/**
 * Computes in one repeatable-read transaction and keeps the result with that transaction's
 * snapshot, unless a prune of the changes committed since the snapshot was taken (it may have
 * removed a change this snapshot did not see): then the result is returned but not kept.
 */
export async function computeInSnapshot<T>(
  db: PrismaClient,
  tables: RollupTables,
  { compute, keep, settings = {} }: ComputeInSnapshot<T>,
): Promise<T> {
  await pruneRollupChanges(db, tables);
  const state = Prisma.raw(tables.state);
  let computed: { value: T } | null = null;
  try {
    await db.$transaction(
      async (tx) => {
        // The first statement fixes the transaction's snapshot: the prune generation read here
        // and everything `compute` reads are as of the same instant.
        const [before] = await tx.$queryRaw<{ generation: bigint }[]>`
          SELECT generation FROM ${state} WHERE id = 1`;
        for (const [name, value] of Object.entries(settings)) {
          await tx.$queryRaw`SELECT set_config(${name}, ${value}, true)`;
        }
        computed = { value: await compute(tx) };
        // Held until commit, this share lock makes a later prune wait and then see these rows;
        // a prune committed since the snapshot makes it fail with a serialisation error.
        const [now] = await tx.$queryRaw<{ generation: bigint }[]>`
          SELECT generation FROM ${state} WHERE id = 1 FOR SHARE`;
        if (before === undefined || now?.generation !== before.generation) return;
        await keep(tx, computed.value);
      },
      {
        isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
        timeout: COMPUTE_TIMEOUT_MS,
        maxWait: 10_000,
      },
    );
  } catch (error) {
    // Computed but not kept (a concurrent prune, or a read-only replica): still right for this
    // request.
    if (computed === null || !isNotKeptError(error)) throw error;
  }
  if (computed === null) throw new Error(`Nothing was computed for ${tables.rollups}.`);
  return (computed as { value: T }).value;
}

/**
 * Keeps the change table small: drops the committed changes together with the rollups they made
 * stale, in one statement so both see the same snapshot. The generation bump comes first and
 * makes any computation that started before it keep nothing; one that already holds its share
 * lock finishes first, and its rows are then judged here like any other. Rows older than
 * `keepDays` go too. Returns how many change rows went.
 */
export async function pruneRollupChanges(
  db: PrismaClient,
  tables: RollupTables,
  afterRows = PRUNE_AFTER_ROWS,
): Promise<number> {
  const changes = Prisma.raw(tables.changes);
  const [pending] = await db.$queryRaw<{ rows: number }[]>`
    SELECT count(*)::int AS rows FROM (SELECT 1 FROM ${changes} LIMIT ${afterRows + 1}) AS c`;
  if ((pending?.rows ?? 0) <= afterRows) return 0;
  const [, pruned] = await db.$transaction([
    db.$executeRaw`UPDATE ${Prisma.raw(tables.state)} SET generation = generation + 1 WHERE id = 1`,
    db.$queryRaw<{ rows: number }[]>`
      WITH pruned AS (
        DELETE FROM ${changes} RETURNING *
      ), stale AS (
        DELETE FROM ${Prisma.raw(tables.rollups)} r
        USING pruned c
        WHERE ${tables.changeMakesRollupStale}
      )
      SELECT count(*)::int AS rows FROM pruned`,
  ]);
  if (tables.keepDays !== undefined) {
    await db.$executeRaw`
      DELETE FROM ${Prisma.raw(tables.rollups)}
      WHERE computed_at < now() - make_interval(days => ${tables.keepDays})`;
  }
  return pruned[0]?.rows ?? 0;
}

/** A concurrent prune (serialisation failure) or a read-only database (a replica). */
function isNotKeptError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : "";
  return /could not serialize access|40001|read-only transaction|25006/.test(text);
}

import type { Prisma } from "@/prisma/generated/client/client";

/**
 * What the loaders need: raw SQL from `Prisma.sql` fragments, inside the import's transaction. A
 * Prisma transaction client is one; so is a plain pg connection (`sqlClientOf` in
 * pg-transaction.ts), which the file import uses because it costs far less per row.
 */
export interface SqlClient {
  $queryRaw<T = unknown>(query: Prisma.Sql): PromiseLike<T>;
  $executeRaw(query: Prisma.Sql): PromiseLike<number>;
  /** `COPY … FROM STDIN` of rows in COPY's text format, in pieces: only a pg connection has it. */
  copyFrom?(statement: string, pieces: Iterable<string>): PromiseLike<void>;
}

/** How many records of one kind a write inserted, changed or found already as they were. */
export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const noWrites = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

/**
 * Counts from an upsert's `RETURNING (xmax = 0) AS inserted` rows: rows it did not return were
 * skipped by the `IS DISTINCT FROM` guard, so they were already stored as they are.
 */
export function countsOf(returned: { inserted: boolean }[], attempted: number): WriteCounts {
  const inserted = returned.filter((row) => row.inserted).length;
  const updated = returned.length - inserted;
  return { inserted, updated, unchanged: attempted - returned.length };
}

export function addCounts(total: WriteCounts, more: WriteCounts): void {
  total.inserted += more.inserted;
  total.updated += more.updated;
  total.unchanged += more.unchanged;
}

/**
 * The last record for each key, in first-seen order: one statement cannot upsert a row twice, and
 * a later line of a file is the newer state. The earlier duplicates count as unchanged.
 */
export function lastByKey<T>(records: readonly T[], keyOf: (record: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const record of records) byKey.set(keyOf(record), record);
  return [...byKey.values()];
}

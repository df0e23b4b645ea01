import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { type ImportSource, type ImportStatus, Prisma } from "@/prisma/generated/client/client";
import type { CountsByKind } from "../pagerduty/load/record-loader";
import type { WriteCounts } from "../pagerduty/load/sql-client";

export interface StartImportRun {
  batchId: string | null;
  source: ImportSource;
  format: string | null;
  fileName: string | null;
  options: Prisma.InputJsonValue;
}

/** The run row is written before any data, outside the data's transaction, so a failure is on record. */
export async function startImportRun(db: PrismaClient, run: StartImportRun): Promise<number> {
  const created = await db.importRun.create({ data: run, select: { id: true } });
  return created.id;
}

export interface FinishImportRun {
  status: Exclude<ImportStatus, "running">;
  totals: WriteCounts;
  byKind: CountsByKind;
  rejected: number;
  rowsRead: number;
  errorMessage: string | null;
  startedAt: number;
}

export async function finishImportRun(
  db: PrismaClient,
  id: number,
  finish: FinishImportRun,
): Promise<void> {
  const finishedAt = new Date();
  await db.$transaction([
    db.importRun.update({
      where: { id },
      data: {
        status: finish.status,
        finishedAt,
        durationMs: finishedAt.getTime() - finish.startedAt,
        inserted: finish.totals.inserted,
        updated: finish.totals.updated,
        unchanged: finish.totals.unchanged,
        rejected: finish.rejected,
        countsByKind: finish.byKind as Prisma.InputJsonValue,
        rowsRead: finish.rowsRead,
        errorMessage: finish.errorMessage,
      },
    }),
    db.importRunProgress.deleteMany({ where: { importRunId: id } }),
  ]);
}

/**
 * Progress for the Data page while a long run is going (its own connection, not the run's
 * transaction), in import_run_progress, never in the run's own row: see that table's comment in
 * prisma/schema.prisma.
 */
export async function recordImportProgress(
  db: PrismaClient,
  id: number,
  rowsRead: number,
): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    INSERT INTO import_run_progress (import_run_id, rows_read, updated_at)
    VALUES (${id}, ${rowsRead}, now())
    ON CONFLICT (import_run_id) DO UPDATE SET
      rows_read = excluded.rows_read, updated_at = excluded.updated_at`);
}

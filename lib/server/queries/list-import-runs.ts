import type { PrismaClient } from "@/lib/server/database/prisma-client";

export interface ImportRunRow {
  id: number;
  batchId: string | null;
  source: string;
  format: string | null;
  fileName: string | null;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rowsRead: number;
  countsByKind: unknown;
  errorMessage: string | null;
}

/** The latest import runs (files, syncs), newest first; one batch's runs when `batchId` is given. */
export async function listImportRuns(
  db: PrismaClient,
  options: { batchId?: string; id?: number; limit: number },
): Promise<ImportRunRow[]> {
  const runs = await db.importRun.findMany({
    where: {
      ...(options.batchId ? { batchId: options.batchId } : {}),
      ...(options.id !== undefined ? { id: options.id } : {}),
    },
    orderBy: { id: "desc" },
    take: options.limit,
    include: { progress: { select: { rowsRead: true } } },
  });
  return runs.map((run) => ({
    id: run.id,
    batchId: run.batchId,
    source: run.source,
    format: run.format,
    fileName: run.fileName,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.durationMs,
    inserted: run.inserted,
    updated: run.updated,
    unchanged: run.unchanged,
    rejected: run.rejected,
    // A running run's count is in its progress row until it finishes.
    rowsRead: run.progress?.rowsRead ?? run.rowsRead,
    countsByKind: run.countsByKind,
    errorMessage: run.errorMessage,
  }));
}

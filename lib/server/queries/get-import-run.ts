import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { type ImportRunRow, listImportRuns } from "./list-import-runs";

export interface RejectedRowView {
  id: number;
  fileName: string | null;
  lineNumber: number | null;
  reason: string;
  rawRow: string;
}

export interface ImportRunDetail {
  run: ImportRunRow;
  rejectedRows: RejectedRowView[];
  /** All rejected rows of the run; `rejectedRows` is one page of them, in line order. */
  rejectedTotal: number;
}

export async function getImportRun(
  db: PrismaClient,
  id: number,
  page: { offset: number; limit: number },
): Promise<ImportRunDetail | null> {
  const [runs, rejectedRows, rejectedTotal] = await Promise.all([
    listImportRuns(db, { id, limit: 1 }),
    db.rejectedRow.findMany({
      where: { importRunId: id },
      orderBy: [{ lineNumber: "asc" }, { id: "asc" }],
      skip: page.offset,
      take: page.limit,
      select: { id: true, fileName: true, lineNumber: true, reason: true, rawRow: true },
    }),
    db.rejectedRow.count({ where: { importRunId: id } }),
  ]);
  const [row] = runs;
  if (!row) return null;
  return { run: row, rejectedRows, rejectedTotal };
}

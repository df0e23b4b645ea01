import { describe, expect, it } from "vitest";
import { listImportRuns } from "@/lib/server/queries/list-import-runs";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { Prisma } from "@/prisma/generated/client/client";
import { withPgTransaction } from "../pagerduty/load/pg-transaction";
import { finishImportRun, recordImportProgress, startImportRun } from "./import-runs";

describe("import run progress", () => {
  const database = useTestDatabase();

  const versionOf = async (id: number) => {
    const [row] = await database.db.$queryRaw<{ version: string }[]>(
      Prisma.sql`SELECT xmin::text AS version FROM import_runs WHERE id = ${id}`,
    );
    return row?.version;
  };

  it("is counted apart from the run's row, which the run's own transaction holds", async () => {
    const db = database.db;
    const runId = await startImportRun(db, {
      batchId: null,
      source: "file",
      format: "pd-rest-json",
      fileName: "log-entries.ndjson",
      options: {},
    });
    const versionAtStart = await versionOf(runId);

    await withPgTransaction(database.url, async (sql) => {
      // A row written by the run: its foreign key locks the run's row until the commit.
      await sql.$executeRaw(Prisma.sql`
        INSERT INTO rejected_rows (import_run_id, file_name, line_number, reason, raw_row)
        VALUES (${runId}, 'log-entries.ndjson', 7, 'not a log entry', '{}')`);
      for (const rowsRead of [1_000, 2_000, 3_000]) {
        await recordImportProgress(db, runId, rowsRead);
      }
      // Each update of the locked row was a version the transaction kept alive and every later
      // foreign-key check walked: the row must not have changed.
      expect(await versionOf(runId)).toBe(versionAtStart);
      const [running] = await listImportRuns(db, { id: runId, limit: 1 });
      expect(running).toMatchObject({ status: "running", rowsRead: 3_000 });
    });

    await finishImportRun(db, runId, {
      status: "succeeded",
      totals: { inserted: 3_499, updated: 0, unchanged: 0 },
      byKind: { log_entry: { inserted: 3_499, updated: 0, unchanged: 0 } },
      rejected: 1,
      rowsRead: 3_500,
      errorMessage: null,
      startedAt: Date.now() - 1_000,
    });
    const [finished] = await listImportRuns(db, { id: runId, limit: 1 });
    expect(finished).toMatchObject({ status: "succeeded", rowsRead: 3_500, rejected: 1 });
    expect(await db.importRunProgress.count({ where: { importRunId: runId } })).toBe(0);
  });
});

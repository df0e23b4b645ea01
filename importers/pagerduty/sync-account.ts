import pg from "pg";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import { finishImportRun, recordImportProgress, startImportRun } from "../shared/import-runs";
import { deriveAfterImport } from "./load/derive-after-import";
import type { DerivedFacts } from "./load/derive-incident-facts";
import { sqlClientOf } from "./load/pg-transaction";
import { type CountsByKind, createRecordLoader } from "./load/record-loader";
import { addCounts, noWrites, type SqlClient, type WriteCounts } from "./load/sql-client";
import { mapRestObject } from "./map/map-rest-object";
import type { PagerDutyClient } from "./rest/pagerduty-client";
import { createPrismaCheckpointStore } from "./rest/prisma-checkpoint-store";
import { type SyncProgress, type SyncSummary, syncPagerDuty } from "./rest/sync-pagerduty";
import type { SyncResource } from "./rest/sync-types";

export interface SyncAccountOptions {
  client: PagerDutyClient;
  /** Where the API is, recorded on the run (never the token). */
  apiUrl: string;
  since: Date;
  until: Date;
  includeCustomFields: boolean;
  onProgress?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
  /**
   * The database's URL: pages are then written over a plain pg connection, which costs far less
   * CPU per row than Prisma's raw queries (see load/pg-transaction.ts); through `db` otherwise.
   */
  databaseUrl?: string;
  /** Tests lower PagerDuty's offset ceiling to reach it with little data. */
  paging?: Parameters<typeof syncPagerDuty>[0]["paging"];
}

export interface SyncAccountResult {
  runId: number;
  sync: SyncSummary;
  totals: WriteCounts;
  byKind: CountsByKind;
  rejected: number;
  derived: DerivedFacts;
}

// A page is up to 100 objects; a transaction commits one or more pages before the checkpoint moves.
const TRANSACTION_TIMEOUT_MS = 120_000;
/**
 * Pages listed while a commit was running are committed together, up to this many (1,000 objects,
 * the record loader's batch): a commit costs about as much for ten pages as for one, so the
 * writes keep up with PagerDuty's 960 requests a minute instead of halving it.
 */
const PAGES_PER_TRANSACTION = 10;

/**
 * `fairshift sync pagerduty`: pulls the account through the REST API into the database. Each page
 * is mapped and upserted in its own transaction before the sync's checkpoint passes it, so a sync
 * stopped at any moment resumes where it left off and never loses or doubles a row. One sync at a
 * time: a run left "running" by a stopped process is marked failed when the next one starts.
 */
export async function syncAccount(
  db: PrismaClient,
  options: SyncAccountOptions,
): Promise<SyncAccountResult> {
  await db.$executeRaw(Prisma.sql`
    UPDATE import_runs SET status = 'failed', finished_at = now(),
      error_message = 'Interrupted: the process stopped; the next sync resumed from its checkpoint.'
    WHERE source = 'rest_sync' AND status = 'running'`);
  const startedAt = Date.now();
  const runId = await startImportRun(db, {
    batchId: null,
    source: "rest_sync",
    format: "pagerduty-api",
    fileName: options.apiUrl,
    options: {
      since: options.since.toISOString(),
      until: options.until.toISOString(),
      includeCustomFields: options.includeCustomFields,
    },
  });
  const totals = noWrites();
  const byKind: CountsByKind = {};
  const changedIncidentIds = new Set<number>();
  let havePeopleChanged = false;
  let rejected = 0;
  let rowsRead = 0;

  // One connection for the whole run: a commit per page at 16 pages a second would otherwise
  // spend more on connecting (SCRAM) than on writing. A pool of one replaces it if it drops.
  const pool =
    options.databaseUrl === undefined
      ? null
      : new pg.Pool({
          connectionString: options.databaseUrl,
          max: 1,
          options: "-c TimeZone=UTC",
        });
  // A dropped idle connection is replaced on the next commit; without a listener it would crash.
  pool?.on("error", () => undefined);
  const inTransaction = <T>(work: (sql: SqlClient) => Promise<T>): Promise<T> =>
    pool === null
      ? db.$transaction(work, { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 })
      : inPoolTransaction(pool, work);

  async function writeObjects(resource: SyncResource, objects: unknown[]): Promise<void> {
    const loaded = await inTransaction(async (transaction) => {
      const loader = createRecordLoader(transaction, { importRunId: runId, fileName: resource });
      for (const object of objects) {
        const mapped = mapRestObject(object, { resourceKey: resource, timeZone: null });
        for (const record of mapped.records) {
          await loader.add({ type: "record", record, origin: { line: null } });
        }
        for (const reason of mapped.rejections) {
          await loader.add({
            type: "rejection",
            rejection: { line: null, reason, raw: JSON.stringify(object).slice(0, 10_000) },
          });
        }
      }
      return loader.finish();
    });
    addCounts(totals, loaded.totals);
    for (const [kind, counts] of Object.entries(loaded.byKind)) {
      const known = byKind[kind as keyof CountsByKind] ?? noWrites();
      addCounts(known, counts);
      byKind[kind as keyof CountsByKind] = known;
    }
    for (const id of loaded.changedIncidentIds) changedIncidentIds.add(id);
    havePeopleChanged ||= loaded.havePeopleChanged;
    rejected += loaded.rejected;
    rowsRead += objects.length;
    await recordImportProgress(db, runId, rowsRead);
  }

  const finish = (status: "succeeded" | "failed", errorMessage: string | null) =>
    finishImportRun(db, runId, {
      status,
      totals,
      byKind,
      rejected,
      rowsRead,
      errorMessage,
      startedAt,
    });

  let sync: SyncSummary;
  try {
    sync = await syncPagerDuty({
      client: options.client,
      checkpoints: createPrismaCheckpointStore(db),
      sink: { writeObjects },
      since: options.since,
      until: options.until,
      includeCustomFields: options.includeCustomFields,
      onProgress: options.onProgress,
      signal: options.signal,
      paging: options.paging,
      pagesPerWrite: PAGES_PER_TRANSACTION,
    });
  } catch (error) {
    await pool?.end();
    await finish("failed", error instanceof Error ? error.message : String(error));
    // What was committed before the failure still gets its derived facts.
    await deriveAfterImport(db, { runIds: [runId], changedIncidentIds, havePeopleChanged });
    throw error;
  }
  await pool?.end();
  await finish("succeeded", sync.warnings.length > 0 ? sync.warnings.join("\n") : null);
  const derived = await deriveAfterImport(db, {
    runIds: [runId],
    changedIncidentIds,
    havePeopleChanged,
  });
  return { runId, sync, totals, byKind, rejected, derived };
}

/** `work` in one transaction on a pooled connection; a connection that failed is not reused. */
async function inPoolTransaction<T>(
  pool: pg.Pool,
  work: (sql: SqlClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(sqlClientOf(client));
    await client.query("COMMIT");
    client.release();
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { FileFormatError } from "../shared/file-format-error";
import { IdSet } from "../shared/id-set";
import { finishImportRun, recordImportProgress, startImportRun } from "../shared/import-runs";
import { detectFormat, type FileFormat } from "./files/detect-format";
import { readImportFile } from "./files/read-file";
import { deriveAfterImport } from "./load/derive-after-import";
import type { DerivedFacts } from "./load/derive-incident-facts";
import { withPgTransaction } from "./load/pg-transaction";
import { type CountsByKind, createRecordLoader, type LoadResult } from "./load/record-loader";
import { noWrites, type SqlClient, type WriteCounts } from "./load/sql-client";
import type { ColumnMapping } from "./map/csv/column-mapping";
import type { Rejection } from "./records";
import { replayWebhookFile } from "./webhooks/replay-webhook-file";

export interface ImportFilesOptions {
  format: FileFormat | "auto";
  mapping?: ColumnMapping;
  /** Zone for timestamps without an offset (Analytics exports, CSVs); null = refuse such rows. */
  timeZone: string | null;
  isDryRun: boolean;
  /** Given by a caller that reports the batch before it ends (the upload API); default a new UUID. */
  batchId?: string;
  /** Shown in the run instead of the path (an upload's original file name). */
  displayNames?: readonly string[];
  onProgress?: (progress: ImportProgress) => void;
  /**
   * The database's URL: each file's transaction then runs on a plain pg connection of its own,
   * several times cheaper per row than a Prisma transaction (see load/pg-transaction.ts). Without
   * it the files are written through `db`.
   */
  databaseUrl?: string;
}

export interface ImportProgress {
  fileName: string;
  phase: "reading" | "deriving";
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
}

export interface FileImportSummary {
  runId: number;
  fileName: string;
  format: FileFormat | null;
  status: "succeeded" | "failed" | "dry_run";
  totals: WriteCounts;
  byKind: CountsByKind;
  rejected: number;
  /** The first rejected rows with line and reason, to print at once. */
  firstRejections: Rejection[];
  rowsRead: number;
  durationMs: number;
  errorMessage: string | null;
}

export interface BatchSummary {
  batchId: string;
  files: FileImportSummary[];
  /** What was derived once the batch was in; null for a dry run. */
  derived: DerivedFacts | null;
}

const HEAD_BYTES = 64 * 1024;
// Webhook bodies are at most 1 MiB each; a replay file is read whole.
const MAX_REPLAY_BYTES = 256 * 1024 * 1024;
const PROGRESS_EVERY_MS = 1_000;
// A file is one transaction so a bad one changes nothing; a large file may take many minutes.
const FILE_TRANSACTION_TIMEOUT_MS = 24 * 60 * 60 * 1000;
// Records per write: each write is a handful of statements, so bigger batches mean fewer round
// trips; two batches of a few MB each are in memory at once (one written, one being read).
// Batches of 5,000 were no measurably faster (run-to-run noise is larger) and peaked at
// 275–307 MB resident, against 253–266 MB with 2,000 (docs/benchmarks.md › File import).
const FILE_BATCH_SIZE = 2_000;

/** Thrown inside a dry run's transaction to roll it back after counting. */
class DryRunRollback extends Error {
  constructor(readonly result: LoadResult) {
    super("dry run");
  }
}

async function readHead(filePath: string): Promise<string> {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

async function formatOf(filePath: string, requested: FileFormat | "auto"): Promise<FileFormat> {
  if (requested !== "auto") return requested;
  const detected = detectFormat(await readHead(filePath), path.basename(filePath));
  if (typeof detected === "object") throw new FileFormatError(detected.error);
  return detected;
}

/**
 * Imports files as one batch: each file in its own transaction with its own import run (a file
 * that cannot be read changes nothing and the others still import), then, once all are in, the
 * derived facts for every incident they changed — so a log-entries file listed before the users
 * file still gets its pages tied to people.
 */
export async function importFiles(
  db: PrismaClient,
  filePaths: readonly string[],
  options: ImportFilesOptions,
): Promise<BatchSummary> {
  const batchId = options.batchId ?? randomUUID();
  const files: FileImportSummary[] = [];
  const changedIncidentIds = new IdSet();
  let havePeopleChanged = false;
  for (const [index, filePath] of filePaths.entries()) {
    const fileName = options.displayNames?.[index] ?? filePath;
    const summary = await importOneFile(db, filePath, fileName, batchId, options);
    files.push(summary.file);
    if (summary.result) {
      for (const id of summary.result.changedIncidentIds) changedIncidentIds.add(id);
      havePeopleChanged ||= summary.result.havePeopleChanged;
    }
  }
  if (options.isDryRun) return { batchId, files, derived: null };
  const runIds = files.map((file) => file.runId);
  const derived = await deriveAfterImport(db, {
    runIds,
    changedIncidentIds,
    havePeopleChanged,
    onProgress: () =>
      options.onProgress?.({
        fileName: "",
        phase: "deriving",
        bytesRead: 0,
        totalBytes: 0,
        rowsRead: 0,
      }),
  });
  return { batchId, files, derived };
}

async function importOneFile(
  db: PrismaClient,
  filePath: string,
  fileName: string,
  batchId: string,
  options: ImportFilesOptions,
): Promise<{ file: FileImportSummary; result: LoadResult | null }> {
  const startedAt = Date.now();
  let format: FileFormat | null = null;
  let rowsRead = 0;
  let detectionError: string | null = null;
  try {
    format = await formatOf(filePath, options.format);
  } catch (error) {
    detectionError = messageOf(error, fileName);
  }
  const runId = await startImportRun(db, {
    batchId,
    source: format === "webhook-events" ? "webhook_replay" : "file",
    format,
    fileName,
    options: {
      format: options.format,
      timeZone: options.timeZone,
      isDryRun: options.isDryRun,
      ...(options.mapping ? { mapping: options.mapping as object } : {}),
    },
  });
  const failed = async (errorMessage: string) => {
    const file: FileImportSummary = {
      runId,
      fileName,
      format,
      status: "failed",
      totals: noWrites(),
      byKind: {},
      rejected: 0,
      firstRejections: [],
      rowsRead,
      durationMs: Date.now() - startedAt,
      errorMessage,
    };
    await finishImportRun(db, runId, { ...file, startedAt });
    return { file, result: null };
  };
  if (detectionError !== null || format === null) return failed(detectionError ?? "unknown format");
  const succeeded = async (
    outcome: Pick<FileImportSummary, "totals" | "byKind" | "rejected" | "firstRejections"> & {
      errorMessage?: string | null;
    },
  ): Promise<FileImportSummary> => {
    const file: FileImportSummary = {
      runId,
      fileName,
      format,
      status: options.isDryRun ? "dry_run" : "succeeded",
      ...outcome,
      rowsRead,
      durationMs: Date.now() - startedAt,
      errorMessage: outcome.errorMessage ?? null,
    };
    await finishImportRun(db, runId, { ...file, startedAt });
    return file;
  };

  const readFormat = format;
  const totalBytes = (await stat(filePath)).size;
  if (readFormat === "webhook-events") {
    if (totalBytes > MAX_REPLAY_BYTES) {
      return failed(
        `${path.basename(fileName)}: ${totalBytes} bytes is more than a replay reads at once (${MAX_REPLAY_BYTES}); split it into smaller files`,
      );
    }
    const replay = await replayWebhookFile(db, await readFile(filePath, "utf8"), fileName, {
      isDryRun: options.isDryRun,
    });
    rowsRead = replay.bodies;
    await db.rejectedRow.createMany({
      data: replay.rejected.map((rejection) => ({
        importRunId: runId,
        fileName,
        lineNumber: rejection.line,
        reason: rejection.reason,
        rawRow: rejection.raw,
      })),
    });
    const file = await succeeded({
      totals: replay.totals,
      byKind: {},
      rejected: replay.rejected.length,
      firstRejections: replay.rejected.slice(0, 20),
      errorMessage:
        replay.stillPending > 0
          ? `${replay.stillPending} deliveries could not be applied yet; the server's applier retries them`
          : null,
    });
    // The applier derived the incidents it changed already.
    return { file, result: null };
  }
  let bytesRead = 0;
  let lastProgressAt = 0;
  async function* countedChunks(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(filePath)) {
      bytesRead += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  const reportProgress = async () => {
    options.onProgress?.({ fileName, phase: "reading", bytesRead, totalBytes, rowsRead });
    if (Date.now() - lastProgressAt < PROGRESS_EVERY_MS) return;
    lastProgressAt = Date.now();
    await recordImportProgress(db, runId, rowsRead);
  };

  let result: LoadResult;
  try {
    result = await inFileTransaction(db, options.databaseUrl, async (transaction) => {
      const loader = createRecordLoader(transaction, {
        importRunId: runId,
        fileName,
        batchSize: FILE_BATCH_SIZE,
      });
      for await (const item of readImportFile(countedChunks(), readFormat, {
        timeZone: options.timeZone,
        mapping: options.mapping,
      })) {
        rowsRead += 1;
        await loader.add(item);
        if (rowsRead % 1_000 === 0) await reportProgress();
      }
      if (rowsRead === 0) {
        throw new FileFormatError(
          `found nothing to import in it as ${readFormat} (a request body or an empty page?). See docs/data-sources.md for the files Fairshift reads.`,
        );
      }
      const loaded = await loader.finish();
      if (options.isDryRun) throw new DryRunRollback(loaded);
      return loaded;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) {
      result = error.result;
    } else if (error instanceof FileFormatError) {
      return failed(messageOf(error, fileName));
    } else {
      await failed(messageOf(error, fileName));
      throw error;
    }
  }
  options.onProgress?.({ fileName, phase: "reading", bytesRead: totalBytes, totalBytes, rowsRead });
  const file = await succeeded({
    totals: result.totals,
    byKind: result.byKind,
    rejected: result.rejected,
    firstRejections: result.firstRejections,
  });
  return { file, result: options.isDryRun ? null : result };
}

/** One file's writes: on a pg connection of their own when the URL is known, else a Prisma transaction. */
function inFileTransaction<T>(
  db: PrismaClient,
  databaseUrl: string | undefined,
  work: (sql: SqlClient) => Promise<T>,
): Promise<T> {
  if (databaseUrl !== undefined) return withPgTransaction(databaseUrl, work);
  return db.$transaction(work, { timeout: FILE_TRANSACTION_TIMEOUT_MS, maxWait: 60_000 });
}

function messageOf(error: unknown, fileName: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${path.basename(fileName)}: ${message}`;
}

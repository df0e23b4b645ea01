import { parseWindowCursor } from "@/importers/pagerduty/rest/sync-cursor";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

/** The command an admin runs to sync from a shell (the token comes from PAGERDUTY_TOKEN). */
export const SYNC_COMMAND = "npx fairshift sync pagerduty";

/**
 * A run still marked running with no sign of life for this long belongs to a process that stopped
 * (killed, server restarted): the next sync marks it failed and resumes from its checkpoints. A
 * healthy sync moves a checkpoint with every page of 100 objects, seconds apart even when
 * PagerDuty rate-limits it.
 */
export const STALE_SYNC_AFTER_MS = 15 * 60_000;

export interface SyncRunRow {
  id: number;
  status: "running" | "succeeded" | "failed" | "dry_run";
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  /** The API it synced from (never the token). */
  apiUrl: string | null;
  /** The window asked for: {since, until} as ISO instants. */
  options: unknown;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rowsRead: number;
  /** {"incident": {inserted, updated, unchanged}, "log_entry": {…}, …} */
  countsByKind: unknown;
  /** When pages, detection and time in lieu were derived from what it wrote; null until then. */
  derivedAt: string | null;
  errorMessage: string | null;
}

export type CheckpointCursor =
  | {
      kind: "window";
      /** How far back the synced history reaches. */
      since: string;
      /** Everything before this is committed. */
      committedUntil: string;
      /** An unfinished window the next run resumes at `offset` of. */
      partial: { since: string; until: string; offset: number } | null;
    }
  | { kind: "complete"; completedAt: string }
  | { kind: "unknown" };

export interface SyncCheckpointRow {
  resource: string;
  cursor: CheckpointCursor;
  updatedAt: string;
}

export interface SyncStatus {
  /** Whether PAGERDUTY_TOKEN is set; the token itself is never sent. */
  isTokenConfigured: boolean;
  apiUrl: string;
  command: string;
  /** The newest run if it is still running, with whether it still shows signs of life. */
  running: {
    runId: number;
    startedAt: string;
    rowsRead: number;
    lastActivityAt: string;
    isStale: boolean;
  } | null;
  runs: SyncRunRow[];
  checkpoints: SyncCheckpointRow[];
  freshness: {
    incidents: number;
    newestIncidentCreatedAt: string | null;
    newestIncidentUpdatedAt: string | null;
    lastSyncSucceededAt: string | null;
  };
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function summariseCursor(stored: unknown): CheckpointCursor {
  const window = parseWindowCursor(stored);
  if (window) {
    return {
      kind: "window",
      since: new Date(window.since).toISOString(),
      committedUntil: new Date(window.committedUntil).toISOString(),
      partial: window.partial && {
        since: new Date(window.partial.window.since).toISOString(),
        until: new Date(window.partial.window.until).toISOString(),
        offset: window.partial.offset,
      },
    };
  }
  const completedAt =
    typeof stored === "object" && stored !== null && "completedAt" in stored
      ? (stored as { completedAt: unknown }).completedAt
      : null;
  if (typeof completedAt === "string" && !Number.isNaN(Date.parse(completedAt))) {
    return { kind: "complete", completedAt: new Date(completedAt).toISOString() };
  }
  return { kind: "unknown" };
}

/**
 * The REST sync as the Data page shows it: the latest runs (`import_runs` with source rest_sync),
 * where each resource's checkpoint stands, and how fresh the incident data is.
 */
export async function getSyncStatus(
  db: PrismaClient,
  options: { isTokenConfigured: boolean; apiUrl: string; limit?: number; now?: Date },
): Promise<SyncStatus> {
  const now = options.now ?? new Date();
  const [runs, checkpoints, freshness, lastSuccess] = await Promise.all([
    db.$queryRaw<
      (Omit<SyncRunRow, "startedAt" | "finishedAt" | "derivedAt"> & {
        startedAt: Date;
        finishedAt: Date | null;
        derivedAt: Date | null;
      })[]
    >(Prisma.sql`
      SELECT r.id, r.status::text AS status, r.started_at AS "startedAt",
        r.finished_at AS "finishedAt", r.duration_ms AS "durationMs", r.file_name AS "apiUrl",
        r.options, r.inserted, r.updated, r.unchanged, r.rejected,
        coalesce(p.rows_read, r.rows_read) AS "rowsRead", r.counts_by_kind AS "countsByKind",
        r.derived_at AS "derivedAt", r.error_message AS "errorMessage"
      FROM import_runs r LEFT JOIN import_run_progress p ON p.import_run_id = r.id
      WHERE r.source = 'rest_sync' ORDER BY r.id DESC LIMIT ${options.limit ?? 10}`),
    db.$queryRaw<{ resource: string; cursor: unknown; updatedAt: Date }[]>(Prisma.sql`
      SELECT resource, cursor, updated_at AS "updatedAt" FROM sync_checkpoints ORDER BY resource`),
    db.$queryRaw<{ incidents: number; created: Date | null; updated: Date | null }[]>(Prisma.sql`
      SELECT count(*)::int AS incidents, max(created_at) AS created, max(updated_at) AS updated
      FROM incidents WHERE NOT is_placeholder`),
    db.$queryRaw<{ at: Date | null }[]>(Prisma.sql`
      SELECT max(finished_at) AS at FROM import_runs
      WHERE source = 'rest_sync' AND status = 'succeeded'`),
  ]);

  const newest = runs[0];
  let running: SyncStatus["running"] = null;
  if (newest?.status === "running") {
    const lastCheckpoint = Math.max(0, ...checkpoints.map((row) => row.updatedAt.getTime()));
    const lastActivity = Math.max(newest.startedAt.getTime(), lastCheckpoint);
    running = {
      runId: newest.id,
      startedAt: newest.startedAt.toISOString(),
      rowsRead: newest.rowsRead,
      lastActivityAt: new Date(lastActivity).toISOString(),
      isStale: now.getTime() - lastActivity > STALE_SYNC_AFTER_MS,
    };
  }
  const counts = freshness[0];
  return {
    isTokenConfigured: options.isTokenConfigured,
    apiUrl: options.apiUrl,
    command: SYNC_COMMAND,
    running,
    runs: runs.map((run) => ({
      ...run,
      startedAt: run.startedAt.toISOString(),
      finishedAt: iso(run.finishedAt),
      derivedAt: iso(run.derivedAt),
    })),
    checkpoints: checkpoints.map((row) => ({
      resource: row.resource,
      cursor: summariseCursor(row.cursor),
      updatedAt: row.updatedAt.toISOString(),
    })),
    freshness: {
      incidents: counts?.incidents ?? 0,
      newestIncidentCreatedAt: iso(counts?.created ?? null),
      newestIncidentUpdatedAt: iso(counts?.updated ?? null),
      lastSyncSucceededAt: iso(lastSuccess[0]?.at ?? null),
    },
  };
}

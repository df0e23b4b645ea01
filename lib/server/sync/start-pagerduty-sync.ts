import { subYears } from "date-fns";
import {
  createPagerDutyClient,
  type PagerDutyClientOptions,
} from "@/importers/pagerduty/rest/pagerduty-client";
import { syncAccount } from "@/importers/pagerduty/sync-account";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { Environment } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { getSyncStatus, SYNC_COMMAND } from "@/lib/server/queries/get-sync-status";
import { Prisma } from "@/prisma/generated/client/client";

/** As `fairshift sync pagerduty` without --since: two years back (8 quarters of trends). */
const HISTORY_YEARS = 2;
const RUN_ROW_WAIT_MS = 5_000;

// One sync per server process, kept across hot reloads like the Prisma client.
const globalForSync = globalThis as unknown as { fairshiftSyncInProgress?: Promise<void> | null };

export type StartSyncOutcome =
  | { isStarted: true; runId: number | null }
  | { isStarted: false; message: string };

/** Whether this server process is running a sync (its run row may not be written yet). */
export function isSyncInProgressHere(): boolean {
  return Boolean(globalForSync.fairshiftSyncInProgress);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newestRunId(db: PrismaClient): Promise<number> {
  const [row] = await db.$queryRaw<{ id: number | null }[]>(Prisma.sql`
    SELECT max(id) AS id FROM import_runs WHERE source = 'rest_sync'`);
  return row?.id ?? 0;
}

/**
 * "Sync now" on the Data page: the same sync as `fairshift sync pagerduty` with its defaults
 * (two years back to now, custom fields included, resuming from the checkpoints), run in this
 * server process in the background. Refused while a sync runs, here or from the command line;
 * a run left "running" by a process that stopped long ago does not block it (the sync marks it
 * failed and resumes from its checkpoints). Answers once the run is on record, so the status
 * the page polls shows it at once.
 */
export async function startPagerDutySync(
  db: PrismaClient,
  /** With DATABASE_URL, the sync writes over a plain pg connection of its own, as the CLI does. */
  environment: Pick<Environment, "PAGERDUTY_TOKEN" | "PAGERDUTY_API_URL" | "DATABASE_URL">,
  clientOptions: Partial<PagerDutyClientOptions> = {},
): Promise<StartSyncOutcome> {
  const token = environment.PAGERDUTY_TOKEN;
  if (!token) {
    throw new ApiError(
      "unprocessable",
      "Set PAGERDUTY_TOKEN to a PagerDuty REST API key (read-only is enough) in the server's environment and restart it; the token is never entered here.",
    );
  }
  const apiUrl = environment.PAGERDUTY_API_URL;
  if (isSyncInProgressHere()) {
    return { isStarted: false, message: "A sync is already running on this server." };
  }
  // Reserve the slot before the first await, so two requests at once cannot both start a sync.
  let release!: () => void;
  const reservation = new Promise<void>((resolve) => {
    release = resolve;
  });
  globalForSync.fairshiftSyncInProgress = reservation;
  const releaseIfHeld = () => {
    if (globalForSync.fairshiftSyncInProgress === reservation) {
      globalForSync.fairshiftSyncInProgress = null;
    }
    release();
  };
  let status: Awaited<ReturnType<typeof getSyncStatus>>;
  let previousRunId: number;
  try {
    status = await getSyncStatus(db, { isTokenConfigured: true, apiUrl, limit: 1 });
    previousRunId = await newestRunId(db);
  } catch (error) {
    releaseIfHeld();
    throw error;
  }
  if (status.running && !status.running.isStale) {
    releaseIfHeld();
    return {
      isStarted: false,
      message: `Sync run ${status.running.runId} is still running (started ${status.running.startedAt}); wait for it to finish.`,
    };
  }

  const until = new Date();
  let isSettled = false;
  const run = syncAccount(db, {
    client: createPagerDutyClient({ ...clientOptions, token, baseUrl: apiUrl }),
    apiUrl,
    since: subYears(until, HISTORY_YEARS),
    until,
    includeCustomFields: true,
    databaseUrl: environment.DATABASE_URL,
  })
    .then(
      () => undefined,
      // The run row holds the error for the Data page; the log gets the stack.
      (error: unknown) =>
        console.error(`${SYNC_COMMAND} (started from the Data page) failed`, error),
    )
    .finally(() => {
      isSettled = true;
      if (globalForSync.fairshiftSyncInProgress === run)
        globalForSync.fairshiftSyncInProgress = null;
      release();
    });
  globalForSync.fairshiftSyncInProgress = run;

  const deadline = Date.now() + RUN_ROW_WAIT_MS;
  while (!isSettled && Date.now() < deadline) {
    const runId = await newestRunId(db);
    if (runId > previousRunId) return { isStarted: true, runId };
    await sleep(50);
  }
  const runId = await newestRunId(db);
  return { isStarted: true, runId: runId > previousRunId ? runId : null };
}

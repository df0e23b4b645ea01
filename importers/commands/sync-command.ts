import { subYears } from "date-fns";
import { z } from "zod";
import { ensureDatabase } from "@/lib/server/database/ensure-database";
import { createPrismaClient } from "@/lib/server/database/prisma-client";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { readEnvironment } from "@/lib/server/env";
import { onShutdown } from "@/lib/server/runtime/on-shutdown";
import { parseLocalDateTime } from "@/lib/shared/report-filters";
import { CommandLineError } from "../command-line-error";
import { createPagerDutyClient } from "../pagerduty/rest/pagerduty-client";
import { PagerDutyError } from "../pagerduty/rest/pagerduty-errors";
import { syncAccount } from "../pagerduty/sync-account";

/** A first sync reaches this far back unless --since says otherwise (8 quarters of trends). */
const DEFAULT_HISTORY_YEARS = 2;

const dateOption = (option: string) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const date = parseLocalDateTime(value, "UTC");
      if (date) return date;
      context.addIssue({
        code: "custom",
        message: `--${option}: "${value}" is not a date like 2025-01-01 (UTC).`,
      });
      return z.NEVER;
    });

const syncOptionsSchema = z.object({
  since: dateOption("since"),
  until: dateOption("until"),
  "api-url": z
    .string()
    .url("--api-url must be a URL such as https://api.eu.pagerduty.com")
    .optional(),
  "no-custom-fields": z.boolean().default(false),
});

/**
 * `fairshift sync pagerduty`: the account's history through the REST API, resuming from the last
 * checkpoint. The token comes from PAGERDUTY_TOKEN only, so it never lands in shell history or logs.
 */
export async function runSyncCommand(
  target: string | undefined,
  rawOptions: Record<string, unknown>,
): Promise<number> {
  if (target !== "pagerduty") throw new CommandLineError('sync needs a source: "sync pagerduty".');
  const parsed = syncOptionsSchema.safeParse(rawOptions);
  if (!parsed.success) {
    throw new CommandLineError(parsed.error.issues.map((issue) => issue.message).join("; "));
  }
  const environment = readEnvironment();
  if (!environment.PAGERDUTY_TOKEN) {
    console.error(
      "fairshift: set PAGERDUTY_TOKEN to a PagerDuty REST API key (read-only is enough): " +
        "PagerDuty → Integrations → API Access Keys → Create New API Key.",
    );
    return 2;
  }
  const until = parsed.data.until ?? new Date();
  const since = parsed.data.since ?? subYears(until, DEFAULT_HISTORY_YEARS);
  if (since >= until) throw new CommandLineError("--since must be before --until.");
  const apiUrl = parsed.data["api-url"] ?? environment.PAGERDUTY_API_URL;

  const database = await ensureDatabase();
  onShutdown(database.stop);
  const db = createPrismaClient(database.url);
  const abort = new AbortController();
  // Ctrl-C stops between requests: what is committed stays, and the next run resumes from there.
  const stop = () => abort.abort(new Error("Stopped by Ctrl-C; run the sync again to resume."));
  process.once("SIGINT", stop);
  try {
    if (database.isStartedHere) await runMigrations(database.url);
    console.log(`Syncing ${apiUrl} from ${since.toISOString()} to ${until.toISOString()}…`);
    let lastLine = "";
    const result = await syncAccount(db, {
      client: createPagerDutyClient({ token: environment.PAGERDUTY_TOKEN, baseUrl: apiUrl }),
      apiUrl,
      databaseUrl: database.url,
      since,
      until,
      includeCustomFields: !parsed.data["no-custom-fields"],
      signal: abort.signal,
      onProgress: (progress) => {
        const line = `${progress.resource}: ${progress.fetched.toLocaleString("en")} fetched, ${progress.requests.toLocaleString("en")} requests`;
        if (line === lastLine) return;
        lastLine = line;
        process.stderr.write(process.stderr.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write("\n");
    const fetched = Object.entries(result.sync.objects)
      .map(([resource, count]) => `${resource.replace("_", " ")} ${count.toLocaleString("en")}`)
      .join(", ");
    console.log(`Fetched ${fetched} in ${result.sync.requests.toLocaleString("en")} requests.`);
    console.log(
      `Import run ${result.runId}: ${result.totals.inserted} inserted, ${result.totals.updated} updated, ` +
        `${result.totals.unchanged} unchanged, ${result.rejected} rejected; ` +
        `${result.derived.pagesWritten} pages and ${result.derived.accrualsWritten} time-in-lieu lines written.`,
    );
    for (const warning of result.sync.warnings) console.log(`Warning: ${warning}`);
    return 0;
  } catch (error) {
    if (error instanceof PagerDutyError || abort.signal.aborted) {
      console.error(
        `fairshift: ${(error as Error).message}\n  The checkpoint is kept: run the same command again to resume.`,
      );
      return 1;
    }
    throw error;
  } finally {
    process.off("SIGINT", stop);
    await db.$disconnect();
  }
}

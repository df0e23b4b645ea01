import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay, startOfQuarter, subDays } from "date-fns";
import { z } from "zod";
import { ensureDatabase } from "@/lib/server/database/ensure-database";
import { createPrismaClient } from "@/lib/server/database/prisma-client";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { buildReport } from "@/lib/server/report/build-report";
import { onShutdown } from "@/lib/server/runtime/on-shutdown";
import { reportToCsv } from "@/lib/shared/report-csv";
import { parseLocalDateTime, reportFiltersSchema } from "@/lib/shared/report-filters";
import { timeZoneSchema } from "@/lib/shared/time-zone";
import { CommandLineError } from "../command-line-error";

const reportOptionsSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  tz: timeZoneSchema.default("UTC"),
  team: z.string().min(1).optional(),
  format: z.enum(["json", "csv"], { error: "--format must be json or csv" }).default("json"),
});

const day = (date: Date) => format(date, "yyyy-MM-dd");

/**
 * Defaults, read in the report's zone: --to is tomorrow (so today counts), --from the first day
 * of the quarter holding the last day of the range: `fairshift report` alone is the quarter to date.
 */
export function defaultRange(
  options: { from?: string; to?: string; timeZone: string },
  now: Date = new Date(),
): { from: string; to: string } {
  const to = options.to ?? day(addDays(startOfDay(new TZDate(now.getTime(), options.timeZone)), 1));
  if (options.from !== undefined) return { from: options.from, to };
  const end = parseLocalDateTime(to, options.timeZone);
  // An unparsable --to is reported by the filters schema; any from will do until then.
  const lastDay = subDays(new TZDate((end ?? now).getTime(), options.timeZone), 1);
  return { from: day(startOfQuarter(lastDay)), to };
}

function failure(error: z.ZodError): CommandLineError {
  return new CommandLineError(
    error.issues
      .map((issue) => {
        const option = issue.path[0] === "timeZone" ? "tz" : issue.path[0];
        return option === undefined ? issue.message : `--${String(option)}: ${issue.message}`;
      })
      .join("; "),
  );
}

/**
 * Resolves once the text is handed to the operating system: the CLI exits explicitly afterwards,
 * and an exit before a pipe has drained would cut the report off (at 64 KiB on Linux).
 */
function writeToStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** `fairshift report`: the JSON contract of PRODUCT.md on stdout, or CSV (a row per person, per team). */
export async function runReportCommand(rawOptions: Record<string, unknown>): Promise<number> {
  const options = reportOptionsSchema.safeParse(rawOptions);
  if (!options.success) throw failure(options.error);
  const { tz: timeZone, team } = options.data;
  const filters = reportFiltersSchema.safeParse({
    ...defaultRange({ ...options.data, timeZone }),
    timeZone,
    team,
  });
  if (!filters.success) throw failure(filters.error);

  const database = await ensureDatabase();
  onShutdown(database.stop);
  const db = createPrismaClient(database.url);
  try {
    // An embedded server this command started may be brand new: bring it to the schema.
    if (database.isStartedHere) await runMigrations(database.url);
    const report = await buildReport(db, filters.data, await getMetricSettings(db));
    await writeToStdout(
      options.data.format === "csv" ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`,
    );
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

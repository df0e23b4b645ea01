import { z } from "zod";
import { ensureDatabase } from "@/lib/server/database/ensure-database";
import { emptyDatabase, isDatabaseEmpty } from "@/lib/server/database/reset-database";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { onShutdown } from "@/lib/server/runtime/on-shutdown";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { CommandLineError } from "../command-line-error";
import { createProgressPrinter } from "../progress-printer";

const seedOptionsSchema = z.object({
  scale: z.enum(["demo", "small", "large"]).default("demo"),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "--until must be a date like 2026-10-01")
    .transform((value) => new Date(`${value}T00:00:00Z`))
    .optional(),
  reset: z.boolean().default(false),
});

export async function runSeedCommand(rawOptions: Record<string, unknown>): Promise<number> {
  const parsed = seedOptionsSchema.safeParse(rawOptions);
  if (!parsed.success) {
    throw new CommandLineError(parsed.error.issues.map((issue) => issue.message).join("; "));
  }
  const options = parsed.data;

  const database = await ensureDatabase();
  onShutdown(database.stop);
  try {
    await runMigrations(database.url);
    if (!(await isDatabaseEmpty(database.url))) {
      if (!options.reset) {
        console.error(
          "fairshift: the database already has data. Run `fairshift seed --reset` to replace it with the demo organisation, or `fairshift db reset` to empty it.",
        );
        return 1;
      }
      await emptyDatabase(database.url);
    }
    console.log(
      `Seeding ${options.scale} data (seed ${options.seed}) into ${database.description}…`,
    );
    const summary = await seedDatabase({
      databaseUrl: database.url,
      scale: options.scale,
      seed: options.seed,
      until: options.until,
      onProgress: createProgressPrinter(),
    });
    console.log(
      `Seeded ${summary.teams} teams, ${summary.people} people, ${summary.services} services, ` +
        `${summary.shifts} shifts, ${summary.incidents} incidents, ${summary.logEntries} log entries, ` +
        `${summary.pages} pages and ${summary.timeInLieuAccruals} time-in-lieu accruals from ${day(summary.from)} to ${day(summary.until)} ` +
        `in ${(summary.durationMs / 1000).toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await database.stop();
  }
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

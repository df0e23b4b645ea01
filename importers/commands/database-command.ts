import { ensureDatabase } from "@/lib/server/database/ensure-database";
import { resetDatabase } from "@/lib/server/database/reset-database";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { readEnvironment } from "@/lib/server/env";
import { onShutdown } from "@/lib/server/runtime/on-shutdown";
import { CommandLineError } from "../command-line-error";

export async function runDatabaseCommand(
  subcommand: string | undefined,
  options: { yes: boolean },
): Promise<number> {
  const environment = readEnvironment();
  if (subcommand === "reset" && environment.DATABASE_URL && !options.yes) {
    throw new CommandLineError(
      "`db reset` deletes every row in the DATABASE_URL database. Add --yes to confirm.",
    );
  }
  if (subcommand !== "up" && subcommand !== "migrate" && subcommand !== "reset") {
    throw new CommandLineError("`fairshift db` needs one of: up, migrate, reset.");
  }

  const database = await ensureDatabase(environment);
  onShutdown(database.stop);
  try {
    if (subcommand === "reset") {
      await resetDatabase(database.url);
      console.log(`Reset ${database.description}: all data deleted, migrations re-applied.`);
      return 0;
    }
    await runMigrations(database.url);
    if (subcommand === "migrate") {
      console.log(`Migrations applied to ${database.description}.`);
      return 0;
    }
  } catch (error) {
    await database.stop();
    throw error;
  }

  console.log(`Database ready: ${database.description}`);
  console.log(`DATABASE_URL=${database.url}`);
  if (environment.DATABASE_URL || database.description.includes("attached")) return 0;
  console.log("Other fairshift commands in this checkout will use it. Press Ctrl-C to stop it.");
  await new Promise(() => {}); // keep running until a signal stops the process
  return 0;
}

import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ensureDatabase } from "@/lib/server/database/ensure-database";
import { isDatabaseEmpty } from "@/lib/server/database/reset-database";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { readEnvironment } from "@/lib/server/env";
import { ensureNextBuild } from "@/lib/server/runtime/ensure-next-build";
import { onShutdown } from "@/lib/server/runtime/on-shutdown";
import { serveNext } from "@/lib/server/runtime/serve-next";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { CommandLineError } from "../command-line-error";
import { createProgressPrinter } from "../progress-printer";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, demo data when the database
 * is empty, a production build when sources changed, then the dashboard on PORT.
 */
export async function runStartCommand(options: {
  port: string | undefined;
  isDevelopment: boolean;
}): Promise<number> {
  const environment = readEnvironment();
  const port =
    options.port === undefined
      ? environment.PORT
      : z.coerce.number().int().min(1).max(65535).safeParse(options.port).data;
  if (port === undefined) throw new CommandLineError("--port must be a number from 1 to 65535.");

  const started = Date.now();
  const database = await ensureDatabase(environment);
  onShutdown(database.stop);
  console.log(`Database: ${database.description}`);
  await runMigrations(database.url);

  if (await isDatabaseEmpty(database.url)) {
    console.log(
      "The database is empty: loading the demo organisation (fairshift seed --scale demo)…",
    );
    const summary = await seedDatabase({
      databaseUrl: database.url,
      scale: "demo",
      seed: 1,
      onProgress: createProgressPrinter(),
    });
    console.log(
      `Demo data loaded: ${summary.people} people, ${summary.incidents} incidents, ${summary.pages} pages in ${seconds(summary.durationMs)}.`,
    );
  }

  if (!options.isDevelopment) {
    console.log("Checking the dashboard build…");
    const build = await ensureNextBuild(root);
    console.log(
      build.isBuilt
        ? `Built the dashboard in ${seconds(build.durationMs)}.`
        : "The build is up to date.",
    );
  }

  const server = await serveNext({
    root,
    port,
    databaseUrl: database.url,
    isDevelopment: options.isDevelopment,
  });
  onShutdown(server.stop);
  console.log(
    `\nFairshift is running at ${server.url} (ready in ${seconds(Date.now() - started)}). Press Ctrl-C to stop.\n`,
  );

  const exitCode = await new Promise<number>((resolve) =>
    server.process.once("close", (code) => resolve(code ?? 0)),
  );
  await database.stop();
  return exitCode;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

import { z } from "zod";
import { describeRoles } from "@/lib/server/accounts/describe-roles";
import { readOidcConfig } from "@/lib/server/auth/oidc-provider-config";
import { ensureDatabase } from "@/lib/server/database/ensure-database";
import { createPrismaClient } from "@/lib/server/database/prisma-client";
import { isDatabaseEmpty } from "@/lib/server/database/reset-database";
import { runMigrations } from "@/lib/server/database/run-migrations";
import { readEnvironment } from "@/lib/server/env";
import { ensureNextBuild } from "@/lib/server/runtime/ensure-next-build";
import { onShutdown } from "@/lib/server/runtime/on-shutdown";
import { repositoryRootOf } from "@/lib/server/runtime/repository-root";
import { serveNext } from "@/lib/server/runtime/serve-next";
import { StartupError } from "@/lib/server/runtime/startup-error";
import {
  DEMO_PASSWORD,
  type DemoAccountStatus,
  findDemoAccounts,
} from "@/prisma/seed/seed-accounts";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { CommandLineError } from "../command-line-error";
import { createProgressPrinter } from "../progress-printer";

const root = repositoryRootOf(import.meta.url);

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
  assertSingleSignOnConfig(environment);

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

  const demoAccounts = await readDemoAccounts(database.url);

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
  printDemoAccounts(demoAccounts);

  const exitCode = await new Promise<number>((resolve) =>
    server.process.once("close", (code) => resolve(code ?? 0)),
  );
  await database.stop();
  return exitCode;
}

/** Half a single sign-on configuration stops the start, rather than every sign-in later. */
function assertSingleSignOnConfig(environment: ReturnType<typeof readEnvironment>): void {
  try {
    readOidcConfig(environment);
  } catch (error) {
    throw new StartupError(
      (error as Error).message,
      "Set FAIRSHIFT_OIDC_ISSUER, FAIRSHIFT_OIDC_CLIENT_ID and FAIRSHIFT_OIDC_CLIENT_SECRET together, or none of them (see .env.example).",
    );
  }
}

async function readDemoAccounts(databaseUrl: string): Promise<DemoAccountStatus[]> {
  const db = createPrismaClient(databaseUrl);
  try {
    return await findDemoAccounts(db);
  } finally {
    await db.$disconnect();
  }
}

/** The demo seed's accounts, so whoever ran `npm start` can sign in as each role. */
function printDemoAccounts(statuses: DemoAccountStatus[]): void {
  if (statuses.length === 0) return;
  console.log(
    "Demo accounts, one per role (`fairshift db reset` removes them with the demo data):",
  );
  const width = Math.max(...statuses.map(({ account }) => account.email.length));
  for (const { account, hasDemoPassword } of statuses) {
    const password = hasDemoPassword ? `password ${DEMO_PASSWORD}` : "password changed";
    console.log(
      `  ${account.email.padEnd(width)}  ${password.padEnd(28)}  ${describeRoles(account.roles)}`,
    );
  }
  console.log("");
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { runMigrations } from "../lib/server/database/run-migrations";
import { ensureNextBuild } from "../lib/server/runtime/ensure-next-build";
import { serveNext } from "../lib/server/runtime/serve-next";
import {
  createDatabase,
  databaseUrlFor,
  dropDatabase,
  startTestPostgresServer,
  uniqueDatabaseName,
} from "../lib/server/testing/test-server";
import {
  ADMIN_STATE_FILE,
  createE2eAccount,
  E2E_ADMIN_EMAIL,
  signInStorageState,
} from "./fixtures/accounts";

/** Makes the e2e admin (once per database) and saves its signed-in browser state. */
async function signInAdmin(baseUrl: string, databaseUrl: string): Promise<void> {
  await createE2eAccount(databaseUrl, E2E_ADMIN_EMAIL, [{ role: "admin" }]).catch(
    (error: Error) => {
      if (!/already exists/.test(error.message)) throw error;
    },
  );
  const state = await signInStorageState(baseUrl, E2E_ADMIN_EMAIL);
  await mkdir(path.dirname(ADMIN_STATE_FILE), { recursive: true });
  await writeFile(ADMIN_STATE_FILE, JSON.stringify(state, null, 2));
}

/**
 * Builds the dashboard if needed, starts a throw-away database and the production server on it.
 * Specs reach the database through E2E_DATABASE_URL and seed what they need. With E2E_SERVER_URL
 * and E2E_DATABASE_URL set, specs use that server instead (a development shortcut: no build).
 */
export default async function globalSetup(config: FullConfig) {
  const root = path.resolve(import.meta.dirname, "..");
  // While developing: run specs against a server already running (`npm run dev`) and its database.
  if (process.env.E2E_SERVER_URL) {
    if (!process.env.E2E_DATABASE_URL)
      throw new Error("E2E_SERVER_URL needs E2E_DATABASE_URL: the database that server reads.");
    await signInAdmin(process.env.E2E_SERVER_URL, process.env.E2E_DATABASE_URL);
    return;
  }
  const baseUrl = config.projects[0]?.use.baseURL;
  if (!baseUrl) throw new Error("playwright.config.ts must set use.baseURL");

  await ensureNextBuild(root);
  const server = await startTestPostgresServer();
  const databaseName = uniqueDatabaseName("fairshift_e2e");
  await createDatabase(server.adminUrl, databaseName);
  const databaseUrl = databaseUrlFor(server.adminUrl, databaseName);
  await runMigrations(databaseUrl);

  const app = await serveNext({
    root,
    port: Number(new URL(baseUrl).port),
    databaseUrl,
    logFile: path.join(root, "test-results", "e2e-server.log"),
  });
  process.env.E2E_DATABASE_URL = databaseUrl;
  await signInAdmin(baseUrl, databaseUrl);

  return async () => {
    await app.stop();
    await dropDatabase(server.adminUrl, databaseName);
    await server.stop();
  };
}

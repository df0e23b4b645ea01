import type { TestProject } from "vitest/node";
import { runMigrations } from "../database/run-migrations";
import {
  createDatabase,
  databaseUrlFor,
  dropDatabase,
  startTestPostgresServer,
  uniqueDatabaseName,
} from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    testServerAdminUrl: string;
    migratedTemplateDatabase: string;
  }
}

/**
 * One PostgreSQL server per run and one migrated template database; each test file clones the
 * template (CREATE DATABASE … TEMPLATE), which takes milliseconds instead of re-migrating.
 */
export default async function setup(project: TestProject) {
  const server = await startTestPostgresServer();
  const template = uniqueDatabaseName("fairshift_template");
  await createDatabase(server.adminUrl, template);
  await runMigrations(databaseUrlFor(server.adminUrl, template));
  project.provide("testServerAdminUrl", server.adminUrl);
  project.provide("migratedTemplateDatabase", template);
  return async () => {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}

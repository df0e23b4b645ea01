import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "../database/prisma-client";
import { createDatabase, databaseUrlFor, dropDatabase, uniqueDatabaseName } from "./test-server";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database (a clone of the run's migrated template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("testServerAdminUrl");
  const name = uniqueDatabaseName("fairshift_test");
  await createDatabase(adminUrl, name, inject("migratedTemplateDatabase"));
  return { url: databaseUrlFor(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

/**
 * One fresh database for the calling test file, with a Prisma client on it; created before the
 * file's tests and dropped after them. Read `url`/`db` inside tests or hooks, not at import.
 */
export function useTestDatabase(): { readonly url: string; readonly db: PrismaClient } {
  let database: TestDatabase | undefined;
  let client: PrismaClient | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    client = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await database?.drop();
  });
  return {
    get url() {
      if (!database) throw new Error("useTestDatabase(): read url inside a test or hook");
      return database.url;
    },
    get db() {
      if (!client) throw new Error("useTestDatabase(): read db inside a test or hook");
      return client;
    },
  };
}

/**
 * `useTestDatabase()` for route handlers, which connect through `getDb()`: points DATABASE_URL at
 * the file's database before its tests (register data-loading hooks after this call) and
 * restores it, closing the route's client, after them.
 */
export function useRouteTestDatabase(): ReturnType<typeof useTestDatabase> {
  const database = useTestDatabase();
  const previousDatabaseUrl = process.env.DATABASE_URL;
  beforeAll(() => {
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    const { getDb } = await import("../db");
    await getDb().$disconnect();
    // Assigning undefined to process.env would store the string "undefined".
    if (previousDatabaseUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousDatabaseUrl;
  });
  return database;
}

import { inject } from "vitest";
import { createDatabase, databaseUrlFor, dropDatabase, uniqueDatabaseName } from "./test-server";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database for one integration test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("testServerAdminUrl");
  const name = uniqueDatabaseName("fairshift_test");
  await createDatabase(adminUrl, name, inject("migratedTemplateDatabase"));
  return { url: databaseUrlFor(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

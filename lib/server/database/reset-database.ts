import pg from "pg";
import { runMigrations } from "./run-migrations";

/** Drops every table, type and row in the public schema, then re-applies the migrations. */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
  await runMigrations(databaseUrl);
}

/**
 * Deletes every row but keeps the schema and migration history (seed --reset, e2e specs): safe
 * while a server is connected, unlike dropping the schema.
 */
export async function emptyDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    if (tables.rowCount === 0) return;
    // Identifiers come from the catalog and are quoted; TRUNCATE cannot take them as parameters.
    const names = tables.rows.map((row) => `public.${client.escapeIdentifier(row.tablename)}`);
    await client.query(`TRUNCATE ${names.join(", ")} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

/** True when nothing has been imported or seeded: no people and no incidents. */
export async function isDatabaseEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ has_data: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM people) OR EXISTS (SELECT 1 FROM incidents) AS has_data",
    );
    return result.rows[0]?.has_data !== true;
  } finally {
    await client.end();
  }
}

import pg from "pg";

/**
 * A comparable description of a database's public schema: columns, indexes, constraints, enum
 * values, triggers and functions. Two databases with equal snapshots have the same structure.
 */
export interface CatalogSnapshot {
  columns: string[];
  indexes: string[];
  constraints: string[];
  enums: string[];
  triggers: string[];
  functions: string[];
}

export async function snapshotCatalog(databaseUrl: string): Promise<CatalogSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const lines = async (sql: string) =>
    (await client.query<{ line: string }>(sql)).rows.map((row) => row.line);
  try {
    return {
      columns: await lines(`
        SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`),
      indexes: await lines(`
        SELECT indexdef AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`),
      constraints: await lines(`
        SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
          AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1`),
      enums: await lines(`
        SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`),
      triggers: await lines(`
        SELECT pg_get_triggerdef(oid) AS line FROM pg_trigger
        WHERE NOT tgisinternal AND tgrelid::regclass::text NOT LIKE 'pg_%' ORDER BY 1`),
      functions: await lines(`
        SELECT pg_get_functiondef(p.oid) AS line FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1`),
    };
  } finally {
    await client.end();
  }
}

// Prisma 6.19 with the WASM schema engine ("js") so the CLI works offline; see docs/decisions.md.
// `generate` needs no database, but Prisma 6 requires the datasource url to resolve, so default it.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/fairshift_unset";

import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const connectionString = process.env.DATABASE_URL;

/**
 * The pg adapter runs a migration by splitting it at every ";", inside function bodies and
 * comments too, so a trigger function could not be migrated. This sends each migration whole,
 * as PostgreSQL's simple query protocol (and Prisma's native engine) take it: one implicit
 * transaction, so a failing migration leaves nothing half-applied.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new WholeScriptPrismaPg({ connectionString }),
});

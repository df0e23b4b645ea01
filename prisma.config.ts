// Prisma 6.19 with the WASM schema engine ("js") so the CLI works offline; see docs/decisions.md.
// `generate` needs no database, but Prisma 6 requires the datasource url to resolve, so default it.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/fairshift_unset";

import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const connectionString = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaPg({ connectionString }),
});

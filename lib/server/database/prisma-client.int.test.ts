import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/prisma/generated/client/client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createPrismaClient } from "./prisma-client";

describe("createPrismaClient", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    // A server whose default zone is not UTC, as a server set up in Auckland would be.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const name = new URL(database.url).pathname.slice(1);
    await client.query(`ALTER DATABASE "${name}" SET timezone = 'Pacific/Auckland'`);
    await client.end();
  });
  afterAll(() => database.drop());

  it("keeps instants exact whatever the server's default zone", async () => {
    const db = createPrismaClient(database.url);
    try {
      const instant = new Date("2026-07-01T00:00:00Z");
      const [row] = await db.$queryRaw<{ zone: string; epoch: number; back: Date }[]>(Prisma.sql`
        SELECT current_setting('TimeZone') AS zone,
          extract(epoch FROM ${instant}::timestamptz)::float8 AS epoch, ${instant}::timestamptz AS back`);
      expect(row?.zone).toBe("UTC");
      expect(row?.epoch).toBe(instant.getTime() / 1000);
      expect(row?.back.toISOString()).toBe("2026-07-01T00:00:00.000Z");
    } finally {
      await db.$disconnect();
    }
  });
});

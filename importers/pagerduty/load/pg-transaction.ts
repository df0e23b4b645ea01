import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import type { Prisma } from "@/prisma/generated/client/client";
import type { SqlClient } from "./sql-client";

/**
 * A pg connection as the loaders' SqlClient. Prisma's raw queries pass every parameter through
 * its query compiler and driver adapter, which for a batch of thousands of JSON payloads costs
 * more CPU than PostgreSQL spends writing them; pg sends the same text and values directly.
 * Loader queries return only int4, text, bool and timestamptz columns, which both decode alike.
 */
export function sqlClientOf(client: pg.ClientBase): SqlClient {
  // Loaders start independent reads together (Promise.all), as a Prisma transaction allows; one
  // connection runs one statement at a time, so they are sent one after the other, in order.
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(send: () => Promise<T>): Promise<T> => {
    const next = previous.then(send);
    previous = next.catch(() => undefined);
    return next;
  };
  const run = (query: Prisma.Sql) => inTurn(() => client.query(query.text, query.values));
  return {
    async $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T> {
      return (await run(query)).rows as T;
    },
    async $executeRaw(query: Prisma.Sql): Promise<number> {
      return (await run(query)).rowCount ?? 0;
    },
    copyFrom(statement: string, pieces: Iterable<string>): Promise<void> {
      return inTurn(() => pipeline(Readable.from(pieces), client.query(copyFromStdin(statement))));
    },
  };
}

/**
 * Runs `work` in one transaction on a connection of its own, committed when it returns and rolled
 * back when it throws. The session is in UTC, as the Prisma client's is.
 */
export async function withPgTransaction<T>(
  databaseUrl: string,
  work: (sql: SqlClient) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    await client.query("BEGIN");
    try {
      const result = await work(sqlClientOf(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}

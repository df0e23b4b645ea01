import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client/client";

/**
 * A Prisma client on the pg driver adapter (no native query engine). The adapter sends
 * timestamps as UTC wall-clock text without an offset, which PostgreSQL reads in the session's
 * zone, so the session is pinned to UTC: otherwise a server (or an embedded one started under
 * TZ=Pacific/Auckland) would shift every stored and compared instant by its offset.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, options: "-c TimeZone=UTC" }),
  });
}

export type { PrismaClient };

/** Anything that can run a read: the client, or a transaction's client. */
export type QueryReader = Pick<PrismaClient, "$queryRaw">;

import "server-only";
import { createPrismaClient, type PrismaClient } from "./database/prisma-client";
import { readEnvironment } from "./env";

// One client per server process; reused across hot reloads in development.
const globalForPrisma = globalThis as unknown as { fairshiftPrisma?: PrismaClient };

function connect(): PrismaClient {
  const { DATABASE_URL } = readEnvironment();
  if (!DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start Fairshift with `npm start`, which provides it.",
    );
  }
  return createPrismaClient(DATABASE_URL);
}

export function getDb(): PrismaClient {
  globalForPrisma.fairshiftPrisma ??= connect();
  return globalForPrisma.fairshiftPrisma;
}

import type { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";

/** A client, or the transaction a caller already holds (first-run setup holds a lock in one). */
export type AccountsDatabase = PrismaClient | Prisma.TransactionClient;

/** Runs `work` in one transaction, or in the caller's when `db` already is one. */
export function inTransaction<T>(
  db: AccountsDatabase,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return "$transaction" in db ? db.$transaction(work) : work(db);
}

import { Prisma } from "@/prisma/generated/client/client";
import type { LedgerDatabase } from "./ledger-person";

/**
 * The accounts that manage any of these teams (they decide the claims of the teams' members),
 * without `exceptUserId` (a manager claiming on their own ledger is not told of it).
 */
export async function listClaimReviewers(
  db: LedgerDatabase,
  teamIds: readonly number[],
  exceptUserId: string | null,
): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db.$queryRaw<{ userId: string }[]>(Prisma.sql`
    SELECT DISTINCT user_id AS "userId" FROM access_roles
    WHERE role = 'manager' AND team_id = ANY(${[...teamIds]}::int[])
      AND user_id IS DISTINCT FROM ${exceptUserId}
    ORDER BY 1`);
  return rows.map((row) => row.userId);
}

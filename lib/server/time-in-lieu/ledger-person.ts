import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import { getMetricSettings } from "../queries/get-metric-settings";

/** A database or an open transaction: ledger reads happen in both. */
export type LedgerDatabase = PrismaClient | Prisma.TransactionClient;

/** Whose ledger a change is on: the person, their zone, their teams and their account. */
export interface LedgerPerson {
  id: number;
  name: string;
  email: string | null;
  /** Their own zone, else the account zone: claim days are read in it. */
  timeZone: string;
  /** Lowest id first. */
  teamIds: number[];
  /** The account linked to this person (notifications go there), if any. */
  userId: string | null;
}

/** The person with id `personId`, or null. */
export async function getLedgerPerson(
  db: PrismaClient,
  personId: number,
): Promise<LedgerPerson | null> {
  const [rows, settings] = await Promise.all([
    db.$queryRaw<(Omit<LedgerPerson, "timeZone"> & { timeZone: string | null })[]>(Prisma.sql`
      SELECT p.id, p.name, p.email, p.time_zone AS "timeZone",
        COALESCE((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM team_memberships m
                  WHERE m.person_id = p.id), '{}') AS "teamIds",
        (SELECT u.id FROM auth_users u WHERE u.person_id = p.id) AS "userId"
      FROM people p WHERE p.id = ${personId}`),
    getMetricSettings(db),
  ]);
  const [person] = rows;
  if (!person) return null;
  return { ...person, timeZone: person.timeZone ?? settings.accountTimeZone };
}

/**
 * Serialises every change to one person's ledger (claims, decisions, adjustments) until the
 * transaction ends, so two requests cannot both spend the same owed hours.
 */
export async function lockPersonLedger(
  transaction: Prisma.TransactionClient,
  personId: number,
): Promise<void> {
  await transaction.$executeRaw(
    Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('time_in_lieu_ledger'), ${personId}::int)`,
  );
}

import type { LedgerBalance } from "@/lib/metrics/time-in-lieu-ledger";
import {
  type StatementLine,
  type StoredLedgerLine,
  timeInLieuLedger,
} from "@/lib/metrics/time-in-lieu-statement";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

export interface PersonTimeInLieu {
  person: { id: number; name: string; email: string | null; pagerdutyId: string | null };
  asOf: Date;
  balance: LedgerBalance;
  lines: StatementLine[];
}

/**
 * One person's time-in-lieu ledger as of a date — every line with the rule that made it,
 * expiries replayed — found by id, PagerDuty id or e-mail; null when there is no such person.
 */
export async function getPersonTimeInLieu(
  db: PrismaClient,
  personKey: string,
  asOf: Date,
): Promise<PersonTimeInLieu | null> {
  // PostgreSQL refuses a NUL in a text parameter; no person has one in their keys.
  if (personKey.includes("\u0000")) return null;
  const id = /^\d{1,9}$/.test(personKey) ? Number(personKey) : -1;
  const [person] = await db.$queryRaw<PersonTimeInLieu["person"][]>(Prisma.sql`
    SELECT id, name, email, pagerduty_id AS "pagerdutyId" FROM people
    WHERE id = ${id} OR pagerduty_id = ${personKey} OR email = lower(${personKey})
    ORDER BY id LIMIT 1`);
  if (!person) return null;
  const stored = await db.$queryRaw<StoredLedgerLine[]>(Prisma.sql`
    SELECT id, kind::text AS kind, minutes, occurred_at AS "occurredAt", expires_at AS "expiresAt",
      status::text AS status, rule, note
    FROM time_in_lieu_entries
    WHERE person_id = ${person.id} AND occurred_at < ${asOf}
    ORDER BY occurred_at, id`);
  return { person, asOf, ...timeInLieuLedger(stored, asOf) };
}

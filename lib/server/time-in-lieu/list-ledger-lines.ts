import type { StoredLedgerLine } from "@/lib/metrics/time-in-lieu-statement";
import { Prisma } from "@/prisma/generated/client/client";
import type { LedgerDatabase } from "./ledger-person";

/**
 * Every stored line of these people's ledgers (accruals, adjustments and claims of any status
 * and date), oldest first, by person. Stored expiry lines are left out: expiries are replayed
 * first in, first out from the rest (lib/metrics/time-in-lieu-ledger.ts).
 */
export async function listLedgerLines(
  db: LedgerDatabase,
  personIds: readonly number[],
): Promise<Map<number, StoredLedgerLine[]>> {
  const rows = await db.$queryRaw<(StoredLedgerLine & { personId: number })[]>(Prisma.sql`
    SELECT id, person_id AS "personId", kind::text AS kind, minutes, occurred_at AS "occurredAt",
      expires_at AS "expiresAt", status::text AS status, rule, note, created_by AS "createdBy",
      decided_by AS "decidedBy", decided_at AS "decidedAt", decision_note AS "decisionNote"
    FROM time_in_lieu_entries
    WHERE person_id = ANY(${[...personIds]}::int[]) AND kind <> 'expiry'
    ORDER BY occurred_at, id`);
  const byPerson = new Map<number, StoredLedgerLine[]>(personIds.map((id) => [id, []]));
  for (const { personId, ...line } of rows) byPerson.get(personId)?.push(line);
  return byPerson;
}

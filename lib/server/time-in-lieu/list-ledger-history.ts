import type { LedgerEventView } from "@/lib/shared/time-in-lieu-api";
import { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";

/** A ledger's history is read on a screen; its oldest changes stay in the table. */
export const HISTORY_LISTED = 500;

/**
 * The audit trail of one person's ledger, newest first: every claim submitted, approved or
 * rejected and every adjustment, with who did it and the line before and after. Accruals and
 * expiries are derived (from call-outs and first-in-first-out replay), so they are not events.
 */
export async function listLedgerHistory(
  db: PrismaClient,
  personId: number,
): Promise<LedgerEventView[]> {
  const rows = await db.$queryRaw<
    { id: number; at: Date; actor: string; action: string; before: unknown; after: unknown }[]
  >(Prisma.sql`
    SELECT id, created_at AS at, actor_label AS actor, action, before, after
    FROM audit_events
    WHERE person_id = ${personId} AND subject_type = 'time_in_lieu_entry'
    ORDER BY created_at DESC, id DESC LIMIT ${HISTORY_LISTED}`);
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

import { authorizePerson } from "@/lib/server/access/authorize";
import { getDb } from "@/lib/server/db";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { listLedgerHistory } from "@/lib/server/time-in-lieu/list-ledger-history";
import { decodePathSegment } from "@/lib/server/time-in-lieu/route-input";
import type { LedgerHistoryResponse } from "@/lib/shared/time-in-lieu-api";

export const dynamic = "force-dynamic";

/**
 * `GET /api/people/{person}/time-in-lieu/history`: the audit trail of the person's ledger,
 * newest first — who submitted, decided or adjusted what, with the line before and after.
 */
export const GET = authorizedRoute(
  async (_request, viewer, context: { params: Promise<{ person: string }> }) => {
    const db = getDb();
    const person = await authorizePerson(
      db,
      viewer,
      decodePathSegment((await context.params).person),
    );
    const events = await listLedgerHistory(db, person.id);
    return Response.json({ events } satisfies LedgerHistoryResponse);
  },
);

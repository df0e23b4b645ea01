import type { z } from "zod";
import { hoursAvailable, largestConsumptionAt } from "@/lib/metrics/time-in-lieu-claims";
import type { Viewer } from "@/lib/shared/access-policy";
import type { ClaimView, claimDecisionSchema } from "@/lib/shared/time-in-lieu-api";
import { Prisma } from "@/prisma/generated/client/client";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../database/prisma-client";
import { ApiError } from "../http/api-error";
import { notifyAccounts } from "../notifications/notify-accounts";
import { getClaim, type StoredClaim } from "./get-claim";
import { claimSnapshot } from "./ledger-audit";
import { localDateOf } from "./ledger-dates";
import { claimDecidedMessage, hoursText } from "./ledger-messages";
import { type LedgerPerson, lockPersonLedger } from "./ledger-person";
import { listClaims } from "./list-claims";
import { listLedgerLines } from "./list-ledger-lines";

function alreadyDecided(claim: StoredClaim, timeZone: string): ApiError {
  const when = claim.decidedAt ? ` on ${localDateOf(claim.decidedAt, timeZone)}` : "";
  return new ApiError(
    "conflict",
    `This claim was already ${claim.status} by ${claim.decidedBy ?? "someone"}${when}.`,
  );
}

/**
 * A manager's decision on a pending claim (the route has checked they may decide it). Approving
 * checks again that the ledger holds the hours on the claim's day (422 if not: time may have been
 * adjusted away, or re-derived, since it was submitted). Only a claim still pending changes, so
 * of two managers deciding at once the second gets 409 with the first's decision. Status, audit
 * event and the claimant's notification are written in one transaction.
 */
export async function decideClaim(
  db: PrismaClient,
  viewer: Viewer,
  claimId: number,
  person: LedgerPerson,
  input: z.output<typeof claimDecisionSchema>,
  now: Date = new Date(),
): Promise<ClaimView> {
  const status = input.decision === "approve" ? "approved" : "rejected";
  const comment = input.comment ? input.comment : null;
  await db.$transaction(async (transaction) => {
    await lockPersonLedger(transaction, person.id);
    const claim = await getClaim(transaction, claimId);
    if (!claim) throw new ApiError("not_found", `No claim ${claimId}.`);
    if (claim.status !== "pending") throw alreadyDecided(claim, person.timeZone);
    const date = localDateOf(claim.occurredAt, person.timeZone);

    if (status === "approved") {
      const lines = (await listLedgerLines(transaction, [person.id])).get(person.id) ?? [];
      const available = largestConsumptionAt(lines, claim.occurredAt, { excludeId: claim.id });
      if (claim.minutes > available) {
        throw new ApiError(
          "unprocessable",
          `This claim of ${hoursText(claim.minutes)} no longer fits: ${person.name} is owed ${hoursAvailable(available)} h on ${date} after their other pending and approved claims. Reject it with a comment, or add an adjustment first.`,
        );
      }
    }

    const decided = await transaction.$queryRaw<{ id: number }[]>(Prisma.sql`
      UPDATE time_in_lieu_entries
      SET status = ${status}::claim_status, decided_by = ${viewer.email}, decided_at = ${now},
        decision_note = ${comment}, updated_at = ${now}
      WHERE id = ${claim.id} AND kind = 'claim' AND status = 'pending'
      RETURNING id`);
    if (decided.length === 0) {
      const winner = await getClaim(transaction, claimId);
      throw winner
        ? alreadyDecided(winner, person.timeZone)
        : new ApiError("not_found", `No claim ${claimId}.`);
    }
    await recordAudit(transaction, {
      actor: { userId: viewer.userId, label: viewer.email },
      action: `claim.${status}`,
      subjectType: "time_in_lieu_entry",
      subjectId: claim.id,
      personId: person.id,
      before: claimSnapshot({ ...claim, date }),
      after: claimSnapshot({
        ...claim,
        date,
        status,
        decidedBy: viewer.email,
        decidedAt: now,
        decisionNote: comment,
      }),
    });
    if (person.userId) {
      await notifyAccounts(transaction, [person.userId], {
        message: claimDecidedMessage(
          status,
          { minutes: claim.minutes, date },
          viewer.name || viewer.email,
          comment,
        ),
        link: `/people/${person.id}#ledger`,
      });
    }
  });
  const [claim] = await listClaims(db, { claimIds: [claimId] }, "all", now);
  if (!claim) throw new Error(`Claim ${claimId} vanished after it was decided`);
  return claim;
}

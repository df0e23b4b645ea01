import type { z } from "zod";
import { claimAllowance, hoursAvailable } from "@/lib/metrics/time-in-lieu-claims";
import type { Viewer } from "@/lib/shared/access-policy";
import type { ClaimView, submitClaimSchema } from "@/lib/shared/time-in-lieu-api";
import { Prisma } from "@/prisma/generated/client/client";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../database/prisma-client";
import { ApiError } from "../http/api-error";
import { notifyAccounts } from "../notifications/notify-accounts";
import { claimSnapshot } from "./ledger-audit";
import { requireDateNearToday, startOfLocalDate } from "./ledger-dates";
import { claimSubmittedMessage, hoursText } from "./ledger-messages";
import { type LedgerPerson, lockPersonLedger } from "./ledger-person";
import { listClaimReviewers } from "./list-claim-reviewers";
import { listClaims } from "./list-claims";
import { listLedgerLines } from "./list-ledger-lines";

const DUPLICATE = "This claim was already submitted.";

/**
 * The engineer's claim of `hours` off on `date` (their zone) from their own ledger: pending until
 * a manager decides. Refused (and nothing written) when the date is more than a year away (400),
 * the same requestId was already used (409), or the ledger does not hold the hours (422: see
 * claimAllowance). The entry, its audit event and a notification to each manager of the person's
 * teams are written in one transaction.
 */
export async function submitClaim(
  db: PrismaClient,
  viewer: Viewer,
  person: LedgerPerson,
  input: z.output<typeof submitClaimSchema>,
  now: Date = new Date(),
): Promise<ClaimView> {
  requireDateNearToday(input.date, person.timeZone, now);
  const occurredAt = startOfLocalDate(input.date, person.timeZone);
  const minutes = Math.round(input.hours * 60);
  // Scoped by person, so one person's request id can never block (or reveal) another's.
  const sourceKey = `claim:${person.id}:${input.requestId}`;
  const note = input.note ? input.note : null;

  let claimId: number;
  try {
    claimId = await db.$transaction(async (transaction) => {
      await lockPersonLedger(transaction, person.id);
      const existing = await transaction.timeInLieuEntry.findFirst({
        where: { kind: "claim", sourceKey },
        select: { id: true },
      });
      if (existing) throw new ApiError("conflict", DUPLICATE);

      const lines = (await listLedgerLines(transaction, [person.id])).get(person.id) ?? [];
      const allowance = claimAllowance(lines, occurredAt, now);
      if (minutes > allowance.minutes) {
        const when = allowance.limitedBy === "now" ? "now" : `on ${input.date}`;
        throw new ApiError(
          "unprocessable",
          `You can claim at most ${hoursAvailable(allowance.minutes)} h: that is what you are owed ${when} after your pending claims.`,
        );
      }

      const claim = await transaction.timeInLieuEntry.create({
        data: {
          personId: person.id,
          teamId: person.teamIds[0] ?? null,
          kind: "claim",
          minutes,
          occurredAt,
          status: "pending",
          rule: `Time off on ${input.date} (${person.timeZone}): ${hoursText(minutes)}`,
          note,
          sourceKey,
          createdBy: viewer.email,
        },
        select: { id: true },
      });
      await recordAudit(transaction, {
        actor: { userId: viewer.userId, label: viewer.email },
        action: "claim.submitted",
        subjectType: "time_in_lieu_entry",
        subjectId: claim.id,
        personId: person.id,
        before: null,
        after: claimSnapshot({ id: claim.id, minutes, date: input.date, note, status: "pending" }),
      });
      await notifyAccounts(
        transaction,
        await listClaimReviewers(transaction, person.teamIds, viewer.userId),
        { message: claimSubmittedMessage(person.name, minutes, input.date), link: "/approvals" },
      );
      return claim.id;
    });
  } catch (error) {
    // Two submissions at once: the unique (kind, source_key) lets only one in.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError("conflict", DUPLICATE);
    }
    throw error;
  }
  const [claim] = await listClaims(db, { claimIds: [claimId] }, "all", now);
  if (!claim) throw new Error(`Claim ${claimId} vanished after it was written`);
  return claim;
}

import type { z } from "zod";
import { hoursAvailable, hoursOf, largestConsumptionAt } from "@/lib/metrics/time-in-lieu-claims";
import type { Viewer } from "@/lib/shared/access-policy";
import type { AdjustmentView, adjustmentSchema } from "@/lib/shared/time-in-lieu-api";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../database/prisma-client";
import { ApiError } from "../http/api-error";
import { notifyAccounts } from "../notifications/notify-accounts";
import { adjustmentSnapshot } from "./ledger-audit";
import { localDateOf, requireDateNearToday, startOfLocalDate } from "./ledger-dates";
import { adjustmentMessage, hoursText } from "./ledger-messages";
import { type LedgerPerson, lockPersonLedger } from "./ledger-person";
import { listLedgerLines } from "./list-ledger-lines";

/**
 * A manager's correction to a person's ledger (the route has checked they may make it): signed
 * hours from the start of `date` (default today) in the person's zone, with the reason the
 * person sees. Added time never expires; removed time is taken first in, first out like a claim
 * and may not take more than is owed on that day after pending claims (422). Entry, audit event
 * and the person's notification are written in one transaction.
 */
export async function addAdjustment(
  db: PrismaClient,
  viewer: Viewer,
  person: LedgerPerson,
  input: z.output<typeof adjustmentSchema>,
  now: Date = new Date(),
): Promise<AdjustmentView> {
  const date = input.date ?? localDateOf(now, person.timeZone);
  requireDateNearToday(date, person.timeZone, now);
  const occurredAt = startOfLocalDate(date, person.timeZone);
  const minutes = Math.round(input.hours * 60);
  const managerName = viewer.name || viewer.email;
  // The team on whose behalf the manager acts: the first of the person's teams they manage.
  const teamId = person.teamIds.find((team) => viewer.managedTeamIds.includes(team)) ?? null;

  const adjustment = await db.$transaction(async (transaction) => {
    await lockPersonLedger(transaction, person.id);
    if (minutes < 0) {
      const lines = (await listLedgerLines(transaction, [person.id])).get(person.id) ?? [];
      const available = largestConsumptionAt(lines, occurredAt);
      if (-minutes > available) {
        throw new ApiError(
          "unprocessable",
          `${person.name} is owed ${hoursAvailable(available)} h on ${date} after their pending claims: an adjustment can remove at most that, not ${hoursText(minutes)}.`,
        );
      }
    }
    const entry = await transaction.timeInLieuEntry.create({
      data: {
        personId: person.id,
        teamId,
        kind: "adjustment",
        minutes,
        occurredAt,
        rule: `Adjustment by ${managerName}`,
        note: input.reason,
        createdBy: viewer.email,
      },
      select: { id: true, createdAt: true },
    });
    await recordAudit(transaction, {
      actor: { userId: viewer.userId, label: viewer.email },
      action: "adjustment.added",
      subjectType: "time_in_lieu_entry",
      subjectId: entry.id,
      personId: person.id,
      before: null,
      after: adjustmentSnapshot({ id: entry.id, minutes, date, reason: input.reason }),
    });
    if (person.userId && person.userId !== viewer.userId) {
      await notifyAccounts(transaction, [person.userId], {
        message: adjustmentMessage(managerName, { minutes, date }, input.reason),
        link: `/people/${person.id}#ledger`,
      });
    }
    return entry;
  });
  return {
    id: adjustment.id,
    person: { id: person.id, name: person.name },
    hours: hoursOf(minutes),
    date,
    reason: input.reason,
    createdBy: viewer.email,
    createdAt: adjustment.createdAt.toISOString(),
  };
}

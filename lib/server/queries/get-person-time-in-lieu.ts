import { hoursAvailable, hoursOf, largestConsumptionAt } from "@/lib/metrics/time-in-lieu-claims";
import type { LedgerBalance } from "@/lib/metrics/time-in-lieu-ledger";
import { type StatementLine, timeInLieuLedger } from "@/lib/metrics/time-in-lieu-statement";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { mayClaimFor, mayDecideFor, type Viewer } from "@/lib/shared/access-policy";
import type { LedgerPermissions } from "@/lib/shared/time-in-lieu-api";
import { findPerson } from "../access/authorize";
import { listLedgerLines } from "../time-in-lieu/list-ledger-lines";

export interface PersonTimeInLieu {
  person: { id: number; name: string; email: string | null; pagerdutyId: string | null };
  asOf: Date;
  balance: LedgerBalance & {
    /** `owedMinutes` in hours to 0.01. */
    owedHours: number;
    /** Every claim still waiting for a decision, whatever its day (not only before asOf). */
    pendingClaimHours: number;
    /**
     * What a new claim may take now: owed now after every pending and approved claim (a claim
     * for a later day may get less, when accruals lapse before it). Independent of asOf.
     */
    availableHours: number;
  };
  lines: StatementLine[];
  /** What the viewer may do on this ledger; all false without a viewer. */
  can: LedgerPermissions;
}

/**
 * One person's time-in-lieu ledger as of a date — every line with the rule that made it and
 * who wrote or decided it, expiries replayed — found by id, PagerDuty id or e-mail; null when
 * there is no such person. Authorise the viewer for the person before calling.
 */
export async function getPersonTimeInLieu(
  db: PrismaClient,
  personKey: string,
  asOf: Date,
  options: { viewer?: Viewer | null; now?: Date } = {},
): Promise<PersonTimeInLieu | null> {
  const person = await findPerson(db, personKey);
  if (!person) return null;
  const stored = (await listLedgerLines(db, [person.id])).get(person.id) ?? [];
  const { lines, balance } = timeInLieuLedger(stored, asOf);
  const pendingMinutes = stored
    .filter((line) => line.kind === "claim" && line.status === "pending")
    .reduce((sum, line) => sum + line.minutes, 0);
  const viewer = options.viewer ?? null;
  const decides = viewer !== null && mayDecideFor(viewer, person);
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      pagerdutyId: person.pagerdutyId,
    },
    asOf,
    balance: {
      ...balance,
      owedHours: hoursOf(balance.owedMinutes),
      pendingClaimHours: hoursOf(pendingMinutes),
      availableHours: hoursAvailable(largestConsumptionAt(stored, options.now ?? new Date())),
    },
    lines,
    can: {
      claim: viewer !== null && mayClaimFor(viewer, person.id),
      adjust: decides,
      decide: decides,
    },
  };
}

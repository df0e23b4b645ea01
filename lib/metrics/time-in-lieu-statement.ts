/**
 * A person's time-in-lieu ledger as the engineer reads it: every line in date order with the rule
 * that made it and the running balance, expiries replayed first in, first out as of a date.
 */

import { hoursOf } from "./time-in-lieu-claims";
import {
  type ClaimForExpiry,
  expiryLines,
  type LedgerBalance,
  type LedgerLine,
  ledgerBalance,
} from "./time-in-lieu-ledger";

export interface StoredLedgerLine extends LedgerLine {
  id: number;
  rule: string | null;
  note: string | null;
  /** Who wrote the line (an e-mail; null for derived accruals). */
  createdBy?: string | null;
  /** Claims: who approved or rejected it, when, and their comment. */
  decidedBy?: string | null;
  decidedAt?: Date | null;
  decisionNote?: string | null;
}

export interface StatementLine {
  /** Stored line id; null for a replayed expiry. */
  id: number | null;
  kind: LedgerLine["kind"];
  minutes: number;
  /** `minutes` in hours to 0.01, with the same sign. */
  hours: number;
  occurredAt: Date;
  status: LedgerLine["status"];
  /** The arithmetic or reason behind the line, in words. */
  rule: string | null;
  note: string | null;
  createdBy: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  /** Owed after this line (pending and rejected claims do not move it). */
  balanceMinutes: number;
}

type ExplainedLine = Omit<StoredLedgerLine, "id"> & { id: number | null };

const day = (date: Date) => date.toISOString().slice(0, 10);

/** How a line moves the balance: claims only once approved; adjustments carry their sign. */
function effect(line: LedgerLine): number {
  if (line.kind === "accrual") return line.minutes;
  if (line.kind === "adjustment") return line.minutes;
  if (line.kind === "expiry") return -line.minutes;
  return line.status === "approved" ? -line.minutes : 0;
}

/**
 * The ledger up to `asOf` (exclusive): stored accruals, adjustments and claims, plus the expiries
 * first-in-first-out replay says happened before `asOf`, each explained; and the balance.
 */
export function timeInLieuLedger(
  stored: readonly StoredLedgerLine[],
  asOf: Date,
): { lines: StatementLine[]; balance: LedgerBalance } {
  const kept = stored.filter(
    (line) => line.kind !== "expiry" && line.occurredAt.getTime() < asOf.getTime(),
  );
  const lots = kept.flatMap((line) =>
    line.kind === "accrual"
      ? [line]
      : line.kind === "adjustment" && line.minutes > 0
        ? [{ ...line, expiresAt: null }]
        : [],
  );
  const consumptions: ClaimForExpiry[] = kept.flatMap((line): ClaimForExpiry[] => {
    if (line.kind === "claim") return [line];
    if (line.kind === "adjustment" && line.minutes < 0) {
      return [{ minutes: -line.minutes, occurredAt: line.occurredAt, status: null }];
    }
    return [];
  });
  const expiries = expiryLines(lots, consumptions, asOf).map(
    (expiry): ExplainedLine => ({
      id: null,
      kind: "expiry",
      minutes: expiry.minutes,
      occurredAt: expiry.occurredAt,
      status: null,
      rule: `${expiry.minutes} min of the accrual of ${day(expiry.accrual.occurredAt)} not taken before it lapsed on ${day(expiry.occurredAt)}`,
      note: null,
      createdBy: null,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    }),
  );
  // At one instant an expiry comes before a claim, as in the replay.
  const order = { accrual: 0, adjustment: 1, expiry: 2, claim: 3 } as const;
  const all: ExplainedLine[] = [...kept, ...expiries].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || order[a.kind] - order[b.kind],
  );
  let balanceMinutes = 0;
  const lines = all.map((line) => {
    balanceMinutes += effect(line);
    return {
      id: line.id,
      kind: line.kind,
      minutes: line.minutes,
      hours: hoursOf(line.minutes),
      occurredAt: line.occurredAt,
      status: line.status ?? null,
      rule: line.rule,
      note: line.note,
      createdBy: line.createdBy ?? null,
      decidedBy: line.decidedBy ?? null,
      decidedAt: line.decidedAt ?? null,
      decisionNote: line.decisionNote ?? null,
      balanceMinutes,
    };
  });
  return { lines, balance: ledgerBalance(all, asOf) };
}

/**
 * The time-in-lieu ledger, PRODUCT.md → Definitions → "Time in lieu": accrual, adjustment, claim
 * and expiry lines; Owed = accrued + adjustments − approved claims − expired, as of a date.
 * Expiry is first in, first out (see replayFirstInFirstOut). Accrual itself is in time-in-lieu.ts.
 */

const MILLISECONDS_PER_DAY = 86_400_000;

export type TimeInLieuKind = "accrual" | "adjustment" | "claim" | "expiry";
export type ClaimStatus = "pending" | "approved" | "rejected";

/** A ledger line as the `TimeInLieuEntry` table stores it: minutes positive, signed by kind. */
export interface LedgerLine {
  kind: TimeInLieuKind;
  /** Positive for accruals, claims and expiries; adjustments carry their own sign. */
  minutes: number;
  occurredAt: Date;
  expiresAt?: Date | null;
  status?: ClaimStatus | null;
}

export interface LedgerBalance {
  accruedMinutes: number;
  /** Signed sum of manager adjustments. */
  adjustedMinutes: number;
  /** Approved claims only. */
  claimedMinutes: number;
  pendingClaimMinutes: number;
  expiredMinutes: number;
  /** accrued + adjusted − claimed − expired */
  owedMinutes: number;
}

/**
 * The ledger as of `asOf` (a report states it as of the end of its range, exclusive): only lines
 * with occurredAt < asOf count. Owed = accrued + adjustments − approved claims − expired
 * (PRODUCT.md). Pending claims are reported but not subtracted; rejected claims are ignored.
 * Expiries are counted as the stored expiry lines; `expiryLines` decides what they should be.
 */
export function ledgerBalance(lines: readonly LedgerLine[], asOf: Date): LedgerBalance {
  const balance = {
    accruedMinutes: 0,
    adjustedMinutes: 0,
    claimedMinutes: 0,
    pendingClaimMinutes: 0,
    expiredMinutes: 0,
  };
  for (const line of lines) {
    if (line.occurredAt.getTime() >= asOf.getTime()) continue;
    if (line.kind === "accrual") balance.accruedMinutes += line.minutes;
    else if (line.kind === "adjustment") balance.adjustedMinutes += line.minutes;
    else if (line.kind === "expiry") balance.expiredMinutes += line.minutes;
    else if (line.status === "approved") balance.claimedMinutes += line.minutes;
    else if (line.status === "pending") balance.pendingClaimMinutes += line.minutes;
  }
  const owedMinutes =
    balance.accruedMinutes +
    balance.adjustedMinutes -
    balance.claimedMinutes -
    balance.expiredMinutes;
  return { ...balance, owedMinutes };
}

/** A lot that claims can consume: an accrual (expires) or a positive adjustment (never does). */
export interface AccrualForExpiry {
  minutes: number;
  occurredAt: Date;
  /** Null: never expires (positive manager adjustments). */
  expiresAt?: Date | null;
}

/** Something that uses up owed time: an approved claim, or a negative adjustment. */
export interface ClaimForExpiry {
  minutes: number;
  occurredAt: Date;
  /** Only approved claims consume; no status means a consumption that needs no approval. */
  status?: ClaimStatus | null;
}

export interface ExpiryLine<Accrual> {
  accrual: Accrual;
  minutes: number;
  /** The accrual's expiresAt: when the remainder lapsed. */
  occurredAt: Date;
}

/** After a consumption: the minutes taken with nothing open to take them from (0 = none). */
export interface ConsumptionDebt {
  occurredAt: Date;
  minutes: number;
}

interface Lot<Accrual> {
  accrual: Accrual;
  remaining: number;
  occurredAtMs: number;
  expiresAtMs: number;
  status: "waiting" | "open" | "closed";
}

/**
 * Replays a person's TOIL first in, first out up to `asOf`: each consumption takes from the
 * oldest unexpired accruals first (the ones closest to lapsing, in the engineer's favour), then
 * from non-expiring lots; an accrual's unconsumed remainder expires at its expiresAt. A claim
 * larger than what is open at its date becomes a debt that later accruals pay off as they arrive,
 * so time taken in advance is not owed a second time.
 * At one instant an expiry happens before a claim: an accrual expiring on the day taken off is gone.
 */
function replayFirstInFirstOut<Accrual extends AccrualForExpiry>(
  accruals: readonly Accrual[],
  claims: readonly ClaimForExpiry[],
  asOf: Date,
): { lots: Lot<Accrual>[]; expired: ExpiryLine<Accrual>[]; debts: ConsumptionDebt[] } {
  const lots: Lot<Accrual>[] = accruals
    .map((accrual) => ({
      accrual,
      remaining: accrual.minutes,
      occurredAtMs: accrual.occurredAt.getTime(),
      expiresAtMs: accrual.expiresAt ? accrual.expiresAt.getTime() : Number.POSITIVE_INFINITY,
      status: "waiting" as const,
    }))
    .sort((a, b) => a.occurredAtMs - b.occurredAtMs || a.expiresAtMs - b.expiresAtMs);
  const expired: ExpiryLine<Accrual>[] = [];
  const debts: ConsumptionDebt[] = [];
  let debt = 0;

  // Brings the lots up to `untilMs`: arrivals (paying any debt), then expiries.
  const advance = (untilMs: number, inclusive: boolean) => {
    const reached = (ms: number) => (inclusive ? ms <= untilMs : ms < untilMs);
    for (const lot of lots) {
      if (lot.status === "waiting" && reached(lot.occurredAtMs)) {
        lot.status = "open";
        const paid = Math.min(debt, lot.remaining);
        debt -= paid;
        lot.remaining -= paid;
      }
      if (lot.status === "open" && reached(lot.expiresAtMs)) {
        lot.status = "closed";
        if (lot.remaining > 0) {
          expired.push({
            accrual: lot.accrual,
            minutes: lot.remaining,
            occurredAt: new Date(lot.expiresAtMs),
          });
        }
      }
    }
  };

  const consumptions = claims
    .filter((claim) => claim.status == null || claim.status === "approved")
    .filter((claim) => claim.occurredAt.getTime() < asOf.getTime())
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const claim of consumptions) {
    const atMs = claim.occurredAt.getTime();
    advance(atMs, true);
    let wanted = claim.minutes;
    const open = lots
      .filter((lot) => lot.status === "open" && lot.remaining > 0)
      .sort((a, b) => Number(a.expiresAtMs === Infinity) - Number(b.expiresAtMs === Infinity));
    for (const lot of open) {
      const taken = Math.min(wanted, lot.remaining);
      lot.remaining -= taken;
      wanted -= taken;
      if (wanted === 0) break;
    }
    debt += wanted;
    debts.push({ occurredAt: claim.occurredAt, minutes: debt });
  }
  advance(asOf.getTime(), false);
  return { lots, expired, debts };
}

/**
 * The expiry lines the ledger should hold as of `asOf`: for each accrual whose expiresAt is
 * before `asOf`, the minutes no approved claim consumed first in, first out (see
 * `replayFirstInFirstOut`). Expiry lines are derived: recompute them when a claim is approved for
 * an earlier date and update the stored lines by accrual.
 */
export function expiryLines<Accrual extends AccrualForExpiry>(
  accruals: readonly Accrual[],
  claims: readonly ClaimForExpiry[],
  asOf: Date,
): ExpiryLine<Accrual>[] {
  return replayFirstInFirstOut(accruals, claims, asOf).expired;
}

/**
 * The debt left after each consumption (approved claims and negative adjustments) up to `asOf`,
 * in date order: 0 while every consumption found enough open time; more when one took time
 * nobody had yet (later accruals then pay it off first). The claim rules use it to keep a new
 * claim from taking what is not owed (time-in-lieu-claims.ts).
 */
export function debtsAfterConsumptions(
  accruals: readonly AccrualForExpiry[],
  claims: readonly ClaimForExpiry[],
  asOf: Date,
): ConsumptionDebt[] {
  return replayFirstInFirstOut(accruals, claims, asOf).debts;
}

/**
 * Splits stored ledger lines into what the FIFO replay needs: accruals and positive adjustments
 * are lots (adjustments never expire); approved claims and negative adjustments consume.
 * Stored expiry lines are left out: the replay decides expiries itself.
 */
export function firstInFirstOutInputs(lines: readonly LedgerLine[]): {
  accruals: LedgerLine[];
  claims: ClaimForExpiry[];
} {
  const accruals: LedgerLine[] = [];
  const claims: ClaimForExpiry[] = [];
  for (const line of lines) {
    if (line.kind === "accrual") accruals.push(line);
    else if (line.kind === "adjustment" && line.minutes > 0) {
      accruals.push({ ...line, expiresAt: null });
    } else if (line.kind === "adjustment" && line.minutes < 0) {
      claims.push({ minutes: -line.minutes, occurredAt: line.occurredAt, status: null });
    } else if (line.kind === "claim") claims.push(line);
  }
  return { accruals, claims };
}

/**
 * Owed minutes still sitting in accruals that occurred more than `days` days before `asOf`
 * (burnout: "TOIL owed > 16 h older than 30 days"), first in, first out: claims use the oldest
 * accruals first, so what is left old is genuinely old. Positive adjustments do not age.
 * Days are 24 h in UTC.
 */
export function owedOlderThan(lines: readonly LedgerLine[], asOf: Date, days: number): number {
  const { accruals, claims } = firstInFirstOutInputs(lines);
  const cutoffMs = asOf.getTime() - days * MILLISECONDS_PER_DAY;
  const { lots } = replayFirstInFirstOut(accruals, claims, asOf);
  return lots
    .filter((lot) => lot.accrual.kind === "accrual" && lot.status === "open")
    .filter((lot) => lot.occurredAtMs < cutoffMs)
    .reduce((sum, lot) => sum + lot.remaining, 0);
}

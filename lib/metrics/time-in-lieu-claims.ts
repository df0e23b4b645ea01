/**
 * How much time in lieu a new claim (or a negative adjustment) may take — the balance rule of
 * the claim workflow (docs/accounts.md → Time in lieu). Pure: the caller loads the person's
 * stored ledger lines.
 */
import {
  debtsAfterConsumptions,
  firstInFirstOutInputs,
  type LedgerLine,
} from "./time-in-lieu-ledger";

/** A stored ledger line; `id` lets a claim under decision leave itself out. */
export interface IdentifiedLedgerLine extends LedgerLine {
  id?: number | null;
}

// Far enough ahead that every stored line is replayed.
const END_OF_TIME = new Date("9999-01-01T00:00:00Z");

/**
 * The ledger with every promise kept: pending claims as if approved (a manager may still approve
 * them), rejected claims and stored expiry lines left out (the replay derives expiries), and the
 * line `excludeId` left out (the claim being decided).
 */
export function committedLedger(
  lines: readonly IdentifiedLedgerLine[],
  excludeId?: number,
): LedgerLine[] {
  return lines
    .filter((line) => line.kind !== "expiry" && line.status !== "rejected")
    .filter((line) => excludeId === undefined || line.id !== excludeId)
    .map((line) => (line.status === "pending" ? { ...line, status: "approved" as const } : line));
}

/**
 * The largest number of whole minutes one more consumption at `at` can take from `lines` without
 * any consumption from `at` on (this one, or a later pending or approved claim, or a negative
 * adjustment) finding less owed than it takes. Replays the ledger first in, first out, so
 * accruals that lapse before `at` — or before a later claim that needed them — are not counted.
 * 0 when the person is already short at `at`.
 */
export function largestConsumptionAt(
  lines: readonly IdentifiedLedgerLine[],
  at: Date,
  options: { excludeId?: number } = {},
): number {
  const { accruals, claims } = firstInFirstOutInputs(committedLedger(lines, options.excludeId));
  const debtWith = (minutes: number) =>
    Math.max(
      0,
      ...debtsAfterConsumptions(
        accruals,
        // A zero-minute consumption still reports a debt that already stands at `at`.
        [...claims, { minutes, occurredAt: at, status: null }],
        END_OF_TIME,
      )
        .filter((debt) => debt.occurredAt.getTime() >= at.getTime())
        .map((debt) => debt.minutes),
    );
  if (debtWith(0) > 0) return 0;
  // Nothing can take more than every lot together; the debt only grows with the minutes taken,
  // so a binary search finds the largest amount that leaves none.
  let fits = 0;
  let tooMuch = accruals.reduce((sum, lot) => sum + Math.max(0, lot.minutes), 0) + 1;
  while (tooMuch - fits > 1) {
    const middle = Math.floor((fits + tooMuch) / 2);
    if (debtWith(middle) === 0) fits = middle;
    else tooMuch = middle;
  }
  return fits;
}

export interface ClaimAllowance {
  /** What the claim may take: the smaller of the two below. */
  minutes: number;
  /** Owed at the start of the claim's day after every pending and approved claim. */
  onDateMinutes: number;
  /** Owed now after every pending and approved claim. */
  nowMinutes: number;
  /** Which of the two limits the claim ("now" when time has lapsed or is not owed yet). */
  limitedBy: "date" | "now";
}

/**
 * What a new claim for the day starting at `date` may take: at most what is owed on that day
 * and at most what is owed now, each after every pending and approved claim. The second limit
 * keeps a claim dated back before an expiry from reviving time that has since lapsed.
 */
export function claimAllowance(
  lines: readonly IdentifiedLedgerLine[],
  date: Date,
  now: Date,
): ClaimAllowance {
  const onDateMinutes = largestConsumptionAt(lines, date);
  const nowMinutes = largestConsumptionAt(lines, now);
  return {
    minutes: Math.min(onDateMinutes, nowMinutes),
    onDateMinutes,
    nowMinutes,
    limitedBy: nowMinutes < onDateMinutes ? "now" : "date",
  };
}

/** Minutes as hours to 0.01, rounded down: what may be claimed never reads as more than it is. */
export function hoursAvailable(minutes: number): number {
  return Math.floor((minutes * 100) / 60) / 100;
}

/** Minutes as hours to 0.01 (the report's rounding). */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

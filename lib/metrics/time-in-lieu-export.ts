/**
 * The payroll export's arithmetic: one person's time in lieu over a period as hours that add up.
 * Pure; the rows are loaded and written as CSV in lib/server/time-in-lieu.
 */

import { hoursOf } from "./time-in-lieu-claims";
import { type LedgerLine, ledgerBalance } from "./time-in-lieu-ledger";

export interface PeriodStatementMinutes {
  /** Owed at the period's start. */
  openingMinutes: number;
  accruedMinutes: number;
  /** Signed. */
  adjustedMinutes: number;
  /** Approved claims whose day lies in the period. */
  claimedMinutes: number;
  expiredMinutes: number;
  /** Owed at the period's end: opening + accrued + adjusted − claimed − expired. */
  closingMinutes: number;
  /** Claims still pending whose day lies before the period's end. */
  pendingClaimMinutes: number;
}

/**
 * A person's statement over [start, end): the balance at both ends and the movements between,
 * from stored lines with expiries already replayed as of `end` (see `ledgerWithExpiries`).
 */
export function periodStatement(
  ledger: readonly LedgerLine[],
  start: Date,
  end: Date,
): PeriodStatementMinutes {
  const opening = ledgerBalance(ledger, start);
  const closing = ledgerBalance(ledger, end);
  return {
    openingMinutes: opening.owedMinutes,
    accruedMinutes: closing.accruedMinutes - opening.accruedMinutes,
    adjustedMinutes: closing.adjustedMinutes - opening.adjustedMinutes,
    claimedMinutes: closing.claimedMinutes - opening.claimedMinutes,
    expiredMinutes: closing.expiredMinutes - opening.expiredMinutes,
    closingMinutes: closing.owedMinutes,
    pendingClaimMinutes: closing.pendingClaimMinutes,
  };
}

export interface PeriodStatementHours {
  openingHours: number;
  accruedHours: number;
  adjustedHours: number;
  claimedHours: number;
  expiredHours: number;
  closingHours: number;
  pendingClaimHours: number;
}

/**
 * The statement in hours to 0.01 such that opening + accrued + adjusted − claimed − expired =
 * closing exactly, as payroll will check it. Rounding each column alone can break that sum by a
 * cent (203 min is 3.3833 h), so the running totals are rounded and each column is the
 * difference of two rounded totals: every column stays within 0.01 h of its exact value, and the
 * opening and closing balances are the exactly rounded ones.
 */
export function statementInHours(statement: PeriodStatementMinutes): PeriodStatementHours {
  // Hundredths of an hour, as integers, so the subtractions are exact.
  const cents = (minutes: number) => Math.round((minutes * 100) / 60);
  const opening = statement.openingMinutes;
  const afterAccrued = opening + statement.accruedMinutes;
  const afterAdjusted = afterAccrued + statement.adjustedMinutes;
  const afterClaimed = afterAdjusted - statement.claimedMinutes;
  const closing = afterClaimed - statement.expiredMinutes;
  const hours = (value: number) => value / 100 + 0; // + 0 turns −0 into 0
  return {
    openingHours: hours(cents(opening)),
    accruedHours: hours(cents(afterAccrued) - cents(opening)),
    adjustedHours: hours(cents(afterAdjusted) - cents(afterAccrued)),
    claimedHours: hours(cents(afterAdjusted) - cents(afterClaimed)),
    expiredHours: hours(cents(afterClaimed) - cents(closing)),
    closingHours: hours(cents(closing)),
    pendingClaimHours: hoursOf(statement.pendingClaimMinutes),
  };
}

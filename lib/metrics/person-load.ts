/**
 * One person's row of a report (PRODUCT.md › Command line, `people[]`): interruptions by band,
 * wake-ups, off-hours call-outs, on-call hours/weeks/rotation, the time-in-lieu statement, rest
 * breaches and burnout risk. Pure: the caller loads the person's slice of data.
 */
import { assessBurnoutRisk, type BurnoutRisk, type BurnoutThresholds } from "./burnout-risk";
import { toEpochMilliseconds } from "./calendar-dates";
import { countByBand } from "./call-outs";
import {
  type OnCallSummary,
  onCallWeeks,
  type Period,
  rotationStats,
  type Shift,
  summariseOnCall,
} from "./on-call";
import type { CallOutActivity, PersonActivity } from "./person-activity";
import type { HourBand, PersonCalendar } from "./time-bands";
import {
  expiryLines,
  firstInFirstOutInputs,
  type LedgerBalance,
  type LedgerLine,
  ledgerBalance,
  owedOlderThan,
} from "./time-in-lieu-ledger";

export interface PersonLoadInput {
  /** From `analysePersonActivity` over pages reaching back before both periods. */
  activity: PersonActivity;
  shifts: readonly Shift[];
  /** Every stored ledger line of the person up to the period's end (expiries are derived here). */
  ledger: readonly LedgerLine[];
  calendar: PersonCalendar;
  period: Period;
  /** The burnout window: `windowDays` ending at the period's end. */
  burnoutWindow: Period;
  onCallWeekMinimumHours: number;
  burnoutThresholds: BurnoutThresholds;
}

/** The time-in-lieu statement of a period: opening + movements = owed at its end. */
export interface TimeInLieuStatement {
  openingMinutes: number;
  accruedMinutes: number;
  adjustedMinutes: number;
  claimedMinutes: number;
  expiredMinutes: number;
  pendingClaimMinutes: number;
  /** Balance at the period's end: opening + accrued + adjusted − claimed − expired. */
  owedMinutes: number;
}

export interface PersonLoad {
  interruptions: Record<HourBand, number>;
  wakeUps: number;
  offHoursCallOuts: number;
  onCall: OnCallSummary & {
    weeks: number;
    meanIntervalWeeks: number | null;
    longestStreakWeeks: number;
  };
  timeInLieu: TimeInLieuStatement;
  restBreaches: number;
  burnoutRisk: BurnoutRisk;
}

const startsIn = (at: Date, period: Period) =>
  at.getTime() >= toEpochMilliseconds(period.start) &&
  at.getTime() < toEpochMilliseconds(period.end);

/**
 * The ledger with expiries replayed first in, first out as of `asOf` (stored expiry lines are
 * ignored, so a claim approved late for an earlier date is always reflected).
 */
export function ledgerWithExpiries(lines: readonly LedgerLine[], asOf: Date): LedgerLine[] {
  const kept = lines.filter((line) => line.kind !== "expiry");
  const { accruals, claims } = firstInFirstOutInputs(kept);
  const expiries = expiryLines(accruals, claims, asOf).map(
    (expiry): LedgerLine => ({
      kind: "expiry",
      minutes: expiry.minutes,
      occurredAt: expiry.occurredAt,
    }),
  );
  return [...kept, ...expiries];
}

/** Opening balance at the period's start, the period's movements and the balance at its end. */
export function timeInLieuStatement(
  lines: readonly LedgerLine[],
  period: Period,
): TimeInLieuStatement {
  const start = new Date(toEpochMilliseconds(period.start));
  const end = new Date(toEpochMilliseconds(period.end));
  const ledger = ledgerWithExpiries(lines, end);
  const opening: LedgerBalance = ledgerBalance(ledger, start);
  const closing: LedgerBalance = ledgerBalance(ledger, end);
  return {
    openingMinutes: opening.owedMinutes,
    accruedMinutes: closing.accruedMinutes - opening.accruedMinutes,
    adjustedMinutes: closing.adjustedMinutes - opening.adjustedMinutes,
    claimedMinutes: closing.claimedMinutes - opening.claimedMinutes,
    expiredMinutes: closing.expiredMinutes - opening.expiredMinutes,
    pendingClaimMinutes: closing.pendingClaimMinutes - opening.pendingClaimMinutes,
    owedMinutes: closing.owedMinutes,
  };
}

function breachesIn(callOuts: readonly CallOutActivity[], period: Period): number {
  return callOuts.filter((callOut) => callOut.restBreach && startsIn(callOut.start, period)).length;
}

export function summarisePersonLoad(input: PersonLoadInput): PersonLoad {
  const { activity, calendar, period, burnoutWindow } = input;
  const interruptions = activity.interruptions.filter((item) => startsIn(item.start, period));
  const callOuts = activity.callOuts.filter((callOut) => startsIn(callOut.start, period));
  const weeks = onCallWeeks(input.shifts, period, calendar, input.onCallWeekMinimumHours);
  const rotation = rotationStats(weeks);

  const windowInterruptions = activity.interruptions.filter((item) =>
    startsIn(item.start, burnoutWindow),
  );
  const windowCallOuts = activity.callOuts.filter((callOut) =>
    startsIn(callOut.start, burnoutWindow),
  );
  const windowRotation = rotationStats(
    onCallWeeks(input.shifts, burnoutWindow, calendar, input.onCallWeekMinimumHours),
  );
  const windowEnd = new Date(toEpochMilliseconds(burnoutWindow.end));
  const burnoutRisk = assessBurnoutRisk(
    {
      wakeUps: windowCallOuts.filter((callOut) => callOut.isWakeUp).length,
      longestStreakWeeks: windowRotation.longestStreakWeeks,
      meanIntervalWeeks: windowRotation.meanIntervalWeeks,
      restBreaches: breachesIn(activity.callOuts, burnoutWindow),
      offHoursInterruptions: windowInterruptions.filter((item) => item.band !== "business").length,
      // Replays first in, first out itself; stored expiry lines are ignored there.
      owedMinutesOlderThan30Days: owedOlderThan(
        input.ledger,
        windowEnd,
        input.burnoutThresholds.owedOlderThanDays,
      ),
    },
    input.burnoutThresholds,
  );

  return {
    interruptions: countByBand(interruptions),
    wakeUps: callOuts.filter((callOut) => callOut.isWakeUp).length,
    offHoursCallOuts: callOuts.filter((callOut) => callOut.isOffHours).length,
    onCall: {
      ...summariseOnCall(input.shifts, period, calendar),
      weeks: rotation.weeks,
      meanIntervalWeeks: rotation.meanIntervalWeeks,
      longestStreakWeeks: rotation.longestStreakWeeks,
    },
    timeInLieu: timeInLieuStatement(input.ledger, period),
    restBreaches: breachesIn(callOuts, period),
    burnoutRisk,
  };
}

/**
 * Burnout risk (PRODUCT.md → Definitions → "Burnout risk"): per person over the 28 days ending at
 * the period's end, high / medium / low with its reasons listed.
 */

/** One person's load over the assessment window, computed by the other metrics. */
export interface BurnoutRiskInput {
  /** Call-outs that started in the sleep band. */
  wakeUps: number;
  /** Longest run of consecutive on-call weeks. */
  longestStreakWeeks: number;
  /** "On call every N weeks"; null when there are too few runs to measure. */
  meanIntervalWeeks: number | null;
  restBreaches: number;
  /** Off + sleep band interruptions. */
  offHoursInterruptions: number;
  /** TOIL owed from accruals more than 30 days old (see `owedOlderThan`). */
  owedMinutesOlderThan30Days: number;
}

/** Every threshold is a setting; "from" means ≥, "below" means <, "above" means >. */
export interface BurnoutThresholds {
  windowDays: number;
  highWakeUpsFrom: number;
  highStreakWeeksFrom: number;
  highIntervalWeeksBelow: number;
  highRestBreachesFrom: number;
  mediumWakeUpsFrom: number;
  mediumOffHoursInterruptionsFrom: number;
  mediumIntervalWeeksBelow: number;
  mediumOwedMinutesAbove: number;
  /** Age, in days, after which owed TOIL counts for `mediumOwedMinutesAbove`. */
  owedOlderThanDays: number;
}

export const DEFAULT_BURNOUT_THRESHOLDS: BurnoutThresholds = {
  windowDays: 28,
  highWakeUpsFrom: 3,
  highStreakWeeksFrom: 3,
  highIntervalWeeksBelow: 3,
  highRestBreachesFrom: 2,
  mediumWakeUpsFrom: 1,
  mediumOffHoursInterruptionsFrom: 6,
  mediumIntervalWeeksBelow: 4,
  mediumOwedMinutesAbove: 16 * 60,
  owedOlderThanDays: 30,
};

export type BurnoutRiskLevel = "high" | "medium" | "low";

export interface BurnoutRisk {
  level: BurnoutRiskLevel;
  /** Every condition that triggered at the decided level, with its numbers; empty when low. */
  reasons: string[];
}

const plural = (count: number, singular: string, pluralForm = `${singular}s`) =>
  `${count} ${count === 1 ? singular : pluralForm}`;

// One decimal place is enough for "every 2.5 weeks"; whole numbers print without ".0".
const weeks = (value: number) => `${Math.round(value * 10) / 10}`;

const hours = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`;

function highReasons(input: BurnoutRiskInput, limits: BurnoutThresholds): string[] {
  const window = `in ${limits.windowDays} days`;
  const reasons: string[] = [];
  if (input.wakeUps >= limits.highWakeUpsFrom) {
    reasons.push(
      `${plural(input.wakeUps, "wake-up")} ${window} (high from ${limits.highWakeUpsFrom})`,
    );
  }
  if (input.longestStreakWeeks >= limits.highStreakWeeksFrom) {
    reasons.push(
      `on call ${plural(input.longestStreakWeeks, "week")} in a row (high from ${limits.highStreakWeeksFrom})`,
    );
  }
  if (input.meanIntervalWeeks !== null && input.meanIntervalWeeks < limits.highIntervalWeeksBelow) {
    reasons.push(
      `on call every ${weeks(input.meanIntervalWeeks)} weeks (high below ${limits.highIntervalWeeksBelow})`,
    );
  }
  if (input.restBreaches >= limits.highRestBreachesFrom) {
    reasons.push(
      `${plural(input.restBreaches, "rest breach", "rest breaches")} ${window} (high from ${limits.highRestBreachesFrom})`,
    );
  }
  return reasons;
}

function mediumReasons(input: BurnoutRiskInput, limits: BurnoutThresholds): string[] {
  const window = `in ${limits.windowDays} days`;
  const reasons: string[] = [];
  if (input.wakeUps >= limits.mediumWakeUpsFrom) {
    reasons.push(
      `${plural(input.wakeUps, "wake-up")} ${window} (medium from ${limits.mediumWakeUpsFrom})`,
    );
  }
  if (input.offHoursInterruptions >= limits.mediumOffHoursInterruptionsFrom) {
    reasons.push(
      `${plural(input.offHoursInterruptions, "off-hours interruption")} ${window} (medium from ${limits.mediumOffHoursInterruptionsFrom})`,
    );
  }
  if (
    input.meanIntervalWeeks !== null &&
    input.meanIntervalWeeks < limits.mediumIntervalWeeksBelow
  ) {
    reasons.push(
      `on call every ${weeks(input.meanIntervalWeeks)} weeks (medium below ${limits.mediumIntervalWeeksBelow})`,
    );
  }
  if (input.owedMinutesOlderThan30Days > limits.mediumOwedMinutesAbove) {
    reasons.push(
      `${hours(input.owedMinutesOlderThan30Days)} time in lieu owed for more than ${limits.owedOlderThanDays} days (medium above ${hours(limits.mediumOwedMinutesAbove)})`,
    );
  }
  return reasons;
}

/**
 * Burnout risk from PRODUCT.md: high on ≥ 3 wake-ups, a streak ≥ 3 weeks, a rotation interval
 * < 3 weeks or ≥ 2 rest breaches; medium on ≥ 1 wake-up, ≥ 6 off-hours interruptions, interval
 * < 4 weeks or TOIL owed > 16 h older than 30 days; otherwise low.
 *
 * Reasons list every condition met at the decided level (nothing ranks above high), so a high
 * risk shows its high reasons, not the medium ones the same numbers also meet. A null rotation
 * interval (fewer than two runs of on-call weeks) never triggers anything.
 */
export function assessBurnoutRisk(
  input: BurnoutRiskInput,
  thresholds: BurnoutThresholds = DEFAULT_BURNOUT_THRESHOLDS,
): BurnoutRisk {
  const high = highReasons(input, thresholds);
  if (high.length > 0) return { level: "high", reasons: high };
  const medium = mediumReasons(input, thresholds);
  if (medium.length > 0) return { level: "medium", reasons: medium };
  return { level: "low", reasons: [] };
}

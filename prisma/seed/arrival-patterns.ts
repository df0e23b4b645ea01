import type { ArrivalPattern } from "./organisation-types";

/**
 * Relative incident rates by local hour. Real alert volume follows traffic and deploys (office
 * hours, busiest Tuesday–Thursday), drops at weekends and on public holidays, but never reaches
 * zero at night; batch jobs fail in the small hours; flapping checks ignore the clock.
 */

// biome-ignore format: one number per local hour reads best as a row
const BUSINESS_WEEKDAY = [
  0.16, 0.12, 0.1, 0.1, 0.12, 0.16, 0.3, 0.6, 0.95, 1.15, 1.25, 1.25,
  1.15, 1.2, 1.25, 1.2, 1.05, 0.85, 0.6, 0.5, 0.45, 0.38, 0.28, 0.2,
];
// biome-ignore format: one number per local hour reads best as a row
const BUSINESS_DAY_OFF = [
  0.15, 0.12, 0.1, 0.1, 0.1, 0.12, 0.15, 0.22, 0.3, 0.35, 0.4, 0.4,
  0.4, 0.4, 0.4, 0.38, 0.36, 0.35, 0.34, 0.32, 0.3, 0.26, 0.22, 0.18,
];
/** Monday … Friday: deploys cluster mid-week, Friday change freezes calm things down. */
const WEEKDAY_FACTOR = [1.0, 1.1, 1.1, 1.05, 0.85];

// biome-ignore format: one number per local hour reads best as a row
const NIGHTLY_BATCH = [
  2.2, 3.0, 3.4, 3.0, 2.2, 1.2, 0.6, 0.2, 0.2, 0.2, 0.2, 0.2,
  0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2,
];

// biome-ignore format: one number per local hour reads best as a row
const CUSTOMER_WEEKDAY = [
  0.05, 0.04, 0.04, 0.04, 0.04, 0.05, 0.08, 0.3, 0.8, 1.0, 1.0, 1.0,
  1.0, 1.0, 1.0, 1.0, 0.95, 0.7, 0.35, 0.3, 0.25, 0.15, 0.08, 0.06,
];
// biome-ignore format: one number per local hour reads best as a row
const CUSTOMER_DAY_OFF = [
  0.04, 0.03, 0.03, 0.03, 0.03, 0.03, 0.05, 0.1, 0.2, 0.3, 0.3, 0.3,
  0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.25, 0.2, 0.1, 0.06, 0.05,
];

/** Weight of one local hour; `isDayOff` is a weekend day or a public holiday. */
export function hourWeight(
  pattern: ArrivalPattern,
  weekday: number,
  hour: number,
  isDayOff: boolean,
): number {
  switch (pattern) {
    case "business":
      return isDayOff
        ? (BUSINESS_DAY_OFF[hour] ?? 0)
        : (BUSINESS_WEEKDAY[hour] ?? 0) * (WEEKDAY_FACTOR[weekday - 1] ?? 1);
    case "nightly-batch":
      return (NIGHTLY_BATCH[hour] ?? 0) * (isDayOff ? 0.9 : 1);
    case "flapping":
      return hour >= 2 && hour <= 4 ? 1.6 : 1;
    case "customer":
      return isDayOff ? (CUSTOMER_DAY_OFF[hour] ?? 0) : (CUSTOMER_WEEKDAY[hour] ?? 0);
  }
}

function weeklyTotal(pattern: ArrivalPattern): number {
  let total = 0;
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) total += hourWeight(pattern, weekday, hour, weekday >= 6);
  }
  return total;
}

/** Sum of weights over an ordinary week, so `weeklyIncidents` means what it says. */
export const WEEKLY_WEIGHT_TOTAL: Record<ArrivalPattern, number> = {
  business: weeklyTotal("business"),
  "nightly-batch": weeklyTotal("nightly-batch"),
  flapping: weeklyTotal("flapping"),
  customer: weeklyTotal("customer"),
};

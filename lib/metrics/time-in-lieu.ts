/**
 * Time in lieu (TOIL), PRODUCT.md → Definitions → "Time in lieu": each off-hours call-out accrues
 * `max(minimum, worked) × multiplier`; accruals expire after 90 days. The ledger that sums them is
 * time-in-lieu-ledger.ts.
 */

const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_DAY = 86_400_000;

/** A team's TOIL policy, as the `TimeInLieuPolicy` table stores it: minutes and percent. */
export interface TimeInLieuPolicy {
  /** Minimum accrual for an off-band call-out (evenings, weekend days). */
  minimumOffMinutes: number;
  /** Minimum accrual for a sleep-band call-out: the person was woken. */
  minimumSleepMinutes: number;
  roundUpToMinutes: number;
  /** Worked time is capped here before the minimum and multiplier apply. */
  capMinutes: number;
  /** 150 = ×1.5 */
  weekendMultiplierPercent: number;
  /** 200 = ×2 */
  holidayMultiplierPercent: number;
  expiryDays: number;
}

export const DEFAULT_TIME_IN_LIEU_POLICY: TimeInLieuPolicy = {
  minimumOffMinutes: 60,
  minimumSleepMinutes: 120,
  roundUpToMinutes: 15,
  capMinutes: 720,
  weekendMultiplierPercent: 150,
  holidayMultiplierPercent: 200,
  expiryDays: 90,
};

/** One call-out as the call-out builder hands it over, already classified by band and day. */
export interface CallOutForAccrual {
  start: Date;
  band: "business" | "off" | "sleep";
  /** Saturday/Sunday in the person's zone at the call-out's start. */
  isWeekend: boolean;
  /** A public holiday of the person's region at the call-out's start. */
  isHoliday: boolean;
  firstPageAt: Date;
  /** Last resolve of the call-out's incidents; null while any is still open. */
  lastResolveAt: Date | null;
}

export interface TimeInLieuAccrual {
  /** Whole minutes added to the ledger. */
  minutes: number;
  /** First page → last resolve in whole minutes (a started minute counts); null while open. */
  workedMinutes: number | null;
  multiplierPercent: number;
  /** The arithmetic in words, stored on the ledger line and shown to the engineer. */
  rule: string;
  expiresAt: Date;
}

function formatMinutes(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  if (minutes > 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${minutes} min`;
}

function roundUp(minutes: number, step: number): number {
  return step > 0 ? Math.ceil(minutes / step) * step : Math.ceil(minutes);
}

/**
 * Accrual for one call-out: `max(minimum, worked) × multiplier` (PRODUCT.md).
 *
 * - worked = first page → last resolve, rounded up to the policy step (15 min), capped (12 h);
 * - minimum = 1 h in the off band, 2 h in the sleep band; business-band call-outs accrue nothing
 *   (null);
 * - multiplier = the highest that applies: holiday (×2) or weekend (×1.5), never both multiplied,
 *   so a holiday on a Sunday is ×2, not ×3;
 * - the product is rounded up to a whole minute because the ledger stores whole minutes
 *   (2 h 15 × 1.5 = 202.5 → 203 min), in the engineer's favour;
 * - while an incident is still open the worked time is unknown, so only the minimum accrues;
 *   the accrual is recomputed once everything is resolved.
 */
export function accrueForCallOut(
  callOut: CallOutForAccrual,
  policy: TimeInLieuPolicy = DEFAULT_TIME_IN_LIEU_POLICY,
): TimeInLieuAccrual | null {
  if (callOut.band === "business") return null;
  const minimum = callOut.band === "sleep" ? policy.minimumSleepMinutes : policy.minimumOffMinutes;

  let workedMinutes: number | null = null;
  let countedMinutes = 0;
  let workedText = `${callOut.band} band: still open, worked time not known yet`;
  if (callOut.lastResolveAt) {
    const elapsed = callOut.lastResolveAt.getTime() - callOut.firstPageAt.getTime();
    // A resolve before the first page (the incident was already resolved when a late page went
    // out) means no work, not negative work.
    workedMinutes = Math.max(0, Math.ceil(elapsed / MILLISECONDS_PER_MINUTE));
    const rounded = roundUp(workedMinutes, policy.roundUpToMinutes);
    countedMinutes = Math.min(rounded, policy.capMinutes);
    workedText = `${callOut.band} band: worked ${workedMinutes} min`;
    if (rounded !== workedMinutes) workedText += ` → rounded up to ${rounded} min`;
    if (countedMinutes < rounded) workedText += `, capped at ${formatMinutes(policy.capMinutes)}`;
  }

  const base = Math.max(minimum, countedMinutes);
  const baseText =
    countedMinutes < minimum
      ? `minimum ${formatMinutes(minimum)} applies → ${base} min`
      : countedMinutes === minimum
        ? `equal to the ${formatMinutes(minimum)} minimum → ${base} min`
        : `above the ${formatMinutes(minimum)} minimum → ${base} min`;

  // The highest multiplier that applies, never a product of two: a holiday Sunday is ×2, not ×3.
  const holiday = callOut.isHoliday ? policy.holidayMultiplierPercent : 100;
  const weekend = callOut.isWeekend ? policy.weekendMultiplierPercent : 100;
  const percent = Math.max(100, holiday, weekend);
  const label = percent === holiday ? "public holiday" : "weekend";

  // Integer arithmetic: base × percent is exact, so ceil(…/100) never suffers float drift.
  const minutes = Math.ceil((base * percent) / 100);
  let rule = `${workedText}; ${baseText}`;
  if (percent !== 100) {
    const exact = (base * percent) / 100;
    rule += ` × ${percent / 100} ${label} = ${exact} min`;
    if (exact !== minutes) rule += ` → ${minutes} min (rounded up to a whole minute)`;
  }

  return {
    minutes,
    workedMinutes,
    multiplierPercent: percent,
    rule,
    expiresAt: new Date(callOut.start.getTime() + policy.expiryDays * MILLISECONDS_PER_DAY),
  };
}

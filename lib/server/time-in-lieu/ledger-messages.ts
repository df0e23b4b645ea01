import { hoursOf } from "@/lib/metrics/time-in-lieu-claims";

/**
 * The sentences the ledger workflow shows people: notifications and refusals. Pure, so each
 * reads the same wherever it is written.
 */

/** 480 → "8 h", 390 → "6.5 h", 380 → "6.33 h" (unsigned). */
export function hoursText(minutes: number): string {
  return `${hoursOf(Math.abs(minutes))} h`;
}

/** To the claimant's managers. */
export function claimSubmittedMessage(personName: string, minutes: number, date: string): string {
  return `${personName} claimed ${hoursText(minutes)} for ${date}`;
}

/** To the claimant. */
export function claimDecidedMessage(
  decision: "approved" | "rejected",
  claim: { minutes: number; date: string },
  deciderName: string,
  comment: string | null,
): string {
  const base = `Your claim of ${hoursText(claim.minutes)} for ${claim.date} was ${decision} by ${deciderName}`;
  return comment ? `${base}: ${comment}` : base;
}

/** To the person whose ledger a manager adjusted. */
export function adjustmentMessage(
  managerName: string,
  adjustment: { minutes: number; date: string },
  reason: string,
): string {
  const change =
    adjustment.minutes > 0
      ? `added ${hoursText(adjustment.minutes)} to`
      : `removed ${hoursText(adjustment.minutes)} from`;
  return `${managerName} ${change} your time in lieu on ${adjustment.date}: ${reason}`;
}

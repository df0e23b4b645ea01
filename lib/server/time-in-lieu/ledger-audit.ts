/**
 * What the audit trail keeps of a ledger line before and after a change (AuditEvent.before and
 * after): enough to read the change without the row, which may change again later.
 */
import { hoursOf } from "@/lib/metrics/time-in-lieu-claims";

/** A claim's row as the audit trail keeps it, before and after a change. */
export function claimSnapshot(claim: {
  id: number;
  minutes: number;
  date: string;
  note: string | null;
  status: string | null;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  decisionNote?: string | null;
}) {
  return {
    id: claim.id,
    kind: "claim",
    minutes: claim.minutes,
    hours: hoursOf(claim.minutes),
    date: claim.date,
    note: claim.note,
    status: claim.status,
    decidedBy: claim.decidedBy ?? null,
    decidedAt: claim.decidedAt ?? null,
    decisionNote: claim.decisionNote ?? null,
  };
}

/** An adjustment as the audit trail keeps it. */
export function adjustmentSnapshot(adjustment: {
  id: number;
  minutes: number;
  date: string;
  reason: string;
}) {
  return {
    id: adjustment.id,
    kind: "adjustment",
    minutes: adjustment.minutes,
    hours: hoursOf(adjustment.minutes),
    date: adjustment.date,
    reason: adjustment.reason,
  };
}

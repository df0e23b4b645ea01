import type { ClaimStatus } from "@/lib/shared/time-in-lieu-api";
import type { LedgerDatabase } from "./ledger-person";

export interface StoredClaim {
  id: number;
  personId: number;
  minutes: number;
  occurredAt: Date;
  status: ClaimStatus;
  note: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

/** The claim with this id, or null (also when the id is another kind of ledger line). */
export async function getClaim(db: LedgerDatabase, claimId: number): Promise<StoredClaim | null> {
  const claim = await db.timeInLieuEntry.findFirst({
    where: { id: claimId, kind: "claim" },
    select: {
      id: true,
      personId: true,
      minutes: true,
      occurredAt: true,
      status: true,
      note: true,
      decidedBy: true,
      decidedAt: true,
      decisionNote: true,
    },
  });
  if (!claim) return null;
  return { ...claim, status: claim.status ?? "pending" };
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { claimsQueryOptions, type LedgerPermissions } from "@/lib/client/time-in-lieu";
import { AdjustmentForm } from "./adjustment-form";
import { ClaimForm } from "./claim-form";
import { ClaimsTable } from "./claims-table";
import { LedgerHistory } from "./ledger-history";

/**
 * Under a ledger: its claims (with decisions for a manager), the claim form for its owner, the
 * adjustment form for their manager, and the audit trail.
 */
export function LedgerActions({
  personKey,
  person,
  can,
  availableHours,
  pendingHours,
  timeZone,
}: {
  personKey: string;
  person: { id: number; name: string };
  can: LedgerPermissions;
  availableHours: number;
  pendingHours: number;
  timeZone: string;
}) {
  const claims = useQuery({ ...claimsQueryOptions("all"), enabled: can.claim || can.decide });
  const theirs = (claims.data?.claims ?? []).filter((claim) => claim.person.id === person.id);
  return (
    <div className="ledger-actions">
      {can.claim ? (
        <ClaimForm
          personKey={personKey}
          availableHours={availableHours}
          pendingHours={pendingHours}
          timeZone={timeZone}
        />
      ) : null}
      {can.adjust ? (
        <AdjustmentForm personKey={personKey} personName={person.name} timeZone={timeZone} />
      ) : null}
      {theirs.length > 0 ? (
        <ClaimsTable
          claims={theirs}
          caption={can.claim ? "Your claims, newest first" : `${person.name}'s claims`}
          timeZone={timeZone}
          decide={can.decide}
          showPerson={false}
        />
      ) : null}
      {claims.isError ? (
        <p className="error" role="alert">
          Could not load the claims: {claims.error.message}
        </p>
      ) : null}
      <LedgerHistory personKey={personKey} timeZone={timeZone} />
    </div>
  );
}

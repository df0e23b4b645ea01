"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatTimeInLieuHours } from "@/lib/client/format";
import { submitClaim } from "@/lib/client/time-in-lieu";
import { FormOutcome } from "../form-outcome";
import { todayIn } from "./today";
import { useLedgerRefresh } from "./use-ledger-refresh";

/**
 * An engineer claims time off from their own ledger: hours, the day and a note. The form keeps
 * one request id until the claim is accepted, so a double click or a retry cannot claim twice.
 */
export function ClaimForm({
  personKey,
  availableHours,
  pendingHours,
  timeZone,
}: {
  personKey: string;
  availableHours: number;
  pendingHours: number;
  timeZone: string;
}) {
  const refresh = useLedgerRefresh();
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<string | null>(null);
  const claim = useMutation({
    mutationFn: (form: { hours: number; date: string; note: string }) =>
      submitClaim(personKey, { ...form, note: form.note || undefined, requestId }),
    onSuccess: async (response, form) => {
      setRequestId(crypto.randomUUID());
      setDone(
        `Claimed ${formatTimeInLieuHours(response.claim.hours)} for ${form.date}: waiting for your manager.`,
      );
      await refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const form = new FormData(event.currentTarget);
    claim.mutate({
      hours: Number(form.get("hours")),
      date: String(form.get("date")),
      note: String(form.get("note") ?? "").trim(),
    });
  };
  return (
    <form className="ledger-form" onSubmit={submit} aria-labelledby="claim-form-heading">
      <h3 id="claim-form-heading">Claim time off</h3>
      <p className="hint" data-testid="claim-available">
        You can claim up to {formatTimeInLieuHours(availableHours)} now
        {pendingHours > 0
          ? ` (${formatTimeInLieuHours(pendingHours)} already waiting for a decision)`
          : ""}
        .
      </p>
      <div className="ledger-form-fields">
        <label>
          Hours
          <input
            name="hours"
            type="number"
            min="0.25"
            max="24"
            step="0.25"
            required
            inputMode="decimal"
          />
        </label>
        <label>
          Day off
          <input name="date" type="date" defaultValue={todayIn(timeZone)} required />
        </label>
        <label className="ledger-form-note">
          Note (optional)
          <input name="note" maxLength={500} />
        </label>
      </div>
      <button type="submit" disabled={claim.isPending}>
        {claim.isPending ? "Claiming…" : "Claim"}
      </button>
      <FormOutcome error={claim.error} done={done} />
    </form>
  );
}

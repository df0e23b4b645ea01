"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatTimeInLieuHours } from "@/lib/client/format";
import { addAdjustment } from "@/lib/client/time-in-lieu";
import { FormOutcome } from "../form-outcome";
import { todayIn } from "./today";
import { useLedgerRefresh } from "./use-ledger-refresh";

/** A manager adds or removes hours on a team member's ledger, with a reason both of them see. */
export function AdjustmentForm({
  personKey,
  personName,
  timeZone,
}: {
  personKey: string;
  personName: string;
  timeZone: string;
}) {
  const refresh = useLedgerRefresh();
  const [done, setDone] = useState<string | null>(null);
  const adjust = useMutation({
    mutationFn: (form: { hours: number; date: string; reason: string }) =>
      addAdjustment(personKey, form),
    onSuccess: async (response, _form) => {
      const hours = response.adjustment.hours;
      setDone(
        `${hours > 0 ? "Added" : "Removed"} ${formatTimeInLieuHours(Math.abs(hours))} for ${personName}.`,
      );
      await refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const form = new FormData(event.currentTarget);
    adjust.mutate({
      hours: Number(form.get("hours")),
      date: String(form.get("date")),
      reason: String(form.get("reason") ?? "").trim(),
    });
  };
  return (
    <form className="ledger-form" onSubmit={submit} aria-labelledby="adjustment-form-heading">
      <h3 id="adjustment-form-heading">Adjust {personName}'s balance</h3>
      <p className="hint">
        As their manager: a positive number adds hours, a negative one removes them.
      </p>
      <div className="ledger-form-fields">
        <label>
          Hours (±)
          <input
            name="hours"
            type="number"
            min="-100"
            max="100"
            step="0.25"
            required
            inputMode="decimal"
          />
        </label>
        <label>
          Date
          <input name="date" type="date" defaultValue={todayIn(timeZone)} required />
        </label>
        <label className="ledger-form-note">
          Reason
          <input name="reason" minLength={3} maxLength={500} required />
        </label>
      </div>
      <button type="submit" disabled={adjust.isPending}>
        {adjust.isPending ? "Saving…" : "Adjust"}
      </button>
      <FormOutcome error={adjust.error} done={done} />
    </form>
  );
}

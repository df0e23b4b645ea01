"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "@/lib/client/format";
import { ledgerHistoryQueryOptions } from "@/lib/client/time-in-lieu";

const ACTIONS: Record<string, string> = {
  "claim.submitted": "Claim submitted",
  "claim.approved": "Claim approved",
  "claim.rejected": "Claim rejected",
  "adjustment.added": "Adjustment added",
};

/** A short "field: before → after" of what a change did, from its audit record. */
function describeChange(before: unknown, after: unknown): string {
  const asRecord = (value: unknown) =>
    value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const was = asRecord(before);
  const now = asRecord(after);
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter(
    (key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]),
  );
  return keys
    .map((key) =>
      key in was
        ? `${key}: ${String(was[key])} → ${String(now[key])}`
        : `${key}: ${String(now[key])}`,
    )
    .join("; ");
}

/** Every change to this ledger: who, when, and what it was before and after. Loaded when opened. */
export function LedgerHistory({ personKey, timeZone }: { personKey: string; timeZone: string }) {
  const [open, setOpen] = useState(false);
  const history = useQuery({ ...ledgerHistoryQueryOptions(personKey), enabled: open });
  return (
    <details className="ledger-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>History of changes (audit trail)</summary>
      {history.isPending ? (
        <p role="status">{open ? "Loading…" : null}</p>
      ) : history.isError ? (
        <p className="error" role="alert">
          Could not load the history: {history.error.message}
        </p>
      ) : history.data.events.length === 0 ? (
        <p className="empty">No claims, decisions or adjustments yet.</p>
      ) : (
        <ol className="ledger-history-list">
          {history.data.events.map((event) => (
            <li key={event.id}>
              <strong>{ACTIONS[event.action] ?? event.action}</strong> by {event.actor},{" "}
              {formatDateTime(event.at, timeZone)}
              <span className="hint"> {describeChange(event.before, event.after)}</span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { claimsQueryOptions, timeInLieuExportUrl } from "@/lib/client/time-in-lieu";
import { ClaimsTable } from "../../_components/time-in-lieu/claims-table";

const RECENT_DECISIONS = 20;

/** The first day of this month and of last month, for the export's default period. */
function lastMonth(timeZone: string): { from: string; to: string } {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(
    new Date(),
  );
  const [year, month] = today.split("-").map(Number) as [number, number];
  const pad = (value: number) => String(value).padStart(2, "0");
  const to = `${year}-${pad(month)}-01`;
  const from = month === 1 ? `${year - 1}-12-01` : `${year}-${pad(month - 1)}-01`;
  return { from, to };
}

export function ApprovalsScreen({ teams, timeZone }: { teams: string[]; timeZone: string }) {
  const pending = useQuery(claimsQueryOptions("pending"));
  const all = useQuery(claimsQueryOptions("all"));
  const decided = (all.data?.claims ?? [])
    .filter((claim) => claim.status !== "pending")
    .sort((a, b) => (b.decidedAt ?? "").localeCompare(a.decidedAt ?? ""))
    .slice(0, RECENT_DECISIONS);
  const [period, setPeriod] = useState(() => ({ ...lastMonth(timeZone), team: teams[0] ?? "" }));
  return (
    <>
      <section className="panel" aria-labelledby="pending-heading">
        <h2 id="pending-heading">Waiting for you</h2>
        {pending.isPending ? (
          <div className="skeleton" style={{ height: 120 }} role="status">
            <span className="visually-hidden">Loading claims…</span>
          </div>
        ) : pending.isError ? (
          <p className="error" role="alert">
            Could not load the claims: {pending.error.message}{" "}
            <button type="button" onClick={() => pending.refetch()}>
              Try again
            </button>
          </p>
        ) : pending.data.claims.length === 0 ? (
          <p className="empty">No claims are waiting for a decision.</p>
        ) : (
          <ClaimsTable
            claims={pending.data.claims}
            caption={`${pending.data.claims.length} pending, oldest first`}
            timeZone={timeZone}
            decide
            showPerson
          />
        )}
      </section>
      {decided.length > 0 ? (
        <section className="panel" aria-labelledby="decided-heading">
          <h2 id="decided-heading">Recently decided</h2>
          <ClaimsTable
            claims={decided}
            caption={`The latest ${decided.length} decisions`}
            timeZone={timeZone}
            decide={false}
            showPerson
          />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="export-heading">
        <h2 id="export-heading">Payroll export</h2>
        <p className="hint">
          One row per person: owed at the start, accrued, adjusted, approved claims, expired and
          owed at the end of the period (to 0.01 h), plus claims still pending. Dates are read in{" "}
          {timeZone}; the end date is exclusive.
        </p>
        <div className="export-fields">
          <label>
            From
            <input
              type="date"
              value={period.from}
              onChange={(event) => setPeriod({ ...period, from: event.target.value })}
            />
          </label>
          <label>
            To (exclusive)
            <input
              type="date"
              value={period.to}
              onChange={(event) => setPeriod({ ...period, to: event.target.value })}
            />
          </label>
          <label>
            Team
            <select
              value={period.team}
              onChange={(event) => setPeriod({ ...period, team: event.target.value })}
            >
              {teams.map((team) => (
                <option key={team} value={team}>
                  {team}
                </option>
              ))}
            </select>
          </label>
          <a
            className="button-link"
            href={timeInLieuExportUrl({ ...period, tz: timeZone })}
            download
          >
            Download CSV
          </a>
        </div>
      </section>
    </>
  );
}

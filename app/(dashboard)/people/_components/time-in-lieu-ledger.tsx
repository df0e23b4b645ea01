"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate, formatDateTime, formatTimeInLieuHours, NO_VALUE } from "@/lib/client/format";
import { type PersonActivity, personTimeInLieuQueryOptions } from "@/lib/client/people";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";
import { Definition } from "../../_components/definition";
import { LedgerActions } from "../../_components/time-in-lieu/ledger-actions";

const KIND_NAMES = {
  accrual: "Accrual",
  adjustment: "Adjustment",
  claim: "Claim",
  expiry: "Expiry",
} as const;

const hoursOf = (minutes: number) => minutes / 60;
const LATEST_LINES = 25;

/** The line's hours with the sign it has on the balance (claims only once approved). */
function signedHours(kind: keyof typeof KIND_NAMES, minutes: number): string {
  if (kind === "adjustment")
    return `${minutes < 0 ? "−" : "+"}${formatTimeInLieuHours(hoursOf(Math.abs(minutes)))}`;
  return `${kind === "accrual" ? "+" : "−"}${formatTimeInLieuHours(hoursOf(minutes))}`;
}

/**
 * Their time-in-lieu ledger as of the range's end, as the report states it: the balance and every
 * line with the rule that produced it and the running balance.
 */
export function TimeInLieuLedger({
  personKey,
  filters,
  person,
}: {
  personKey: string;
  filters: DashboardFilters;
  person: PersonActivity["person"] | undefined;
}) {
  const ledger = useQuery(
    personTimeInLieuQueryOptions(personKey, { asOf: filters.to, tz: filters.tz }),
  );
  const [isShowingAll, setShowingAll] = useState(false);
  const data = ledger.data;
  const balance = data?.balance;
  const lines = data?.lines ?? [];
  // Years of history make a long ledger: the latest lines first, the rest one click away.
  const shownLines = isShowingAll ? lines : lines.slice(-LATEST_LINES);
  const tiles: [id: string, label: string, minutes: number | undefined][] = [
    ["accrued", "Accrued to date", balance?.accruedMinutes],
    ["adjusted", "Adjusted to date", balance?.adjustedMinutes],
    ["claimed", "Claimed (approved)", balance?.claimedMinutes],
    ["pending", "Pending claims", balance?.pendingClaimMinutes],
    ["expired", "Expired to date", balance?.expiredMinutes],
  ];
  return (
    <section id="ledger" aria-labelledby="person-ledger" className="person-section">
      <h2 id="person-ledger">
        Time in lieu <Definition metric="toilOwed" />
      </h2>
      <p className="hint">
        The ledger as of {formatDate(`${filters.to}T00:00:00Z`, "UTC")} 00:00 ({filters.tz}), the
        end of the range. Claims count on their day off once approved; pending claims are shown but
        not deducted.
      </p>
      {ledger.isPending ? (
        <div className="skeleton" style={{ height: 200 }} role="status">
          <span className="visually-hidden">Loading the time-in-lieu ledger…</span>
        </div>
      ) : ledger.isError ? (
        <div className="panel" role="alert">
          <p className="error">Could not load the ledger: {ledger.error.message}</p>
          <button type="button" onClick={() => ledger.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <>
          <dl className="tiles ledger-tiles" aria-label="Balance">
            <div className="tile tile-owed">
              <dt>Owed</dt>
              <dd data-testid="ledger-owed">
                {balance ? formatTimeInLieuHours(hoursOf(balance.owedMinutes)) : NO_VALUE}
              </dd>
            </div>
            {tiles.map(([id, label, minutes]) => (
              <div className="tile" key={id}>
                <dt>{label}</dt>
                <dd data-testid={`ledger-${id}`}>
                  {minutes === undefined ? NO_VALUE : formatTimeInLieuHours(hoursOf(minutes))}
                </dd>
              </div>
            ))}
          </dl>
          {data ? (
            <LedgerActions
              personKey={personKey}
              person={data.person}
              can={data.can}
              availableHours={data.balance.availableHours}
              pendingHours={data.balance.pendingClaimHours}
              timeZone={person?.timeZone ?? filters.tz}
            />
          ) : null}
          {lines.length > 0 ? (
            <>
              <div className="table-scroll">
                <table className="ledger-table stack-on-phone">
                  <caption>
                    {shownLines.length < lines.length
                      ? `The latest ${shownLines.length} of ${lines.length} ledger lines`
                      : "Ledger lines"}
                    {person ? ` of ${person.name}` : ""}, oldest first (dates in {filters.tz})
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Kind</th>
                      <th scope="col" className="number">
                        Hours
                      </th>
                      <th scope="col" className="number">
                        Balance
                      </th>
                      <th scope="col">Rule or reason</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shownLines.map((line, index) => (
                      <tr
                        // Replayed expiries have no id; their position in the ledger is stable.
                        key={line.id ?? `expiry-${lines.length - shownLines.length + index}`}
                        className={`ledger-${line.kind}`}
                      >
                        <th scope="row">{formatDateTime(line.occurredAt, filters.tz)}</th>
                        <td data-label="Kind">{KIND_NAMES[line.kind]}</td>
                        <td className="number" data-label="Hours">
                          {line.kind === "claim" && line.status !== "approved" ? (
                            <span className="hint">
                              ({formatTimeInLieuHours(hoursOf(line.minutes))}, not deducted)
                            </span>
                          ) : (
                            signedHours(line.kind, line.minutes)
                          )}
                        </td>
                        <td className="number" data-label="Balance">
                          {formatTimeInLieuHours(hoursOf(line.balanceMinutes))}
                        </td>
                        <td className="ledger-rule" data-label="Rule">
                          {line.rule ?? (line.note ? null : NO_VALUE)}
                          {line.note ? (
                            <span className="hint">
                              {line.rule ? " — " : ""}
                              {line.note}
                            </span>
                          ) : null}
                        </td>
                        <td data-label="Status">
                          {line.status ? (
                            <span
                              className={`badge badge-${line.status === "approved" ? "applied" : line.status}`}
                            >
                              {line.status}
                            </span>
                          ) : (
                            NO_VALUE
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {shownLines.length < lines.length ? (
                <div className="pager">
                  <button type="button" onClick={() => setShowingAll(true)}>
                    Show all {lines.length} lines
                  </button>
                </div>
              ) : null}
            </>
          ) : (
            <p className="empty">No time in lieu accrued, adjusted or claimed by this date.</p>
          )}
        </>
      )}
    </section>
  );
}

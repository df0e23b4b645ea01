"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { formatDateTime, formatTimeInLieuHours, NO_VALUE } from "@/lib/client/format";
import { type ClaimView, decideClaim } from "@/lib/client/time-in-lieu";
import { useLedgerRefresh } from "./use-ledger-refresh";

const STATUS_BADGE = {
  pending: "badge-pending",
  approved: "badge-applied",
  rejected: "badge-rejected",
};

/** Approve or reject one pending claim; a rejection says why (the engineer sees the comment). */
function ClaimDecision({ claim }: { claim: ClaimView }) {
  const refresh = useLedgerRefresh();
  const id = useId();
  const [comment, setComment] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "approve" | "reject") =>
      decideClaim(claim.id, { decision, comment: comment.trim() || undefined }),
    onSuccess: refresh,
  });
  const fits = claim.hours <= claim.availableHours;
  return (
    <div className="claim-decision">
      <label htmlFor={`${id}-comment`} className="visually-hidden">
        Comment on {claim.person.name}'s claim of {formatTimeInLieuHours(claim.hours)}
      </label>
      <input
        id={`${id}-comment`}
        placeholder="Comment (needed to reject)"
        value={comment}
        maxLength={500}
        onChange={(event) => setComment(event.target.value)}
      />
      <button type="button" onClick={() => decide.mutate("approve")} disabled={decide.isPending}>
        Approve
      </button>
      <button type="button" onClick={() => decide.mutate("reject")} disabled={decide.isPending}>
        Reject
      </button>
      {fits ? null : (
        <p className="hint">
          Only {formatTimeInLieuHours(claim.availableHours)} is owed on that day: approving will be
          refused.
        </p>
      )}
      {decide.isError ? (
        <p className="error" role="alert">
          {decide.error.message}
        </p>
      ) : null}
    </div>
  );
}

/** Claims with their state and, for a manager, the decision on each pending one. */
export function ClaimsTable({
  claims,
  caption,
  timeZone,
  decide,
  showPerson,
}: {
  claims: ClaimView[];
  caption: string;
  timeZone: string;
  decide: boolean;
  showPerson: boolean;
}) {
  return (
    <div className="table-scroll">
      <table className="claims-table stack-on-phone">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showPerson ? <th scope="col">Person</th> : null}
            <th scope="col">Day off</th>
            <th scope="col" className="number">
              Hours
            </th>
            <th scope="col">Note</th>
            <th scope="col">Status</th>
            <th scope="col">{decide ? "Decision" : "Decided"}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.id} data-testid="claim-row">
              {showPerson ? (
                <th scope="row">
                  <Link href={`/people/${claim.person.id}#ledger`}>{claim.person.name}</Link>
                  <span className="hint"> {claim.teams.join(", ")}</span>
                </th>
              ) : null}
              <td data-label="Day off">{claim.date}</td>
              <td className="number" data-label="Hours">
                {formatTimeInLieuHours(claim.hours)}
              </td>
              <td data-label="Note">{claim.note ?? NO_VALUE}</td>
              <td data-label="Status">
                <span className={`badge ${STATUS_BADGE[claim.status]}`}>{claim.status}</span>
              </td>
              <td data-label={decide ? "Decision" : "Decided"}>
                {claim.status === "pending" ? (
                  decide ? (
                    <ClaimDecision claim={claim} />
                  ) : (
                    <span className="hint">Waiting for a manager</span>
                  )
                ) : (
                  <>
                    {claim.decidedBy ?? NO_VALUE}
                    {claim.decidedAt ? `, ${formatDateTime(claim.decidedAt, timeZone)}` : ""}
                    {claim.decisionNote ? (
                      <span className="hint"> — {claim.decisionNote}</span>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

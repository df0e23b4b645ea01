"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  type ImportRunRow,
  importRunQueryOptions,
  importRunsQueryOptions,
} from "@/lib/client/imports";

const numberFormat = new Intl.NumberFormat("en");
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

function duration(run: ImportRunRow): string {
  if (run.durationMs === null) return run.status === "running" ? "running…" : "";
  return `${(run.durationMs / 1000).toFixed(1)} s`;
}

/** Every import run (files and syncs), newest first, with counts; a run opens its rejected rows. */
export function ImportRuns({ highlightBatchId }: { highlightBatchId: string | null }) {
  const runs = useQuery(importRunsQueryOptions());
  const [openRunId, setOpenRunId] = useState<number | null>(null);
  if (runs.isPending) return <p aria-busy="true">Loading import runs…</p>;
  if (runs.isError)
    return (
      <p role="alert" className="error">
        Import runs could not be loaded: {runs.error.message}
      </p>
    );
  if (runs.data.runs.length === 0) {
    return (
      <p className="empty">
        No imports yet. Upload files above or run <code>npx fairshift import</code>.
      </p>
    );
  }
  return (
    <>
      <table aria-label="Import runs">
        <thead>
          <tr>
            <th>Started</th>
            <th>File or source</th>
            <th>Format</th>
            <th>Status</th>
            <th className="number">Inserted</th>
            <th className="number">Updated</th>
            <th className="number">Unchanged</th>
            <th className="number">Rejected</th>
            <th className="number">Took</th>
          </tr>
        </thead>
        <tbody>
          {runs.data.runs.map((run) => (
            <tr
              key={run.id}
              className={run.batchId === highlightBatchId ? "highlight" : undefined}
              data-testid={`import-run-${run.id}`}
            >
              <td>{timeFormat.format(new Date(run.startedAt))}</td>
              <td>
                <button type="button" className="link" onClick={() => setOpenRunId(run.id)}>
                  {run.fileName ?? run.source}
                </button>
                {run.errorMessage && <div className="error">{run.errorMessage}</div>}
              </td>
              <td>{run.format ?? "—"}</td>
              <td>
                {run.status === "running"
                  ? `running (${numberFormat.format(run.rowsRead)} rows read)`
                  : run.status.replace("_", " ")}
              </td>
              <td className="number">{numberFormat.format(run.inserted)}</td>
              <td className="number">{numberFormat.format(run.updated)}</td>
              <td className="number">{numberFormat.format(run.unchanged)}</td>
              <td className="number">{numberFormat.format(run.rejected)}</td>
              <td className="number">{duration(run)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {openRunId !== null && <RejectedRows runId={openRunId} onClose={() => setOpenRunId(null)} />}
    </>
  );
}

function RejectedRows({ runId, onClose }: { runId: number; onClose: () => void }) {
  const [offset, setOffset] = useState(0);
  const detail = useQuery(importRunQueryOptions(runId, offset));
  return (
    <section className="panel" aria-labelledby="rejected-heading">
      <h3 id="rejected-heading">
        Run {runId}: rejected rows{" "}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </h3>
      {detail.isPending && <p aria-busy="true">Loading…</p>}
      {detail.isError && (
        <p role="alert" className="error">
          {detail.error.message}
        </p>
      )}
      {detail.data && (
        <>
          <p>
            {detail.data.run.fileName}: {numberFormat.format(detail.data.rejectedTotal)} rejected.{" "}
            {Object.entries(
              detail.data.run.countsByKind as Record<
                string,
                { inserted: number; updated: number; unchanged: number }
              >,
            )
              .map(
                ([kind, counts]) =>
                  `${kind.replace("_", " ")}: ${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged`,
              )
              .join("; ")}
          </p>
          {detail.data.rejectedRows.length > 0 && (
            <table aria-label="Rejected rows">
              <thead>
                <tr>
                  <th className="number">Line</th>
                  <th>Reason</th>
                  <th>Row as read</th>
                </tr>
              </thead>
              <tbody>
                {detail.data.rejectedRows.map((row) => (
                  <tr key={row.id}>
                    <td className="number">{row.lineNumber ?? "—"}</td>
                    <td>{row.reason}</td>
                    <td>
                      <code className="raw-row">{row.rawRow.slice(0, 300)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="pager">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - 100))}
            >
              Previous
            </button>
            <button
              type="button"
              disabled={offset + 100 >= detail.data.rejectedTotal}
              onClick={() => setOffset(offset + 100)}
            >
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}

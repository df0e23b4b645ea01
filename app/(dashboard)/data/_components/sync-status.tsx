"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatCount, formatDateTime, NO_VALUE } from "@/lib/client/format";
import { metricSettingsQueryOptions } from "@/lib/client/settings";
import {
  isSyncBusy,
  type SyncStatusResponse,
  startSync,
  syncStatusQueryOptions,
} from "@/lib/client/sync";

type CheckpointRow = SyncStatusResponse["checkpoints"][number];
type RunRow = SyncStatusResponse["runs"][number];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** "incident 10 new, 2 updated, 1 unchanged" per record kind, from a run's counts_by_kind. */
function describeCounts(countsByKind: unknown): string[] {
  if (!isRecord(countsByKind)) return [];
  return Object.entries(countsByKind).flatMap(([kind, counts]) => {
    if (!isRecord(counts)) return [];
    const count = (key: string) => (typeof counts[key] === "number" ? (counts[key] as number) : 0);
    return [
      `${kind.replaceAll("_", " ")}: ${formatCount(count("inserted"))} new, ${formatCount(count("updated"))} updated, ${formatCount(count("unchanged"))} unchanged`,
    ];
  });
}

function describeCursor(cursor: CheckpointRow["cursor"], zone: string): string {
  if (cursor.kind === "complete")
    return `listed in full ${formatDateTime(cursor.completedAt, zone)}`;
  if (cursor.kind === "unknown") return "cursor of another version (the next sync starts over)";
  let text = `history from ${formatDateTime(cursor.since, zone)}, complete up to ${formatDateTime(cursor.committedUntil, zone)}`;
  if (cursor.partial) {
    text += `; resumes the window to ${formatDateTime(cursor.partial.until, zone)} after ${formatCount(cursor.partial.offset)} objects`;
  }
  return text;
}

function statusText(run: RunRow, status: SyncStatusResponse): string {
  if (run.status !== "running") return run.status.replace("_", " ");
  if (status.running?.runId === run.id && status.running.isStale) return "stopped? (no progress)";
  return `running (${formatCount(run.rowsRead)} read)`;
}

/**
 * The PagerDuty REST sync: whether a token is configured (never the token), the command, a
 * "Sync now" that runs the same sync on the server, the latest runs, the checkpoints the next run
 * resumes from, and how fresh the incident data is. Polls while a sync runs.
 */
export function SyncStatus() {
  const queryClient = useQueryClient();
  const status = useQuery(syncStatusQueryOptions());
  const settings = useQuery(metricSettingsQueryOptions());
  const start = useMutation({
    mutationFn: startSync,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["sync"] }),
  });
  const zone = settings.data?.settings.accountTimeZone ?? "UTC";

  if (status.isPending) return <p aria-busy="true">Loading sync status…</p>;
  if (status.isError) {
    return (
      <p role="alert" className="error">
        Sync status could not be loaded: {status.error.message}{" "}
        <button type="button" onClick={() => status.refetch()}>
          Retry
        </button>
      </p>
    );
  }
  const data = status.data;
  const isBusy = isSyncBusy(data);
  const running = data.running;

  return (
    <div className="panel sync-status">
      <div className="sync-summary">
        <dl className="sync-facts">
          <div>
            <dt>PagerDuty token</dt>
            <dd>
              {data.isTokenConfigured ? (
                <span className="badge badge-applied">configured</span>
              ) : (
                <span className="badge badge-pending">no token configured</span>
              )}
            </dd>
          </div>
          <div>
            <dt>API</dt>
            <dd>
              <code>{data.apiUrl}</code>
            </dd>
          </div>
          <div>
            <dt>Incidents</dt>
            <dd>{formatCount(data.freshness.incidents)}</dd>
          </div>
          <div>
            <dt>Newest incident created</dt>
            <dd>{formatDateTime(data.freshness.newestIncidentCreatedAt, zone)}</dd>
          </div>
          <div>
            <dt>Last incident change stored</dt>
            <dd>{formatDateTime(data.freshness.newestIncidentUpdatedAt, zone)}</dd>
          </div>
          <div>
            <dt>Last successful sync</dt>
            <dd>{formatDateTime(data.freshness.lastSyncSucceededAt, zone)}</dd>
          </div>
        </dl>
        <p className="hint">Times in {zone} (the account zone).</p>
      </div>

      <div className="sync-command">
        <p>
          From a shell in the Fairshift checkout, with <code>PAGERDUTY_TOKEN</code> set to a
          read-only REST API key: <code>{data.command}</code> (add <code>--since 2024-01-01</code>{" "}
          to reach further back). Each run resumes from the checkpoints below.
        </p>
        {!data.isTokenConfigured && (
          <p className="hint">
            No token configured on this server: set <code>PAGERDUTY_TOKEN</code> in its environment
            (PagerDuty → Integrations → API Access Keys) and restart it to sync from here.
          </p>
        )}
        <div className="settings-actions">
          <button
            type="button"
            onClick={() => start.mutate()}
            disabled={!data.isTokenConfigured || isBusy || start.isPending}
          >
            {isBusy ? "Syncing…" : start.isPending ? "Starting…" : "Sync now"}
          </button>
        </div>
        {start.isError && (
          <p role="alert" className="error">
            {start.error.message}
          </p>
        )}
        <p aria-live="polite" className="hint">
          {running && !running.isStale
            ? `Sync run ${running.runId} running since ${formatDateTime(running.startedAt, zone)}: ${formatCount(running.rowsRead)} objects read so far.`
            : running?.isStale
              ? `Sync run ${running.runId} shows no progress since ${formatDateTime(running.lastActivityAt, zone)}: its process probably stopped. The next sync marks it failed and resumes from the checkpoints.`
              : data.isWorkingHere
                ? "Deriving pages, detection and time in lieu from the synced data…"
                : ""}
        </p>
      </div>

      <div className="table-scroll">
        <table>
          <caption>Sync runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Started</th>
              <th scope="col">Finished</th>
              <th scope="col">Status</th>
              <th scope="col">Records by kind</th>
              <th scope="col" className="number">
                Rejected
              </th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {data.runs.length === 0 && (
              <tr>
                <td colSpan={7}>No sync has run yet.</td>
              </tr>
            )}
            {data.runs.map((run) => {
              const counts = describeCounts(run.countsByKind);
              return (
                <tr key={run.id}>
                  <th scope="row">{run.id}</th>
                  <td>{formatDateTime(run.startedAt, zone)}</td>
                  <td>{formatDateTime(run.finishedAt, zone)}</td>
                  <td>
                    <span
                      className={`badge badge-${run.status === "succeeded" ? "applied" : run.status === "failed" ? "rejected" : "pending"}`}
                    >
                      {statusText(run, data)}
                    </span>
                  </td>
                  <td>
                    {counts.length === 0
                      ? NO_VALUE
                      : counts.map((line) => (
                          <span key={line} className="sync-count">
                            {line}
                          </span>
                        ))}
                  </td>
                  <td className="number">{formatCount(run.rejected)}</td>
                  <td className="sync-message">{run.errorMessage ?? NO_VALUE}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="table-scroll">
        <table>
          <caption>Checkpoints: where the next sync resumes</caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Position</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {data.checkpoints.length === 0 && (
              <tr>
                <td colSpan={3}>No checkpoints yet: the first sync fetches the whole history.</td>
              </tr>
            )}
            {data.checkpoints.map((row) => (
              <tr key={row.resource}>
                <th scope="row">{row.resource.replaceAll("_", " ")}</th>
                <td>{describeCursor(row.cursor, zone)}</td>
                <td>{formatDateTime(row.updatedAt, zone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import { queryOptions } from "@tanstack/react-query";
import type { SyncStatus } from "@/lib/server/queries/get-sync-status";
import { fetchJson } from "./fetch-json";

export type SyncStatusResponse = SyncStatus & {
  /** A sync started from this server is still working (starting, or deriving after its run). */
  isWorkingHere: boolean;
};

const isBusy = (status: SyncStatusResponse | undefined) =>
  Boolean(status && ((status.running && !status.running.isStale) || status.isWorkingHere));

/** `GET /api/sync`; polled every 2 s while a sync runs. */
export function syncStatusQueryOptions() {
  return queryOptions({
    queryKey: ["sync"],
    queryFn: () => fetchJson<SyncStatusResponse>("/api/sync"),
    refetchInterval: (query) => (isBusy(query.state.data) ? 2_000 : false),
  });
}

export function isSyncBusy(status: SyncStatusResponse | undefined): boolean {
  return isBusy(status);
}

/** `POST /api/sync`: 202 with the run id; 409 while one runs; 422 without PAGERDUTY_TOKEN. */
export function startSync(): Promise<{ runId: number | null }> {
  return fetchJson("/api/sync", { method: "POST" });
}

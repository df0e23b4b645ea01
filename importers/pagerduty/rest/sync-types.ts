import type { PagerDutyClient } from "./pagerduty-client";
import type { PagingLimits } from "./paginate";

export const SYNC_RESOURCES = [
  "users",
  "teams",
  "services",
  "escalation_policies",
  "schedules",
  "incidents",
  "log_entries",
  "oncalls",
] as const;

export type SyncResource = (typeof SYNC_RESOURCES)[number];

/**
 * Where synced objects go. It maps and durably upserts; once `writeObjects` resolves the objects
 * are committed, and only then does the sync move its checkpoint past them. It must be idempotent:
 * after a resume, and in the overlaps an incremental run fetches again, it sees objects twice.
 */
export interface SyncSink {
  writeObjects(resource: SyncResource, objects: unknown[]): Promise<void>;
}

/** One JSON cursor per resource (see sync-cursor.ts for its shape). */
export interface CheckpointStore {
  load(resource: string): Promise<unknown | null>;
  save(resource: string, cursor: unknown): Promise<void>;
}

export interface SyncProgress {
  resource: SyncResource;
  /** Objects of this resource handed to the sink so far in this run. */
  fetched: number;
  /** HTTP requests so far in this run, retries included. */
  requests: number;
}

export interface SyncOptions {
  client: PagerDutyClient;
  checkpoints: CheckpointStore;
  sink: SyncSink;
  since: Date;
  /** Exclusive; clamped to now, since a window that is still filling in cannot be checkpointed. */
  until: Date;
  /** Fetch `/incidents/{id}/custom_fields/values` for each incident (one request per incident). */
  includeCustomFields: boolean;
  onProgress?: (progress: SyncProgress) => void;
  /** Stops the sync between requests; it then rejects with the signal's reason, checkpoints kept. */
  signal?: AbortSignal;
  /** PagerDuty's paging limits; tests lower `maxOffset` to reach the ceiling with little data. */
  paging?: PagingLimits;
  /**
   * Pages committed together at most when they were listed while the sink was still committing
   * earlier ones (1 by default: a commit per page). A database sink, whose commit costs more than
   * a fetch, passes more so it keeps up with the listing instead of holding the sync back.
   */
  pagesPerWrite?: number;
  /** Milliseconds now, for clamping `until`; Date.now by default. */
  clock?: () => number;
}

export interface SyncSummary {
  /** Objects handed to the sink per resource, re-fetched incidents included. */
  objects: Record<SyncResource, number>;
  /** Incidents created before this run's incident window, fetched again because their log changed. */
  refetchedIncidents: number;
  requests: number;
  /** The effective window ends ([since, until) per resource may start later, from a checkpoint). */
  since: Date;
  until: Date;
  /** Parts PagerDuty could not serve (beyond its offset ceiling, deleted incidents), one sentence each. */
  warnings: string[];
}

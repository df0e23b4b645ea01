import type { IncidentStatusValue } from "../records";

/** One applied event of an incident, as the ledger keeps it. */
export interface IncidentEventFact {
  eventId: string;
  occurredAt: Date;
  incidentStatus: IncidentStatusValue | null;
  incidentCreatedAt: Date | null;
  hasIncidentData: boolean;
  isAcknowledgement: boolean;
}

/** The incident as its webhook events tell it, whatever order they arrived in. */
export interface FoldedIncident {
  /** The status of the newest event that states one; null when none does. */
  status: IncidentStatusValue | null;
  /** When that event occurred. */
  statusAt: Date | null;
  /** When the incident last became resolved (null unless `status` is resolved). */
  resolvedAt: Date | null;
  /**
   * The events show the incident going into resolved (an earlier event said otherwise), so
   * `resolvedAt` is exact; otherwise the first event already said resolved (a priority change
   * after a resolve the ledger never saw) and `resolvedAt` is only an upper bound.
   */
  isResolveSeen: boolean;
  firstAcknowledgedAt: Date | null;
  /** `created_at` as the events state it, else the earliest event (an upper bound). */
  createdAt: Date | null;
  isCreatedAtStated: boolean;
  /** The newest event that carries the incident itself: only it may set title, priority, … */
  latestSnapshotEventId: string | null;
}

const STATUS_ORDER: Record<IncidentStatusValue, number> = {
  triggered: 0,
  acknowledged: 1,
  resolved: 2,
};

/**
 * Events in the order they happened. Two at the same millisecond go in lifecycle order
 * (an acknowledgement and a resolve stamped alike leave the incident resolved), then by id.
 */
export function compareEvents(a: IncidentEventFact, b: IncidentEventFact): number {
  return (
    a.occurredAt.getTime() - b.occurredAt.getTime() ||
    (a.incidentStatus === null ? -1 : STATUS_ORDER[a.incidentStatus]) -
      (b.incidentStatus === null ? -1 : STATUS_ORDER[b.incidentStatus]) ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
  );
}

/**
 * Folds an incident's events in `occurred_at` order, so at-least-once delivery in any order
 * gives one answer: an acknowledgement that arrives after the resolve leaves the incident
 * resolved and still sets its first acknowledgement; a reopen clears the resolve.
 */
export function foldIncidentEvents(events: readonly IncidentEventFact[]): FoldedIncident {
  const sorted = [...events].sort(compareEvents);
  const folded: FoldedIncident = {
    status: null,
    statusAt: null,
    resolvedAt: null,
    isResolveSeen: false,
    firstAcknowledgedAt: null,
    createdAt: null,
    isCreatedAtStated: false,
    latestSnapshotEventId: null,
  };
  let earliestStated: Date | null = null;
  for (const event of sorted) {
    if (event.incidentStatus !== null) {
      if (event.incidentStatus === "resolved" && folded.status !== "resolved") {
        folded.resolvedAt = event.occurredAt;
        folded.isResolveSeen = folded.status !== null;
      } else if (event.incidentStatus !== "resolved") {
        folded.resolvedAt = null;
        folded.isResolveSeen = false;
      }
      folded.status = event.incidentStatus;
      folded.statusAt = event.occurredAt;
    }
    if (event.isAcknowledgement && folded.firstAcknowledgedAt === null) {
      folded.firstAcknowledgedAt = event.occurredAt;
    }
    if (event.incidentCreatedAt && (!earliestStated || event.incidentCreatedAt < earliestStated)) {
      earliestStated = event.incidentCreatedAt;
    }
    if (event.hasIncidentData) folded.latestSnapshotEventId = event.eventId;
  }
  folded.isCreatedAtStated = earliestStated !== null;
  folded.createdAt = earliestStated ?? sorted[0]?.occurredAt ?? null;
  return folded;
}

/** The incident's lifecycle fields as stored (from any source). */
export interface StoredIncidentState {
  status: IncidentStatusValue;
  statusChangedAt: Date | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

export interface NextIncidentState {
  status: IncidentStatusValue;
  statusChangedAt: Date | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

const earliest = (a: Date | null, b: Date | null): Date | null =>
  a === null ? b : b === null ? a : a <= b ? a : b;

/**
 * Merges the folded events into what is stored. The events' status wins unless something newer
 * set the stored one (a REST log read after the last event); the first acknowledgement is the
 * earliest any source knows; a stated creation time wins, else the earliest known.
 */
export function nextIncidentState(
  stored: StoredIncidentState | null,
  folded: FoldedIncident,
  fallbackTime: Date,
): NextIncidentState {
  const isFoldedNewer =
    folded.status !== null &&
    folded.statusAt !== null &&
    (stored === null ||
      stored.statusChangedAt === null ||
      folded.statusAt >= stored.statusChangedAt);
  const createdAt = folded.isCreatedAtStated
    ? (folded.createdAt ?? fallbackTime)
    : (earliest(stored?.createdAt ?? null, folded.createdAt) ?? fallbackTime);
  const acknowledgedAt = earliest(stored?.acknowledgedAt ?? null, folded.firstAcknowledgedAt);
  if (isFoldedNewer && folded.status !== null) {
    // A resolve the events did not see happen may be stored with its true, earlier time.
    const resolvedAt =
      folded.status !== "resolved"
        ? null
        : folded.isResolveSeen || stored?.status !== "resolved"
          ? folded.resolvedAt
          : earliest(stored.resolvedAt, folded.resolvedAt);
    return {
      status: folded.status,
      statusChangedAt: folded.statusAt,
      acknowledgedAt,
      resolvedAt,
      createdAt,
    };
  }
  return {
    status: stored?.status ?? "triggered",
    statusChangedAt: stored?.statusChangedAt ?? null,
    acknowledgedAt,
    resolvedAt: stored?.resolvedAt ?? null,
    createdAt,
  };
}

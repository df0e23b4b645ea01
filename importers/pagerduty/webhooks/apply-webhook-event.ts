import { Prisma } from "@/prisma/generated/client/client";
import type { SqlClient } from "../load/sql-client";
import { upsertIncidents } from "../load/upsert-incidents";
import { upsertLogEntries } from "../load/upsert-log-entries";
import type { IncidentStatusValue } from "../records";
import {
  foldIncidentEvents,
  type IncidentEventFact,
  nextIncidentState,
  type StoredIncidentState,
} from "./fold-incident-events";
import type { MappedWebhookEvent } from "./map-webhook-event";

export type ApplicableEvent = Extract<MappedWebhookEvent, { outcome: "apply" }>;

/** What one field of the incident was and became, for the delivery log. */
export interface FieldChange {
  before: string | number | null;
  after: string | number | null;
}

/** What applying an event changed, as the delivery log shows it. */
export interface EventChanges {
  incident: {
    pagerdutyId: string;
    number: number | null;
    title: string;
    fields: Record<string, FieldChange>;
  } | null;
  /** The log entry it recorded: "assign_log_entry: Assigned to Test User by PIG 208". */
  logEntry: string | null;
  notes: string[];
}

export type AppliedEvent =
  | { verdict: "applied"; incidentId: number; changes: EventChanges }
  | { verdict: "duplicate"; firstDeliveryId: number };

/** The incident as the delivery log compares it before and after an event. */
export interface IncidentRow {
  id: number;
  number: number | null;
  title: string;
  status: IncidentStatusValue;
  statusChangedAt: Date | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
  priority: string | null;
  urgency: string;
  service: string | null;
}

export const TRACKED_FIELDS = [
  ["status", "status"],
  ["acknowledgedAt", "acknowledged at"],
  ["resolvedAt", "resolved at"],
  ["createdAt", "created at"],
  ["title", "title"],
  ["priority", "priority"],
  ["urgency", "urgency"],
  ["service", "service"],
  ["number", "number"],
] as const satisfies readonly (readonly [keyof IncidentRow, string])[];

export const shown = (value: IncidentRow[keyof IncidentRow] | undefined) =>
  value instanceof Date ? value.toISOString() : (value ?? null);

/** The incidents' rows as the delivery log compares them, by PagerDuty id. */
export async function readIncidents(
  sql: SqlClient,
  pagerdutyIds: readonly string[],
): Promise<Map<string, IncidentRow>> {
  const rows = await sql.$queryRaw<(IncidentRow & { pagerdutyId: string })[]>(Prisma.sql`
    SELECT i.pagerduty_id AS "pagerdutyId", i.id, i.number, i.title, i.status::text AS status,
      i.status_changed_at AS "statusChangedAt", i.acknowledged_at AS "acknowledgedAt",
      i.resolved_at AS "resolvedAt", i.created_at AS "createdAt", i.priority,
      i.urgency::text AS urgency, s.name AS service
    FROM incidents i LEFT JOIN services s ON s.id = i.service_id
    WHERE i.pagerduty_id = ANY(${[...pagerdutyIds]}::text[])`);
  return new Map(rows.map(({ pagerdutyId, ...row }) => [pagerdutyId, row]));
}

async function readIncident(sql: SqlClient, pagerdutyId: string): Promise<IncidentRow | null> {
  const [row] = await sql.$queryRaw<IncidentRow[]>(Prisma.sql`
    SELECT i.id, i.number, i.title, i.status::text AS status, i.status_changed_at AS "statusChangedAt",
      i.acknowledged_at AS "acknowledgedAt", i.resolved_at AS "resolvedAt", i.created_at AS "createdAt",
      i.priority, i.urgency::text AS urgency, s.name AS service
    FROM incidents i LEFT JOIN services s ON s.id = i.service_id
    WHERE i.pagerduty_id = ${pagerdutyId}`);
  return row ?? null;
}

/**
 * Records the event in the ledger; null when another delivery already applied it (PagerDuty
 * delivers at least once). The same delivery may apply it again: it crashed before it finished.
 */
async function claimEvent(
  sql: SqlClient,
  deliveryId: number,
  { facts }: ApplicableEvent,
): Promise<number | null> {
  const inserted = await sql.$queryRaw<{ deliveryId: number }[]>(Prisma.sql`
    INSERT INTO applied_webhook_events (event_id, delivery_id, event_type, incident_pagerduty_id,
      occurred_at, incident_status, incident_created_at, has_incident_data)
    VALUES (${facts.eventId}, ${deliveryId}, ${facts.eventType}, ${facts.incidentPagerdutyId},
      ${facts.occurredAt}, ${facts.incidentStatus}::incident_status, ${facts.incidentCreatedAt},
      ${facts.hasIncidentData})
    ON CONFLICT (event_id) DO NOTHING
    RETURNING delivery_id AS "deliveryId"`);
  if (inserted.length > 0) return null;
  const [existing] = await sql.$queryRaw<{ deliveryId: number }[]>(Prisma.sql`
    SELECT delivery_id AS "deliveryId" FROM applied_webhook_events WHERE event_id = ${facts.eventId}`);
  return existing && existing.deliveryId !== deliveryId ? existing.deliveryId : null;
}

async function incidentHistory(sql: SqlClient, pagerdutyId: string): Promise<IncidentEventFact[]> {
  return sql.$queryRaw<IncidentEventFact[]>(Prisma.sql`
    SELECT event_id AS "eventId", occurred_at AS "occurredAt", incident_status::text AS "incidentStatus",
      incident_created_at AS "incidentCreatedAt", has_incident_data AS "hasIncidentData",
      event_type = 'incident.acknowledged' AS "isAcknowledgement"
    FROM applied_webhook_events
    WHERE incident_pagerduty_id = ${pagerdutyId} AND occurred_at IS NOT NULL`);
}

/**
 * Applies one webhook event inside the caller's transaction. Events of one incident take turns
 * (an advisory lock), and each apply folds the incident's whole event history in `occurred_at`
 * order, so concurrent, duplicated and reordered deliveries all end in the same incident.
 */
export async function applyWebhookEvent(
  sql: SqlClient,
  deliveryId: number,
  event: ApplicableEvent,
): Promise<AppliedEvent> {
  const { facts } = event;
  await sql.$queryRaw(Prisma.sql`
    SELECT pg_advisory_xact_lock(hashtext(${`webhook-incident:${facts.incidentPagerdutyId}`}))::text`);
  const firstDeliveryId = await claimEvent(sql, deliveryId, event);
  if (firstDeliveryId !== null) return { verdict: "duplicate", firstDeliveryId };

  const before = await readIncident(sql, facts.incidentPagerdutyId);
  const stored: StoredIncidentState | null = before;
  const folded = foldIncidentEvents(await incidentHistory(sql, facts.incidentPagerdutyId));
  const next = nextIncidentState(stored, folded, facts.occurredAt);

  if (event.incident && (before === null || folded.latestSnapshotEventId === facts.eventId)) {
    await upsertIncidents(
      sql,
      [
        {
          ...event.incident,
          status: next.status,
          resolvedAt: next.resolvedAt,
          createdAt: next.createdAt,
          acknowledgedAt: next.acknowledgedAt,
        },
      ],
      null,
    );
  }
  if (event.logEntry) await upsertLogEntries(sql, [event.logEntry], null);
  await sql.$executeRaw(Prisma.sql`
    UPDATE incidents SET status = ${next.status}::incident_status, status_changed_at = ${next.statusChangedAt},
      acknowledged_at = ${next.acknowledgedAt}, resolved_at = ${next.resolvedAt},
      created_at = ${next.createdAt}, updated_at = now()
    WHERE pagerduty_id = ${facts.incidentPagerdutyId}
      AND (status::text, status_changed_at, acknowledged_at, resolved_at, created_at)
        IS DISTINCT FROM (${next.status}, ${next.statusChangedAt}::timestamptz,
          ${next.acknowledgedAt}::timestamptz, ${next.resolvedAt}::timestamptz,
          ${next.createdAt}::timestamptz)`);

  const after = await readIncident(sql, facts.incidentPagerdutyId);
  if (!after) throw new Error(`incident ${facts.incidentPagerdutyId} was not written`);
  const fields: Record<string, FieldChange> = {};
  for (const [key, label] of TRACKED_FIELDS) {
    const was = shown(before?.[key]);
    const is = shown(after[key]);
    if (was !== is) fields[label] = { before: was, after: is };
  }
  return {
    verdict: "applied",
    incidentId: after.id,
    changes: {
      incident: {
        pagerdutyId: facts.incidentPagerdutyId,
        number: after.number,
        title: after.title,
        fields,
      },
      logEntry: event.logEntry ? `${event.logEntry.type}: ${event.logEntry.summary ?? ""}` : null,
      notes: event.notes,
    },
  };
}

import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { WebhookDeliveriesQuery, WebhookVerdict } from "@/lib/shared/webhook-requests";
import { Prisma } from "@/prisma/generated/client/client";

/** One line of the delivery log; the body stays in the database. */
export interface WebhookDeliveryRow {
  id: number;
  receivedAt: string;
  eventType: string | null;
  eventId: string | null;
  incidentPagerdutyId: string | null;
  /** The incident's Fairshift id, number and title when it has been imported; else null. */
  incidentId: number | null;
  incidentNumber: number | null;
  incidentTitle: string | null;
  verdict: WebhookVerdict;
  verdictReason: string | null;
  statusCode: number;
  subscription: string | null;
  byteSize: number;
  replayedFrom: string | null;
  appliedAt: string | null;
  /** `WebhookDeliveryChanges` as the applier wrote it, or null; render defensively. */
  changes: unknown;
}

export interface WebhookDeliveryPage {
  deliveries: WebhookDeliveryRow[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

type DeliveryRecord = Omit<WebhookDeliveryRow, "receivedAt" | "appliedAt"> & {
  receivedAt: Date;
  appliedAt: Date | null;
};

// Incident numbers are int4; longer digit strings can only be PagerDuty ids.
const incidentNumberPattern = /^\d{1,9}$/;

function incidentFilter(incident: string): Prisma.Sql {
  if (!incidentNumberPattern.test(incident))
    return Prisma.sql`d.incident_pagerduty_id = ${incident}`;
  return Prisma.sql`(d.incident_pagerduty_id = ${incident} OR i.number = ${Number(incident)})`;
}

/**
 * The delivery log, newest first: deliveries in the order Fairshift stored them (id), filtered by
 * verdict, event type and incident, a page at a time before the `before` id. A verdict filter is
 * served by the (verdict, received_at) index; ids rise with received_at, so the id order and the
 * `id < before` cursor walk the primary key instead of sorting.
 */
export async function listWebhookDeliveries(
  db: PrismaClient,
  query: WebhookDeliveriesQuery,
): Promise<WebhookDeliveryPage> {
  const conditions: Prisma.Sql[] = [];
  if (query.verdict) conditions.push(Prisma.sql`d.verdict = ${query.verdict}::webhook_verdict`);
  if (query.eventType) conditions.push(Prisma.sql`d.event_type = ${query.eventType}`);
  if (query.incident) conditions.push(incidentFilter(query.incident));
  if (query.before !== undefined) conditions.push(Prisma.sql`d.id < ${query.before}`);
  const where =
    conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  // One row more than the page tells whether an older page exists.
  const records = await db.$queryRaw<DeliveryRecord[]>(Prisma.sql`
    SELECT
      d.id,
      d.received_at AS "receivedAt",
      d.event_type AS "eventType",
      d.event_id AS "eventId",
      d.incident_pagerduty_id AS "incidentPagerdutyId",
      i.id AS "incidentId",
      i.number AS "incidentNumber",
      i.title AS "incidentTitle",
      d.verdict::text AS verdict,
      d.verdict_reason AS "verdictReason",
      d.status_code AS "statusCode",
      d.subscription,
      d.byte_size AS "byteSize",
      d.replayed_from AS "replayedFrom",
      d.applied_at AS "appliedAt",
      d.changes
    FROM webhook_deliveries d
    LEFT JOIN incidents i ON i.pagerduty_id = d.incident_pagerduty_id
    ${where}
    ORDER BY d.id DESC
    LIMIT ${query.limit + 1}`);

  const page = records.slice(0, query.limit);
  const last = page.at(-1);
  return {
    deliveries: page.map((record) => ({
      ...record,
      receivedAt: record.receivedAt.toISOString(),
      appliedAt: record.appliedAt?.toISOString() ?? null,
    })),
    nextBefore: records.length > query.limit && last ? last.id : null,
  };
}

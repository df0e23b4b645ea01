import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma, type WebhookVerdict } from "@/prisma/generated/client/client";
import type { EventSummary } from "./map-webhook-event";

/** A refused body is kept this far, to debug a proxy that altered it, without storing floods. */
const REJECTED_BODY_KEPT_BYTES = 64 * 1024;
const KEPT_HEADERS = [
  "content-type",
  "content-length",
  "user-agent",
  "x-webhook-id",
  "x-webhook-subscription",
  "x-pagerduty-signature",
] as const;

export interface DeliveryToStore {
  headers: { get(name: string): string | null };
  /** null when refused unread (too large). */
  body: Uint8Array | null;
  byteSize: number;
  summary: EventSummary;
  verdict: WebhookVerdict;
  reason: string | null;
  statusCode: number;
  subscription: string | null;
  /** The file a replayed body came from. */
  replayedFrom?: string;
}

function keptHeadersOf(delivery: DeliveryToStore): string {
  return JSON.stringify(
    Object.fromEntries(
      KEPT_HEADERS.flatMap((name) => {
        const value = delivery.headers.get(name);
        return value === null ? [] : [[name, value]];
      }),
    ),
  );
}

function keptBodyOf(delivery: DeliveryToStore): Buffer {
  if (delivery.body === null) return Buffer.alloc(0);
  const kept =
    delivery.verdict === "rejected"
      ? delivery.body.subarray(0, REJECTED_BODY_KEPT_BYTES)
      : delivery.body;
  return Buffer.from(kept.buffer, kept.byteOffset, kept.byteLength);
}

/**
 * Rows of the delivery log, all in one statement (one commit, however many arrive together); a
 * pending one waits there for the applier. Returns their ids in the order given.
 */
export async function storeDeliveries(
  db: PrismaClient,
  deliveries: readonly DeliveryToStore[],
): Promise<number[]> {
  if (deliveries.length === 0) return [];
  const now = new Date();
  // bytea has no array literal the driver adapter can send: each body travels as base64 text.
  const stored = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
    INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, incident_pagerduty_id,
      occurred_at, body, byte_size, headers, subscription, status_code, verdict, verdict_reason,
      applied_at, replayed_from)
    SELECT u.webhook_id, u.event_id, u.event_type, u.incident, u.occurred_at,
      decode(u.body, 'base64'), u.byte_size, u.headers, u.subscription, u.status_code,
      u.verdict::webhook_verdict, u.reason, u.applied_at, u.replayed_from
    FROM unnest(
      ${deliveries.map((delivery) => delivery.headers.get("x-webhook-id"))}::text[],
      ${deliveries.map((delivery) => delivery.summary.eventId)}::text[],
      ${deliveries.map((delivery) => delivery.summary.eventType)}::text[],
      ${deliveries.map((delivery) => delivery.summary.incidentPagerdutyId)}::text[],
      ${deliveries.map((delivery) => delivery.summary.occurredAt?.toISOString() ?? null)}::timestamptz[],
      ${deliveries.map((delivery) => keptBodyOf(delivery).toString("base64"))}::text[],
      ${deliveries.map((delivery) => delivery.byteSize)}::int4[],
      ${deliveries.map(keptHeadersOf)}::jsonb[],
      ${deliveries.map((delivery) => delivery.subscription)}::text[],
      ${deliveries.map((delivery) => delivery.statusCode)}::int4[],
      ${deliveries.map((delivery) => delivery.verdict)}::text[],
      ${deliveries.map((delivery) => delivery.reason)}::text[],
      ${deliveries.map((delivery) => (delivery.verdict === "pending" ? null : now.toISOString()))}::timestamptz[],
      ${deliveries.map((delivery) => delivery.replayedFrom ?? null)}::text[]
    ) WITH ORDINALITY AS u(webhook_id, event_id, event_type, incident, occurred_at, body, byte_size,
      headers, subscription, status_code, verdict, reason, applied_at, replayed_from, position)
    ORDER BY u.position
    RETURNING id`);
  if (stored.length !== deliveries.length) {
    throw new Error(`${deliveries.length} deliveries to store but ${stored.length} stored`);
  }
  // Ids come from the sequence in insertion order, which follows ORDER BY position.
  return stored.map((row) => row.id).sort((a, b) => a - b);
}

/** One row of the delivery log; a pending one waits there for the applier. */
export async function storeDelivery(db: PrismaClient, delivery: DeliveryToStore): Promise<number> {
  const [id] = await storeDeliveries(db, [delivery]);
  if (id === undefined) throw new Error("the delivery was not stored");
  return id;
}

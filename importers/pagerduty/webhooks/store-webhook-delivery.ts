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

/** One row of the delivery log; a pending one waits there for the applier. */
export async function storeDelivery(db: PrismaClient, delivery: DeliveryToStore): Promise<number> {
  const headers = Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => {
      const value = delivery.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  const keptBody =
    delivery.body === null
      ? new Uint8Array()
      : delivery.verdict === "rejected"
        ? delivery.body.subarray(0, REJECTED_BODY_KEPT_BYTES)
        : delivery.body;
  const { summary } = delivery;
  const [stored] = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
    INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, incident_pagerduty_id,
      occurred_at, body, byte_size, headers, subscription, status_code, verdict, verdict_reason,
      applied_at, replayed_from)
    VALUES (${delivery.headers.get("x-webhook-id")}, ${summary.eventId}, ${summary.eventType},
      ${summary.incidentPagerdutyId}, ${summary.occurredAt}, ${Buffer.from(keptBody)},
      ${delivery.byteSize}, ${JSON.stringify(headers)}::jsonb, ${delivery.subscription},
      ${delivery.statusCode}, ${delivery.verdict}::webhook_verdict, ${delivery.reason},
      ${delivery.verdict === "pending" ? null : new Date()}, ${delivery.replayedFrom ?? null})
    RETURNING id`);
  if (!stored) throw new Error("the delivery was not stored");
  return stored.id;
}

import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma, type WebhookVerdict } from "@/prisma/generated/client/client";
import { mapDeliveryBody } from "./apply-webhook-delivery";
import { type EventSummary, NO_SUMMARY } from "./map-webhook-event";
import { storeDelivery } from "./store-webhook-delivery";
import { verifySignature, type WebhookSecret } from "./verify-signature";
import { markSecretUsed } from "./webhook-secrets";

/** PagerDuty's own bodies are a few KB; anything over this is refused before it is read. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export interface IncomingWebhook {
  headers: { get(name: string): string | null };
  /** The raw bytes; null when the body was refused unread (over the size limit). */
  body: Uint8Array | null;
  byteSize: number;
  /** The subscription named in the URL (/api/webhooks/pagerduty/<subscription>), if any. */
  subscription: string | null;
}

export interface WebhookReceipt {
  status: number;
  body: Record<string, unknown>;
  deliveryId: number | null;
  verdict: WebhookVerdict;
  reason: string | null;
  eventType: string | null;
  /** The delivery is stored and waits for the applier. */
  isPendingApply: boolean;
}

const isJsonContentType = (value: string | null) =>
  value !== null && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(value.trim());

/**
 * The receiving half of the webhook endpoint, free of HTTP framework: checks size, content type,
 * signature and shape, then stores the delivery (the delivery log) and answers. Applying is left
 * to the applier, so PagerDuty gets its 2xx within milliseconds. A refused request is logged as
 * rejected with its reason and changes nothing; a delivery whose events were all applied before
 * is logged as a duplicate and answered 200. A failure to store throws: answer 5xx so PagerDuty
 * retries.
 */
export async function receiveWebhook(
  db: PrismaClient,
  incoming: IncomingWebhook,
  secrets: readonly WebhookSecret[],
): Promise<WebhookReceipt> {
  const refuse = async (
    status: number,
    reason: string,
    summary: EventSummary = NO_SUMMARY,
  ): Promise<WebhookReceipt> => {
    let deliveryId: number | null = null;
    try {
      deliveryId = await storeDelivery(db, {
        headers: incoming.headers,
        body: incoming.body,
        byteSize: incoming.byteSize,
        summary,
        verdict: "rejected",
        reason,
        statusCode: status,
        subscription: incoming.subscription,
      });
    } catch (error) {
      console.error("webhook: could not log a refused delivery", error);
    }
    return {
      status,
      body: { error: { code: "rejected", message: reason } },
      deliveryId,
      verdict: "rejected",
      reason,
      eventType: summary.eventType,
      isPendingApply: false,
    };
  };

  if (incoming.body === null || incoming.byteSize > MAX_WEBHOOK_BODY_BYTES) {
    return refuse(
      413,
      `the body is ${incoming.byteSize} bytes; PagerDuty webhooks are at most ${MAX_WEBHOOK_BODY_BYTES} bytes (1 MiB)`,
    );
  }
  const contentType = incoming.headers.get("content-type");
  if (!isJsonContentType(contentType)) {
    return refuse(
      415,
      `Content-Type must be application/json (got ${contentType === null ? "none" : JSON.stringify(contentType)})`,
    );
  }
  const signature = verifySignature(
    incoming.body,
    incoming.headers.get("x-pagerduty-signature"),
    secrets,
  );
  if (!signature.ok) return refuse(401, signature.reason);
  await markSecretUsed(db, signature.secret);
  const subscription = incoming.subscription ?? signature.secret.label;

  const mapped = mapDeliveryBody(incoming.body, incoming.headers.get("x-webhook-id"));
  if (!mapped.ok) return refuse(mapped.status, mapped.reason);
  const { events, summary } = mapped;

  const store = (verdict: WebhookVerdict, reason: string | null, statusCode: number) =>
    storeDelivery(db, {
      headers: incoming.headers,
      body: incoming.body,
      byteSize: incoming.byteSize,
      summary,
      verdict,
      reason,
      statusCode,
      subscription,
    });
  const answer = (
    status: number,
    deliveryId: number,
    verdict: WebhookVerdict,
    reason: string | null,
  ): WebhookReceipt => ({
    status,
    body: { deliveryId, verdict, ...(reason ? { reason } : {}) },
    deliveryId,
    verdict,
    reason,
    eventType: summary.eventType,
    isPendingApply: verdict === "pending",
  });

  if (summary.eventType === "pagey.ping") {
    const reason = "pagey.ping: PagerDuty's test; nothing to apply";
    return answer(200, await store("ignored", reason, 200), "ignored", reason);
  }
  const eventIds = events.flatMap((event) =>
    event.outcome === "apply" ? [event.facts.eventId] : [],
  );
  if (eventIds.length > 0 && eventIds.length === events.length) {
    const [seen] = await db.$queryRaw<{ count: number; deliveryId: number | null }[]>(Prisma.sql`
      SELECT count(*)::int AS count, min(delivery_id) AS "deliveryId"
      FROM applied_webhook_events WHERE event_id = ANY(${eventIds}::text[])`);
    if (seen && seen.count === eventIds.length) {
      const reason = `already applied from delivery ${seen.deliveryId} (PagerDuty retried or replayed it)`;
      return answer(200, await store("duplicate", reason, 200), "duplicate", reason);
    }
  }
  return answer(202, await store("pending", null, 202), "pending", null);
}

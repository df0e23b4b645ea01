import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { WebhookVerdict } from "@/prisma/generated/client/client";
import { mapDeliveryBody } from "./apply-webhook-delivery";
import { deliveryGroupCommitFor } from "./group-commit-deliveries";
import { type EventSummary, NO_SUMMARY } from "./map-webhook-event";
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
 * retries. Rows are written through the group commit: deliveries arriving together share one
 * INSERT, and each is answered once its row committed.
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
      ({ id: deliveryId } = await deliveryGroupCommitFor(db).store({
        headers: incoming.headers,
        body: incoming.body,
        byteSize: incoming.byteSize,
        summary,
        verdict: "rejected",
        reason,
        statusCode: status,
        subscription: incoming.subscription,
      }));
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

  const store = (
    verdict: WebhookVerdict,
    reason: string | null,
    statusCode: number,
    eventIds?: string[],
  ) =>
    deliveryGroupCommitFor(db).store({
      headers: incoming.headers,
      body: incoming.body,
      byteSize: incoming.byteSize,
      summary,
      verdict,
      reason,
      statusCode,
      subscription,
      ...(eventIds ? { eventIds } : {}),
    });
  const answer = (stored: {
    id: number;
    verdict: WebhookVerdict;
    reason: string | null;
    statusCode: number;
  }): WebhookReceipt => ({
    status: stored.statusCode,
    body: {
      deliveryId: stored.id,
      verdict: stored.verdict,
      ...(stored.reason ? { reason: stored.reason } : {}),
    },
    deliveryId: stored.id,
    verdict: stored.verdict,
    reason: stored.reason,
    eventType: summary.eventType,
    isPendingApply: stored.verdict === "pending",
  });

  if (summary.eventType === "pagey.ping") {
    return answer(await store("ignored", "pagey.ping: PagerDuty's test; nothing to apply", 200));
  }
  const eventIds = events.flatMap((event) =>
    event.outcome === "apply" ? [event.facts.eventId] : [],
  );
  // Every event applied before: stored as a duplicate and answered 200 (decided in the write).
  const isDuplicateCandidate = eventIds.length > 0 && eventIds.length === events.length;
  return answer(await store("pending", null, 202, isDuplicateCandidate ? eventIds : undefined));
}

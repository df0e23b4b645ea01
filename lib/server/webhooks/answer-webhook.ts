import {
  type IncomingWebhook,
  receiveWebhook,
} from "@/importers/pagerduty/webhooks/receive-webhook";
import { loadCachedWebhookSecrets } from "@/importers/pagerduty/webhooks/webhook-secrets";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { readEnvironment } from "@/lib/server/env";

/** What the webhook endpoint answers, whichever HTTP server carries it. */
export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** The delivery is stored and waits for the applier: kick it once the answer is sent. */
  isPendingApply: boolean;
}

// A webhook answer is a few dozen bytes: `no-transform` keeps Next from gzipping it, which
// cost more CPU than anything else on the answer path (a zlib stream per response).
const ANSWER_HEADERS = { "cache-control": "no-store, no-transform" };

/** The label of /api/webhooks/pagerduty/<subscription>. */
export const WEBHOOK_SUBSCRIPTION_LABEL = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The answer to a subscription label that cannot exist. */
export function unknownSubscriptionAnswer(subscription: string): WebhookAnswer {
  return {
    status: 404,
    body: {
      error: {
        code: "not_found",
        message: `No webhook subscription "${subscription}": labels are lower-case letters, digits and dashes.`,
      },
    },
    headers: ANSWER_HEADERS,
    isPendingApply: false,
  };
}

/**
 * POST /api/webhooks/pagerduty[/<subscription>] without the HTTP server: verifies and stores the
 * delivery and says what to answer. A failure to store answers 503 so PagerDuty retries.
 */
export async function answerWebhook(
  db: PrismaClient,
  incoming: IncomingWebhook,
): Promise<WebhookAnswer> {
  try {
    const secrets = await loadCachedWebhookSecrets(
      db,
      incoming.subscription,
      readEnvironment().PAGERDUTY_WEBHOOK_SECRETS,
    );
    const receipt = await receiveWebhook(db, incoming, secrets);
    const line = `webhook ${receipt.status} delivery ${receipt.deliveryId ?? "-"} ${receipt.eventType ?? "-"} ${receipt.verdict}${receipt.reason ? `: ${receipt.reason}` : ""}`;
    if (receipt.status >= 400) console.warn(line);
    else console.info(line);
    return {
      status: receipt.status,
      body: receipt.body,
      headers: ANSWER_HEADERS,
      isPendingApply: receipt.isPendingApply,
    };
  } catch (error) {
    console.error("webhook 503: the delivery could not be stored; PagerDuty will retry", error);
    return {
      status: 503,
      body: {
        error: { code: "unavailable", message: "The delivery could not be stored; retry later." },
      },
      headers: { ...ANSWER_HEADERS, "retry-after": "5" },
      isPendingApply: false,
    };
  }
}

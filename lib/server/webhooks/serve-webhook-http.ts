import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_WEBHOOK_BODY_BYTES } from "@/importers/pagerduty/webhooks/receive-webhook";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import {
  answerWebhook,
  unknownSubscriptionAnswer,
  WEBHOOK_SUBSCRIPTION_LABEL,
  type WebhookAnswer,
} from "./answer-webhook";
import { kickWebhookApplier } from "./webhook-applier";

const WEBHOOK_PATH = /^\/api\/webhooks\/pagerduty(?:\/([^/?#]+))?(?:\?.*)?$/;

/**
 * The webhook a request delivers, if it is one: a POST to /api/webhooks/pagerduty or
 * /api/webhooks/pagerduty/<subscription>. Anything else (another method, a trailing slash) is
 * left to Next, which answers it as before.
 */
export function matchWebhookRequest(
  method: string | undefined,
  url: string | undefined,
): { subscription: string | null } | null {
  if (method !== "POST" || url === undefined) return null;
  const match = WEBHOOK_PATH.exec(url);
  if (!match) return null;
  const subscription = match[1];
  return { subscription: subscription === undefined ? null : decodeLabel(subscription) };
}

function decodeLabel(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Answers a webhook delivery on Node's own request and response, outside Next's request
 * pipeline (which costs more CPU per request than verifying and storing the delivery), then kicks
 * the applier. Same answers as the Next route (lib/server/webhooks/handle-webhook-request.ts).
 */
export async function serveWebhookHttp(
  db: PrismaClient,
  request: IncomingMessage,
  response: ServerResponse,
  subscription: string | null,
): Promise<void> {
  let answer: WebhookAnswer;
  if (subscription !== null && !WEBHOOK_SUBSCRIPTION_LABEL.test(subscription)) {
    answer = unknownSubscriptionAnswer(subscription);
  } else {
    const { body, byteSize } = await readLimitedBody(request, MAX_WEBHOOK_BODY_BYTES);
    answer = await answerWebhook(db, {
      headers: { get: (name) => headerValue(request, name) },
      body,
      byteSize,
      subscription,
    });
    // The rest of a body over the limit is not read: the connection is closed after the answer.
    if (body === null) response.shouldKeepAlive = false;
  }
  const json = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...answer.headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  response.end(json);
  if (answer.isPendingApply) response.once("finish", () => void kickWebhookApplier(db));
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The body's bytes, or null once it passes the limit (the rest is not read). */
function readLimitedBody(
  request: IncomingMessage,
  limit: number,
): Promise<{ body: Buffer | null; byteSize: number }> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ body: null, byteSize: declared });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let byteSize = 0;
    const onData = (chunk: Buffer) => {
      byteSize += chunk.byteLength;
      if (byteSize > limit) {
        request.off("data", onData);
        request.pause();
        resolve({ body: null, byteSize });
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve({ body: Buffer.concat(chunks), byteSize }));
    request.once("error", reject);
  });
}

import "server-only";
import { after } from "next/server";
import {
  MAX_WEBHOOK_BODY_BYTES,
  receiveWebhook,
} from "@/importers/pagerduty/webhooks/receive-webhook";
import { loadCachedWebhookSecrets } from "@/importers/pagerduty/webhooks/webhook-secrets";
import { getDb } from "@/lib/server/db";
import { readEnvironment } from "@/lib/server/env";
import { kickWebhookApplier } from "./webhook-applier";

// A webhook answer is a few dozen bytes: `no-transform` keeps Next from gzipping it, which
// cost more CPU than anything else on the answer path (a zlib stream per response).
const ANSWER_HEADERS = { "cache-control": "no-store, no-transform" };

/** The body's bytes, or null once it passes the limit (the rest is not read). */
async function readLimitedBody(
  request: Request,
  limit: number,
): Promise<{ body: Uint8Array | null; byteSize: number }> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel();
    return { body: null, byteSize: declared };
  }
  if (!request.body) return { body: new Uint8Array(), byteSize: 0 };
  const chunks: Uint8Array[] = [];
  let byteSize = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    byteSize += value.byteLength;
    if (byteSize > limit) {
      await reader.cancel();
      return { body: null, byteSize };
    }
    chunks.push(value);
  }
  return { body: Buffer.concat(chunks), byteSize };
}

/**
 * POST /api/webhooks/pagerduty[/<subscription>]: stores the delivery, answers, and applies it
 * after the response. A failure to store answers 503 so PagerDuty retries.
 */
export async function handleWebhookRequest(
  request: Request,
  subscription: string | null,
): Promise<Response> {
  const db = getDb();
  const { body, byteSize } = await readLimitedBody(request, MAX_WEBHOOK_BODY_BYTES);
  try {
    const secrets = await loadCachedWebhookSecrets(
      db,
      subscription,
      readEnvironment().PAGERDUTY_WEBHOOK_SECRETS,
    );
    const receipt = await receiveWebhook(
      db,
      { headers: request.headers, body, byteSize, subscription },
      secrets,
    );
    const line = `webhook ${receipt.status} delivery ${receipt.deliveryId ?? "-"} ${receipt.eventType ?? "-"} ${receipt.verdict}${receipt.reason ? `: ${receipt.reason}` : ""}`;
    if (receipt.status >= 400) console.warn(line);
    else console.info(line);
    if (receipt.isPendingApply) after(() => kickWebhookApplier(db));
    return Response.json(receipt.body, { status: receipt.status, headers: ANSWER_HEADERS });
  } catch (error) {
    console.error("webhook 503: the delivery could not be stored; PagerDuty will retry", error);
    return Response.json(
      {
        error: {
          code: "unavailable",
          message: "The delivery could not be stored; retry later.",
        },
      },
      { status: 503, headers: { ...ANSWER_HEADERS, "retry-after": "5" } },
    );
  }
}

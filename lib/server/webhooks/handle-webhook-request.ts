import "server-only";
import { after } from "next/server";
import { MAX_WEBHOOK_BODY_BYTES } from "@/importers/pagerduty/webhooks/receive-webhook";
import { getDb } from "@/lib/server/db";
import { answerWebhook } from "./answer-webhook";
import { kickWebhookApplier } from "./webhook-applier";

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
 * POST /api/webhooks/pagerduty[/<subscription>] in Next (development, and any server without
 * the production fast path): stores the delivery, answers, and applies it after the response.
 */
export async function handleWebhookRequest(
  request: Request,
  subscription: string | null,
): Promise<Response> {
  const db = getDb();
  const { body, byteSize } = await readLimitedBody(request, MAX_WEBHOOK_BODY_BYTES);
  const answer = await answerWebhook(db, {
    headers: request.headers,
    body,
    byteSize,
    subscription,
  });
  if (answer.isPendingApply) after(() => kickWebhookApplier(db));
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

import { getDb } from "@/lib/server/db";
import { parseQuery, withApiErrors } from "@/lib/server/http/api-error";
import { listWebhookDeliveries } from "@/lib/server/queries/list-webhook-deliveries";
import { listWebhookEventTypes } from "@/lib/server/queries/list-webhook-event-types";
import { webhookDeliveriesQuerySchema } from "@/lib/shared/webhook-requests";

export const dynamic = "force-dynamic";

/**
 * `GET /api/webhooks/deliveries?verdict=&eventType=&incident=&before=&limit=`: the webhook
 * delivery log, newest first, a page at a time (`before` = the previous page's `nextBefore`),
 * with every event type seen for the filter.
 */
export const GET = withApiErrors(async (request: Request) => {
  const query = parseQuery(webhookDeliveriesQuerySchema, request.url);
  const db = getDb();
  const [page, eventTypes] = await Promise.all([
    listWebhookDeliveries(db, query),
    listWebhookEventTypes(db),
  ]);
  return Response.json({ ...page, eventTypes });
});

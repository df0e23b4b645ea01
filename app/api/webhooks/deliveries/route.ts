import { requireDataAdmin } from "@/lib/server/access/authorize";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { listWebhookDeliveries } from "@/lib/server/queries/list-webhook-deliveries";
import { listWebhookEventTypes } from "@/lib/server/queries/list-webhook-event-types";
import { webhookDeliveriesQuerySchema } from "@/lib/shared/webhook-requests";

export const dynamic = "force-dynamic";

/**
 * `GET /api/webhooks/deliveries?verdict=&eventType=&incident=&before=&limit=` (admin): the webhook
 * delivery log, newest first, a page at a time (`before` = the previous page's `nextBefore`),
 * with every event type seen for the filter.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  requireDataAdmin(viewer);
  const query = parseQuery(webhookDeliveriesQuerySchema, request.url);
  const db = getDb();
  const [page, eventTypes] = await Promise.all([
    listWebhookDeliveries(db, query),
    listWebhookEventTypes(db),
  ]);
  return Response.json({ ...page, eventTypes });
});

import { getDb } from "@/lib/server/db";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { markNotificationsRead } from "@/lib/server/notifications/mark-notifications-read";
import { readJsonBody } from "@/lib/server/time-in-lieu/route-input";
import { markNotificationsReadSchema } from "@/lib/shared/time-in-lieu-api";

export const dynamic = "force-dynamic";

/**
 * `POST /api/notifications/read` `{ids?}`: marks these of the viewer's own notifications read
 * (all when ids is omitted) → `{unread}`. Other people's ids are skipped.
 */
export const POST = authorizedRoute(async (request, viewer) => {
  const { ids } = markNotificationsReadSchema.parse(await readJsonBody(request, { emptyAs: {} }));
  return Response.json(await markNotificationsRead(getDb(), viewer.userId, ids));
});

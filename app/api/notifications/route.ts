import { getDb } from "@/lib/server/db";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { listNotifications } from "@/lib/server/notifications/list-notifications";

export const dynamic = "force-dynamic";

/** `GET /api/notifications`: the viewer's own newest 50 and how many are unread. */
export const GET = authorizedRoute(async (_request, viewer) =>
  Response.json(await listNotifications(getDb(), viewer.userId)),
);

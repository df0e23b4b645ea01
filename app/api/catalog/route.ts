import { getDb } from "@/lib/server/db";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { listCatalog } from "@/lib/server/queries/list-catalog";
import { visibleTeamIds } from "@/lib/shared/access-policy";

export const dynamic = "force-dynamic";

/**
 * `GET /api/catalog`: the teams and services the dashboard's filters offer, as far as the viewer
 * may see them (an account without a team gets empty lists, not an error).
 */
export const GET = authorizedRoute(async (_request, viewer) =>
  Response.json(await listCatalog(getDb(), visibleTeamIds(viewer))),
);

import { authorizeReportScope } from "@/lib/server/access/authorize-report-scope";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { listIncidents } from "@/lib/server/queries/list-incidents";
import { incidentListQuerySchema } from "@/lib/shared/incident-requests";

export const dynamic = "force-dynamic";

/**
 * A page of incidents, newest first:
 * `GET /api/incidents?from=2026-07-01&to=2026-10-01&tz=UTC[&team&service&urgency][&status&source&q&page]`.
 * Same scope as `/api/metrics/incidents`, so `total` there is `count + excludedTests`.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const query = parseQuery(incidentListQuerySchema, request.url);
  const db = getDb();
  await authorizeReportScope(db, viewer, { team: query.team });
  return Response.json(await listIncidents(db, query));
});

import { getDb } from "@/lib/server/db";
import { parseQuery, withApiErrors } from "@/lib/server/http/api-error";
import { listIncidents } from "@/lib/server/queries/list-incidents";
import { incidentListQuerySchema } from "@/lib/shared/incident-requests";

export const dynamic = "force-dynamic";

/**
 * A page of incidents, newest first:
 * `GET /api/incidents?from=2026-07-01&to=2026-10-01&tz=UTC[&team&service&urgency][&status&source&q&page]`.
 * Same scope as `/api/metrics/incidents`, so `total` there is `count + excludedTests`.
 */
export const GET = withApiErrors(async (request: Request) => {
  const query = parseQuery(incidentListQuerySchema, request.url);
  return Response.json(await listIncidents(getDb(), query));
});

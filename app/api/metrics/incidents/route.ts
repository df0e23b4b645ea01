import { authorizeReportScope } from "@/lib/server/access/authorize-report-scope";
import { incidentMetricsResponse } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { reportQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

/**
 * Incident count, MTTD/MTTA/MTTR (n, median, p90, mean) and detection sources for a range:
 * `GET /api/metrics/incidents?from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm[&team&service&urgency]`.
 * Cheap (one SQL aggregate), for tiles; the per-person numbers are in /api/report.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const filters = parseQuery(reportQuerySchema, request.url);
  const db = getDb();
  await authorizeReportScope(db, viewer, { team: filters.team });
  return Response.json(await incidentMetricsResponse(db, filters));
});

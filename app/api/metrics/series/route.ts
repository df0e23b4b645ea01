import { authorizeReportScope } from "@/lib/server/access/authorize-report-scope";
import { incidentSeriesResponse } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { seriesQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

/**
 * Incident volume, MTTD/MTTA/MTTR and customer-first rate per month or quarter:
 * `GET /api/metrics/series?from=2025-07-01&to=2026-07-01&tz=Europe/Stockholm&interval=quarter`.
 * Every bucket the range touches is present; empty ones have count 0 and null durations.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const query = parseQuery(seriesQuerySchema, request.url);
  const db = getDb();
  await authorizeReportScope(db, viewer, { team: query.team });
  return Response.json(await incidentSeriesResponse(db, query));
});

import { incidentSeriesResponse } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { parseQuery, withApiErrors } from "@/lib/server/http/api-error";
import { seriesQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

/**
 * Incident volume, MTTD/MTTA/MTTR and customer-first rate per month or quarter:
 * `GET /api/metrics/series?from=2025-07-01&to=2026-07-01&tz=Europe/Stockholm&interval=quarter`.
 * Every bucket the range touches is present; empty ones have count 0 and null durations.
 */
export const GET = withApiErrors(async (request: Request) => {
  const query = parseQuery(seriesQuerySchema, request.url);
  return Response.json(await incidentSeriesResponse(getDb(), query));
});

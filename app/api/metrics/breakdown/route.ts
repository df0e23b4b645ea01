import { z } from "zod";
import { authorizeReportScope } from "@/lib/server/access/authorize-report-scope";
import { incidentBreakdownResponse } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { visibleTeamIds } from "@/lib/shared/access-policy";
import { reportQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

const breakdownQuerySchema = reportQuerySchema.and(
  z.object({ by: z.enum(["team", "service"], { error: "by must be team or service." }) }),
);

/**
 * The incident measures per team or per service, busiest first:
 * `GET /api/metrics/breakdown?by=team&from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm`.
 * An incident of two teams counts for each; incidents without one are the row with name null.
 * Rows of teams the viewer cannot see are left out.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const query = parseQuery(breakdownQuerySchema, request.url);
  const db = getDb();
  await authorizeReportScope(db, viewer, { team: query.team });
  return Response.json(
    await incidentBreakdownResponse(db, query, query.by, visibleTeamIds(viewer)),
  );
});

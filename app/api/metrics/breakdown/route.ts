import { z } from "zod";
import { incidentBreakdownResponse } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { parseQuery, withApiErrors } from "@/lib/server/http/api-error";
import { reportQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

const breakdownQuerySchema = reportQuerySchema.and(
  z.object({ by: z.enum(["team", "service"], { error: "by must be team or service." }) }),
);

/**
 * The incident measures per team or per service, busiest first:
 * `GET /api/metrics/breakdown?by=team&from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm`.
 * An incident of two teams counts for each; incidents without one are the row with name null.
 */
export const GET = withApiErrors(async (request: Request) => {
  const query = parseQuery(breakdownQuerySchema, request.url);
  return Response.json(await incidentBreakdownResponse(getDb(), query, query.by));
});

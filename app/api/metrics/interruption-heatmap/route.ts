import { authorizeReportScope } from "@/lib/server/access/authorize-report-scope";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getInterruptionHeatmap } from "@/lib/server/queries/get-interruption-heatmap";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { reportQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

/**
 * Interruptions by weekday × hour in each paged person's own zone, 7 × 24 cells with the band of
 * each hour; they add up to the report's interruptions for the same filters:
 * `GET /api/metrics/interruption-heatmap?from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm&team=Payments`.
 * `tz` only reads from/to; the cells are always in each person's zone.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const filters = parseQuery(reportQuerySchema, request.url);
  const db = getDb();
  await authorizeReportScope(db, viewer, { team: filters.team });
  return Response.json(await getInterruptionHeatmap(db, filters, await getMetricSettings(db)));
});
